"""Short words glued to a stray mark read as the common word their slot expects (issue 12,
session 34).

"nothing bu* canvassing" (but), "blowing tho' lad" (the), "the close ol' his studios" (of),
"over, «nd it is" (and): a short word with a mark glued to it.  The slot reader
(:mod:`repair.candidates.ocr_slot`) never sees it (a mark ends the word's context, and
"bu" is no known word), and the glued-mark reader (:mod:`repair.candidates.ocr_glued`)
reads the mark only by its learned fates (dropped, or one of its three commonest letters:
"bu*" -> "bus"), so the word the printer set is never built.  Here the chunk (one word of
at most :data:`MAX_LEN` lower-case letters and at most :data:`MAX_MARKS` marks, no
sentence punctuation: :data:`HARD_PUNCT`) is read as the slot reader reads a short word:

* each learned fate of each mark (:meth:`repair.candidates.ocr_glued.MarkModel.options`:
  dropped, or read as a letter; never kept) gives the letters the printer may have set,
  priced by the marks model (nats against keeping the mark, as the glued reader prices
  them);
* the common short words (the slot's, :func:`repair.candidates.ocr_slot.priced_slot_words`)
  near those letters are priced by the learned channel;
* all are scored between the two words before the chunk and the two after it, both sides
  (:func:`repair.candidates.ocr_slot.slot_scores`), with the glued reader's one-word
  readings of the chunk ranked among them.

The best is a new reading when it is a slot word no other reader found, its context gain
over the letters as printed less its price reaches :data:`PROPOSE` nats and it leads every
other reading by :data:`LEAD`.  The scorer then decides it on its own margin
(:data:`THRESHOLD`) against the glued reader's readings of the same chunk.  No list of
pairs: which word comes from the language model, its price from the learned tables.

Short non-words between two words ("their omi costs": own) are read the same way
(:data:`NON_WORDS`).  Neither reading has fewer letters than the print (:data:`NO_SHORTER`:
"land" -> "and" was session 33's break), nor reads a print that is two common words run
together (:func:`merged`: "isa", "awin").

Heavy pages only (:func:`short_slot_candidates`, hooked after the glued-mark readings in
the garbled-page block of :meth:`repair.candidates.ocr._Generator.candidates`); a word on
each side, one space between (the left one may stand before a comma: :data:`CROSS_COMMA`);
no capitalised word (a name: "(Mr"), no piece a split joins, no line-end hyphen.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import product

from repair.candidates.ocr_realword import line_broken_piece
from repair.candidates.ocr_shortreal import _between_words
from repair.candidates.ocr_shortreal import _piece as split_piece
from repair.score.ocr_channel import ARCHAIC_WORDS, is_known
from repair.types import Candidate, Token

# (module level, not in :func:`_nonword_place`: it is asked for every word of a heavy
# page, and each import statement run costs ~0.6 us: issue 14, session 36)

#: Switch (hook in :meth:`repair.candidates.ocr._Generator.candidates`).
SLOT_MARK = True
#: The chunk's word has at most this many letters ...
MAX_LEN = 4
#: ... and at most this many marks glued to it.
MAX_MARKS = 2
#: A chunk with one of these is left alone: sentence punctuation, digits' marks, a hyphen
#: inside a compound is not glued to a short word's edge here.
HARD_PUNCT = frozenset(".,;:%$£&/@#=+")
#: The marks' price (nats against keeping them) at least this.  No floor: the marks model
#: prices a misread mark's fates below keeping it ("»": -8.5 nats to drop), as the glued
#: reader's rivals are priced.  A floor of 0 (SMH dev 4,694 / 7,563 against 4,688 / 7,551)
#: leaves "bu*" to the glued reader's "bus".
MIN_MARK_COST = float("-inf")
#: The best reading's context gain over the print less its price (nats) at least ...
PROPOSE = 4.0
#: ... and ahead of the next reading by at least this (nats).
LEAD = 2.0
#: The scorer's margin (model gain less cost) the reading needs.
THRESHOLD = 4.0


def _chunk(toks: Sequence[Token], i: int, j: int) -> tuple[int, str] | None:
    """(index of the word, the chunk's text) of ``toks[i:j]`` when it is one lower-case
    word of at most :data:`MAX_LEN` letters with 1-:data:`MAX_MARKS` marks glued to it."""
    word = -1
    marks = 0
    for k in range(i, j):
        t = toks[k]
        if t.kind == "word":
            if word >= 0 or not (t.text.isalpha() and t.text.islower() and len(t.text) <= MAX_LEN):
                return None
            word = k
        elif t.kind == "punct":
            if any(ch in HARD_PUNCT or ch.isalnum() or ch.isspace() for ch in t.text):
                return None
            marks += len(t.text)
        else:
            return None
    if word < 0 or not 1 <= marks <= MAX_MARKS:
        return None
    return word, "".join(t.text for t in toks[i:j])


def mark_letters(chunk: str) -> list[tuple[str, float]]:
    """(letters, price) of each way the chunk's marks may be read (dropped, or a letter
    they stand for: the learned fates, never kept), cheapest price per letters first."""
    from repair.candidates.ocr_glued import context_of, mark_model

    model = mark_model()
    at = [k for k, ch in enumerate(chunk) if not ch.isalpha()]
    opts = []
    for k in at:
        got = [(r, c) for r, c in model.options(chunk[k], context_of(chunk, k)) if r != chunk[k]]
        got = [(r, c) for r, c in got if r == "" or r.isalpha()]
        if not got:
            return []
        opts.append(got)
    out: dict[str, float] = {}
    for combo in product(*opts):
        parts = list(chunk)
        for k, (r, _c) in zip(at, combo, strict=True):
            parts[k] = r
        text = "".join(parts)
        price = max(MIN_MARK_COST, sum(c for _r, c in combo))
        if text and text.isalpha() and price < out.get(text, float("inf")):
            out[text] = price
    return sorted(out.items(), key=lambda x: x[1])


def _priced(chunk: str) -> dict[str, float]:
    """{slot word: price} of the chunk: the marks' price plus the channel's."""
    from repair.candidates.ocr_slot import _slot_words, priced_slot_words

    words = set(_slot_words())
    out: dict[str, float] = {}
    for letters, price in mark_letters(chunk):
        found = list(priced_slot_words(letters))
        if letters in words:
            found.append((letters, 0.0))
        for w, c in found:
            total = price + c
            if total < out.get(w, float("inf")):
                out[w] = total
    return out


def slot_mark_reading(
    chunk: str,
    letters: str,
    left: Sequence[str],
    right: Sequence[str],
    rivals: Sequence[tuple[str, float]] = (),
) -> tuple[str, float, float] | None:
    """(word, price, context gain less price) of the slot word the glued ``chunk`` (whose
    letters as printed are ``letters``) reads as between ``left`` and ``right``, or
    ``None`` (module doc); ``rivals`` (word, cost): the other readers' one-word readings."""
    from repair.candidates.ocr_slot import pick_slot_word, slot_scores

    priced = _priced(chunk)
    if not priced:
        return None
    costs = dict(priced)
    for w, c in rivals:
        costs[w] = min(c, costs.get(w, c))
    words = list(costs)
    base = slot_scores(left, [letters], right)[0]
    scores = slot_scores(left, words, right)
    return pick_slot_word(words, scores, base, costs, priced, rivals, PROPOSE, LEAD)


