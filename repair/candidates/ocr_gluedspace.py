"""A space lost beside a mark on a page the garble gate keeps shut (issue 12, session 59):
"summit,the", "energy,and", "oath.Before", "don'teven", "I'mgoing".

A lightly garbled page (the light suite's 0.3-2 % damage) loses a space after a comma or a
sentence's stop, or after a contraction, as often as anywhere else; the garbled pages'
readers (the ``comma_no_space`` finding, the marks model's ``space`` fate) never run on a
page the gate keeps shut, and the shut page's split reader
(:mod:`repair.candidates.ocr_shutsplit`) reads letters only.  Two readers, each behind its
own switch:

* :data:`GLUED_STOP` -- a comma or semicolon between two words, the second in lower case
  ("summit,the"), or a full stop between a word and a capitalised word ("oath.Before"),
  each word a known word of two letters or more, the chunk no more than the two words (a
  closing mark may follow), read with a space after the mark.  The evidence is the
  page's own habit: it writes that mark followed by a space at least :data:`HABIT_MIN`
  times and glues it between letters at most :data:`GLUED_MAX` times (a page of lists,
  code or data glues them on purpose).  Left alone: initials and abbreviations' pieces
  (a one-letter word, "U.S"), capitals ("ASP.NET"), mixed case ("MyCheckFree.Com"), web
  names (a domain's last piece), a chunk touching any other mark.  Fixed readings (the
  language model reads the same words either way), as the garbled pages'
  ``comma_no_space`` reading is.
* :data:`GLUED_CONTRACTION` -- a contraction or possessive glued to the next word
  ("don'teven", "I'lltake", "state'smining"): the token is no known word, the piece up to
  the contraction's ending is a known form ("don't", "I'll"; or a known word of three
  letters or more with "'s"), and the rest a known word of Zipf >= :data:`REST_ZIPF`
  (:data:`SHORT_REST_ZIPF` under three letters);
  read as the two words by the language model on both sides (the shut split's margin,
  :data:`repair.candidates.ocr_shutsplit.THRESHOLD`), priced as the shut split prices a
  merge the page vouches for.

>>> from repair.tokenize import tokenize
>>> toks = tokenize("One, two, three, four,five and don'teven ask.")
>>> [(c.replacement, c.source) for c in glued_space_candidates(toks)]
[(', ', 'OCR_COMMA_SPACE'), ("don't even", 'OCR_SPLIT_MERGED')]
"""

from __future__ import annotations

import re
from collections import Counter

from repair.candidates.ocr_rules import cand
from repair.candidates.ocr_shutsplit import split_candidate
from repair.resources.frequency import zipf
from repair.score.ocr_channel import is_known
from repair.types import Candidate, Token

#: Switch of the glued comma / stop reader (module doc).  Session 59, ocrglue, the three
#: switches together (benchmarks/RESULTS.md): light suite dev fixed 290 / 941 / 2,212 ->
#: 295 / 962 / 2,226 at 0.3 / 1 / 2 %, edits on undamaged text 23 / 30 / 84 -> 25 / 30 / 84
#: (the clean originals' own lost spaces, which main reads so on open pages); census dev
#: 29 -> 34 OCR edits (five right); SMH dev 4,234 / 6,899, ICDAR-only proxy dev 4,768 /
#: 7,863, audit dev, clean English unchanged.  Test (read once): light 265 / 912 / 2,212 ->
#: 270 / 935 / 2,225, census 55 -> 66 (two wrong: "One.Tel" -> "One. Tel"), SMH / proxy
#: test unchanged.
GLUED_STOP = True
#: Switch of the glued contraction reader (module doc).  Session 59, ocrglue (above).
GLUED_CONTRACTION = True
#: Both readers also run on a lightly garbled page the gate opens (not a heavily garbled
#: page, not old print): the stops and contractions only, the garbled pages'
#: ``comma_no_space`` reading reads its commas.  Session 59, ocrglue.
OPEN_PAGES = True
#: A glued form the page prints twice or more ("One.Tel" twice in one census test text) is
#: a real form, a name or a code the document repeats (issue 12: "names that recur in the
#: document stay as they are"), not a lost space: left alone.  Session 59, lead.
RECURRING_KEEP = True
#: The page writes the mark followed by a space at least this often ...
HABIT_MIN = 3
#: ... and glues it between two letters at most this often (this one counted).
GLUED_MAX = 2
#: Confidence of a glued-stop reading (the garbled pages' ``comma_no_space`` reading's).
CONFIDENCE = 0.8
#: Marks read: a comma or semicolon before a lower-case word ...
LOWER_MARKS = frozenset(",;")
#: ... a full stop before a capitalised word ("?" and "!" too read one light dev span and
#: a census dev source's "to?Yoga": left out).
STOP_MARKS = frozenset(".")
#: Closing marks that may end the chunk after the second word.
CLOSERS = frozenset(".,;:!?\"')”’]")
#: Openers that may begin it.
OPENERS = frozenset("\"'(“‘[")
#: Last pieces of web and file names ("amazon.Com"): never a sentence's next word here.
WEB_PIECES = frozenset({"com", "org", "net", "edu", "gov", "info", "io", "co", "uk", "js"})
#: The rest of a glued contraction must be at least this common (Zipf) ...
REST_ZIPF = 3.0
#: ... and, under three letters, this common: "I'mso", "wasn'the", not the dialect
#: "how'dya" (census dev).
SHORT_REST_ZIPF = 5.5
#: The shut split's margin (nats) for a glued contraction.
THRESHOLD = 2.0
_CONTRACTION = re.compile(r"^([A-Za-z]+['’](?:t|s|re|ve|ll|d|m))([a-z]{2,})$")


