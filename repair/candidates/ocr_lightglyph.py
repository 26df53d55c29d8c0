"""Glyph non-words of a page the garble gate keeps shut, read by the language model's gain
over the print, priced by how often the web prints the print (issue 12, session 54).

The light path (:func:`repair.candidates.ocr_light.light_candidates`) reads a lower-case
non-word only if the web does not use it (Zipf below ``ocr_light.RARE_ZIPF``) and the
n-gram table does not know it; OCR's commonest confusions make forms the web prints now
and then as its own typos or as other words ("worid" 1.5, "senso" 1.8, "timo" 2.6, "ahd",
"thot"), and on a clean-looking page they were left as printed
(``benchmarks/ocr_light_account.py``: the largest class of unfixed damaged tokens,
glyph non-words with no candidate).  Session 53 read them by a fixed Zipf bar and edited
clean text ("the odd lotter", a quoted "hann").

Here, as for merged words (:mod:`repair.candidates.ocr_lightmerge`), the decision is the
language model's margin: a lower-case token the page prints once, a non-word finding the
light path gave no reading, is read as a common word one learned confusion away when the
reading's gain in context over the print clears :data:`THRESHOLD` after the channel cost
and a prior for the print, :data:`PRIOR_PER_ZIPF` nats per Zipf unit of the print's own
web frequency: a form the web never prints pays only the confusion, one the web uses
(a name, a product, a file extension) needs much more context to move, and one as common
as :data:`MAX_ZIPF` is a word.  Quoted tokens, tokens beside a code mark, a file name or a
URL, pieces of a split word and capitalised tokens stay.
"""

from __future__ import annotations

from collections.abc import Mapping

from repair.candidates.ocr_rules import word_cand
from repair.resources.frequency import zipf
from repair.types import Candidate, Token

#: Switch (see the module doc; benchmarks/RESULTS.md, session 54, ocrltypo).  Light suite dev
#: (``ocr_light_eval.py --suite --split dev``) recall 0.3 % 274 -> 284, 1 % 897 -> 923, 2 %
#: 2,202 -> 2,207 spans fixed; edits on undamaged text 21 -> 23 / 30 / 84 and on the clean
#: originals 21 -> 23, both +2 right readings of the source's own OCR errors ("rival umons",
#: "educational systern"); census dev 1 / 20 / 28 -> 1 / 21 / 29 ("umons"); clean English
#: gate 0/750, OCR edits 1 -> 3 ("umons", "ahout": the source's), wrapped 4/4/7 -> 6/6/9;
#: audit dev, SMH dev and the ICDAR-only proxy dev unchanged.
GLYPH_MARGIN = True
#: The print is rarer than this on the web (Zipf); more common is a word.
MAX_ZIPF = 3.5
#: Shortest token read (letters).
MIN_LEN = 2
#: The reading: learned confusions of at most this cost (nats): OCR's glyph confusions are
#: cheap ("worid" 1.2, "senso" 0.4, "ahd" 3.7); a writer's misspelt vowel is dear
#: ("existant", "consistant", "coupla" 4.3, "loging" 4.5, census dev webtext).  4.5: light dev
#: 290 / 940 / 2,208 but six more census dev edits on clean webtext (THRESHOLD 1.0).
MAX_COST = 4.0
#: ... at most this many of them (one; two in tokens of :data:`LONG_LEN` letters or more) ...
MAX_SUBS = 1
LONG_LEN = 7
LONG_SUBS = 2
#: ... to a lower-case word at least this common (Zipf) ...
TARGET_ZIPF = 3.0
#: ... and this much commoner than the print (Zipf).
ZIPF_GAP = 1.0
#: Nats the reading pays per Zipf unit of the print's own web frequency.
PRIOR_PER_ZIPF = 2.0
#: Margin (nats) the reading needs in context: gain - channel cost - prior.  With
#: :data:`MAX_COST` 4.0 (before :func:`regular_form`), light dev 1.0: 286 / 930 / 2,207 and
#: census dev "motor neurone disease" -> "neurons"; 3.0: 284 / 926 / 2,207, no clean edit but
#: "umons"; 5.0: 283 / 921.
THRESHOLD = 3.0
#: Readings tried per token (the channel's cheapest).
TOP = 3
#: Words either side of the token searched for a file name, path or URL.
WORDS_REACH = 3
#: A print that is a known word (of :data:`STEM_MIN_LEN` letters or more) and one of these
#: endings is a regular form the word list lacks, not garble ("loather": loathe + r, the
#: clean suite's negative case, read as "leather" without this; "ureas", "gots").
STEM_ENDINGS = ("s", "es", "r", "er", "d", "ed", "ly", "ing")
STEM_MIN_LEN = 3

