"""Clear errors of lightly garbled text, where the garble gate stays shut.

A page with a handful of OCR errors (an 1897 court opinion with 22 wrong tokens in
thousands, a clipping at 1-3 % CER) does not open the gate
(:func:`repair.detect.ocr.is_garbled`), and before this module only unmistakable
garble ("tbe", "1aw", "shaU") was repaired there.  Its clear errors are repaired too:
a lower-case non-word the page prints once, which the web does not use (Zipf below
:data:`RARE_ZIPF`), which is no old spelling and no word of the period vocabulary,
and which **one cheap learned confusion** reads as a common word ("recentlv" ->
"recently", "aud" is already a garble form).  The language model must want the
reading by a wide margin (:data:`THRESHOLD`), with both neighbours as context.
Clean text keeps its rare words: a name is capitalised, a dialect or foreign word is
used on the web, and a typo is rarely one OCR confusion from a common word *and*
wanted by the context.
"""

from __future__ import annotations

from collections.abc import Mapping

from repair.candidates.ocr_rules import cand, word_cand
from repair.resources.frequency import zipf
from repair.score.ocr_channel import Correction, archaic_form, correction_candidates
from repair.types import Candidate, Token

#: At most this channel cost (nats), one learned confusion.
MAX_COST = 4.5
#: The reading is at least this common (Zipf).
TARGET_ZIPF = 3.0
#: Tokens the web uses this often are rare words, not errors.
RARE_ZIPF = 1.5
#: Margin (nats) the reading needs in context.
THRESHOLD = 2.0
#: A page that prints old spellings (``ocr_oldspell.old_print_page``) keeps the session-5
#: settings: its rare forms are old spellings ("imbraced") more often than garble.
OLD_PAGE_MAX_COST = 3.5
OLD_PAGE_TARGET_ZIPF = 4.0
OLD_PAGE_THRESHOLD = 3.0
#: Shortest token read.
MIN_LEN = 4


def light_candidates(
    tok: Token,
    counts: Mapping[str, int],
    reason: str,
    old_page: bool = False,
    toks: list[Token] | None = None,
    i: int = -1,
) -> list[Candidate]:
    """The clear-error reading of one finding of a page the gate keeps shut, if any
    (``old_page``: the page prints old spellings; ``toks[i]`` is ``tok``, if given)."""
    max_cost = OLD_PAGE_MAX_COST if old_page else MAX_COST
    target_zipf = OLD_PAGE_TARGET_ZIPF if old_page else TARGET_ZIPF
    threshold = OLD_PAGE_THRESHOLD if old_page else THRESHOLD
    text = tok.text
    if reason == "capitalized_unknown":
        return _capital_glyph(tok, counts) or _capital_reading(tok, counts, reason)
    if reason == "nonword" and text[:1].isupper():
        return _capital_reading(tok, counts, reason)  # "Ootober" opening a sentence
    if reason == "spurious_accent":
        return _accent_reading(tok, counts)
    if not old_page and _common_garble(text, counts, reason):
        if toks is not None and _piece_of_word(toks, i):
            return []  # "fut ure": a split word's piece, not "are"
        return _common_readings(tok, text)
    if len(text) < MIN_LEN or not _plain_nonword(text, counts, reason, old_page):
        return []
    out = []
    found = correction_candidates(text)[:3]
    subs = LONG_SUBS if len(text) >= LONG_LEN and not old_page else 1
    for k, c in enumerate(found):
        if not c.listed or c.cost > max_cost or len(c.subs) > subs or not c.text.islower():
            continue  # one learned confusion, and no capital from a misread glyph ("lables")
        if zipf(c.text) < target_zipf:
            continue
        thr = threshold
        if not old_page and k == 0 and clear_reading(c, found[1:]):
            thr = CLEAR_THRESHOLD  # "piice": price 2.1 nats, piece and pace 4.5
        out.append(_reading(tok, c, "light_nonword", thr))
    return out


#: A reading the channel prefers by this many nats over every other reading of the
#: token ...
RUNNER_UP_GAP = 2.0
#: ... needs only this margin in context (nats; :data:`THRESHOLD` otherwise).
CLEAR_THRESHOLD = 1.0
#: Tokens this long may be read through two learned confusions ("pievlous" -> "previous"):
#: a long non-word two glyphs from a common word is no rare word of clean text.
LONG_LEN = 7
LONG_SUBS = 2
#: A form the archaic rules read ("heen": hen, "actes": acts) on a page that prints no old
#: spellings is read like any other non-word ("been", "acres").
ARCHAIC_MODERN = True


