"""A gate-shut page's lower-case glyph non-word read as its one clear cheap learned
confusion that the words before it prefer and the words after it do not refuse
(issue 12; session 58 ocrlight's reader, rebuilt in session 59, ocrsole).

The light readers of a clean-looking page (:mod:`repair.candidates.ocr_light`,
:mod:`repair.candidates.ocr_lightglyph`) refuse three kinds of OCR non-word
(``benchmarks/ocr_light_account.py``: declined or no candidate):

* a rare reading the trigram does not know either ("aristocraoy", "sodiment"): both sit at
  the model's unknown-word floor, so a 1-2 nat margin refuses a 0.3-1 nat confusion;
* a short print the web uses now and then read as one of the commonest words ("ihe",
  "acd", "ydu", "tham"): the confusion is dear or the print's Zipf prior too high;
* a lower-case print whose channel reading is capitalised ("lhe" -> "The").

Here the evidence is the channel, the print's absence from the web and both sides of the
token: a print (:func:`sole_token`) of lower-case letters the page prints once, that the
web never writes (above :data:`SHORT_LEN` letters) or rarely writes, with **exactly one
clear reading** (:func:`sole_reading`): one listed learned confusion to a common word whose
gain in context less its cost beats every other reading's by :data:`CLEAR_GAP` nats, that
the words before prefer (left-only gain > 0) and the words after do not refuse (right gain
> :data:`RIGHT_FLOOR`).  That reading replaces the other light readers' readings of the
token, priced at its channel cost plus :data:`PRIOR_PER_ZIPF` per Zipf of the print, taken
at margin :data:`THRESHOLD`.

Session 59 (ocrsole) adds :data:`WEB_FORM_KEEP`: a short print the web uses (Zipf > 0)
stays when the page's register says it may be a token of its own — see
:func:`web_form_kept`.
"""

from __future__ import annotations

from collections.abc import Mapping

from repair.candidates.ocr_rules import word_cand
from repair.resources.frequency import zipf
from repair.types import Candidate, Token

#: Switch (see the module doc; benchmarks/RESULTS.md, session 58 ocrlight and session 59
#: ocrsole).  Session 58 built it and left it OFF (census test: "alsa", "htm file" read as
#: words).  Session 59 rebuilt it with the list-page guard (:data:`WEB_FORM_KEEP`), a mark
#: glued to the print ("»upply") and the period table's counted words ("nad") as guards:
#: light dev fixed 295 / 962 / 2,226 -> 307 / 990 / 2,230 at 0.3 / 1 / 2 %, edits on
#: undamaged text 25 / 30 / 84 unchanged, wrong edits on damaged spans unchanged; census
#: dev 34 -> 35 OCR edits (one right reading of the source's typo, "seporate config");
#: clean English, audit dev and SMH dev unchanged.  ON.
SOLE_READING = True
#: Shortest print read (letters).
MIN_LEN = 3
#: The print is rarer than this on the web (Zipf) ...
MAX_ZIPF = 3.0
#: ... and above this many letters the web never writes it (Zipf 0): a long string the web
#: uses is a writer's spelling ("existant", "consistant", "neurone", "coupla").
SHORT_LEN = 4
#: Readings looked at (the channel's cheapest).
TOP = 4
#: One learned confusion of at most this cost (nats).
MAX_COST = 4.5
#: The reading: a lower-case word at least this common (Zipf) ...
TARGET_ZIPF = 3.0
#: ... and this much commoner than the print ...
ZIPF_GAP = 1.5
#: ... and, when the web uses the print (Zipf > 0), one of the commonest words.
WEB_TARGET_ZIPF = 5.5
#: The best reading's gain less cost beats every other reading's by this (nats).
CLEAR_GAP = 3.0
#: The words after the print must not refuse the reading by more than this (nats).
RIGHT_FLOOR = -2.0
#: Nats the reading pays per Zipf of the print (the candidate's cost).
PRIOR_PER_ZIPF = 1.0
#: The margin the scorer needs (gain - cost).
THRESHOLD = -1.0
#: Words each side of the print read by the trigram.
CONTEXT = 2