def page_habit(toks: list[Token]) -> tuple[Counter[str], Counter[str]]:
    """(spaced, glued): how often the page writes each mark after a word followed by a
    space and a word, and between two letters."""
    spaced: Counter[str] = Counter()
    glued: Counter[str] = Counter()
    n = len(toks)
    for i in range(1, n - 1):
        t = toks[i]
        if t.kind != "punct" or len(t.text) != 1:
            continue
        a = toks[i - 1]
        if a.kind != "word" or a.end != t.start:
            continue
        b = toks[i + 1]
        if b.kind == "word" and b.start == t.end:
            glued[t.text] += 1
        elif b.kind == "space" and i + 2 < n and toks[i + 2].kind == "word":
            spaced[t.text] += 1
    return spaced, glued


def _plain(word: str) -> bool:
    """A known word of two letters or more in lower case or with one capital first."""
    return (
        len(word) >= 2
        and word.isalpha()
        and (word.islower() or (word[0].isupper() and word[1:].islower()))
        and is_known(word.lower())
    )


def _chunk_alone(toks: list[Token], i: int) -> bool:
    """Whether the words around mark ``i`` stand alone: a space, openers or the page's
    edge before the first, closing marks then a space or the edge after the second (so
    no code mark touches either: "obj.method", "a/b.Com")."""
    n = len(toks)
    j = i - 2
    while j >= 0 and toks[j].text in OPENERS:
        j -= 1
    if j >= 0 and toks[j].kind != "space":
        return False
    k = i + 2
    while k < n and toks[k].kind == "punct" and toks[k].text in CLOSERS:
        k += 1
    return k >= n or toks[k].kind == "space"


def glued_stop_candidates(toks: list[Token], open_page: bool = False) -> list[Candidate]:
    """The readings of :data:`GLUED_STOP` (the caller checks the gate is shut, or the page
    light and open: ``open_page``, stops only)."""
    out: list[Candidate] = []
    glued_forms: list[str] = []
    habit: tuple[Counter[str], Counter[str]] | None = None
    n = len(toks)
    for i in range(1, n - 1):
        t = toks[i]
        mark = t.text
        if t.kind != "punct" or mark not in LOWER_MARKS and mark not in STOP_MARKS:
            continue
        a, b = toks[i - 1], toks[i + 1]
        if a.kind != "word" or b.kind != "word" or a.end != t.start or b.start != t.end:
            continue
        left, right = a.text, b.text
        if not (_plain(left) and _plain(right)):
            continue
        if mark in LOWER_MARKS and (open_page or not right.islower()):
            continue
        if mark in STOP_MARKS and (not right[0].isupper() or right.lower() in WEB_PIECES):
            continue
        if not _chunk_alone(toks, i):
            continue
        if habit is None:
            habit = page_habit(toks)
        spaced, glued = habit
        if spaced[mark] < HABIT_MIN or glued[mark] > GLUED_MAX:
            continue
        glued_forms.append(left + mark + right)
        out.append(
            cand(
                t.start,
                t.end,
                mark + " ",
                "OCR_COMMA_SPACE",
                finding="glued_stop",
                fixed=CONFIDENCE,
                spaced=spaced[mark],
                glued=glued[mark],
            )
        )
    if RECURRING_KEEP and len(out) > 1:
        seen = Counter(glued_forms)
        out = [c for c, form in zip(out, glued_forms, strict=True) if seen[form] < 2]
    return out


def contraction_split(text: str) -> tuple[str, str] | None:
    """The (contraction, word) a glued token reads as, or ``None``.

    >>> contraction_split("don'teven"), contraction_split("state'smining")
    (("don't", 'even'), ("state's", 'mining'))
    >>> contraction_split("Bo'sun"), contraction_split("C'mere"), contraction_split("don't")
    (None, None, None)
    """
    m = _CONTRACTION.match(text)
    if m is None or is_known(text.lower()):
        return None
    left, right = m.group(1), m.group(2)
    plain = left.replace("’", "'").lower()
    stem = plain[: plain.index("'")]
    if not (is_known(plain) or (plain.endswith("'s") and len(stem) >= 3 and is_known(stem))):
        return None
    if not is_known(right) or zipf(right) < (REST_ZIPF if len(right) >= 3 else SHORT_REST_ZIPF):
        return None
    return left, right


def glued_contraction_candidates(toks: list[Token]) -> list[Candidate]:
    """The readings of :data:`GLUED_CONTRACTION` (the caller checks the gate is shut)."""
    out: list[Candidate] = []
    for t in toks:
        if t.kind != "word" or ("'" not in t.text and "’" not in t.text):
            continue
        found = contraction_split(t.text)
        if found is None:
            continue
        left, right = found
        out.append(split_candidate(t, left, right, "glued_contraction", THRESHOLD))
    return out


def glued_space_candidates(toks: list[Token], open_page: bool = False) -> list[Candidate]:
    """Both readers' candidates, each where its switch is on (``open_page``: a light page
    the gate opens, :data:`OPEN_PAGES`)."""
    out: list[Candidate] = []
    if open_page and not OPEN_PAGES:
        return out
    if GLUED_STOP:
        out.extend(glued_stop_candidates(toks, open_page))
    if GLUED_CONTRACTION:
        out.extend(glued_contraction_candidates(toks))
    return out