def clear_reading(best: Correction, others: list[Correction]) -> bool:
    """Whether the channel's best reading of a token beats every other one by
    :data:`RUNNER_UP_GAP` nats (the runner-up, if any, is far dearer)."""
    return all(o.cost >= best.cost + RUNNER_UP_GAP for o in others if o.text != best.text)


#: A short non-word the web prints now and then (its own typos: "waa" 2.6, "heen" 1.8,
#: "thia" 2.2, "wlth" 1.5), below :data:`COMMON_RARE_ZIPF`, is read only as one of the
#: commonest words (Zipf >= :data:`COMMON_TARGET_ZIPF`: "was", "been", "this", "with")
#: one learned confusion of at most :data:`COMMON_MAX_COST` nats away.
COMMON = True
COMMON_RARE_ZIPF = 2.9
COMMON_TARGET_ZIPF = 6.0
COMMON_MAX_COST = 3.0
COMMON_MIN_LEN = 3


def _common_garble(text: str, counts: Mapping[str, int], reason: str) -> bool:
    """Whether ``text`` is a rare lower-case non-word finding :data:`COMMON` reads."""
    if not COMMON or reason not in ("nonword", "archaic") or len(text) < COMMON_MIN_LEN:
        return False
    if not _lower_once(text, counts):
        return False
    z = zipf(text)
    if z >= COMMON_RARE_ZIPF or (z < RARE_ZIPF and len(text) >= MIN_LEN):
        return False  # rarer forms of four letters or more: the plain light path
    return _unknown_form(text)


def _lower_once(text: str, counts: Mapping[str, int]) -> bool:
    """Whether ``text`` is all lower-case letters, printed at most once on the page."""
    return text.isalpha() and text.islower() and counts.get(text, 0) <= 1


def _unknown_form(text: str) -> bool:
    """Whether the n-gram table does not know ``text`` as a form."""
    from repair.score.ngrams import get_ngrams

    return not get_ngrams().known(text)


def _piece_of_word(toks: list[Token], i: int) -> bool:
    """Whether word token ``i`` joined with the word before or after it (one space
    between) makes a known word."""
    from repair.score.ocr_channel import is_known

    text = toks[i].text.lower()
    for j, k in ((i - 2, i - 1), (i + 2, i + 1)):
        if 0 <= j < len(toks) and toks[j].kind == "word" and toks[k].text == " ":
            joined = toks[j].text.lower() + text if j < i else text + toks[j].text.lower()
            if is_known(joined):
                return True
    return False


def _common_readings(tok: Token, text: str) -> list[Candidate]:
    """The commonest-word readings of a :func:`_common_garble` token."""
    return [
        _reading(tok, c, "light_common", THRESHOLD)
        for c in correction_candidates(text)[:3]
        if c.listed and c.cost <= COMMON_MAX_COST and len(c.subs) == 1 and c.text.islower()
        and zipf(c.text) >= COMMON_TARGET_ZIPF
    ]  # fmt: skip


def _plain_nonword(
    text: str, counts: Mapping[str, int], reason: str, old_page: bool = True
) -> bool:
    """Whether ``text`` is a lower-case non-word finding printed at most once, rare, not an
    old spelling (on a page that prints none: see :data:`ARCHAIC_MODERN`) and no form the
    n-gram table knows: what the light path reads."""
    modern = ARCHAIC_MODERN and not old_page
    if reason not in (("nonword", "archaic") if modern else ("nonword",)):
        return False
    if not _lower_once(text, counts) or zipf(text) >= RARE_ZIPF:
        return False
    if not modern and archaic_form(text):
        return False
    return _unknown_form(text)


def _reading(tok: Token, c: Correction, finding: str, threshold: float) -> Candidate:
    """The candidate reading ``tok`` as the confusion reading ``c``."""
    return word_cand(
        tok,
        c.text,
        "OCR_CONFUSION",
        finding=finding,
        cost=c.cost,
        threshold=threshold,
        subs=[list(x) for x in c.subs],
    )


#: A capitalised non-word inside a sentence whose capital is a misread lower-case glyph
#: ("Hke": H for li, "Hmited") is read as the lower-case word.
CAPITAL_GLYPH = True
#: ... one learned confusion at most this cheap (nats), a word of Zipf >= 4.
CAPITAL_GLYPH_MAX_COST = 2.0


