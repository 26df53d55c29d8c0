"""Capitalised words a light page vouches for are kept (issue 12: never correct a real form).

On lightly garbled pages the largest class of wrong OCR edits is a capitalised word read
as another capitalised form: a rare surname ("Mr. Sonnett" -> "Bennett", "the Rev.
Jeremy Hummerstone" -> "Hammerstone", "John Lonski" -> "Lenski") or an interjection of a
script ("Uuh!" -> "Huh").  On a page whose garble score (flagged words per word) is at
most :data:`LIGHT_MAX`, three tests keep such a word, each behind its own flag:

* ``REPEAT_KEEP`` (on): the exact form is printed at least :data:`REPEAT_MIN` times on
  the page, once or more in mid-sentence (after a lower-case word, a comma or a title
  such as "Mr."), at least as often as the reading, and spells about as English as the
  reading (:func:`spells_like`).  On a light page OCR garble of one name rarely comes out
  the same twice; a misprint the OCR does repeat is most often un-English ("quoth Mdes"
  three times for "Miles").  Sentence-initial repeats ("Woll, ..." for "Well") are left
  to the reader: a capital there is only the sentence's.  On heavier pages the OCR
  repeats its misreadings of names ("Manlj" four times), hence the light-page limit.
* ``EXCLAIM_KEEP`` (on): a word standing alone before "!" whose form the word-frequency
  list knows ("Uuh!", "Waa!"): a one-word sentence gives the language model no context,
  so the reading's whole gain is a common word's prior over a rarer form.
* ``BARE_KEEP`` (off): a capitalised unknown in mid-sentence whose reading has no
  language-model evidence (a fallback name reading, or a gain of 0 nats) and that spells
  like its reading: "Lonski" spells like "Lenski", "Wbitey" does not spell like "Whitey".
  It also keeps right readings ("Siewort" -> "Siewert"): off (RESULTS.md, session 42,
  ocrlight42).

``RUN_KEEP`` (on) reads any page: a known capitalised form in a title-case run that the
page prints again ("interrogating Saud Abdulaziz Saud" is no "Sand").  ``KNOWN_MARGIN``
(on) reads any page too: a capitalised form the web knows, read two glyphs away at a
negative margin, stays ("the Nauen Plain" is no "Nation").

All look only at the edit, its page and shipped models (wordfreq, the character model);
the page is scanned once, only when an edit qualifies (linear).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from repair.types import Edit

#: A capitalised word printed twice or more, once in mid-sentence, is kept (session 42,
#: ocrlight42: light suite dev 4 breaks saved / 0 fixes lost; SMH, ICDAR 1-80 unchanged).
REPEAT_KEEP = True
#: ... printed at least this many times, at least this long.
REPEAT_MIN = 2
REPEAT_MIN_LEN = 4
#: A mid-sentence capitalised unknown is kept when its reading has no model evidence and
#: its spelling is about as English as the reading's.
BARE_KEEP = False
#: Both keep a form whose spelling cost (:func:`repair.score.char_ngrams.spelling_cost`)
#: exceeds the reading's by at most this many nats a letter ("Mdes" for "Miles" is read).
SPELL_MAX = 0.5
#: A capitalised word standing alone as an exclamation ("Uuh!", "Waa!") whose form the
#: word-frequency list knows is kept: a one-word sentence gives the language model no
#: context, so the reading's whole gain is a common word's prior over a rare form
#: (light suite dev 4 breaks saved / 0 lost; SMH, ICDAR 1-80 unchanged).
EXCLAIM_KEEP = True
#: ... the printed form's Zipf frequency at least (as :data:`.ocr_knownform.MIN_ZIPF`).
EXCLAIM_MIN_ZIPF = 1.5
#: On any page (not only a light one), a capitalised word inside a title-case run (a
#: capitalised word right after it, or right before it in mid-sentence: "the Nauen
#: Plain", "interrogating Saud Abdulaziz Saud") is kept when the page prints the same
#: form again in mid-sentence, at least as often as the reading, and the word-frequency
#: list knows it (Zipf at least :data:`RUN_MIN_ZIPF`; "Crown Lnnd" is still read): a
#: name among names, not a garbled common word (session 48, ocrnames48: OCR'd modern
#: text audit 129 -> 121 broken, 28,189 fixed both (all 8 "Saud" -> "Sand"); SMH dev-a
#: 1,926 / 3,135 and dev-b 2,379 / 3,874 both, test 5,349 / 8,671 both; light suite dev
#: unchanged.  ``python /work/wt/reports48/audit.py 300000``, ``smh_eval.py --split``).
RUN_KEEP = True
#: ... the printed form's Zipf frequency at least (as :data:`.ocr_knownform.MIN_ZIPF`; at
#: 1.0 a repeated misreading "Pecl" (1.22) for "Peel" was kept: audit fixed 28,188).
RUN_MIN_ZIPF = 1.5
#: ... printed on the page at least this many times.  One printing also keeps the
#: "Nauen Plain" (audit 113 broken) but loses 5 audit fixes and costs SMH dev-a
#: 1,929 / 3,137 and dev-b 2,382 / 3,872 (+3 tokens each).
RUN_MIN_COUNT = 2
#: On any page, a capitalised unknown (the detector's ``capitalized_unknown``) whose form
#: the word-frequency list knows (Zipf at least :data:`KNOWN_MARGIN_ZIPF`: "the Nauen
#: Plain", "on Monaro", "Paul et Virginie") keeps its form against a reading as another
#: capitalised word at a margin below :data:`KNOWN_MARGIN_MIN` through two or more glyph
#: errors (:data:`KNOWN_MARGIN_MIN_SUBS`): the negative margins a garbled page allows a
#: capitalised unknown (:data:`repair.candidates.ocr.CAPITAL_GARBLED_THRESHOLD`, -4 nats)
#: are for garble, and a garble two glyphs off a word rarely lands on a form the web
#: prints; one glyph off it is a common misspelling ("Cemetary" -> "Cemetery", read).
#: Session 49 (ocrcap49): OCR'd modern text audit 121 -> 114 broken (all 7 "Nauen" ->
#: "Nation" / "Names"), 28,189 fixed both; SMH dev-a 1,926 / 3,135 -> 1,925 / 3,132
#: ("on Monaro" -> "Menace"), dev-b 2,379 / 3,874 -> 2,379 / 3,872; ``ocr_broken.py smh``
#: 49 -> 48.  Asking a title-case run's readings for a positive margin instead ("New
#: Guinea Rxpedition", "Constable Bartholometv" are right readings at -1 to -7 nats) cost
#: dev-a 1,932 / 3,143 and dev-b 2,382 / 3,877 for the same 7 audit tokens.
KNOWN_MARGIN = True
#: ... the printed form's Zipf frequency at least ...
KNOWN_MARGIN_ZIPF = 1.0
#: ... the reading's margin (nats, the edit's evidence, before page bonuses) below ...
KNOWN_MARGIN_MIN = 0.0
#: ... through at least this many glyph substitutions.
KNOWN_MARGIN_MIN_SUBS = 2
#: :func:`page_forms` also counts the capitalised words of a token that glued them
#: ("Saud AbdulazizSaud", a lost space), so :data:`RUN_KEEP` sees the second printing
#: (session 49, ocrcap49: audit 2 broken fewer, "Saud" and "Virginie"; SMH dev unchanged).
GLUED_PIECES = True
#: When a list, each kept edit is appended to it as (guard, edit) (analysis).
_TRACE: list[tuple[str, Edit, float]] | None = None
#: The guards read only a light page: its garble score (flagged words per word) at most.
LIGHT_MAX = 0.05
#: Edit sources (rules) these guards judge.
SOURCES = frozenset({"OCR_CONFUSION", "OCR_DOC_WORD", "OCR_NAME", "OCR_SPELLING", "OCR_STRAY_MARK"})

_CAP_WORD = re.compile(r"[A-Z][a-z]+(?:'[a-z]+)?")
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?\.?")
_TITLE = re.compile(r"[A-Z][a-z]{0,3}\.")
_GLUED = re.compile(r"(?:[A-Z][a-z]{2,}){2,}")
_PIECE = re.compile(r"[A-Z][a-z]+")
_MARKS = "!?.,;:'\"()[]-"


def _core(e: Edit) -> tuple[int, int, str, str] | None:
    """(start, end, printed word, read word) when ``e`` reads one capitalised word as
    another (marks around either dropped: "Huy!" -> "Have" reads "Huy" as "Have").

    >>> from repair.types import Edit
    >>> _core(Edit(4, 4, "Huy!", "Have", "ocr", 0.5, "OCR_STRAY_MARK"))
    (4, 7, 'Huy', 'Have')
    >>> _core(Edit(4, 4, "Tbe", "The", "ocr", 0.5, "OCR_CASE")) is None
    True
    """
    if e.rule not in SOURCES:
        return None
    lead = len(e.original) - len(e.original.lstrip(_MARKS))
    word = e.original.strip(_MARKS)
    read = e.replacement.strip(_MARKS)
    if (
        _CAP_WORD.fullmatch(word) is None
        or _CAP_WORD.fullmatch(read) is None
        or word.lower() == read.lower()
    ):
        return None
    return e.offset + lead, e.offset + lead + len(word), word, read


def page_forms(text: str) -> tuple[Counter[str], set[str]]:
    """(count of each word form on ``text``, forms printed in mid-sentence at least once).

    >>> n, mid = page_forms("Mr. Sonnett said so. Sonnett left, and Hale, too.")
    >>> n["Sonnett"], sorted(mid)
    (2, ['Hale', 'Sonnett'])

    With :data:`GLUED_PIECES`, a glued run's words count too ("AbdulazizSaud").
    """
    counts: Counter[str] = Counter()
    mid: set[str] = set()
    prev = ""  # the previous word (with its period) or mark
    pos = 0
    for m in _WORD.finditer(text):
        gap = text[pos : m.start()]
        word = m.group().rstrip(".")
        counts[word] += 1
        if GLUED_PIECES and _GLUED.fullmatch(word):
            counts.update(_PIECE.findall(word))
        if word[:1].isupper():
            marks = gap.strip()
            if marks == "" and prev and (prev[-1:] != "." or _TITLE.fullmatch(prev)):
                mid.add(word)
            elif marks in (",", ";", "(", "-", "--") and prev:
                mid.add(word)
        prev = m.group()
        pos = m.end()
    return counts, mid


def spells_like(word: str, read: str) -> bool:
    """Whether ``word`` spells about as English as ``read`` (character model: at most
    :data:`SPELL_MAX` nats a letter dearer).

    >>> spells_like("Sonnett", "Bennett"), spells_like("Mdes", "Miles")
    (True, False)
    """
    from repair.score.char_ngrams import spelling_cost

    return spelling_cost(word) - spelling_cost(read) <= SPELL_MAX * len(word)


def _bare(e: Edit, word: str, read: str) -> bool:
    """Whether ``e``'s reading has no language-model evidence and spells no better."""
    ev: dict[str, Any] = e.evidence
    if ev.get("finding") != "capitalized_unknown":
        return False
    if not (ev.get("fallback") or ev.get("lm_logprob_gain", 1.0) == 0.0):
        return False
    return spells_like(word, read)


