"""A second look at pages the garble gate keeps shut: clear readings in context.

The gate (:func:`repair.detect.ocr.is_garbled`) counts OCR *patterns* by their shape
alone.  A 1940s newspaper column with a few errors in a few hundred words shows too few
("heen", "Tor", "Watet", "dunns": 0-3 patterns) and stays shut, so only the light path
reads it.  What separates such a page from clean text is not the shape of its unknown
words but what they turn into: OCR's non-words are one or two cheap learned confusions
from a common word that the context on *both* sides wants by a wide margin ("flrst" ->
"first" in "When he flrst came to", "recentlv", "ofllcer"), while clean text's unknown
words are names, terms and coinages that no cheap confusion turns into a word the
context wants.

:func:`clear_readings` counts the spellings of a page's unknown words (lower-case
non-words, capitalised unknown words inside a sentence, inner capitals) whose cheapest
learned readings include one with

    LM(reading + two next | two previous) - LM(print + two next | two previous) - cost
        >= :data:`MARGIN`

(the trigram model, the confusion table's cost of the reading; a form the page prints
three times is its own word, a name read as a name says nothing, pieces of line-end
hyphenated words are read with their other half).  :func:`probe_opens` opens the gate
when at least :data:`MIN_CLEAR` spellings are clear readings and, with the gate's own
OCR patterns, at least :data:`MIN_TOTAL` and :data:`MIN_SHARE` of the words: several
independent confirmations that the page is OCR.  Only pages set in a narrow column
(:func:`column_print`, the newspaper's layout; :data:`COLUMN_ONLY`) in English are
probed, and only when the gate is shut and enough candidate findings are there (clean
text: none to a few).  SMH dev: 6 of the 16 shut articles open; clean English (750
paragraphs, also hard-wrapped at 34 / 48 / 72 characters): none.
"""

from __future__ import annotations

import math
from collections import Counter

from repair.types import Candidate, Detection, Token

#: Switch (the OCR stage reads it).
PROBE = True
#: Margin (nats) a reading needs over the print: LM gain on both sides less the channel cost.
MARGIN = 2.0
#: Largest channel cost (nats) of a reading looked at.
MAX_COST = 6.5
#: A reading is a word at least this common (Zipf).
TARGET_ZIPF = 3.5
#: Spellings with a clear reading that open the gate ...
MIN_CLEAR = 2
#: ... when they and the gate's OCR patterns are at least this many.
MIN_TOTAL = 4
#: ... and at least this share of the page's words (a 5,000-word address with two
#: misprints is no OCR page).
MIN_SHARE = 0.005
#: A spelling the page prints more often than this is the page's own word.
MAX_REPEATS = 2
#: A capitalised reading of a capitalised print counts when the period table capitalises
#: the word less often than this (a common word, not a name).
NAME_SHARE = 0.5
#: Findings whose tokens are looked at.
REASONS = frozenset({"nonword", "capitalized_unknown", "inner_capital"})
#: A list to record the clear readings in (``None``: not recorded; for benchmarks).
TRACE: list[tuple[str, str, float]] | None = None
#: On a page the probe opened, only word readings are made: the repairs of marks, specks,
#: stops and case, and the name-shape guesses, stay with pages the gate opens (on web text
#: the probe opened they took "I" off sentence starts and "?!" off "How?!").
SKIP_FINDINGS = frozenset(
    {"glued_mark", "edge_speck", "lone_mark", "lead_speck", "trail_speck", "initial_stop",
     "initial_capital", "caps_in_text"}
)  # fmt: skip
SKIP_SOURCES = frozenset({"OCR_NAME", "OCR_STRAY_MARK", "OCR_LOST_STOP", "OCR_CASE"})
#: Only pages set in a narrow column are probed (:func:`column_print`): a newspaper's
#: layout.  Probed elsewhere too, lightly damaged web text and addresses gained recall (the
#: light suite's dev half at 1 %: 518 -> 884 spans fixed) but made more edits on their
#: undamaged words (68 -> 135), and old books' spellings read as errors (ICDAR files 1-80:
#: 51 -> 59 tokens broken, +41.4 -> +40.9 %).
COLUMN_ONLY = True
#: Column print: this many non-empty lines, the longest tenth at most this wide, and
#: this share of them filling the column.
COLUMN_MIN_LINES = 8
COLUMN_MAX_WIDTH = 70
COLUMN_FULL_SHARE = 0.6
#: Shortest token looked at.
MIN_LEN = 3


