"""A lost full stop before a capital a reading wrote in lower case (session 45; issue 12).

A faint column loses the stop between two sentences and garbles the capital after it:
"submit to arbitration llio same thing", "the cause Hie policy", "was tendered Ihe award".
The word readings read the garble in lower case ("llio" -> "the"), as a word inside one
sentence; the lost-stop reader (:mod:`repair.candidates.ocr_stops`) then sees
"arbitration the same" with no capital to start from.  The print's first letter is the
evidence those readings drop: a capital ("I", "H"), or an "l" the learned channel reads
as a capital likelier than as the reading's lower-case letter ("l" -> "T" costs 1.9
nats, "l" -> "t" 3.5).  Here the stop and the capital are read together: after a
reading from such a print to a lower-case sentence opener (a common word the period
table writes in lower case inside a sentence: "the", "to", "several"), after a
lower-case word that may end a sentence and a space (no mark), the gap takes a stop and
the reading its capital when the language model's preference for two sentences on both
sides (the gap's ``</s>`` and ``<s>`` against one sentence) plus the print's capital
evidence (:func:`capital_nats`) reaches :data:`MARGIN`.  A casing repair ("In" -> "in":
the print's own letters) is left to :mod:`repair.candidates.ocr_case`: the pages that
print "In" inside sentences print it so after lost stops no more often (SMH dev: 1 stop
in about 40 such places).

Runs in the stop pass (:mod:`repair.candidates.ocr_stoppass`) on the corrected text of
the pages where that pass runs (heavily garbled pages and newspaper columns, not verse);
one look at each reading.

>>> [round(capital_nats(p, r), 2) for p, r in (("lho", "the"), ("Ihe", "the"), ("lound", "found"))]
[1.57, 4.47, 0.0]
>>> capital_nats("In", "in"), capital_nats("0nly", "only"), capital_nats("Avhich", "which")
(0.0, 0.0, 0.0)
"""

from __future__ import annotations

from repair.types import Candidate, Token

#: On/off (hook in :func:`repair.candidates.ocr_stoppass.stop_pass`).  On: SMH dev 4,345 ->
#: 4,336 tokens / 7,052 -> 7,044 chars (dev-a -2 / -1, dev-b -7 / -7; 8 articles change, 7
#: improve: "arbitration llio same" -> ". The same", "meetings Io colobratu" -> ". To
#: celebrate"; one loses: "before they came lhere was" -> ". There"); SMH test 5,361 ->
#: 5,357 / 8,695 -> 8,691 (the other session 45 readers change nothing there); light suite,
#: clean gate, audit (200 broken; 201 before figures gave no capital evidence: "edge 0nly"),
#: ICDAR gold + noise as main (RESULTS, "Session 45, ocrpunct45";
#: ``python benchmarks/smh_eval.py``).  The lead's merge: a capital that is half a glyph
#: pair the channel reads as the lower-case letter ("Avhich" -> "which") is no capital
#: evidence (``tests/test_ocr_probe.py``'s "the hate Avhich was" got a stop); SMH dev and
#: test unchanged by it.
CAP_STOP = True
#: ln P(two sentences) - ln P(one sentence) + the print's capital evidence must reach
#: this (nats).  SMH dev, the stops it lets through (right / wrong, by the gold): 0.5 ->
#: 5 / 0, 0.0 -> 7 / 1, -0.5 -> 7 / 4, -2 -> dev +4 tokens against main.
MARGIN = 0.0
#: The capital evidence of a print that starts with a capital the reading changed ("Hie"
#: -> "the"; nats).
CAPITAL_NATS = 1.5
#: The words after the gap the model reads (a fragment says nothing of a sentence).
MIN_AFTER = 3


def capital_nats(printed: str, reading: str) -> float:
    """How much likelier the print's first letter is the reading's first letter in
    capitals than in lower case (nats; 0 when the print says nothing or starts with a
    figure): the learned channel's cost difference where it has both rows, else
    :data:`CAPITAL_NATS` for a capital print."""
    if len(printed) < 2 or not reading or printed.lower() == reading:
        return 0.0
    if not printed[0].isalpha():
        return 0.0  # a figure ("0nly"): modern OCR's "0" for "o" (the audit's "edge. Only")
    from repair.score.ocr_channel import confusions

    pair = dict(confusions().get(printed[:2], ()))
    for m in (1, 2):
        low = reading[:m]
        if low in pair and pair[low] <= pair.get(capitalised(low), float("inf")):
            return 0.0  # the capital is half a glyph pair read in lower case ("Av" -> "w")
    p, r = printed[0], reading[0]
    rows = dict(confusions().get(p, ()))
    if p != r and r.upper() in rows and r in rows:
        return max(0.0, rows[r] - rows[r.upper()])
    return CAPITAL_NATS if p.isupper() else 0.0


def _opener(low: str) -> bool:
    """A common word (Zipf at least ``ocr_stops.MIN_ZIPF``) written in lower case inside
    a sentence (the lost-stop reader's test, casing-repair words included)."""
    from repair.candidates.ocr_stops import CASED, MAX_CAPITAL_SHARE, MIN_COUNT, MIN_ZIPF
    from repair.resources.frequency import zipf
    from repair.score.ngrams import get_ngrams

    if low in CASED:
        return True
    if zipf(low) < MIN_ZIPF:
        return False
    table = get_ngrams()
    share = table.capital_share(low)
    return share is not None and share < MAX_CAPITAL_SHARE and table.count(low) >= MIN_COUNT


def cap_stop_candidates(
    toks: list[Token], readings: list[tuple[int, int, str]]
) -> list[tuple[int, Candidate]]:
    """Stops to insert on the corrected text ``toks``, each with the index of the reading
    whose capital comes back; ``readings``: (start, end, print) of each reading on the
    corrected text, sorted."""
    if not CAP_STOP or not readings:
        return []
    from repair.candidates.ocr_stops import _sentence_end, _words, break_gain, stop_candidate
    from repair.resources.lm import get_lm

    at = {t.start: i for i, t in enumerate(toks)}
    lm = get_lm()
    out: list[tuple[int, Candidate]] = []
    for k, (a, b, printed) in enumerate(readings):
        i = at.get(a)
        if i is None or i < 2 or toks[i].end != b or toks[i].kind != "word":
            continue
        word = toks[i].text
        if not (word.isalpha() and word.islower()):
            continue
        nats = capital_nats(printed.strip(), word)
        if nats <= 0.0 or not _opener(word):
            continue
        gap, w1 = toks[i - 1], toks[i - 2]
        if gap.kind != "space" or "\n\n" in gap.text or gap.text.count("\n") > 1:
            continue
        if k > 0 and readings[k - 1][1] > gap.start:
            continue  # the gap lies in a reading
        if w1.kind != "word" or not w1.text.islower() or not _sentence_end(w1.text, ()):
            continue
        prev = _words(toks, i - 2, -1, 2)
        after = _words(toks, i, 1, MIN_AFTER)
        if len(after) < MIN_AFTER or len(prev) < 2:
            continue
        gain = break_gain(lm, prev, after)
        if gain + nats < MARGIN:
            continue
        found = stop_candidate(gap, "cap_stop", gain, capital_nats=round(nats, 2))
        out.append((k, found))
    return out


def capitalised(word: str) -> str:
    """``word`` with its first letter in capitals.

    >>> capitalised("the")
    'The'
    """
    return word[:1].upper() + word[1:]