#: The left context may cross a comma glued to the word before ("are now over, «nd it
#: is"): the language model has no punctuation, and the scorer reads across it too.
CROSS_COMMA = True


def _left(toks: Sequence[Token], i: int) -> list[str]:
    """The two words before token ``i`` (a space between), across a comma glued to the
    word before (:data:`CROSS_COMMA`); ``[]`` where there is none."""
    from repair.candidates.ocr_context import neighbours

    if i < 2 or toks[i - 1].kind != "space" or "\n\n" in toks[i - 1].text:
        return []
    before = toks[i - 2]
    if before.kind == "word":
        return neighbours(toks, i)[0]
    if CROSS_COMMA and before.text == "," and i >= 3 and toks[i - 3].kind == "word":
        return [*neighbours(toks, i - 2)[0], toks[i - 3].text][-2:]
    return []


#: A piece of a print run together from two words is this common (Zipf) at least ...
MERGE_ZIPF = 5.0
#: ... and has two letters at least, unless it is one of these.
ONE_LETTER_WORDS = frozenset("ai")


def merged(letters: str, word: str = "") -> bool:
    """Whether ``letters`` are two common words run together ("isa", "ofa", "hima",
    "awin": a lost space, the splits' job, not a reading of one word), each piece
    :data:`MERGE_ZIPF` common and no lone letter but "a" or "i"."""
    from repair.resources.frequency import zipf

    low = letters.lower()
    for k in range(1, len(low)):
        a, b = low[:k], low[k:]
        if any(len(p) == 1 and p not in ONE_LETTER_WORDS for p in (a, b)):
            continue
        if zipf(a) >= MERGE_ZIPF and zipf(b) >= MERGE_ZIPF:
            return True
    return False


#: A reading has at least as many letters as the print: a letter dropped to reach a
#: commoner shorter word is how "land" became "and" (session 33) and "do not bau
#: outright" "an", and how "thou' destination" (their) read "the".
NO_SHORTER = True