def clear_readings(tokens: list[Token], detection: Detection, enough: int | None = None) -> int:
    """How many spellings of the page's unknown words have a clear reading (module doc);
    stops counting at ``enough``."""
    from repair.resources.frequency import zipf
    from repair.score.ocr import Scorer
    from repair.score.ocr_channel import correction_candidates

    words = [t for t in tokens if t.kind == "word"]
    counts = Counter(t.text for t in words)
    index = {t.start: i for i, t in enumerate(words)}
    scorer: Scorer | None = None
    # the pieces of a word broken at a line end are read with their other half
    pieces = [(f.start, f.end) for f in detection.findings if f.reason == "line_end_hyphen"]
    seen: set[str] = set()
    n = 0
    for f in detection.findings:
        if f.reason not in REASONS or any(s <= f.start < e for s, e in pieces):
            continue
        i = index.get(f.start)
        if i is None:
            continue
        text = words[i].text
        if len(text) < MIN_LEN or not text.isalpha() or text in seen:
            continue
        seen.add(text)
        if counts[text] > MAX_REPEATS:
            continue  # a form the page keeps printing is its vocabulary ("roods")
        readings = [
            c
            for c in correction_candidates(text)[:3]
            if c.cost <= MAX_COST and zipf(c.text.lower()) >= TARGET_ZIPF and _plain(text, c.text)
        ]
        if not readings:
            continue
        if scorer is None:
            scorer = Scorer()
        prev = [w.text for w in words[max(0, i - 2) : i]]
        nxt = [w.text for w in words[i + 1 : i + 3]]
        for c in readings:
            d = scorer.decide(
                [text], [c.text], prev, nxt, cost=c.cost, orig_known=False, threshold=MARGIN
            )
            if d.accept:
                n += 1
                if TRACE is not None:
                    TRACE.append((text, c.text, round(d.margin, 2)))
                break
        if enough is not None and n >= enough:
            break
    return n


def _plain(text: str, reading: str) -> bool:
    """A reading that keeps the print's case, or reads a capital glyph as lower-case
    letters ("Avhich" -> "which"); a capitalised reading of a capitalised print only when
    the period table writes the word mostly in lower case ("Chlef" -> "Chief" yes, "Joff"
    -> "Jeff" no: a name read as a name says nothing)."""
    if text[:1].islower():
        return reading[:1].islower()
    if reading[:1].islower():
        return True
    from repair.score.ngrams import get_ngrams

    share = get_ngrams().capital_share(reading.lower())
    return share is not None and share < NAME_SHARE


def probe_opens(text: str, tokens: list[Token], detection: Detection) -> bool:
    """Whether the page's clear readings open the gate the pattern count keeps shut:
    at least :data:`MIN_CLEAR` of them, and with the gate's own OCR patterns
    (``confusion_words``) at least :data:`MIN_TOTAL` and :data:`MIN_SHARE` of the words."""
    if not PROBE or (COLUMN_ONLY and not column_print(text)):
        return False
    if _foreign(tokens):
        return False  # another language's words read as English ones ("theil", "cin")
    patterns = int(detection.details.get("confusion_words", 0))
    words = int(detection.details.get("words", 0))
    need = max(MIN_CLEAR, MIN_TOTAL - patterns, math.ceil(MIN_SHARE * words) - patterns)
    cands = sum(1 for f in detection.findings if f.reason in REASONS)
    if cands < need:
        return False
    return clear_readings(tokens, detection, need) >= need


def _foreign(tokens: list[Token]) -> bool:
    """Whether the text uses other languages' function words as the gate counts them
    (:data:`repair.detect.ocr.FOREIGN_MIN_SHARE`)."""
    from repair.detect.ocr import FOREIGN_MIN_SHARE, GARBLE_MIN_WORDS
    from repair.detect.ocr_language import FOREIGN_FUNCTION

    words = [t.text.lower() for t in tokens if t.kind == "word"]
    n = sum(1 for w in words if w in FOREIGN_FUNCTION)
    return n >= GARBLE_MIN_WORDS and n >= FOREIGN_MIN_SHARE * len(words)


def column_print(text: str) -> bool:
    """Whether ``text`` is set in a narrow column (a newspaper's, where a rule or speck at
    a line's edge reads as "I" or a mark): at least :data:`COLUMN_MIN_LINES` non-empty
    lines, the longest tenth at most :data:`COLUMN_MAX_WIDTH` characters, and
    :data:`COLUMN_FULL_SHARE` of the lines at least 0.7 of that width (hard-wrapped lines
    fill the column; a script's or a list's short lines do not)."""
    lines = sorted(len(x) for x in text.split("\n") if x.strip())
    if len(lines) < COLUMN_MIN_LINES:
        return False
    width = lines[int(0.9 * (len(lines) - 1))]
    if width > COLUMN_MAX_WIDTH:
        return False
    full = sum(1 for n in lines if n >= 0.7 * width)
    return full >= COLUMN_FULL_SHARE * len(lines)


def word_readings(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates a page the probe opened may take: all in column print
    (:func:`column_print`), else only word readings (:data:`SKIP_FINDINGS`,
    :data:`SKIP_SOURCES` left out)."""
    if column_print(text):
        return candidates
    return [
        c
        for c in candidates
        if c.source not in SKIP_SOURCES and c.features.get("finding") not in SKIP_FINDINGS
    ]


def gate_opens(text: str) -> bool:
    """Whether the OCR stage reads ``text`` as garbled: the gate
    (:func:`repair.detect.ocr.is_garbled`) or, where it stays shut, the probe."""
    from repair.detect.ocr import detect_ocr, is_garbled
    from repair.tokenize import tokenize

    tokens = tokenize(text)
    detection = detect_ocr(text, tokens)
    return is_garbled(detection) or probe_opens(text, tokens, detection)
