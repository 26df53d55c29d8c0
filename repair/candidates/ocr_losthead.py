"""A name whose head the OCR printed apart from its tail, read as the name the page prints
(issue 12, session 53).

Session 53's ocrname account found 33 SMH dev names "that lost their first glyphs"
("ewart" for "Stewart", "rico" for "Morrice").  Read in the print, almost none lost them:
the head stands just before the tail, cut off by a line break, a hyphen, a stray mark or a
stray glyph, and the two halves are read as two words: "Mor.⏎rico", "Sut⏎I ton", "Good-'⏎
hind", "Pick⏎vnnce", "Ray son", "Housing Com⏎| mission".  Names repeat, so the page
usually prints the name whole elsewhere ("Morrice" three times on that page).

:func:`restore_heads` reads such a stretch as the page's name (page consistency, no word
list) when, with :data:`SPLIT_HEAD`:

* a capitalised head word (first letter capital, the rest lower case) is followed, across
  at most :data:`MAX_GAP` characters of spaces, marks and at most one stray glyph that hold
  a line break (or, without :data:`LINE_END_ONLY`, a hyphen), by a lower-case tail word of
  at least :data:`MIN_TAIL` letters;
* the page prints, with an initial capital, exactly one word of :data:`MIN_NAME` letters or
  more that starts with the head and ends in the tail, letter for letter or, for a tail the
  vocabulary does not know or the OCR stage read as another word, with at most
  :data:`MAX_SUBS` misread letters in the tail ("Mor" + "rico" -> "Morrice", the stage
  read "rice"; not "Bur" + "ness" -> "Burgess", nor "Mr" + "and" -> "Grand");
* the stage reads no print of that name as another word, and a reading it chose for the
  tail spells the name with the head ("rice": "Morrice"; not "grove" for "Park-⏎grovo"
  when the page prints "Parkgrovo", itself misprinted);
* without a hyphen, the name is no merge (:data:`MERGE_GUARD`, :func:`merged`): audit texts
  print merges such as "Xitold", "Forthe", "Derricksays" beside "Xi⏎told"; a name whose tail
  is a common word (:data:`COMMON_ZIPF`) is such a merge when the page prints the head as
  a word of its own elsewhere or the web never uses the name (:data:`MERGE_NAME_ZIPF`).
  Off, session 53's gate: head and tail not both common words unless the tail is garbled
  ("Trump⏎said" stays; so did the names "Al⏎fred" and "New⏎town" the page prints);
* a stretch the OCR stage already reads as one word is left;
* the edits the OCR stage chose inside the stretch (a reading of either half) give way;
  a stretch an edit overlaps from outside is left.

With :data:`LOST_HEAD` (off) a print that is only the tail (no head before it) is read as
the page name it ends ("ewart" -> "Stewart") in a name's place, when neither the vocabulary
knows it nor the web uses it: SMH dev, it never fired (the heads were not lost, see above).

With :data:`repair.candidates.ocr_garbledhead.GARBLED_HEAD` (off) a head misread too is read
through the channel (that module).

Garbled pages only (the stage calls it after :mod:`repair.candidates.ocr_namereading`).

>>> from repair.tokenize import tokenize
>>> toks = tokenize("Mr. Morrice spoke. Mr. Mor.\\nrico, who came")
>>> names = page_names(toks)
>>> [(e.original, e.replacement) for e in split_heads(toks, names, [])]
[]
>>> rice = Edit(toks[-6].start, 4, "rico", "rice", "ocr", 0.9, "OCR_CONFUSION")
>>> [(e.original, e.replacement) for e in split_heads(toks, names, [rice])]
[('Mor.\\nrico', 'Morrice')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from repair.candidates.ocr_rules import capitalised_word as _capital_word
from repair.types import Edit, Token

#: Read a capitalised head and a lower-case tail printed apart ("Mor.⏎rico", "Sut⏎I ton")
#: as the one capitalised word the page prints that they spell (session 53, ocrlost;
#: measured in ``benchmarks/RESULTS.md``, "Session 53, ocrlost"): SMH dev -7 tokens, test 0,
#: the OCR'd modern text audit's test half +2 broken ("Seles⏎said" -> "Selessaid", the page
#: printing the merge elsewhere), so off at session 53's merge.  On since session 54
#: (ocrhead) with :data:`MERGE_GUARD`: SMH dev 4,277 -> 4,269 tokens, proxy dev 4,827 ->
#: 4,819, audit / census / light dev unchanged ("Session 54, ocrhead" in RESULTS.md).
SPLIT_HEAD = True
#: A page name that is the head and a common word printed together is a merge the page
#: (or the noise) printed, not a name in pieces (session 54, ocrhead): without a hyphen in
#: the gap, a name whose tail is a common word (:data:`COMMON_ZIPF`) is not read when the
#: page prints the head as a word of its own elsewhere ("Xi" x93 beside "Xi⏎told" for
#: "Xitold") or the web never uses the name (:data:`MERGE_NAME_ZIPF`: "Derricksays").  It
#: replaces the gate on two common words, which also stopped names ("Al⏎fred", "New⏎town").
#: Measured in ``benchmarks/RESULTS.md``, "Session 54, ocrhead".
MERGE_GUARD = True
#: Only a gap holding a line break is read (session 54): a hyphen inside a line is the
#: print's own (the ICDAR monographs print "Van-dermast" beside "Vandermast", "Gentle-man":
#: synthetic ICDAR guard 7 correct words broken with in-line hyphens read); SMH dev's
#: splits all hold a line break.
LINE_END_ONLY = True
#: Where a head stands alone on the page is read from one index of the page's words by text
#: (:class:`WordPlaces`, built on the first question of a page), not by a scan of every token
#: a question (issue 14, session 55, speedocr: :func:`_head_alone` scanned the 222 k tokens
#: of the 100 k-word OCR speed text 104 times, ~2 s of a ~17 s run).  Exact: the same
#: places in the same order; "Session 55, speedocr" in ``benchmarks/RESULTS.md``.
HEAD_PLACES = True
#: A name the web uses less than this (Zipf) is no name a common tail ends (:data:`MERGE_GUARD`).
MERGE_NAME_ZIPF = 1.0
#: Read a lone tail of a page name in a name's place as the name ("ewart" -> "Stewart");
#: off: SMH dev, it never fired.
LOST_HEAD = False
#: Shortest tail read (two-letter tails such as "rs", "ng" match too much).
MIN_TAIL = 3
#: Most glyphs lost from the head (:data:`LOST_HEAD`).
MAX_LOST = 5
#: Shortest head read.
MIN_HEAD = 2
#: Shortest page word taken as the name.
MIN_NAME = 5
#: Most characters between head and tail ("-'⏎", ".⏎", "⏎I ").
MAX_GAP = 4
#: Without a hyphen in the gap, a head and a tail the web uses this often (Zipf) are two
#: words, unless the tail is garbled.
COMMON_ZIPF = 3.0
#: Misread letters allowed between the halves' letters and the page's name.
MAX_SUBS = 1
#: A lone print the web uses this often (Zipf) is a word, not a lost head (:data:`LOST_HEAD`).
RARE_ZIPF = 2.5
#: A title or initial before a full stop that still makes a name's place ("Mr .", "A .").
MAX_TITLE_LEN = 4
#: The edits' rule, message and confidence.
RULE = "OCR_SPLIT_NAME"
MESSAGE = "a name printed in two pieces (the page prints it whole)"
CONFIDENCE = 0.8


_LINE_HYPHEN = re.compile(r"-[ \t]*\n[ \t]*")


def _start(tok: Token) -> int:
    return tok.start


def page_names(toks: list[Token]) -> Counter[str]:
    """The capitalised words of at least :data:`MIN_NAME` letters the page prints, counted."""
    return Counter(
        t.text
        for t in toks
        if t.kind == "word" and len(t.text) >= MIN_NAME and _capital_word(t.text)
    )


def _subs(a: str, b: str) -> int:
    if len(a) != len(b):
        return len(a) + len(b)
    return sum(x != y for x, y in zip(a, b, strict=True))


def _index(names: Counter[str]) -> dict[tuple[int, str], list[str]]:
    """The page's names by length and first two letters (lower case)."""
    index: dict[tuple[int, str], list[str]] = {}
    for n in names:
        index.setdefault((len(n), n[:2].lower()), []).append(n)
    return index


