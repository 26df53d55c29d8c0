"""A full stop printed as a comma (session 44, ocrpunct44; issue 12).

A stop whose dot prints with a speck below it reads as a comma.  Two places show it
from English structure alone, whatever the page:

* **after a title or an initial before a name** (:data:`TITLE_COMMA`): "Mrs, Darragh",
  "Messrs, Addison and Buchanan", "(Mr, Book)", "Captain J. E, Butcher", "Mr. N, Cherry
  Willis".  English never separates a title from its name by a comma.  Read: a comma
  glued to an abbreviated title (:data:`repair.candidates.ocr_stops.TITLES` and the
  ranks and given names of :mod:`repair.candidates.ocr_abbrev` that are no English word:
  "Mr", "Messrs", "Geo"; not "Captain", "Judge", "Justice", which end a phrase: "the
  Chief Justice, Sir Frederick"), or to a single capital letter that follows an initial
  with its stop or such a title ("J. E,", "Mr. N,"), with one space and a capitalised
  word after it.
* **before a sentence opener** (:data:`OPENER_COMMA`): "pleaded not guilty, The case is
  part heard", "destroyed the plane, The plane crashed".  A comma before "The", "It",
  "He" written with its capital and a lower-case word after it: the word is one the
  period table writes in lower case inside a sentence (the lost-stop reader's opener
  test, :func:`repair.candidates.ocr_stops._opener`), the word before the comma may end
  a sentence (:func:`repair.candidates.ocr_stops._sentence_end`) and the language model
  prefers two sentences by :data:`OPENER_MARGIN` nats.

Runs in the stop pass (:mod:`repair.candidates.ocr_stoppass`) on the corrected text of
the pages where that pass runs (heavily garbled pages and newspaper columns, not verse),
one linear scan of the tokens.

>>> from repair.tokenize import tokenize
>>> page = "advised Mrs, Darragh to go. Captain J. E, Butcher came. The Chief Justice, Sir John"
>>> [(page[c.start - 2 : c.end], c.replacement) for c in comma_stop_candidates(tokenize(page))]
[('rs,', '.'), (' E,', '.')]
"""

from __future__ import annotations

from functools import lru_cache

from repair.types import Candidate, Token

#: On/off (hook in :func:`repair.candidates.ocr_stoppass._stops`): after a title or an
#: initial.  On: SMH dev -5 tokens / -5 chars (dev-a -2 / -2, dev-b -3 / -3; 7 commas
#: read, one of them "Mr, Wm." where the gold keeps the print's comma); SMH test with the
#: other session 44 readers 5,438 -> 5,425 tokens; the OCR guards as main (RESULTS,
#: "Session 44, ocrpunct44"; ``python /tmp/ocrpunct44/dump.py`` ablations).
TITLE_COMMA = True
#: On/off: before a sentence opener.  Session 44 shipped it off (SMH dev-a -1 / -1, "pleaded
#: not guilty, The case"; ICDAR gold with synthetic noise +1 broken: verse, "them likea man,
#: Sometimes an ox").  On since session 45 behind :data:`VERSE_NEAR`: SMH dev -1 / -1 (dev-a
#: -1 / -1, dev-b level), ICDAR gold + noise 119 broken as main, the other guards as main
#: (RESULTS, "Session 45, ocrpunct45").
OPENER_COMMA = True
#: ln P(two sentences) - ln P(one sentence) an opener comma needs (nats).
OPENER_MARGIN = 0.0
#: No opener comma in verse (:func:`_verse_near`): another capitalised opener after a comma
#: or a lower-case word within :data:`VERSE_WINDOW` tokens ("like a man, Sometimes an ox,
#: sometimes a hound, And to a horse": a poem quoted in a book page, run into one line),
#: or a comma at a line's end between lines that open with capitals (a poem set in
#: lines).  Session 45 (ocrpunct45): the stop pass's page test (``verse_like``) let the
#: quoted poem through.  SMH dev with :data:`OPENER_COMMA` on: the same with it off (no
#: newspaper comma refused).
VERSE_NEAR = True
#: Tokens read each way from the comma for :data:`VERSE_NEAR`.
VERSE_WINDOW = 60
#: Lines read each way; all of them must open with a capital.
VERSE_LINES = 2
#: Confidence of the reading.
CONFIDENCE = 0.7


#: Abbreviations that also end a place's name ("Pitt St, Sydney", "Kosciusko Mt, ...").
NAME_ENDS = frozenset({"St", "Mt"})
#: A title the period table writes in lower case more often than this share of the time
#: is an English word that may end a phrase ("the Chief Justice, Sir", "Captain, the").
TITLE_MIN_CAPITAL = 0.9


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Titles, ranks and abbreviated given names no comma may follow before a name:
    those the period table never or nearly never writes in lower case ("Mr", "Mrs",
    "Miss", "Messrs", "Pte", "Geo"; not "Captain", "Sir", "Judge")."""
    from repair.candidates.ocr_abbrev import ABBREVIATIONS
    from repair.candidates.ocr_stops import TITLES
    from repair.score.ngrams import get_ngrams

    table = get_ngrams()
    out = set()
    for w in TITLES | ABBREVIATIONS:
        share = table.capital_share(w.lower())
        if w not in NAME_ENDS and (share is None or share >= TITLE_MIN_CAPITAL):
            out.add(w)
    return frozenset(out)


def _word_before(toks: list[Token], i: int) -> int | None:
    """The index of the word before token ``i`` across one space, or ``None``."""
    j = i - 1
    if j >= 0 and toks[j].kind == "space" and "\n\n" not in toks[j].text:
        j -= 1
    return j if j >= 0 and toks[j].kind == "word" else None


def _initial_or_title(toks: list[Token], w: int) -> bool:
    """Whether word ``w`` is a title (with or without its stop) or an initial with its
    stop ("J.", "Mr.", "Mr") -- what a name's middle initial follows."""
    text = toks[w].text
    if text in _titles():
        return True
    stop = w + 1 < len(toks) and toks[w + 1].text == "." and toks[w + 1].start == toks[w].end
    return stop and len(text) == 1 and text.isupper()


