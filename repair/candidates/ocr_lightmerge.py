"""Merged words of a page the garble gate keeps shut, split by the language model's gain
over the print, priced by how often the web prints the merged form (issue 12, session 54).

A lightly damaged page (the light suite's 0.3-1 %) loses spaces between words: "ofcaution",
"thatinvestor", "theaerosols", "tofaithfully", "Itsecures".  The light path
(:func:`repair.candidates.ocr_light.light_boundary_candidates`) splits a merged non-word
at a flat 3-nat margin over the split's channel cost, and the page split
(:mod:`repair.candidates.ocr_shutsplit`) only where the page prints both pieces; on a shut
page a merged non-word is charged one unknown word however many words it stands for, so
"the aerosols" (a rare second word) gains less than the flat bar asks.

Here the decision is the language model's: a token the page prints once, no known word,
cut into two words one of which is among the commonest (Zipf at least
:data:`COMMON_ZIPF`: "the", "of", "to", "that"; two content words are a compound the web
writes both ways: "searchbox", "stonefruit"), is read as the two words when their gain in
context over the print clears :data:`THRESHOLD` after the space's cost and a prior for the
print, :data:`PRIOR_PER_ZIPF` nats per Zipf unit of the merged form on the web: a form the
web never prints ("thatinvestor", Zipf 0) pays only the space, one the web prints as its own
word or habit ("alltime" 1.9, "doesnot" 1.5) pays for it, and one printed as often as
:data:`MERGED_MAX_ZIPF` is a word.  The web's ratio of the closed form to the two words
(:func:`repair.candidates.ocr_shutsplit.closed_form`) still keeps the closed forms the web
writes as words ("alltime"), a dropped g of speech ("readin") and an old spelling
("withall", "Forasmuch") are no merges, code is left alone, a cut-off article "a" must
stand before a known word ("witha clean", not "Nota bene"), and a token one cheap learned
confusion reads as a common word ("withour") is left to the glyph readers.  A capitalised
token is read only where it opens a sentence ("Itsecures", "Withoutadmitting") or splits
into "I" and a lower-case word ("Inoticed"), never after a title or an initial.
"""

from __future__ import annotations

from collections.abc import Mapping

from repair.candidates.ocr_rules import cand, page_count
from repair.candidates.ocr_spacing import SPACING_COST
from repair.resources.frequency import zipf
from repair.types import Candidate, Token