def _spelled(
    head: str, tail: str, index: dict[tuple[int, str], list[str]], garbled: bool
) -> str | None:
    """The one page name that starts with ``head`` and ends in ``tail`` with at most
    :data:`MAX_SUBS` misread letters, those only in a ``garbled`` tail."""
    n_head = len(head)
    subs = MAX_SUBS if garbled else 0
    found = [
        n
        for n in index.get((n_head + len(tail), head[:2]), ())
        if n.lower().startswith(head) and _subs(n[n_head:].lower(), tail) <= subs
    ]
    return found[0] if len(found) == 1 else None


def _reading(tok: Token, edits: list[Edit]) -> str | None:
    """The OCR stage's reading of ``tok`` (an edit of exactly its span), if any."""
    k = bisect_left(edits, tok.start, key=lambda e: e.offset)
    if k < len(edits) and edits[k].offset == tok.start and edits[k].length == len(tok.text):
        return edits[k].replacement
    return None


def _common(word: str) -> bool:
    from repair.resources.frequency import zipf

    return zipf(word.lower()) >= COMMON_ZIPF


class WordPlaces:
    """The indices of a page's word tokens by their text, in page order; built on the first
    question (:data:`HEAD_PLACES`).  The token list must not change while it is asked."""

    def __init__(self, toks: list[Token]) -> None:
        self._toks = toks
        self._places: dict[str, list[int]] | None = None

    def of(self, text: str) -> list[int]:
        """The indices ``k`` of the word tokens whose text is ``text``, ascending."""
        if self._places is None:
            places: dict[str, list[int]] = {}
            for k, t in enumerate(self._toks):
                if t.kind == "word":
                    places.setdefault(t.text, []).append(k)
            self._places = places
        return self._places.get(text, [])


