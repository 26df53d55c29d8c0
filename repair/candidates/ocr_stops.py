"""Full stops the OCR lost between two sentences: "costs The council" -> "costs. The".

Newspaper OCR drops small marks, and a full stop between two sentences is one of them
("the time The prisoner", "organs It relieves").  The stop is put back where two
independent signals agree:

* **capitalisation**: the word after the gap is capitalised although the period table
  (:mod:`repair.score.ngrams`) writes it in lower case inside a sentence (a capital
  share below :data:`MAX_CAPITAL_SHARE`) and it is a common word (Zipf at least
  :data:`MIN_ZIPF`): "The", "It", "He", "Some", "However" -- never a name;
* **the language model** on both sides: the words before the gap end a sentence and
  the words after it open one (``</s>``, ``<s>``) about as likely as, or likelier than,
  all of them as one sentence (:data:`MARGIN`).

Only in pages the garble gate opened and that are not verse set as prose
(:func:`repair.candidates.ocr_case.verse_like`): clean text and poems keep their
capitals.  Words the casing repair lowers ("In", "If", "Is") are left to it (unless
:func:`repair.candidates.ocr_break.cased_opener` finds a lost stop before one: then both
readers agree), and the
word before the gap must be one the model knows (a garbled "tho" says nothing about a
sentence end), not a title ("Mr"), an initial or a capitalised name the page repeats.

Tuned on the SMH dev half (``python benchmarks/smh_eval.py --split dev``).

>>> from repair.tokenize import tokenize
>>> toks = tokenize("He left the sea ahead It was Ardnamurchan Point where they stood.")
>>> [(c.start, c.replacement) for c in lost_stop_candidates(toks, frozenset())]
[(21, '. ')]
>>> lost_stop_candidates(tokenize("She went to read The Times in the garden."), frozenset())
[]
"""

from __future__ import annotations

from collections.abc import Container
from typing import TYPE_CHECKING

from repair.candidates.ocr_break import cased_opener
from repair.candidates.ocr_rules import cand
from repair.resources.frequency import zipf
from repair.resources.lm import get_lm
from repair.score.ocr_channel import is_known, single_confusions
from repair.types import Candidate, Token

if TYPE_CHECKING:
    from repair.score.ngrams import NgramTable