#: Switch (see the module doc; benchmarks/RESULTS.md, session 54, ocrlmerge).  With the two
#: below, light suite dev (``ocr_light_eval.py --suite --split dev``) recall 0.3 % 263 -> 274,
#: 1 % 866 -> 897, 2 % 2,191 -> 2,202 spans fixed (899 / 2,203 before the old-spelling and
#: article guards, which keep the clean suite's "withall" and "Nota bene"), edits on
#: undamaged text 21 / 30 / 84 and on the clean originals 21 unchanged; census dev 27 -> 28
#: OCR edits (a webtext bug report's own "cannot loginto page" -> "log into"); clean English
#: gate, audit dev, SMH dev and the ICDAR-only proxy dev unchanged.  This one alone
#: (lower-case tokens, before the two guards): 271 / 888 / 2,194.
MERGE_MARGIN = True
#: Capitalised tokens too: at a sentence's opening ("Forexample", "Itis"), or "I" glued to
#: a word ("Inoticed").  With :data:`MERGE_MARGIN`: 271 / 888 / 2,194 -> 273 / 895 / 2,202.
MERGE_MARGIN_CAPITALS = True
#: A word glued to the pronoun after it ("andI", "TonightI"): its last capital I is cut off
#: (a lower-case word before it, or a capitalised one opening a sentence).  With the two
#: above: 273 / 895 / 2,202 -> 274 / 899 / 2,203; census dev unchanged.
MERGE_MARGIN_TRAILING_I = True
#: Two content words glued by a lost space ("taxrelief", "farmproducts", "fullyrealized",
#: session 58, ocrlightmerge): a lower-case token with no cut into a commonest word
#: (:func:`cuts`) whose one cut into two words at :data:`PAIR_ZIPF` or more is its only cut into
#: two target words (:data:`PIECE_ZIPF`), read at :data:`PAIR_THRESHOLD` (the model's gain in
#: context must clear it after the space and the merged form's prior) when one piece never
#: compounds (:func:`compounds`).  Light suite dev (``ocr_light_eval.py --suite --split dev``)
#: fixed 288 / 937 / 2,212 -> 290 / 941 / 2,212 at 0.3 / 1 / 2 %, edits on undamaged text
#: 23 / 30 / 84 and on the clean originals 23 unchanged; census dev, clean English, audit dev
#: unchanged (benchmarks/RESULTS.md, "Session 58, ocrlightmerge").  Without the compound test
#: the census dev's clean compounds ("searchbox" 3.1 nats, "headoff" 6.5) cleared any bar
#: the merges did.
MERGE_PAIRS = True
#: Each piece of a two-content-word cut at least this common on the web (Zipf).
PAIR_ZIPF = 3.5
#: Each piece of a two-content-word cut at least this long (letters).
PAIR_MIN_LEN = 3
#: Margin (nats) a two-content-word split needs in context: compounds the web writes both
#: ways ("searchbox") gain too, so the bar is above :data:`THRESHOLD`.
PAIR_THRESHOLD = 2.0
#: A two-content-word cut is read only when one of its pieces never compounds in its place:
#: the dictionary holds no closed word of the left piece and a known word after it, or none
#: of a known word and the right piece after it ("searchbox": "search" heads "searchlight",
#: "box" ends "mailbox"; "basedupon": nothing starts "based" + word).  The other word of
#: such a compound: at least :data:`PAIR_MIN_LEN` letters and this common (Zipf).
COMPOUND_ZIPF = 3.0
#: Answer :func:`compounds` from a sorted index of the dictionary's words forwards and
#: backwards (:mod:`repair.candidates.ocr_compoundindex`) instead of a regular-expression scan
#: of the 83 k word lines per piece (issue 14, session 59, speedcompound).  Exact: the same
#: answer on all 748 calls the light suite dev, the census dev and a 143 k-word light-garbled
#: text ask (and ~800 sampled words and pieces, both ways); their outputs, the light test's
#: and seeds 001-004 byte-identical.  The light suite dev's 160 calls 0.79 s -> 0.007 s CPU
#: in its run, the census dev's 459 replayed 3.06 s -> 0.009 s (its run 11.5 -> 9.2 s CPU),
#: ``repair fix`` of the 143 k-word text 6.29 -> 5.67 s CPU.  False: the scan.
COMPOUND_INDEX = True
#: Whether a piece compounds, by (piece, as the head): memo of :func:`compounds`.
_COMPOUNDS: dict[tuple[str, bool], bool] = {}
#: One piece is at least this common (Zipf): a function or very common word.
COMMON_ZIPF = 6.0
#: The other piece at least this common (Zipf).
PIECE_ZIPF = 2.0
#: Nats the split pays per Zipf unit of the merged form's own web frequency.  Chosen on the
#: light suite dev's merged tokens and the clean census dev's non-word tokens that cut into
#: a common word and a word (the model's gain minus this prior, at 0: 333 of 364 merges
#: against 13 of 192 clean tokens; 1 nat a Zipf: 334 / 33; 3: 332 / 12).
PRIOR_PER_ZIPF = 2.0
#: The merged form is rarer than this on the web (Zipf); more common is a word.
MERGED_MAX_ZIPF = 3.5
#: Margin (nats) the split needs in context: gain - space - prior.  Light suite dev (the
#: first two flags on) -2.0: 277 / 900 / 2,204; -1.0: 276 / 896 / 2,203; 0.0: 273 / 895 /
#: 2,202; 1.0: 270 / 888 / 2,200, no edit more on undamaged text at any; the clean tokens
#: of the census with a gain above -1 nat ("onchange", "myfile": code words of a bug
#: report) keep it at 0.
THRESHOLD = 0.0
#: Shortest merged token (letters).
MIN_LEN = 3
#: Marks that open a sentence before a capitalised token (through quotes and brackets).
SENTENCE_MARKS = frozenset(".!?:")
_OPENERS = frozenset("\"'‘“([")


def _one_letter_ok(left: str, right: str) -> bool:
    """Whether a one-letter piece is a word in its place: "a" or "A" first, "I" first
    (printed capital), or "a" last after a common word ("witha", "froma")."""
    if len(left) == 1 and left not in ("a", "A", "I"):
        return False
    if len(right) == 1 and (right != "a" or zipf(left.lower()) < COMMON_ZIPF):
        return False
    return True