def _title_comma(toks: list[Token], i: int) -> bool:
    """Whether the comma ``toks[i]`` stands for a title's or an initial's stop."""
    w = toks[i - 1]
    if w.kind != "word" or w.end != toks[i].start:
        return False
    if w.text in _titles():
        return True
    if len(w.text) != 1 or not w.text.isupper() or w.text in "IA":
        return False
    j = i - 2
    if j >= 0 and toks[j].kind == "space" and "\n\n" not in toks[j].text:
        j -= 1
    if j >= 0 and toks[j].text == ".":
        j -= 1  # the stop of the initial or title before
    return j >= 0 and toks[j].kind == "word" and _initial_or_title(toks, j)


def _opener_comma(toks: list[Token], i: int) -> bool:
    """Whether the comma ``toks[i]`` ends a sentence before an opener (module doc)."""
    from repair.candidates.ocr_stops import _opener, _sentence_end, _words, break_gain
    from repair.resources.lm import get_lm
    from repair.score.ngrams import get_ngrams

    w1, nxt = toks[i - 1], toks[i + 2]
    b = nxt.text
    if w1.kind != "word" or w1.end != toks[i].start or nxt.kind != "word":
        return False
    if len(b) < 2 or not (b[0].isupper() and b[1:].islower()):
        return False
    if not _opener(b.lower(), get_ngrams()) or not _sentence_end(w1.text, ()):
        return False
    k = i + 3
    if k < len(toks) and toks[k].kind == "space":
        k += 1
    if k >= len(toks) or toks[k].kind != "word" or not toks[k].text.islower():
        return False
    prev = _words(toks, i - 1, -1, 2)
    after = _words(toks, i + 2, 1, 3)
    if len(prev) < 2 or len(after) < 3:
        return False
    return break_gain(get_lm(), prev, after) >= OPENER_MARGIN


def _capital_opener(toks: list[Token], j: int) -> bool:
    """Whether word ``j`` is a capitalised sentence opener ("And", "Sometimes") after a
    comma or a lower-case word on the same line: verse's habit, not prose's."""
    from repair.candidates.ocr_case import _VERSE_OPENERS
    from repair.candidates.ocr_stops import _opener
    from repair.score.ngrams import get_ngrams

    b = toks[j].text
    if toks[j].kind != "word" or len(b) < 2 or not (b[0].isupper() and b[1:].islower()):
        return False
    if j < 2 or toks[j - 1].kind != "space" or "\n" in toks[j - 1].text:
        return False
    before = toks[j - 2]
    if not (before.text == "," or (before.kind == "word" and before.text.islower())):
        return False
    return b in _VERSE_OPENERS or _opener(b.lower(), get_ngrams())


def _line_starts_capital(text: str, at: int, step: int, n: int) -> bool:
    """Whether the ``n`` lines that end at offset ``at`` (``step`` -1) or start there (1)
    all exist and open with a capital letter."""
    lines = text[:at].split("\n")[-n:] if step < 0 else text[at:].split("\n")[:n]
    lines = [ln.strip() for ln in lines]
    return len(lines) == n and all(ln[:1].isupper() for ln in lines)


def _verse_near(toks: list[Token], i: int) -> bool:
    """Whether the comma ``toks[i]`` (before a capitalised opener) stands in verse
    (:data:`VERSE_NEAR`).

    >>> from repair.tokenize import tokenize
    >>> page = "them like a man, Sometimes an ox, sometimes a hound, And to a horse turn me."
    >>> toks = tokenize(page)
    >>> _verse_near(toks, [t.text for t in toks].index(","))
    True
    >>> toks = tokenize("He pleaded not guilty, The case is part heard and will go on.")
    >>> _verse_near(toks, [t.text for t in toks].index(","))
    False
    """
    if not VERSE_NEAR:
        return False
    lo, hi = max(2, i - VERSE_WINDOW), min(len(toks), i + VERSE_WINDOW)
    if any(_capital_opener(toks, j) for j in range(lo, hi) if j != i + 2):
        return True
    gap = toks[i + 1]
    if "\n" not in gap.text:
        return False
    text = "".join(t.text for t in toks[lo:hi])
    start, end = gap.start - toks[lo].start, gap.end - toks[lo].start
    before = _line_starts_capital(text, start, -1, VERSE_LINES)
    return before and _line_starts_capital(text, end, 1, VERSE_LINES)


def comma_stop_candidates(toks: list[Token]) -> list[Candidate]:
    """A stop for each comma that stands for one (module doc); ``[]`` when off."""
    if not (TITLE_COMMA or OPENER_COMMA):
        return []
    from repair.candidates.ocr_rules import cand

    out: list[Candidate] = []
    n = len(toks)
    for i in range(1, n - 2):
        t, gap = toks[i], toks[i + 1]
        if t.text != "," or gap.kind != "space" or "\n\n" in gap.text:
            continue
        after = toks[i + 2]
        if after.kind != "word" or not after.text[:1].isupper():
            continue
        if TITLE_COMMA and _title_comma(toks, i):
            finding = "title_comma"
        elif OPENER_COMMA and _opener_comma(toks, i) and not _verse_near(toks, i):
            finding = "opener_comma"
        else:
            continue
        out.append(cand(t.start, t.end, ".", "OCR_STRAY_MARK", finding=finding, fixed=CONFIDENCE))
    return out