#: The word after the gap is written with a capital inside a sentence less often than
#: this share of the time in the period table ...
MAX_CAPITAL_SHARE = 0.1
#: ... which has seen it at least this often ...
MIN_COUNT = 20
#: ... and it is at least this common (Zipf): a sentence opener, not a name.
MIN_ZIPF = 5.0
#: ln P(two sentences) - ln P(one sentence) must reach this (nats).  SMH dev, capital
#: share < 0.1, before the other rules: -1.0 -> 40 lost stops for 10 false, -0.5 -> 30 / 5,
#: -0.25 -> 25 / 3, 0 -> 21 / 1 (a stop the gold lacks, a heading); in the pipeline,
#: token errors 0 -> 5,469, -0.25 -> 5,467, -0.5 -> 5,464.
MARGIN = -0.5
#: A capitalised non-word that one learned confusion this cheap (nats) reads as such a
#: word ("labour Ho was": "He") opens a sentence too; only short words (openers are).
GARBLED_OPENERS = True
OPENER_MAX_COST = 2.5
OPENER_MAX_LEN = 5
#: ... and the printed word itself is rarer than this (Zipf: "Ho" 4.2, "Tho" 4.4, "Wo" 3.7).
OPENER_KEEP_ZIPF = 4.5
#: Confidence of the repair.
CONFIDENCE = 0.7
#: The stop must close a sentence of at least this many words, counted back to the last
#: sentence end (a stop, "!" or "?" not after a title or an initial), a paragraph break
#: or the text's start; a shorter run is a heading set into its paragraph or on the line
#: above it ("20th century At the end of ...", "17th century\nDuring the ..."), where
#: no stop was ever printed (``0``: off).  Session 46 (ocrprec46), 5 against 0: OCR'd
#: modern text (``/work/wt/reports46/audit.py 300000``) 200 -> 183 broken, 28,166 fixed
#: both; SMH dev 4,329 / 7,040 both (two stops fewer, both wrong: a heading, a garbled
#: line); light suite, ICDAR, clean gate unchanged (benchmarks/RESULTS.md, "Session 46,
#: ocrprec46").
MIN_SENTENCE_WORDS = 5
#: A capitalised word after a gap inside a line that starts a title-case run of at least
#: this many more capitalised words ("present-day New York City", "centuries The Thirty
#: Years' War") opens a name or a title, not a sentence: no stop is read before it (``0``:
#: off; a gap at a line end keeps the reading: "defence\nThe Belgian Cabinet").  Session 48
#: (ocraudit48), 2 against 0: OCR'd modern text (``/work/wt/reports48/audit.py 300000``)
#: 144 -> 129 broken, 28,189 fixed both; SMH dev-a 1,926 / 3,135 and dev-b 2,379 / 3,874
#: both (without the line-end exception dev-b 2,380 / 3,875: "days\nThe Bulgarian
#: Government"); benchmarks/RESULTS.md, "Session 48, ocraudit48".
NAME_RUN_AFTER = 2
#: A gap at a line end inside a run of at least this many lines that each start with a
#: capital and end in a letter (a list: bug titles, menu entries, headings) is no lost stop:
#: a list prints none (``0``: off).  A newspaper column's lines wrap its sentences, so few
#: runs of 4 such lines meet there.  Session 49 (ocrtech49b), 4 against 0: census dev
#: (``benchmarks/ocr_clean_registers.py``) with ``detect.ocr.TECH_FILE_TAGS`` off 5 -> 0
#: lost stops on the bug list ``webtext/firefox#048`` (with it on, its gate shuts and
#: there is none to drop); SMH dev 4,304 / 7,004 -> 4,305 / 7,005 (with the page's longest
#: line for the width and no column rule, 4,313 / 7,014; at 8 lines 4,307 / 7,008): OFF.
LIST_LINES = 0
#: ... on a page whose 90th-percentile line is at least this long (not a narrow column).
LIST_MIN_WIDTH = 70
#: Words the casing repair (:mod:`repair.candidates.ocr_case`) lowers inside a sentence.
CASED = frozenset({"in", "is", "if", "into"})
#: Abbreviated titles and words a name follows ("Mr Cohen", "Captain Hugh").
TITLES = frozenset(
    "Mr Mrs Messrs Dr St Capt Captain Rev Hon Col Sir Lieut Sergt Sergeant Gen Miss Mt "
    "Ald Alderman Pte Ptes Sgt Cpl Detective Constable Judge Justice Inspector".split()
)
#: A word before the gap the language model cannot judge (a garbled "the").
_UNJUDGED = frozenset({"tho", "tbe", "thc"})