def cuts(text: str) -> list[tuple[str, str]]:
    """The two-word readings of merged token ``text``: both pieces target words, one of
    them among the commonest words, the other not rare.

    >>> cuts("thatinvestor")
    [('that', 'investor')]
    >>> cuts("searchbox")
    []
    """
    from repair.score.ocr_channel import is_target

    out = []
    for k in range(1, len(text)):
        left, right = text[:k], text[k:]
        if not _one_letter_ok(left, right):
            continue
        la, lb = left.lower(), right.lower()
        if len(left) == 1 and left == "I":
            la = "i"
        za, zb = zipf(la), zipf(lb)
        if max(za, zb) < COMMON_ZIPF or min(za, zb) < PIECE_ZIPF:
            continue
        if not (is_target(la) and is_target(lb)):
            continue
        out.append((left, right))
    return out


def pair_cuts(text: str) -> list[tuple[str, str]]:
    """The one cut of lower-case ``text`` into two common content words (:data:`MERGE_PAIRS`):
    none when ``text`` cuts into two target words at more than one place.

    >>> pair_cuts("taxrelief")
    [('tax', 'relief')]
    >>> pair_cuts("forecastsin"), pair_cuts("searchbox")
    ([], [])
    """
    from repair.score.ocr_channel import is_target

    found = []
    for k in range(1, len(text)):
        left, right = text[:k], text[k:]
        if zipf(left) < PIECE_ZIPF or zipf(right) < PIECE_ZIPF:
            continue
        if not (is_target(left) and is_target(right)):
            continue
        found.append((left, right))
    if len(found) != 1:
        return []
    left, right = found[0]
    if min(len(left), len(right)) < PAIR_MIN_LEN or min(zipf(left), zipf(right)) < PAIR_ZIPF:
        return []
    if compounds(left, head=True) and compounds(right, head=False):
        return []  # a compound the dictionary's words are made of ("searchbox")
    return found


def compounds(piece: str, head: bool) -> bool:
    """Whether the dictionary holds a closed compound of ``piece`` and another known word
    (:data:`COMPOUND_ZIPF`), ``piece`` first when ``head`` else last.

    >>> compounds("box", head=False), compounds("based", head=True)
    (True, False)
    """
    key = (piece, head)
    got = _COMPOUNDS.get(key)
    if got is None:
        got = _compounds(piece, head)
        _COMPOUNDS[key] = got
    return got


def _compounds(piece: str, head: bool) -> bool:
    if COMPOUND_INDEX and "\n" not in piece and "\t" not in piece:
        from repair.candidates.ocr_compoundindex import has_compound

        return has_compound(piece, head, PAIR_MIN_LEN, COMPOUND_ZIPF)
    import re

    from repair.score.ocr_channel import vocabulary_lines_text

    text = vocabulary_lines_text()
    n = PAIR_MIN_LEN
    if head:
        pattern = rf"^{re.escape(piece)}([a-z]{{{n},}})\t"
    else:
        pattern = rf"^([a-z]{{{n},}}){re.escape(piece)}\t"
    for m in re.finditer(pattern, text, re.M):
        if zipf(m.group(1)) >= COMPOUND_ZIPF:
            return True
    return False


def _opens_sentence(toks: list[Token], i: int) -> bool:
    """Whether token ``i`` opens a sentence: the text's start, a blank line, or a stop,
    a question or exclamation mark or a colon before it (through quotes and brackets)."""
    j = i - 1
    if j >= 0 and toks[j].kind == "space":
        if "\n\n" in toks[j].text:
            return True
        j -= 1
    while j >= 0 and toks[j].text in _OPENERS:
        j -= 1
    if j >= 0 and toks[j].kind == "space":
        return "\n\n" in toks[j].text
    return j < 0 or toks[j].text[-1:] in SENTENCE_MARKS


def _capital_cuts(toks: list[Token], i: int, text: str) -> list[tuple[str, str]]:
    """The cuts of a capitalised token (:data:`MERGE_MARGIN_CAPITALS`)."""
    from repair.candidates.ocr_namepos import name_position

    if not MERGE_MARGIN_CAPITALS or not text[1:].islower() or name_position(toks, i):
        return []
    found = cuts(text)
    if _opens_sentence(toks, i):
        return found
    return [(a, b) for a, b in found if a == "I"]