def _repeat(word: str, read: str, counts: Counter[str], mid: set[str]) -> bool:
    """Whether the page vouches for ``word`` by printing it again (see the module doc)."""
    return (
        word in mid
        and len(word) >= REPEAT_MIN_LEN
        and counts[word] >= max(REPEAT_MIN, counts[read])
        and spells_like(word, read)
    )


def exclaimed(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a one-word exclamation: "!" after it, a line start,
    a sentence end, a speaker's colon or a bracket before it.

    >>> t = "ARTHUR: Ha ha!  Huy!\\nUuh! Come, Sir Huy!"
    >>> [exclaimed(t, m.start(), m.end()) for m in re.finditer("Huy|Uuh", t)]
    [True, True, False]
    """
    if text[end : end + 1] != "!":
        return False
    before = text[max(0, start - 40) : start].rstrip(" \t")
    return before == "" or before[-1] in "\n!?.:])"


def _exclaim(text: str, start: int, end: int) -> bool:
    if not exclaimed(text, start, end):
        return False
    from repair.resources.frequency import zipf

    return zipf(text[start:end].lower()) >= EXCLAIM_MIN_ZIPF


_RUN_NEXT = re.compile(r"[ \t]*\n?[ \t]*[A-Z][a-z]")
_RUN_PREV = re.compile(r"\b[A-Z][a-z]+[ \t]*\n?[ \t]*$")


def in_title_run(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has a capitalised word right after it, or right before
    it in mid-sentence (one space or line end apart).

    >>> t = "on the Nauen Plain. Names of towns. Then Saud Abdulaziz Saud al-Rasheed"
    >>> [in_title_run(t, m.start(), m.end()) for m in re.finditer("Nauen|Names|Saud", t)]
    [True, False, True, True]
    """
    if _RUN_NEXT.match(text, end):
        return True
    before = text[max(0, start - 40) : start]
    m = _RUN_PREV.search(before)
    if m is None:
        return False
    lead = before[: m.start()].rstrip()
    return bool(lead) and lead[-1] not in ".!?:"


def _run_name(
    text: str, start: int, end: int, word: str, read: str, counts: Counter[str], mid: set[str]
) -> bool:
    """The ``RUN_KEEP`` test (see :data:`RUN_KEEP`)."""
    if not RUN_KEEP or word not in mid or len(word) < REPEAT_MIN_LEN:
        return False
    if counts[word] < max(RUN_MIN_COUNT, counts[read]):
        return False
    from repair.resources.frequency import zipf

    return zipf(word.lower()) >= RUN_MIN_ZIPF and in_title_run(text, start, end)


def _known_form(e: Edit, word: str) -> bool:
    """The ``KNOWN_MARGIN`` test (see :data:`KNOWN_MARGIN`)."""
    ev: dict[str, Any] = e.evidence
    margin = ev.get("margin")
    if margin is None or margin >= KNOWN_MARGIN_MIN:
        return False
    if ev.get("finding") != "capitalized_unknown":
        return False
    if len(ev.get("substitutions", ())) < KNOWN_MARGIN_MIN_SUBS:
        return False
    from repair.resources.frequency import zipf

    return zipf(word.lower()) >= KNOWN_MARGIN_ZIPF


def keep(text: str, edits: Sequence[Edit], garble: float = 0.0) -> list[Edit]:
    """``edits`` without the readings of capitalised words the page vouches for, on a
    page whose garble score (:func:`repair.detect.ocr.detect_ocr`: flagged words per
    word) is at most :data:`LIGHT_MAX`; on any page, names in a title-case run the page
    prints again (:data:`RUN_KEEP`) and known forms read at a negative margin
    (:data:`KNOWN_MARGIN`)."""
    light = garble <= LIGHT_MAX and (REPEAT_KEEP or BARE_KEEP or EXCLAIM_KEEP)
    if not (light or RUN_KEEP or KNOWN_MARGIN):
        return list(edits)
    cores = [_core(e) for e in edits]
    if not any(cores):
        return list(edits)
    counts, mid = page_forms(text)
    out = []
    for e, core in zip(edits, cores, strict=True):
        guard = ""
        if core is not None:
            start, end, word, read = core
            if KNOWN_MARGIN and _known_form(e, word):
                guard = "known"
            elif not light:
                if _run_name(text, start, end, word, read, counts, mid):
                    guard = "run"
            elif REPEAT_KEEP and _repeat(word, read, counts, mid):
                guard = "repeat"
            elif BARE_KEEP and word in mid and _bare(e, word, read):
                guard = "bare"
            elif EXCLAIM_KEEP and _exclaim(text, start, end):
                guard = "exclaim"
            elif _run_name(text, start, end, word, read, counts, mid):
                guard = "run"
        if guard:
            if _TRACE is not None:
                _TRACE.append((guard, e, garble))
            continue
        out.append(e)
    return out