def lost_stop_candidates(
    toks: list[Token], names: Container[str], margin: float | None = None
) -> list[Candidate]:
    """Full stops to insert between two words of ``toks`` (see the module doc);
    ``names``: capitalised words the page repeats inside sentences (no sentence ends
    after them: "Mr. Moore Smith"); ``margin``: the bar in place of :data:`MARGIN`."""
    bar = MARGIN if margin is None else margin
    from repair.score.ngrams import get_ngrams

    table = get_ngrams()
    lm = get_lm()
    out: list[Candidate] = []
    lines: list[tuple[int, bool]] | None = None
    printed: set[str] | None = None  # the page's words (:data:`JOINED_OPENER`), when asked
    for i in range(len(toks) - 2):
        w1, gap, w2 = toks[i], toks[i + 1], toks[i + 2]
        if w2.kind != "word" or gap.kind != "space" or w1.kind != "word":
            continue
        if "\n\n" in gap.text or gap.text.count("\n") > 1:
            continue  # a paragraph break: no mark to lose
        nxt = w2.text
        if len(nxt) < 2 or not (nxt[0].isupper() and nxt[1:].islower()):
            continue
        low = nxt.lower()
        if low in CASED and cased_opener(toks, i + 2):
            pass  # "tho affair If the result": the casing repair keeps its capital too
        elif not _opener(low, table):
            low = _garbled_opener(nxt, table) if GARBLED_OPENERS else ""
            if not low or not _lower_word_after(toks, i + 2):  # not "named Ho Chi Minh"
                continue  # "labour Ho was": "He" is the word after the lost stop
        share = table.capital_share(low)
        if not _sentence_end(w1.text, names) or _title_run(toks, i):
            continue
        if JOINED_OPENER:
            joined = _joined_after(toks, i + 2)
            if joined and not _opener(joined.lower(), table):
                if printed is None:
                    printed = {t.text for t in toks if t.kind == "word"}
                if joined in printed:
                    continue  # "symbols of We stern military": "Western", no opener
        if NAME_RUN_AFTER and "\n" not in gap.text and _capital_run(toks, i + 2) >= NAME_RUN_AFTER:
            continue  # "present-day New York City": a name, not a sentence opening
        if LIST_LINES and "\n" in gap.text:
            if lines is None:
                lines = _list_lines(toks)
            if _in_list(lines, gap.start, LIST_LINES):
                continue  # a list of titles ends its lines without a stop
        if MIN_SENTENCE_WORDS and _short_sentence(toks, i, MIN_SENTENCE_WORDS):
            continue  # "20th century At the end": a heading, not a sentence
        prev = _words(toks, i, -1, 2)
        after = _words(toks, i + 2, 1, 3)
        after[:1] = [low]
        if len(after) < 3:
            continue  # a label or a fragment ("Follow us:"), not a sentence opening
        gain = break_gain(lm, prev, after)
        if gain < bar:
            continue
        out.append(stop_candidate(gap, "lost_stop", gain, capital_share=round(share, 3)))
    return out


#: Issue 12 (session 51): a capitalised word that makes, with the lower-case word after it
#: across one space, a known word the page prints elsewhere ("symbols of We stern
#: military": "Western") is judged as that word: when the joined word opens no sentence
#: (:func:`_opener`), no stop is read before it (the page join repairs the split, and the
#: stop the pronoun "We" suggested would stand before "Western").  "These", "Indeed",
#: "Today" still open a sentence.  The OCR'd modern text audit's dev half; measured in
#: ``benchmarks/RESULTS.md``, session 51, ocraudit.
JOINED_OPENER = True


def _joined_after(toks: list[Token], i: int) -> str:
    """Word ``i`` joined with the lower-case word one space after it on the same line when
    that makes a known word, else "".

    >>> from repair.tokenize import tokenize
    >>> toks = tokenize("of We stern military and The se men")
    >>> _joined_after(toks, 2), _joined_after(toks, 10), _joined_after(toks, 4)
    ('Western', 'These', '')
    """
    if i + 2 >= len(toks) or toks[i + 1].text != " ":
        return ""
    nxt = toks[i + 2]
    if nxt.kind != "word" or not nxt.text.isalpha() or not nxt.text.islower():
        return ""
    joined = toks[i].text + nxt.text
    return joined if is_known(joined) else ""


def _opener(low: str, table: NgramTable) -> bool:
    """Whether ``low`` is a common word written in lower case inside a sentence."""
    if low in CASED or zipf(low) < MIN_ZIPF:
        return False
    share = table.capital_share(low)
    return share is not None and share < MAX_CAPITAL_SHARE and table.count(low) >= MIN_COUNT


def _garbled_opener(word: str, table: NgramTable) -> str:
    """The opener a capitalised non-word reads as by one cheap learned confusion
    ("Ho" -> "he", "Tbe" -> "the"), lower-cased, or "" (the word's own reading is left
    to the other readers; here it only tells that a sentence may start)."""
    if zipf(word.lower()) >= OPENER_KEEP_ZIPF or len(word) > OPENER_MAX_LEN:
        return ""
    for c in single_confusions(word):
        if c.cost <= OPENER_MAX_COST and c.text[:1] == word[:1] and _opener(c.text.lower(), table):
            return c.text.lower()
    return ""