#: Session 59 (ocrsole): a short print the web uses (Zipf > 0) stays on a list page — see
#: :func:`web_form_kept`.  Dev: light dev unchanged (0 of the 81 short web prints the reader
#: reads stand on a list page); census dev keeps "remove unused dtd entity" (a near miss
#: without it: its right-side gain -2.17 against the -2 floor).  ON.
WEB_FORM_KEEP = True


def _words_around(toks: list[Token], i: int) -> tuple[list[str], list[str]]:
    """Up to :data:`CONTEXT` word texts before and after token ``i`` (the scorer's context:
    words only, marks skipped)."""
    prev: list[str] = []
    j = i - 1
    while j >= 0 and len(prev) < CONTEXT:
        if toks[j].kind == "word":
            prev.insert(0, toks[j].text)
        j -= 1
    nxt: list[str] = []
    j = i + 1
    while j < len(toks) and len(nxt) < CONTEXT:
        if toks[j].kind == "word":
            nxt.append(toks[j].text)
        j += 1
    return prev, nxt


def _figure_beside(toks: list[Token], i: int) -> bool:
    """Whether a number stands next to token ``i`` (spaces between at most): a unit."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(toks) and toks[j].kind == "space" and "\n\n" not in toks[j].text:
            j += step
        if 0 <= j < len(toks) and (toks[j].kind == "number" or toks[j].text[:1].isdigit()):
            return True
    return False


#: A list page: at least this many non-empty lines ...
LIST_MIN_LINES = 5
#: ... of which at least this share end without a sentence mark (titles, list items, bug
#: reports, headlines): there a short lower-case print the web uses may be an acronym, a
#: file type or a product written in lower case ("remove unused dtd entity", census dev).
LIST_SHARE = 0.5
#: Last characters that end a line as a sentence (a mark, or a quote or bracket after one).
_ENDS = frozenset(".!?:;\"')\u201d\u2019")

_list_memo: list[object] = [None, False]  # (the token list last asked, its answer)


def list_page(toks: list[Token]) -> bool:
    """Whether the page is a list of lines (:data:`LIST_MIN_LINES`, :data:`LIST_SHARE`)."""
    if _list_memo[0] is toks:
        return bool(_list_memo[1])
    lines = [ln.strip() for ln in "".join(t.text for t in toks).split("\n")]
    lines = [ln for ln in lines if ln]
    unended = sum(1 for ln in lines if ln[-1] not in _ENDS)
    found = len(lines) >= LIST_MIN_LINES and unended >= LIST_SHARE * len(lines)
    _list_memo[0], _list_memo[1] = toks, found
    return found


def web_form_kept(text: str, toks: list[Token], i: int) -> bool:
    """Whether a short print the web uses (Zipf > 0; the caller checks) may be a token of
    its own rather than a misprint (:data:`WEB_FORM_KEEP`): it stands on a
    :func:`list_page`.  Running prose makes a lower-case "ihe" or "ydu" a misprint; a list
    of bug titles or headlines writes acronyms, file types and product names in lower
    case.  On light dev no short web print with a reading stands on a list page (0 of 81);
    on census dev one does ("unused dtd entity")."""
    return list_page(toks)


#: What may touch the print with no space between: an opening bracket before it, a
#: sentence mark or closing bracket after it.  Anything else glued to it (a speck, a
#: sign: "»upply" for "supply", light dev) makes it a piece of a longer print.
_OPENERS = frozenset("([")
_CLOSERS = frozenset(".,;:!?)]")


def glued_to_mark(toks: list[Token], i: int) -> bool:
    """Whether a mark other than :data:`_OPENERS` / :data:`_CLOSERS` touches token ``i``."""
    tok = toks[i]
    if i > 0:
        b = toks[i - 1]
        if b.kind != "space" and b.end == tok.start and b.text not in _OPENERS:
            return True
    if i + 1 < len(toks):
        a = toks[i + 1]
        if a.kind != "space" and a.start == tok.end and a.text[:1] not in _CLOSERS:
            return True
    return False


def sole_token(
    tok: Token, counts: Mapping[str, int], reason: str, toks: list[Token], i: int
) -> bool:
    """Whether ``toks[i]`` is a print :func:`sole_reading` reads."""
    from repair.candidates.ocr_light import _piece_of_word
    from repair.candidates.ocr_lightglyph import near_code, quoted, regular_form
    from repair.candidates.ocr_realword import line_broken_piece
    from repair.score.ngrams import get_ngrams

    text = tok.text
    if reason not in ("nonword", "archaic") or len(text) < MIN_LEN:
        return False
    if not (text.isascii() and text.isalpha() and text.islower()):
        return False
    if counts.get(text, 0) > 1 or counts.get(text.capitalize(), 0) or counts.get(text.upper(), 0):
        return False
    z = zipf(text)
    if z >= MAX_ZIPF or (len(text) > SHORT_LEN and z > 0):
        return False
    if regular_form(text) or get_ngrams().count(text) > 0:  # an old spelling: "intrusted"
        return False
    if quoted(toks, i) or near_code(toks, i) or _figure_beside(toks, i):
        return False
    if glued_to_mark(toks, i) or _piece_of_word(toks, i) or line_broken_piece(toks, i):
        return False
    return True


def scored_readings(tok: Token, toks: list[Token], i: int) -> list[tuple]:
    """The print's readings (:data:`TOP` cheapest, one listed confusion, common enough),
    best first, each ``(gain - cost, gain, left gain, word, cost, channel candidate)``: the
    gain over the print by the trigram with :data:`CONTEXT` words each side, the left gain
    from the words before alone."""
    from repair.score.ocr_channel import correction_candidates
    from repair.score.ocr_variantlm import reader_lm

    text = tok.text
    z = zipf(text)
    floor = max(TARGET_ZIPF, z + ZIPF_GAP)
    if z > 0:
        floor = max(floor, WEB_TARGET_ZIPF)
    readings: list[tuple[str, float, object]] = []
    seen: set[str] = set()
    for c in correction_candidates(text)[:TOP]:
        if not c.listed or len(c.subs) != 1 or c.cost > MAX_COST:
            continue
        word = c.text
        if word[:1].isupper() and word[1:].islower():  # "lhe" -> "The": read in the print's case
            word = word.lower()
        if not (word.isalpha() and word.islower()) or word in seen or word == text:
            continue
        if zipf(word) < floor:
            continue
        seen.add(word)
        readings.append((word, c.cost, c))
    if not readings:
        return []
    lm = reader_lm()
    prev, nxt = _words_around(toks, i)
    base_all = lm.sequence_logprob([text, *nxt], prev)
    base_left = lm.sequence_logprob([text], prev)
    scored = []
    for word, cost, c in readings:
        whole = lm.sequence_logprob([word, *nxt], prev) - base_all
        left = lm.sequence_logprob([word], prev) - base_left
        scored.append((whole - cost, whole, left, word, cost, c))
    scored.sort(key=lambda s: -s[0])
    return scored


def sole_reading(tok: Token, toks: list[Token], i: int) -> Candidate | None:
    """The one clear reading of a :func:`sole_token` print, or None."""
    scored = scored_readings(tok, toks, i)
    if not scored:
        return None
    best = scored[0]
    if len(scored) > 1 and best[0] - scored[1][0] < CLEAR_GAP:
        return None
    _, whole, left, word, cost, c = best
    if left <= 0 or whole - left <= RIGHT_FLOOR:
        return None
    z = zipf(tok.text)
    if z > 0 and WEB_FORM_KEEP and web_form_kept(tok.text, toks, i):
        return None
    return word_cand(
        tok,
        word,
        "OCR_CONFUSION",
        finding="light_sole_reading",
        cost=cost + PRIOR_PER_ZIPF * z,
        threshold=THRESHOLD,
        subs=[[a, b.lower() if word != c.text else b] for a, b in c.subs],
    )


def sole_candidates(
    tok: Token, counts: Mapping[str, int], reason: str, toks: list[Token], i: int
) -> list[Candidate]:
    """:data:`SOLE_READING`'s reading of one shut-page finding (empty when none)."""
    if not SOLE_READING or not sole_token(tok, counts, reason, toks, i):
        return []
    found = sole_reading(tok, toks, i)
    return [found] if found is not None else []
