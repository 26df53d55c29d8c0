"""Capitalised and accented glyph non-words of a page the garble gate keeps shut, read by
the language model's margin over the print (issue 12, session 55).

:mod:`repair.candidates.ocr_lightglyph` reads a lower-case glyph non-word ("worid",
"thot") as a common word one learned confusion away when the model's gain in context
clears a margin after the channel cost and a prior for the print's own web frequency.
Two kinds of the same error stayed as printed (``benchmarks/ocr_light_account.py``, light
suite dev at 0.3 % and 1 %):

* **capitalised** glyph non-words, opening a sentence or in a title ("Juat as", "Ahd
  for", "Theae three", "Concrote proposals", "Campaign Finance Databaso"): the light
  capital reader (:func:`repair.candidates.ocr_light._capital_reading`) wants a print the
  web never uses (Zipf < 1.5), a reading of Zipf >= 4.5 and four letters or more.
  :data:`CAP_MARGIN` reads them with the lower-case reader's evidence: the channel's
  reading of the same case shape, the print's Zipf (case-folded) as the prior, both-sides
  context as the gain.  Names stay: a form or name the n-gram table knows, a print the
  page repeats (in either case), quoted prints, prints beside code or a file name.
* **accented** non-words, one accent on an English word ("takeovér", "spécial",
  "othér"): the light accent reader (:func:`repair.candidates.ocr_light._accent_reading`)
  wants the accented form unknown to the web (Zipf < 1.0), a plain form of Zipf >= 4 and
  no other accented word the web writes on the page, and one accent noise token made
  its neighbour look "written".  :data:`ACCENT_MARGIN` reads a one-accent print the web
  does not write (Zipf < :data:`ACCENT_WRITTEN_ZIPF`, the level
  :mod:`repair.candidates.ocr_accentkeep` calls a written spelling) as its plain form when
  the page prints no accented word the web writes ("Renée", "café", "résumé": a page of
  loan words and names keeps all of its accents), priced by the accented form's Zipf.
"""

from __future__ import annotations

from collections.abc import Mapping

from repair.candidates.ocr_rules import word_cand
from repair.resources.frequency import zipf
from repair.types import Candidate, Token

#: Switch: capitalised glyph non-words of a shut page ("Juat", "Ahd", "Theae", "Concrote")
#: read by the margin (module doc; benchmarks/RESULTS.md, session 55, ocrcap).  With
#: :data:`ACCENT_MARGIN`, light suite dev (``ocr_light_eval.py --suite --split dev``) spans
#: fixed 0.3 % 284 -> 289, 1 % 923 -> 942, 2 % 2,207 -> 2,210; edits on undamaged text
#: 23 / 30 / 84 and on the clean originals 23 unchanged; census dev 29 OCR edits, clean
#: English 3 (wrapped 6 / 6 / 9), audit dev 1 broken, SMH dev unchanged.
CAP_MARGIN = True
#: Switch: one spurious accent on an English word of a shut page ("takeovér", "othér")
#: read as the plain word by the margin (module doc; figures at :data:`CAP_MARGIN`).
ACCENT_MARGIN = True
#: Switch: :data:`CAP_MARGIN` also reads a capitalised print in mid-sentence (the finding
#: ``capitalized_unknown``, "Concrote" in a title).  OFF (lead, session 55): those prints
#: are mostly names in clean news ("Jinping", "Gyeongju", "Mbua" in the seeds), and
#: testing them loads the n-gram name list and the OCR vocabulary for nearly every clean
#: article (``tests/test_cold_start_loads.py``); the sentence-initial reading ("Juat",
#: "Theae") stays ON.
CAP_MID_SENTENCE = False

