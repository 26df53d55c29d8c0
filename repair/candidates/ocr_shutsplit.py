"""Merged words of a page the garble gate keeps shut, split where the page prints the
pieces (issue 12, session 51): "ofthe", "theaerosols", "ourcountry", "ofEgyptian".

On a lightly garbled page (the light suite's 0.3-1 % damage) most boundary errors left
are two words run together; the light path
(:func:`repair.candidates.ocr_light.light_boundary_candidates`) splits a merged non-word
only when the n-gram table does not know it ("ofthe", "inthe" are the web's own typos)
and then at the language model's plain margin, which on a shut page charges the merged
form one unknown word however many words it stands for ("andlivestock" -> "and
livestock" clears by 0.3 nats).  Garbled pages charge a merged non-word
:data:`repair.score.ocr.SPLIT_OOV_CHARGE` per extra word; shut pages do not, so that a
rare compound of clean text ("chokehold", "snowpack") survives.

Here the page's own vocabulary tells a merge from a compound: a token of letters the
page prints once, no known word, cut into two pieces that are each a word the page
prints on its own elsewhere (any case) or one of the commonest words (Zipf at least
:data:`COMMON_ZIPF`: "the", "of", "and"), one of them such a common word (two content
words are a compound a source may close: "decisionmaking"), and the web printing the
closed form far less often than the two words (:data:`CLOSED_LOG_RATIO`: "alltime" is a
form of its own, "ofthe" a typo), gets the garbled pages' charge.  A dropped g of speech
("playin", "bangin") is no merge, a token glued to code marks is left alone, and so is
one a cheap learned confusion reads as a common word ("withour": "without").  An inner
capital ("ofEgyptian", "inIraq") is cut there only, its left piece a common lower-case
word.  The language model, both sides, still decides the split by :data:`THRESHOLD`.

>>> cuts("theaerosols", {"aerosols": 2})
[('the', 'aerosols')]
>>> cuts("snowpack", {"snow": 1})
[]
"""

from __future__ import annotations

from collections.abc import Mapping

from repair.candidates.ocr_rules import cand, page_count
from repair.candidates.ocr_spacing import SPACING_COST
from repair.resources.frequency import zipf
from repair.score.ocr import SPLIT_OOV_CHARGE
from repair.score.ocr_channel import correction_candidates, is_known, is_target
from repair.types import Candidate, Token

#: Switch (see the module doc; benchmarks/RESULTS.md, session 51, ocrmerge).  On: light
#: suite dev recall 0.3 % 254 -> 263 fixed, 1 % 810 -> 866, 2 % 2,185 -> 2,191, precision
#: 92.4 / 95.7 / 94.6 % -> 92.6 / 96.0 / 94.6 %, edits on undamaged text and on the clean
#: originals unchanged (21 / 30 / 88; 21); census dev 27 -> 28 OCR edits (a screenplay's own
#: "justMy" -> "just My"); SMH dev 4,287 / 6,974, proxy, audit dev, clean gate unchanged.
#: Test (read once): light 228 -> 237, 799 -> 846, 2,184 -> 2,190; census 47 -> 52 edits
#: ("Foran" -> "For an", "leadtime", "onchange", "howto"; "muchover" is a right repair).
PAGE_SPLIT = True
#: A piece the page does not print on its own must be at least this common (Zipf).
COMMON_ZIPF = 6.0
#: The merged token is rarer than this on the web ("ofthe" 3.3 is the web's typo).
MERGED_MAX_ZIPF = 3.5
#: Two content words (no piece of Zipf :data:`COMMON_ZIPF`) may be cut apart
#: ("taxincentives"); off: one piece must be a common word ("decisionmaking" stays).
CONTENT_PAIRS = False
#: The web prints the closed form at least 10 ** this as often as the two words
#: (``zipf(closed) - zipf(bigram)``, the bigram's Zipf from the n-gram table): a form in
#: its own right, not a typo ("alltime" -1.8, "decisionmaking" +1.0, "healthcare" -0.4;
#: the web's merges "ofthe" -3.5, "forthe" -3.8, "youcan" -3.2, "shewas" -5.3).
CLOSED_LOG_RATIO = -2.5
#: Margin (nats) the split needs in context.
THRESHOLD = 2.0
#: Shortest merged token (letters) and shortest piece.
MIN_LEN = 5
MIN_PIECE = 2
#: Marks that glue a token to code or markup ("obj.toString", "on_click", "a/b"): a token
#: touching one (no space between) is left alone.
CODE_MARKS = frozenset("._/\\@#=<>()[]{}|~`*+&$%^-")
QUOTES = frozenset("\"'`‘’“”")
#: A capitalised token mid-sentence or after a title is a name, split only as the garbled
#: pages' split does it (:func:`repair.candidates.ocr_namepos.common_head_mid_sentence`,
#: :func:`repair.candidates.ocr_namepos.name_position`): "the Foran family" is no "For an"
#: ("Ofthe" after a stop still splits).  Session 52 (ocrprec): light suite dev and the
#: census dev unchanged (no dev case either way; benchmarks/RESULTS.md, session 52, ocrprec).
NAME_GUARD = True
#: A token one learned confusion of at most this many nats reads as a word of at least
#: this Zipf is left to the glyph readers ("withour": "without", not "with our").
CONFUSABLE_COST = 5.0
CONFUSABLE_ZIPF = 5.0