def _places(toks: list[Token], places: WordPlaces | None) -> WordPlaces | None:
    """``places`` or, with :data:`HEAD_PLACES`, a new index of ``toks``; ``None`` off."""
    if not HEAD_PLACES:
        return None
    return places if places is not None else WordPlaces(toks)


def _head_alone(toks: list[Token], head: str, tail: str, places: WordPlaces | None = None) -> bool:
    """Whether the page prints ``head`` as a word of its own at least once besides the
    stretch read (a print of ``head`` broken from ``tail`` by a line end is no such word).
    ``places`` (:data:`HEAD_PLACES`), an index of ``toks``, gives the prints of ``head``
    without a scan of the page."""
    ks = places.of(head) if places is not None and HEAD_PLACES else range(len(toks))
    for k in ks:
        t = toks[k]
        if t.kind != "word" or t.text != head:
            continue
        j = _gap_end(toks, k)
        if j is not None and toks[j].text == tail:
            gap = "".join(g.text for g in toks[k + 1 : j])
            if "\n" in gap or "-" in gap:
                continue  # the same break again (the stretch itself among them)
        return True
    return False


def merged(toks: list[Token], i: int, name: str, places: WordPlaces | None = None) -> bool:
    """Whether the page name ``name`` that head ``i`` starts is a merge of the head and a
    common word (:data:`MERGE_GUARD`): the name's tail is a common word and the page prints
    the head alone elsewhere, or the web never uses the name (``places``: an index of
    ``toks``, :func:`_head_alone`)."""
    from repair.resources.frequency import zipf

    head = toks[i].text
    rest = name[len(head) :].lower()
    if zipf(rest) < COMMON_ZIPF:
        return False
    if zipf(name.lower()) < MERGE_NAME_ZIPF:
        return True
    j = _gap_end(toks, i)
    return j is not None and _head_alone(toks, head, toks[j].text, places)


def _gap_end(toks: list[Token], i: int) -> int | None:
    """The index of the tail word after head ``i``: across spaces and marks holding at most
    one stray glyph and :data:`MAX_GAP` characters, or ``None``."""
    j, stray, width = i + 1, False, 0
    while j < len(toks):
        t = toks[j]
        if t.kind == "word":
            if len(t.text) > 1 or t.text.islower():
                return j if width else None
            if stray:
                return None
            stray = True
        elif t.kind == "number":
            return None
        width += len(t.text)
        if width > MAX_GAP or "\n\n" in t.text:
            return None
        j += 1
    return None


def _free(edits: list[Edit], start: int, end: int) -> list[int] | None:
    """Indices of the edits inside ``start:end``; ``None`` when one reaches outside."""
    k = bisect_left(edits, start, key=lambda e: e.offset)
    inside: list[int] = []
    if k > 0 and edits[k - 1].offset + edits[k - 1].length > start:
        return None
    while k < len(edits) and edits[k].offset < end:
        if edits[k].offset + edits[k].length > end:
            return None
        inside.append(k)
        k += 1
    return inside