#: The print (case-folded, accents kept) is rarer than this on the web (Zipf).
MAX_ZIPF = 3.5
#: Shortest capitalised print read (letters): "benefits Qf making" would be "Of" (light dev
#: 1 %, a wrong edit at 2).
CAP_MIN_LEN = 3
#: The capital reading: learned confusions of at most this cost (nats) ...
CAP_MAX_COST = 4.0
#: ... at most this many (one; two in prints of :data:`LONG_LEN` letters or more) ...
MAX_SUBS = 1
LONG_LEN = 7
LONG_SUBS = 2
#: ... to a word of the print's case shape at least this common (Zipf, case-folded) ...
TARGET_ZIPF = 3.0
#: ... and this much commoner than the print.
ZIPF_GAP = 1.0
#: Nats the reading pays per Zipf unit of the print's own web frequency.
PRIOR_PER_ZIPF = 2.0
#: Margin (nats) the capital reading needs in context: gain - channel cost - prior.  Light
#: dev 0.3 / 1 / 2 % spans fixed (with :data:`ACCENT_THRESHOLD` beside it): 3.0 / 2.0:
#: 288 / 940 / 2,209; 2.0 / 1.0: 290 / 944 / 2,210 (+"Ahd", "Soe", "Chiok", "spécial",
#: "législation", "rëviving", "boxérs"), census dev and clean English unchanged; 1.0 / 0.5:
#: 290 / 945 / 2,211 and census dev "Sista #1: Looka there!" -> "Looks" (dialect).
CAP_THRESHOLD = 2.0
#: Readings tried per print (the channel's cheapest).
TOP = 3
#: An accented print the web writes this often is a spelling, not noise: "rôle" 1.99 and
#: "lamé" 1.83 (plain "role", "lame" common) stay; "spécial" 1.49, "législation" 1.03 are
#: read.  (``ocr_accentkeep.WRITTEN_ZIPF`` 2.0 is the page-level bar: "café" 3.75.)
ACCENT_WRITTEN_ZIPF = 1.5
#: The plain word is at least this common (Zipf) ...
ACCENT_PLAIN_ZIPF = 3.0
#: ... and this much commoner than the accented print.
ACCENT_GAP = 1.5
#: Margin (nats) the plain reading needs in context: gain - channel cost - prior (sweep at
#: :data:`CAP_THRESHOLD`).
ACCENT_THRESHOLD = 1.0

_POSSESSIVE = ("'s", "\u2019s")


def _core(text: str) -> tuple[str, str]:
    """``text`` split into its word and a possessive ending ("Govornment's")."""
    for end in _POSSESSIVE:
        if text.endswith(end) and len(text) > len(end):
            return text[: -len(end)], text[-len(end) :]
    return text, ""


def _title_shape(word: str) -> bool:
    """A plain capital, then lower-case letters ("Juat"; not "IoT", "ÉTÉ", "McGa")."""
    return word.isalpha() and word[:1].isupper() and word[:1].isascii() and word[1:].islower()


def _guarded(toks: list[Token], i: int) -> bool:
    """Whether ``toks[i]`` is quoted, near code or a file name, or a split word's piece."""
    from repair.candidates.ocr_light import _piece_of_word
    from repair.candidates.ocr_lightglyph import near_code, quoted

    return quoted(toks, i) or near_code(toks, i) or _piece_of_word(toks, i)


def _listed_name(word: str) -> bool:
    from repair.score.ngrams import get_ngrams

    return get_ngrams().is_name(word)


def _known_form(word: str) -> bool:
    """Whether the n-gram table knows ``word`` as a form or lists it as a name ("Planeta",
    "Instituto", "Porty": census dev webtext and news, read as "Planets", "Institute",
    "Party" without this at :data:`CAP_THRESHOLD` 1.0)."""
    from repair.score.ngrams import get_ngrams

    ng = get_ngrams()
    return ng.known(word) or ng.is_name(word)


def cap_token(
    tok: Token, counts: Mapping[str, int], reason: str, toks: list[Token], i: int
) -> bool:
    """Whether ``toks[i]`` is a capitalised print :data:`CAP_MARGIN` reads (module doc)."""
    from repair.candidates.ocr_lightglyph import regular_form

    if not CAP_MARGIN or reason not in ("nonword", "archaic", "capitalized_unknown"):
        return False
    if reason == "capitalized_unknown" and not CAP_MID_SENTENCE:
        return False
    word, _end = _core(tok.text)
    if len(word) < CAP_MIN_LEN or not _title_shape(word):
        return False
    low = word.lower()
    if counts.get(tok.text, 0) + counts.get(low, 0) + (counts.get(word, 0) if _end else 0) > 1:
        return False  # the page repeats it: a name or a word of its own
    if zipf(low) >= MAX_ZIPF or regular_form(low) or _known_form(word):
        return False
    return not _guarded(toks, i)


def cap_candidates(tok: Token) -> list[Candidate]:
    """The margin readings of a :func:`cap_token` print, in its own case shape."""
    from repair.score.ocr_channel import correction_candidates

    word, end = _core(tok.text)
    z = zipf(word.lower())
    subs = LONG_SUBS if len(word) >= LONG_LEN else MAX_SUBS
    out: list[Candidate] = []
    seen: set[str] = set()
    for c in correction_candidates(word)[:TOP]:
        if c.text in seen or not c.listed or c.cost > CAP_MAX_COST or len(c.subs) > subs:
            continue
        if not _title_shape(c.text):
            continue
        zt = zipf(c.text.lower())
        if zt < TARGET_ZIPF or zt < z + ZIPF_GAP:
            continue
        seen.add(c.text)
        out.append(
            word_cand(
                tok,
                c.text + end,
                "OCR_CONFUSION",
                finding="light_cap_margin",
                cost=c.cost + PRIOR_PER_ZIPF * z,
                threshold=CAP_THRESHOLD,
                subs=[list(x) for x in c.subs],
            )
        )
    return out