def _kept(letters: str, word: str) -> bool:
    """Whether a reading ``word`` of the printed ``letters`` may be proposed."""
    if NO_SHORTER and len(word) < len(letters):
        return False
    return not merged(letters)


def _context(toks: Sequence[Token], i: int, j: int) -> tuple[list[str], list[str]] | None:
    """The two words before ``toks[i:j]`` and the two after, one space between the chunk
    and each side's word; ``None`` where a side has none, or a side's word is capitalised
    next to the chunk (a name) or is a lone capital (an initial)."""
    from repair.candidates.ocr_context import words_after

    if j + 1 >= len(toks) or toks[j].kind != "space" or "\n\n" in toks[j].text:
        return None
    if toks[j + 1].kind != "word":
        return None
    left = _left(toks, i)
    right = words_after(toks, j - 1, 2)
    if not left or not right:
        return None
    if len(left[-1]) == 1 and left[-1].isupper():
        return None
    if len(right[0]) == 1 and right[0].isupper():
        return None
    return left, right


def _piece(letters: str, left: Sequence[str], right: Sequence[str]) -> bool:
    """Whether the letters joined to the word before or after are a known word."""
    from repair.score.ocr_channel import is_known

    return is_known(left[-1].lower() + letters) or is_known(letters + right[0].lower())


def slot_mark_candidates(toks: list[Token], have: Sequence[Candidate]) -> list[Candidate]:
    """The slot readings (module doc) of a heavy page's glued short-word chunks, each ranked
    against the one-word readings ``have`` holds for the same chunk."""
    if not SLOT_MARK:
        return []
    from repair.candidates.ocr_glued import page_chunks
    from repair.candidates.ocr_rules import cand

    chunks = []
    for i, j, _ in page_chunks(toks):
        if j - i < 2:
            continue
        got = _chunk(toks, i, j)
        if got is not None and got[1].endswith("-") and j < len(toks) and "\n" in toks[j].text:
            continue  # "andl-⏎ack": a word broken at the line end, the hyphen readers' job
        if got is not None:
            chunks.append((i, j, got[0], got[1]))
    if not chunks:
        return []
    rivals_at: dict[tuple[int, int], list[tuple[str, float]]] = {}
    for c in have:
        alt = c.features.get("alt")
        if isinstance(alt, list) and len(alt) == 1:
            rivals_at.setdefault((c.start, c.end), []).append(
                (c.replacement.lower(), float(c.features.get("cost", 0.0)))
            )
    out: list[Candidate] = []
    for i, j, w, chunk in chunks:
        around = _context(toks, i, j)
        if around is None:
            continue
        left, right = around
        letters = toks[w].text
        if _piece(letters, left, right):
            continue
        start, end = toks[i].start, toks[j - 1].end
        rivals = rivals_at.get((start, end), [])
        found = slot_mark_reading(chunk, letters, left, right, rivals)
        if found is None:
            continue
        word, cost, _gain = found
        if not _kept(letters, word):
            continue
        out.append(
            cand(
                start,
                end,
                word,
                "OCR_STRAY_MARK",
                finding="slot_mark",
                orig=[letters],
                alt=[word],
                cost=cost,
                threshold=THRESHOLD,
            )
        )
    return out


#: Short non-words between two words read by the slot too (hook as :data:`SLOT_MARK`):
#: "to bear their omi costs" (own), "determined hy lue arbitrators" (the).  The non-word
#: readers walk the learned confusions and the commonest words (Zipf 6,
#: :mod:`repair.candidates.ocr_shortreal`); the slot's words ("own", Zipf 5.8) and dearer
#: glyphs ("lue" -> "the", 6.9 nats) are proposed here by the context, decided as above.
NON_WORDS = True
#: Non-words of at most this many letters.
NON_WORD_MAX_LEN = 4


def _nonword_place(toks: list[Token], i: int) -> bool:
    """A short lower-case non-word between two words, no piece of a split word, not next
    to a hyphen or broken at a line end."""
    return _nonword_form(toks[i].text) and _nonword_spot(toks, i)


def _nonword_form(text: str) -> bool:
    """The tests of :func:`_nonword_place` that read the word's text alone."""
    if not (len(text) <= NON_WORD_MAX_LEN and text.isalpha() and text.islower()):
        return False
    return not (is_known(text) or text in ARCHAIC_WORDS)