def _vouched(piece: str, counts: Mapping[str, int]) -> bool:
    """Whether the page prints ``piece`` on its own or it is one of the commonest words."""
    return is_target(piece.lower()) and (
        page_count(piece, counts, as_printed=True) > 0 or zipf(piece.lower()) >= COMMON_ZIPF
    )


def _glued_to_code(toks: list[Token], i: int) -> bool:
    """Whether a code mark touches token ``i``, through quotes (``src="someimage"``)."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(toks) and toks[j].text in QUOTES:
            j += step
        if 0 <= j < len(toks) and toks[j].kind != "space" and toks[j].text[:1] in CODE_MARKS:
            return True
    return False


def _confusable(low: str) -> bool:
    """Whether one cheap learned confusion reads ``low`` as a common word ("withour":
    "without"): the split and the glyph reading are then one guess against another."""
    return any(
        c.cost <= CONFUSABLE_COST and zipf(c.text.lower()) >= CONFUSABLE_ZIPF
        for c in correction_candidates(low)[:3]
    )


def _name_place(toks: list[Token], i: int, found: list[tuple[str, str]]) -> bool:
    """Whether capitalised token ``i`` stands where a name does (:data:`NAME_GUARD`): after
    a title or an initial, or mid-sentence with a split the garbled pages refuse there."""
    from repair.candidates.ocr_namepos import common_head_mid_sentence, name_position

    head = toks[i].text[:1]
    return name_position(toks, i) or any(
        common_head_mid_sentence(toks, i, (head + left[1:], right)) for left, right in found
    )


def closed_form(text: str, left: str, right: str) -> bool:
    """Whether the web prints ``text`` closed up as often as :data:`CLOSED_LOG_RATIO`
    says a form of its own is printed, against the bigram ``left right``.

    >>> closed_form("alltime", "all", "time"), closed_form("ofthe", "of", "the")
    (True, False)
    >>> closed_form("theaerosols", "the", "aerosols")
    False
    """
    from repair.candidates.ocr_closedsplit import closed_log_ratio

    ratio = closed_log_ratio(text, left, right)  # None: the web never prints it closed up
    return ratio is not None and ratio >= CLOSED_LOG_RATIO


def cuts(text: str, counts: Mapping[str, int]) -> list[tuple[str, str]]:
    """The two-piece readings of merged token ``text`` the page vouches for.

    >>> cuts("ofEgyptian", {"Egyptian": 2})
    [('of', 'Egyptian')]
    >>> cuts("ourcountry", {})
    []
    >>> cuts("ourcountry", {"country": 1})
    [('our', 'country')]
    >>> cuts("decisionmaking", {"decision": 1, "making": 2})
    []
    """
    inner = [k for k in range(1, len(text)) if text[k].isupper()]
    if inner:
        if len(inner) != 1 or not text[: inner[0]].islower() or not text[inner[0] + 1 :].islower():
            return []
        k = inner[0]
        left, right = text[:k], text[k:]
        if len(left) < MIN_PIECE or zipf(left) < COMMON_ZIPF or not _vouched(right, counts):
            return []
        return [(left, right)]
    out = []
    for k in range(MIN_PIECE, len(text) - MIN_PIECE + 1):
        left, right = text[:k], text[k:]
        if not (_vouched(left, counts) and _vouched(right, counts)):
            continue
        if not CONTENT_PAIRS and max(zipf(left), zipf(right)) < COMMON_ZIPF:
            continue  # two content words: a compound the source may close ("decisionmaking")
        if closed_form(text, left, right):
            continue
        out.append((left, right))
    return out


def page_split_candidates(toks: list[Token], counts: Mapping[str, int]) -> list[Candidate]:
    """The splits of :data:`PAGE_SPLIT` on a page whose gate is shut (the caller checks)."""
    if not PAGE_SPLIT:
        return []
    out: list[Candidate] = []
    for i, t in enumerate(toks):
        text = t.text
        if t.kind != "word" or len(text) < MIN_LEN or not text.isalpha():
            continue
        low = text.lower()
        if is_known(low) or text[1:].isupper() or zipf(low) >= MERGED_MAX_ZIPF:
            continue  # a word; a heading's capitals; a form the web prints
        if page_count(text, counts, as_printed=True) > 1 or _glued_to_code(toks, i):
            continue  # a form the page prints again is its spelling
        if low.endswith("in") and is_known(low + "g"):
            continue  # "playin", "bangin": a dropped g of speech, not "play in"
        head = text[:1]
        if head.isupper() and not text[1:].islower():
            continue  # "McDonald", "PowerPoint": a capital opening and another inside
        found = cuts(head.lower() + text[1:] if head.isupper() else text, counts)
        if found and head.isupper() and NAME_GUARD and _name_place(toks, i, found):
            continue
        if found and _confusable(low):
            continue
        for left, right in found:
            if head.isupper():
                left = head + left[1:]
            out.append(split_candidate(t, left, right, "page_split", THRESHOLD))
    return out


def split_candidate(t: Token, left: str, right: str, finding: str, threshold: float) -> Candidate:
    """The candidate that reads the merged token ``t`` as ``left right``, priced at the
    garbled pages' charge of a merged non-word (granted where the page vouches for both
    pieces, or the reader's own evidence does)."""
    return cand(
        t.start,
        t.end,
        f"{left} {right}",
        "OCR_SPLIT_MERGED",
        finding=finding,
        orig=[t.text],
        alt=[left, right],
        cost=SPACING_COST + SPLIT_OOV_CHARGE,
        threshold=threshold,
    )