def _capital_glyph(tok: Token, counts: Mapping[str, int]) -> list[Candidate]:
    """The lower-case reading of a capitalised token whose capital is a misread glyph."""
    text = tok.text
    if not CAPITAL_GLYPH or len(text) < 3 or not text.isalpha() or not text[1:].islower():
        return []
    if counts.get(text, 0) > 1 or zipf(text.lower()) >= RARE_ZIPF:
        return []
    readings = [
        c
        for c in correction_candidates(text)[:3]
        if c.listed and c.cost <= CAPITAL_GLYPH_MAX_COST and len(c.subs) <= 1
        and c.text.islower() and zipf(c.text) >= OLD_PAGE_TARGET_ZIPF
    ]  # fmt: skip  # the capital itself must read as lower-case letters
    if not readings:
        return []
    # the n-gram table's forms and names only now: loading it costs a clean page
    # ~25 ms and ~7 MB (cold start, issue 14)
    from repair.score.ngrams import get_ngrams

    ng = get_ngrams()
    if ng.known(text) or ng.is_name(text):
        return []
    return [_reading(tok, c, "light_capital_glyph", OLD_PAGE_THRESHOLD) for c in readings]


#: A lower-case word with one accent the web never prints ("résults", "beèn", "whèther")
#: whose plain form is a common English word is read as that word on a shut page; loan
#: words keep theirs ("rôle" 2.0, "élite" 2.1, "régime" 2.5 are written on the web;
#: "débris", "zoölogy" read as words rarer than :data:`ACCENT_PLAIN_ZIPF`).
ACCENTS = True
#: The accented form is rarer than this (Zipf) ...
ACCENT_RARE_ZIPF = 1.0
#: ... and its plain form at least this common.
ACCENT_PLAIN_ZIPF = 4.0


def _written_accent(word: str) -> bool:
    """Whether ``word`` is an accented form the web writes that OCR noise does not make
    ("rôle", "café"; not "thé": :func:`repair.candidates.ocr_accentkeep.accent_noise`)."""
    from repair.candidates.ocr_accentkeep import _noise
    from repair.score.ocr_channel import strip_accents

    return strip_accents(word) != word and zipf(word) >= ACCENT_RARE_ZIPF and not _noise(word)


#: A capitalised word with one accent after its capital ("Secrétary", "Spéaker") is read
#: the same way (names the web writes with theirs stay: "José", "Zoë" are Zipf >= 1).
ACCENT_CAPITALS = True


def _capital_once(text: str, counts: Mapping[str, int]) -> bool:
    """Whether ``text`` is a capitalised word of letters, its capital plain, printed once."""
    if not ACCENT_CAPITALS or not text.isalpha() or counts.get(text, 0) > 1:
        return False
    return text[:1].isupper() and text[:1].isascii() and text[1:].islower()


def _listed_name(text: str) -> bool:
    from repair.score.ngrams import get_ngrams

    return get_ngrams().is_name(text)


def _accent_reading(tok: Token, counts: Mapping[str, int]) -> list[Candidate]:
    """The plain reading of a lower-case (or capitalised: :data:`ACCENT_CAPITALS`) token with
    one spurious accent (see :data:`ACCENTS`)."""
    from repair.score.ocr_channel import strip_accents

    text = tok.text
    if not ACCENTS or not (_lower_once(text, counts) or _capital_once(text, counts)):
        return []
    plain = strip_accents(text)
    if sum(a != b for a, b in zip(text, plain, strict=False)) != 1 or len(plain) != len(text):
        return []  # one accent: the composed form only
    if zipf(text.lower()) >= ACCENT_RARE_ZIPF or zipf(plain.lower()) < ACCENT_PLAIN_ZIPF:
        return []
    if any(w != text and _written_accent(w) for w in counts):
        return []  # the page writes accents ("rôle", "élite"): "viâ" is the author's too
    if not text.islower() and _listed_name(text):
        return []  # a name the lists write with its accent
    return [
        _reading(tok, c, "light_accent", THRESHOLD)
        for c in correction_candidates(text)[:1]
        if c.text == plain and c.cost <= MAX_COST
    ]


#: A capitalised non-word one learned confusion from a capitalised common word
#: ("Ootober", "Congross", "Offieial", "Washingtou") is read as it, with a name's margin;
#: names no list knows are rarely so close to a word that common ("Jerrett": Jarrett 4.5
#: nats, Zipf 3.2).  The confusion may cost up to 4.5 nats ("Sovlet", "Fedcral", "Watet":
#: 2.0 until session 23; light suite dev at 1 %: 672 -> 681 spans fixed, no edit more
#: on undamaged text).
CAPITALS = True
CAPITAL_MAX_COST = 4.5
CAPITAL_TARGET_ZIPF = 4.5
CAPITAL_THRESHOLD = 3.0