#: Session 63 (ocrplace), issue 12: a short non-word with a mark glued after it ("should
#: lefund lum. Mr."), read as :data:`repair.candidates.ocr_slot.GLUED_MARK` reads a real
#: word there (the mark outside the span; a comma read across, a stop ends the right).
#: **Off**: shipped SMH dev "per bhar, for good" -> year (a unit the lexicon lacks), the
#: proxy dev nothing gained.
GLUED_MARK = False


def _glued(toks: Sequence[Token], i: int) -> str:
    """:data:`GLUED_MARK`'s place (:func:`repair.candidates.ocr_slot._glued_mark`)."""
    if not GLUED_MARK:
        return ""
    from repair.candidates.ocr_slot import _glued_mark

    return _glued_mark(toks, i, True)


def _nonword_spot(toks: list[Token], i: int) -> bool:
    """The tests of :func:`_nonword_place` that read the word's place (its form passed)."""
    if not _between_words(toks, i):
        if _glued(toks, i):
            return not line_broken_piece(toks, i) and toks[i - 2].text != "-"
        if not (CROSS_COMMA and _after_comma(toks, i)):
            return False
    elif split_piece(toks, i):
        return False
    if line_broken_piece(toks, i):
        return False
    return toks[i - 1].text != "-" and toks[i + 1].text != "-"


def _after_comma(toks: list[Token], i: int) -> bool:
    """Word ``i`` after a comma glued to a word, a word after it (spaces between)."""
    if i < 3 or i + 2 >= len(toks):
        return False
    return (
        toks[i - 1].kind == "space"
        and toks[i - 2].text == ","
        and toks[i - 3].kind == "word"
        and toks[i + 1].kind == "space"
        and toks[i + 2].kind == "word"
        and not (len(toks[i + 2].text) == 1 and toks[i + 2].text.isupper())
    )


def slot_nonword_candidates(toks: list[Token], have: Sequence[Candidate]) -> list[Candidate]:
    """The slot readings of a heavy page's short non-words (:data:`NON_WORDS`), each ranked
    against the one-word readings ``have`` holds for it."""
    if not NON_WORDS:
        return []
    from repair.candidates import ocr_funcspot, ocr_slotside
    from repair.candidates.ocr_context import words_after
    from repair.candidates.ocr_rules import word_cand
    from repair.candidates.ocr_slot import slot_reading

    # :func:`_nonword_place` of each word, its form's tests once a type (issue 14, session 38)
    forms: dict[str, bool] = {}
    at = []
    for i, t in enumerate(toks):
        if t.kind != "word":
            continue
        ok = forms.get(t.text)
        if ok is None:
            ok = forms[t.text] = _nonword_form(t.text)
        if ok and _nonword_spot(toks, i):
            at.append(i)
    if not at:
        return []
    spans = {(toks[i].start, toks[i].end) for i in at}
    rivals_at: dict[tuple[int, int], list[tuple[str, float]]] = {}
    for c in have:
        if (c.start, c.end) in spans:
            rivals_at.setdefault((c.start, c.end), []).append(
                (c.replacement.lower(), float(c.features.get("cost", 0.0)))
            )
    out: list[Candidate] = []
    for i in at:
        tok = toks[i]
        left = _left(toks, i)
        glued = _glued(toks, i)
        right = words_after(toks, i + 1, 2) if glued == "," else words_after(toks, i, 2)
        if not left or not (right or glued == "."):
            continue
        rivals = rivals_at.get((tok.start, tok.end), [])
        found = slot_reading(tok.text, left, right, rivals)
        if found is None:
            continue
        word, cost, gain = found
        if not _kept(tok.text, word):
            continue
        cut = glued == "," and toks[i + 1].text in ocr_slotside.CUT_MARKS
        far = "right" if cut else ""
        if far and not ocr_slotside.stands(tok.text, word, gain, left, right, far, rivals, None):
            continue  # across a mark: the reading must stand on the near side (session 64)
        out.append(
            word_cand(
                tok,
                word,
                "OCR_CONFUSION",
                finding="slot_nonword",
                cost=cost,
                threshold=THRESHOLD,
                **ocr_funcspot.mark(tok.text, word, cost),
            )
        )
    return out


#: Lightly garbled pages (the gate open, not heavy; no old print) are read too.
LIGHT_PAGES = False


def short_slot_candidates(
    toks: list[Token], have: Sequence[Candidate], heavy: bool, old_print: bool
) -> list[Candidate]:
    """The glued-mark and non-word slot readings of a garbled page (hook in
    :meth:`repair.candidates.ocr._Generator.candidates`, after the glued-mark readings):
    heavy pages, or any garbled page but old print with :data:`LIGHT_PAGES`."""
    if not (heavy or (LIGHT_PAGES and not old_print)):
        return []
    return slot_mark_candidates(toks, have) + slot_nonword_candidates(toks, have)