def _lower_word_after(toks: list[Token], i: int) -> bool:
    """Whether the token after word ``i`` (one space on) is a lower-case word."""
    j = i + 1
    if j < len(toks) and toks[j].kind == "space":
        j += 1
    return j < len(toks) and toks[j].kind == "word" and toks[j].text.islower()


def _sentence_end(word: str, names: Container[str]) -> bool:
    """Whether a sentence may end with ``word`` as far as the page can tell."""
    if len(word) < 2 or word.isupper() or word in TITLES or word.lower() in _UNJUDGED:
        return False  # an initial ("T. W Cohen"), a heading word, a title
    if word[:1].isupper() and word in names:
        return False
    return is_known(word)


def _list_lines(toks: list[Token]) -> list[tuple[int, bool]]:
    """The line ends of ``toks``: (source offset, whether the line was broken by hand: its
    next line's first word would have fit on it within the page's 90th-percentile line;
    :data:`LIST_LINES`)."""
    if not toks:
        return []
    base = toks[0].start
    lines = "".join(t.text for t in toks).split("\n")
    lengths = sorted(len(line.rstrip()) for line in lines)
    width = lengths[len(lengths) * 9 // 10]
    if width < LIST_MIN_WIDTH:
        return []  # a narrow column: its short lines end paragraphs
    out = []
    pos = 0
    for k, line in enumerate(lines[:-1]):
        body = line.rstrip()
        first = lines[k + 1].split(maxsplit=1)[:1]
        by_hand = bool(body.strip()) and bool(first) and len(body) + 1 + len(first[0]) <= width
        out.append((base + pos + len(line), by_hand))
        pos += len(line) + 1
    return out


def _in_list(lines: list[tuple[int, bool]], at: int, least: int) -> bool:
    """Whether the line end at source offset ``at`` (or just after it) is one of a run of
    at least ``least`` line ends broken by hand (a list).

    >>> from repair.tokenize import tokenize
    >>> page = "Crash on exit\\nBookmarks lost\\nMenu is slow\\nTabs do not close\\n"
    >>> toks = tokenize(page + "A very long title of a bug " * 3)
    >>> _in_list(_list_lines(toks), 13, 4), _in_list(_list_lines(toks), 13, 5)
    (True, False)
    """
    k = next((j for j, (end, _) in enumerate(lines) if end >= at), None)
    if k is None or not lines[k][1]:
        return False
    lo, hi = k, k
    while lo > 0 and lines[lo - 1][1]:
        lo -= 1
    while hi + 1 < len(lines) and lines[hi + 1][1]:
        hi += 1
    return hi - lo + 1 >= least


def _short_sentence(toks: list[Token], i: int, least: int) -> bool:
    """Whether fewer than ``least`` printed words ("17th", "present-day": one each) lead
    back from word ``i`` to the last sentence end, paragraph break or the start of
    ``toks`` (:data:`MIN_SENTENCE_WORDS`).

    >>> from repair.tokenize import tokenize
    >>> toks = tokenize("It rained. 17th to 19th centuries The end")
    >>> _short_sentence(toks, 13, 5), _short_sentence(tokenize("Mr. Smith went home today"), 9, 5)
    (True, False)
    """
    n = 0
    for j in range(i, -1, -1):
        t = toks[j]
        if t.kind in ("word", "number"):
            n += _word_start(toks, j)
            if n >= least:
                return False
        elif t.kind == "space":
            if "\n\n" in t.text:
                return True
        elif any(c in ".!?" for c in t.text) and not _abbreviation(toks, j):
            return True
    return True


def _word_start(toks: list[Token], j: int) -> bool:
    """Whether word or number ``j`` starts a printed word (not "th" of "17th", "day" of
    "present-day")."""
    if j == 0:
        return True
    p = toks[j - 1]
    return p.kind not in ("word", "number") and p.text not in ("-", "'", "’")


#: Issue 12 (session 51): a one-letter word is an initial ("J.") only when it is a printed
#: word of its own; the last letter of a word the garble cut at a digit ("of the uni0n.
#: 17th century During": "uni", "0", "n") is no initial, and its stop ends the sentence
#: (:func:`_short_sentence` then finds the heading, and no stop is read before "During").
#: The OCR'd modern text audit's dev half; measured in ``benchmarks/RESULTS.md``, session
#: 51, ocraudit.
WHOLE_INITIALS = True


def _abbreviation(toks: list[Token], j: int) -> bool:
    """Whether the mark ``j`` follows a title or an initial ("Mr.", "J."): no sentence end.

    >>> from repair.tokenize import tokenize
    >>> toks = tokenize("Mr J. Smith of the uni0n. The")
    >>> _abbreviation(toks, 3), _abbreviation(toks, 15)
    (True, False)
    """
    k = j - 1
    if k < 0 or toks[k].kind != "word":
        return False
    if toks[k].text in TITLES:
        return True
    if len(toks[k].text) != 1:
        return False
    return not (WHOLE_INITIALS and k > 0 and not _word_start(toks, k))


def _capital_run(toks: list[Token], i: int) -> int:
    """How many capitalised words follow word ``i`` one space (or line end) apart each
    (:data:`NAME_RUN_AFTER`).

    >>> from repair.tokenize import tokenize
    >>> toks = tokenize("is present-day New York City and")
    >>> _capital_run(toks, 6), _capital_run(tokenize("costs The council met"), 2)
    (2, 0)
    """
    n = 0
    j = i + 1
    while j + 1 < len(toks) and toks[j].kind == "space" and toks[j].text.count("\n") <= 1:
        w = toks[j + 1]
        if w.kind != "word" or not w.text[:1].isupper():
            break
        n += 1
        j += 2
    return n


def _title_run(toks: list[Token], i: int) -> bool:
    """Whether capitalised word ``i`` follows another capitalised word: a heading or a
    name in title case ("Amid Trade War The ...", "South Wales He ..."), where a line
    may end without a stop."""
    if not toks[i].text[:1].isupper():
        return False
    j = i - 1
    while j >= 0 and toks[j].kind == "space" and "\n" not in toks[j].text:
        j -= 1
    return j >= 0 and j < i - 1 and toks[j].kind == "word" and toks[j].text[:1].isupper()


def stop_candidate(gap: Token, finding: str, gain: float, **extra: object) -> Candidate:
    """The reading of the space ``gap`` as a lost full stop before it, with the language
    model's ``gain`` for the sentence break as its evidence (shared by the stop readers)."""
    return cand(
        gap.start,
        gap.end,
        "." + gap.text,
        "OCR_LOST_STOP",
        finding=finding,
        fixed=CONFIDENCE,
        evidence_two_minus_one=round(gain, 2),
        **extra,
    )


def break_gain(lm: object, prev: list[str], after: list[str]) -> float:
    """ln P(two sentences) - ln P(one sentence) for the words ``prev`` before a gap and
    ``after`` it (the language model ``lm``'s ``logprob`` and ``sequence_logprob``)."""
    one = lm.sequence_logprob(after, prev)  # type: ignore[attr-defined]
    two = lm.logprob("</s>", prev) + lm.sequence_logprob(after, ["<s>"])  # type: ignore[attr-defined]
    return two - one


def _words(toks: list[Token], i: int, step: int, n: int) -> list[str]:
    """Up to ``n`` lower-cased words from token ``i`` on in direction ``step``, stopping
    at a mark."""
    out: list[str] = []
    j = i
    while 0 <= j < len(toks) and len(out) < n:
        t = toks[j]
        if t.kind in ("word", "number"):
            out.append(t.text.lower())
        elif t.kind != "space":
            break
        j += step
    return out[::-1] if step < 0 else out