#: Marks that end a phrase when a space or the text's end follows them ("ofcaution."), not
#: code ("obj.toString"), and brackets that open one after a space ("(ofthe").
_CLOSERS = frozenset(".)]")
_BRACKETS = frozenset("([")


def glued_to_code(toks: list[Token], i: int) -> bool:
    """Whether a code mark touches token ``i``
    (:func:`repair.candidates.ocr_shutsplit._glued_to_code`), a full stop or closing bracket
    followed by a space or the text's end and an opening bracket after one excepted."""
    from repair.candidates.ocr_shutsplit import CODE_MARKS, QUOTES

    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(toks) and toks[j].text in QUOTES:
            j += step
        if not (0 <= j < len(toks)) or toks[j].kind == "space":
            continue
        mark = toks[j].text[:1]
        if mark not in CODE_MARKS:
            continue
        if len(toks[j].text) == 1 and mark in (_CLOSERS if step == 1 else _BRACKETS):
            k = j + step
            if not (0 <= k < len(toks)) or toks[k].kind == "space" or toks[k].text in QUOTES:
                continue
        return True
    return False


def _trailing_i(toks: list[Token], i: int, text: str) -> list[tuple[str, str]]:
    """The cut of a word glued to a following "I" (:data:`MERGE_MARGIN_TRAILING_I`)."""
    from repair.score.ocr_channel import is_target

    body = text[:-1]
    if not MERGE_MARGIN_TRAILING_I or len(body) < 2 or not text.endswith("I"):
        return []
    if not body[1:].islower() or not body.isalpha():
        return []
    if body[:1].isupper() and not (MERGE_MARGIN_CAPITALS and _opens_sentence(toks, i)):
        return []
    low = body.lower()
    if zipf(low) < PIECE_ZIPF or not is_target(low):
        return []
    return [(body, "I")]


def _article_heads_a_word(toks: list[Token], i: int) -> bool:
    """Whether the word after token ``i`` (one space between) is a known lower-case word:
    what a cut-off article "a" must stand before ("witha clean", not "Nota bene")."""
    from repair.score.ocr_channel import is_known

    if i + 2 >= len(toks) or toks[i + 1].text != " ":
        return False
    nxt = toks[i + 2]
    return nxt.kind == "word" and nxt.text.islower() and is_known(nxt.text)


def merge_candidates(toks: list[Token], counts: Mapping[str, int]) -> list[Candidate]:
    """The splits of :data:`MERGE_MARGIN` on a page whose gate is shut (the caller checks)."""
    if not MERGE_MARGIN:
        return []
    from repair.candidates.ocr_shutsplit import _confusable, closed_form
    from repair.score.ocr_channel import archaic_form, is_known

    out: list[Candidate] = []
    for i, t in enumerate(toks):
        text = t.text
        if t.kind != "word" or len(text) < MIN_LEN or not text.isalpha():
            continue
        low = text.lower()
        if is_known(low) or zipf(low) >= MERGED_MAX_ZIPF:
            continue  # a word; a form the web prints as one
        if page_count(text, counts, as_printed=True) > 1 or glued_to_code(toks, i):
            continue  # the page's own spelling; code
        if low.endswith("in") and is_known(low + "g"):
            continue  # "readin", "playin": a dropped g of speech
        if archaic_form(low):
            continue  # "withall", "Forasmuch": an old spelling of a word
        threshold = THRESHOLD
        if text.islower():
            found = cuts(text)
            if not found and MERGE_PAIRS:
                found = pair_cuts(text)
                threshold = PAIR_THRESHOLD
        elif text[-1:] == "I" and not text[1:-1].isupper():
            found = _trailing_i(toks, i, text)
        elif text[:1].isupper():
            found = _capital_cuts(toks, i, text)
        else:
            continue
        found = [
            (a, b)
            for a, b in found
            if not closed_form(text, a, b) and (b != "a" or _article_heads_a_word(toks, i))
        ]
        if not found or _confusable(low):
            continue
        prior = PRIOR_PER_ZIPF * zipf(low)
        for left, right in found:
            out.append(
                cand(
                    t.start,
                    t.end,
                    f"{left} {right}",
                    "OCR_SPLIT_MERGED",
                    finding="light_merge_margin",
                    orig=[text],
                    alt=[left, right],
                    cost=SPACING_COST + prior,
                    threshold=threshold,
                )
            )
    return out