def _one_accent(word: str, plain: str) -> bool:
    """Whether ``word`` is ``plain`` with one composed accent, not on a capital and not a
    diaeresis on a second vowel ("coöperate": English spelling)."""
    from repair.candidates.ocr_accentkeep import _DIAERESIS

    if len(word) != len(plain) or sum(a != b for a, b in zip(word, plain, strict=True)) != 1:
        return False
    return word[:1].isascii() and _DIAERESIS.search(word) is None


def written_accents(words: Mapping[str, int], but: str) -> bool:
    """Whether the page prints accented words (other than ``but``) the web writes with their
    accents and no OCR engine invents ("Renée", "café": ``ocr_accentkeep``), unless the
    page's accent noise outnumbers them :data:`NOISE_OVER` to one ("aré", "othér", "keép",
    "thé", "féar" beside one "América"; one "viâ" beside "rôle", "élite" does not)."""
    from repair.candidates.ocr_accentkeep import _accented, _noise, _written_with_accents

    written = noise = 0
    for w in words:
        if w == but or w.isascii() or not _accented(w):
            continue
        if _noise(w):
            noise += 1
        elif _written_with_accents(w):
            written += 1
    return written > 0 and noise < NOISE_OVER * written


#: Accent noise outnumbers the page's written accents (module doc) by this factor.
NOISE_OVER = 2
#: Languages whose words keep their accents: a print one of them uses at least
#: :data:`FOREIGN_ZIPF` often ("débris" fr 3.9, "spécial" fr 4.7, "rôle", "naïve") is a
#: loan or quoted word, not noise; OCR's spurious accents make no word of any of them
#: ("takeovér", "othér", "chewéd": 0).  wordfreq's small lists, read on first use (~0.1 s
#: and ~20 MB once per process, only for a print that passed every other test).
FOREIGN_LANGS = ("fr", "es", "pt", "de", "it")
FOREIGN_ZIPF = 2.0


def foreign_word(word: str) -> bool:
    """Whether one of :data:`FOREIGN_LANGS` uses ``word`` (see there)."""
    import wordfreq

    return any(
        wordfreq.zipf_frequency(word, lang, wordlist="small") >= FOREIGN_ZIPF
        for lang in FOREIGN_LANGS
    )


def accent_token(
    tok: Token, counts: Mapping[str, int], reason: str, toks: list[Token], i: int
) -> bool:
    """Whether ``toks[i]`` is a one-accent print :data:`ACCENT_MARGIN` reads (module doc)."""
    from repair.score.ocr_channel import strip_accents

    if not ACCENT_MARGIN or reason != "spurious_accent":
        return False
    word, _end = _core(tok.text)
    if not word.isalpha() or not (word.islower() or _title_shape(strip_accents(word))):
        return False
    plain = strip_accents(word)
    if counts.get(tok.text, 0) > 1 or not _one_accent(word, plain):
        return False
    z, zp = zipf(word.lower()), zipf(plain.lower())
    if z >= ACCENT_WRITTEN_ZIPF or zp < ACCENT_PLAIN_ZIPF or zp < z + ACCENT_GAP:
        return False
    if not word.islower() and _listed_name(word):
        return False  # a name the lists write with its accent
    if written_accents(counts, tok.text) or _guarded(toks, i):
        return False
    return not foreign_word(word)


def accent_candidates(tok: Token) -> list[Candidate]:
    """The plain reading of an :func:`accent_token` print."""
    from repair.score.ocr_channel import correction_candidates, strip_accents

    word, end = _core(tok.text)
    plain = strip_accents(word)
    prior = PRIOR_PER_ZIPF * zipf(word.lower())
    return [
        word_cand(
            tok,
            c.text + end,
            "OCR_CONFUSION",
            finding="light_accent_margin",
            cost=c.cost + prior,
            threshold=ACCENT_THRESHOLD,
            subs=[list(x) for x in c.subs],
        )
        for c in correction_candidates(word)[:TOP]
        if c.text == plain and c.listed
    ]


def margin_candidates(
    tok: Token, counts: Mapping[str, int], reason: str, toks: list[Token], i: int
) -> list[Candidate]:
    """The readings of :data:`CAP_MARGIN` and :data:`ACCENT_MARGIN` for one finding of a
    shut page that no other light reader read (the caller checks)."""
    if cap_token(tok, counts, reason, toks, i):
        return cap_candidates(tok)
    if accent_token(tok, counts, reason, toks, i):
        return accent_candidates(tok)
    return []