def split_heads(
    toks: list[Token],
    names: Counter[str],
    edits: list[Edit],
    places: WordPlaces | None = None,
) -> list[Edit]:
    """The stretches to read as a page name (:data:`SPLIT_HEAD`), as edits (``places``: an
    index of ``toks`` to share, :data:`HEAD_PLACES`)."""
    from repair.score.ocr_channel import in_vocabulary

    places = _places(toks, places)
    out: list[Edit] = []
    index = _index(names)
    misread = {e.original for e in edits}  # page words the stage reads as others
    for i, head in enumerate(toks):
        if head.kind != "word" or len(head.text) < MIN_HEAD or not _capital_word(head.text):
            continue
        j = _gap_end(toks, i)
        if j is None:
            continue
        tail = toks[j].text
        if len(tail) < MIN_TAIL or not (tail.isalpha() and tail.islower()):
            continue
        if (len(head.text) + len(tail), head.text[:2].lower()) not in index:
            continue  # no page name of that length and start
        reading = _reading(toks[j], edits)
        garbled = reading is not None or not in_vocabulary(tail)
        gap = "".join(t.text for t in toks[i + 1 : j])
        if "\n" not in gap and ("-" not in gap or LINE_END_ONLY):
            continue  # a name broken by a line end, not "Trump said" nor "Van-dermast"
        hyphen = "-" in gap
        if not MERGE_GUARD and not hyphen and not garbled and _common(head.text) and _common(tail):
            continue  # two words at a line end ("Rabbit⏎say" for "Rabbitsay")
        name = _spelled(head.text.lower(), tail, index, garbled)
        if name is None or name in misread:
            continue
        if MERGE_GUARD and not hyphen and merged(toks, i, name, places):
            continue  # the page's "name" is the head and a word printed together
        if reading is not None and (head.text + reading).lower() != name.lower():
            continue  # the stage's reading of the tail and the page's name disagree
        start, end = head.start, toks[j].end
        text = "".join(t.text for t in toks[i : j + 1])
        kind = (
            "hyphenation"
            if _LINE_HYPHEN.fullmatch(text[len(head.text) : -len(tail)])
            else "spacing"
        )
        out.append(Edit(start, end - start, text, name, kind, CONFIDENCE, RULE, MESSAGE))
    return out


def _unknown(low: str) -> bool:
    from repair.resources.frequency import zipf
    from repair.score.ocr_channel import in_vocabulary

    return not in_vocabulary(low) and zipf(low) < RARE_ZIPF


def _prev_word(toks: list[Token], i: int) -> tuple[Token | None, bool]:
    """The word before ``i`` (across spaces without a blank line) and whether a lone full
    stop stood between."""
    j, stop = i - 1, False
    while j >= 0:
        t = toks[j]
        if t.kind == "space":
            if "\n\n" in t.text:
                return None, stop
        elif t.kind == "word":
            return t, stop
        elif t.text == "." and not stop:
            stop = True
        else:
            return None, stop
        j -= 1
    return None, stop


def name_place(toks: list[Token], i: int) -> bool:
    """Whether word ``i`` stands where a name stands: in a capital run
    (:func:`repair.candidates.ocr_capcase.in_capital_run`) or after a short title or an
    initial and its full stop."""
    from repair.candidates.ocr_capcase import in_capital_run

    if in_capital_run(toks, i):
        return True
    prev, stop = _prev_word(toks, i)
    if prev is None or not stop:
        return False
    w = prev.text
    return len(w) <= MAX_TITLE_LEN and _capital_word(w)


def lost_heads(toks: list[Token], names: Counter[str]) -> list[Edit]:
    """Lone tails of page names in a name's place, read as the names (:data:`LOST_HEAD`)."""
    out: list[Edit] = []
    for i, t in enumerate(toks):
        low = t.text
        if t.kind != "word" or len(low) < MIN_TAIL or not (low.isalpha() and low.islower()):
            continue
        found = [
            n for n in names if len(low) < len(n) <= len(low) + MAX_LOST and n.lower().endswith(low)
        ]
        if len(found) != 1 or not _unknown(low) or not name_place(toks, i):
            continue
        out.append(Edit(t.start, len(low), low, found[0], "ocr", CONFIDENCE, RULE, MESSAGE))
    return out


def restore_heads(toks: list[Token], edits: list[Edit]) -> list[Edit]:
    """``edits`` with names printed in pieces read as the page's names (see the module's
    doc)."""
    from repair.candidates import ocr_garbledhead

    garbled = ocr_garbledhead.GARBLED_HEAD
    if not (SPLIT_HEAD or LOST_HEAD or garbled):
        return edits
    names = page_names(toks)
    if not names and not garbled:
        return edits
    by_offset = sorted(edits, key=lambda e: e.offset)  # the stage's edits come unsorted
    places = _places(toks, None)  # one index of the page's words for both readers
    found = split_heads(toks, names, by_offset, places) if SPLIT_HEAD else []
    if LOST_HEAD:
        found += lost_heads(toks, names)
    if garbled:  # a head misread too, read through the channel (session 54)
        found += ocr_garbledhead.garbled_heads(toks, names, by_offset, places)
    if not found:
        return edits
    drop: set[int] = set()
    added: list[Edit] = []
    for e in sorted(found, key=lambda e: e.offset):
        inside = _free(by_offset, e.offset, e.offset + e.length)
        if inside is None or drop.intersection(inside):
            continue
        if any(by_offset[k].offset == e.offset and by_offset[k].length == e.length for k in inside):
            continue  # the stage reads the stretch as one word already
        if added and added[-1].offset + added[-1].length > e.offset:
            continue
        drop.update(inside)
        added.append(e)
    if not added:
        return edits
    dropped = {id(by_offset[k]) for k in drop}
    return [e for e in edits if id(e) not in dropped] + added