_QUOTES = frozenset("\"'`‘’“”")


def quoted(toks: list[Token], i: int) -> bool:
    """Whether a quote mark touches token ``i`` on either side ("hann", 'lotter')."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(toks) and toks[j].text[:1] in _QUOTES:
            return True
    return False


#: Marks that make a file name, path, address or URL of the words they join ("config/app",
#: "me@host", "my_file"); a full stop joins one before a lower-case word ("app.ini").
_PATH_MARKS = frozenset("/\\@_:")


def _path_mark(toks: list[Token], j: int) -> bool:
    """Whether token ``j`` is a mark glued to a word on both sides that makes a file
    name, path, address or URL ("app.ini", "www.x.com/a_b", "me@x.org"; not "U.S.")."""
    t = toks[j].text
    if t not in _PATH_MARKS and t != "." or j == 0 or j + 1 >= len(toks):
        return False
    left, right = toks[j - 1], toks[j + 1]
    if left.kind != "word" or right.kind != "word":
        return False
    return t != "." or right.text[:1].islower() or right.text[:1].isdigit()


def near_code(toks: list[Token], i: int, reach: int = WORDS_REACH) -> bool:
    """Whether token ``i`` is glued to a code mark
    (:func:`repair.candidates.ocr_lightmerge.glued_to_code`) or a file name, path or URL
    stands within ``reach`` words of it ("the htm file", "see foo.cfg")."""
    from repair.candidates.ocr_lightmerge import glued_to_code

    if glued_to_code(toks, i):
        return True
    for step in (-1, 1):
        j, words = i + step, 0
        while 0 <= j < len(toks) and words <= reach:
            if _path_mark(toks, j):
                return True
            words += toks[j].kind == "word"
            j += step
    return False


def regular_form(text: str) -> bool:
    """Whether ``text`` is a known word and one of :data:`STEM_ENDINGS` ("loather")."""
    from repair.score.ocr_channel import is_known

    for end in STEM_ENDINGS:
        stem = text[: -len(end)]
        if text.endswith(end) and len(stem) >= STEM_MIN_LEN and is_known(stem):
            return True
    return False


def glyph_token(
    tok: Token, counts: Mapping[str, int], reason: str, toks: list[Token], i: int
) -> bool:
    """Whether ``toks[i]`` (``tok``) is what :func:`glyph_candidates` reads: a lower-case
    non-word finding of :data:`MIN_LEN` letters or more, printed once, rarer than
    :data:`MAX_ZIPF`, no regular form of a known word, not quoted, not near code, no piece of
    a split word."""
    from repair.candidates.ocr_light import _piece_of_word

    text = tok.text
    if not GLYPH_MARGIN or reason not in ("nonword", "archaic") or len(text) < MIN_LEN:
        return False
    if not (text.isalpha() and text.islower()) or counts.get(text, 0) > 1:
        return False
    if zipf(text) >= MAX_ZIPF or regular_form(text):
        return False
    return not (quoted(toks, i) or near_code(toks, i) or _piece_of_word(toks, i))


def glyph_candidates(tok: Token) -> list[Candidate]:
    """The margin readings of a :func:`glyph_token` token."""
    from repair.score.ocr_channel import correction_candidates

    text = tok.text
    z = zipf(text)
    subs = LONG_SUBS if len(text) >= LONG_LEN else MAX_SUBS
    prior = PRIOR_PER_ZIPF * z
    out: list[Candidate] = []
    seen: set[str] = set()
    for c in correction_candidates(text)[:TOP]:
        if c.text in seen or not c.listed or c.cost > MAX_COST or len(c.subs) > subs:
            continue
        if not c.text.islower() or not c.text.isalpha():
            continue
        zt = zipf(c.text)
        if zt < TARGET_ZIPF or zt < z + ZIPF_GAP:
            continue
        seen.add(c.text)
        out.append(
            word_cand(
                tok,
                c.text,
                "OCR_CONFUSION",
                finding="light_glyph_margin",
                cost=c.cost + prior,
                threshold=THRESHOLD,
                subs=[list(x) for x in c.subs],
            )
        )
    return out


def margin_candidates(
    tok: Token, counts: Mapping[str, int], reason: str, toks: list[Token], i: int
) -> list[Candidate]:
    """The readings of :data:`GLYPH_MARGIN` for one finding of a shut page that no other
    light reader read (the caller checks)."""
    if not glyph_token(tok, counts, reason, toks, i):
        return []
    return glyph_candidates(tok)