def _capital_reading(tok: Token, counts: Mapping[str, int], reason: str) -> list[Candidate]:
    """The capitalised common-word reading of a capitalised non-word (see :data:`CAPITALS`)."""
    text = tok.text
    if not CAPITALS or len(text) < MIN_LEN or not text.isalpha() or not text[1:].islower():
        return []
    if counts.get(text, 0) > 1 or zipf(text.lower()) >= RARE_ZIPF:
        return []
    readings = [
        c
        for c in correction_candidates(text)[:2]
        if c.listed and c.cost <= CAPITAL_MAX_COST and len(c.subs) == 1
        and c.text[:1].isupper() and c.text[1:].islower()
        and zipf(c.text.lower()) >= CAPITAL_TARGET_ZIPF
    ]  # fmt: skip
    if not readings:
        return []
    from repair.score.ngrams import get_ngrams

    ng = get_ngrams()
    if ng.known(text) or ng.is_name(text):
        return []
    return [_reading(tok, c, "light_capital", CAPITAL_THRESHOLD) for c in readings]


#: Merged and split words of clean-looking pages are read too (``benchmarks/ocr_light_eval.py
#: --suite``: most clear errors of lightly garbled text the page does not fix).
BOUNDARIES = True
#: A merged token's split ("ofthe", "andwater") costs at most this (``split_candidates``).
MERGE_MAX_COST = 2.5
#: Its parts are at least this common (Zipf).
MERGE_PART_ZIPF = 3.0
#: A split word's join ("wa nt") is a word at least this common.
JOIN_TARGET_ZIPF = 4.0
#: Margin (nats) both need in context.
BOUNDARY_THRESHOLD = 3.0


def light_boundary_candidates(
    toks: list[Token], i: int, counts: Mapping[str, int], reason: str
) -> list[Candidate]:
    """A merged non-word split ("ofthe" -> "of the") or a non-word piece joined with its
    neighbour ("wa nt" -> "want") on a page the gate keeps shut (see :data:`BOUNDARIES`)."""
    from repair.candidates.ocr_closedsplit import closed_compound
    from repair.candidates.ocr_spacing import SPACING_COST, joins
    from repair.score.ocr_channel import split_candidates

    tok = toks[i]
    text = tok.text
    elided = i + 1 < len(toks) and toks[i + 1].text in ("'", "’")  # "readin'": dialect
    glue = not elided and glued_function_word(text, counts, reason)
    plain = _plain_nonword(text, counts, reason)
    if not BOUNDARIES or not (glue or plain):
        return []
    out = []
    if len(text) >= 5 or glue:
        for sp in split_candidates(text)[:1]:
            parts = sp.parts
            if len(parts) != 2 or sp.cost > MERGE_MAX_COST:
                continue
            if min(zipf(p) for p in parts) < MERGE_PART_ZIPF:
                continue
            if closed_compound(text, parts):
                continue  # "signon", "stemcells": the web prints it closed (session 52)
            clear = glue and sp.cost <= GLUE_MAX_COST and max(map(zipf, parts)) >= GLUE_ZIPF
            if not (clear or plain):
                continue
            out.append(
                cand(
                    tok.start,
                    tok.end,
                    " ".join(parts),
                    "OCR_SPLIT_MERGED",
                    finding="light_merged",
                    orig=[text],
                    alt=list(parts),
                    cost=SPACING_COST + sp.cost,
                    threshold=GLUE_THRESHOLD if clear else BOUNDARY_THRESHOLD,
                )
            )
    for c in joins(toks, i, reason) if plain else ():
        if c.source != "OCR_JOIN_SPLIT" or zipf(c.replacement.lower()) < JOIN_TARGET_ZIPF:
            continue
        c.features["threshold"] = max(BOUNDARY_THRESHOLD, c.features.get("threshold") or 0.0)
        c.features["finding"] = "light_split"
        out.append(c)
    return out


#: A non-word glued from a function word and a word ("atthe", "tomake", "abilitywas",
#: "universitiesare"), split by the channel at most :data:`GLUE_MAX_COST` nats with one
#: part at least :data:`GLUE_ZIPF` common, is a clear error: clean text coins compounds of
#: content words ("snowpack"), hardly ever one of "the", "was" or "to".  Such a token may
#: be as common on the web as :data:`GLUE_RARE_ZIPF` ("atthe" 2.0: the web's own typos) ...
GLUE = True
GLUE_MAX_COST = 1.5
GLUE_ZIPF = 6.0
GLUE_RARE_ZIPF = 2.5
#: ... and its split needs this margin in context (nats; :data:`BOUNDARY_THRESHOLD` else).
GLUE_THRESHOLD = 0.5


def glued_function_word(text: str, counts: Mapping[str, int], reason: str) -> bool:
    """Whether ``text`` is a lower-case non-word finding, printed once, no form the n-gram
    table knows, that may be a function word glued to a word (see :data:`GLUE`)."""
    if not GLUE or reason != "nonword" or len(text) < 4:
        return False
    if not _lower_once(text, counts):
        return False
    if zipf(text) >= GLUE_RARE_ZIPF or archaic_form(text):
        return False
    return _unknown_form(text)
