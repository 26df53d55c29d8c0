"""A full stop printed for a comma between the names of a list (session 44, ocrpunct44;
issue 12).

Guest lists, passenger lists and reports of who attended print their names one after
another with commas: "Mrs. Hort, Mrs. Pillow, Mrs. Miller, Mrs. Churnside and ...".  A
comma's tail is faint, and the OCR of such a list reads many of them as stops: "Miss
Brown. Miss Hutchinson. Miss Dixon, Miss Mackay. Miss Warren, Miss Connon".  A stop
between two names inside a list the page itself sets with commas is no sentence end: the
list goes on, with a comma, on both sides of it.

The page is cut into *pieces* at its marks (a stop after an initial, a title or an
abbreviated given name is part of a name: "Mrs.", "J.", "Geo."; a hyphen or apostrophe
inside a name too) and at "and"; a piece is a *name* when it is one to
:data:`MAX_WORDS` capitalised words, titles and initials, with at least one word of two
letters or more that is no title and not in capitals ("Hort", not "HERALD").  A stop
between two names is read as a comma when the piece before it follows a comma after
another name (the list has begun) and, read forward over names joined by stops, commas
or "and", the list goes on past a comma or "and" to a further name
(:func:`_continues`): "Mrs. Jackson. The funeral" (no name after) and "... , Mrs. Smith.
Mr. Brown said" (a sentence, no name piece) are left as they are.  A stop before a line
break that opens a paragraph, and a stop with no space after it, are never read.

Runs in the stop pass (:mod:`repair.candidates.ocr_stoppass`) on the corrected text of
the pages where that pass runs (heavily garbled pages and newspaper columns, not verse),
one linear scan of the tokens.

>>> from repair.candidates import ocr_liststop
>>> from repair.tokenize import tokenize
>>> page = "present were Mrs. Hort, Mrs. Miller. Mrs. Kemp. Miss Dixon, Miss Brown and others."
>>> ocr_liststop.LIST_STOPS = True  # shipped off
>>> [(c.start, c.replacement) for c in ocr_liststop.list_stop_candidates(tokenize(page))]
[(35, ','), (46, ',')]
>>> ocr_liststop.LIST_STOPS = False
"""

from __future__ import annotations

from repair.types import Candidate, Token

#: On/off (hook in :func:`repair.candidates.ocr_stoppass._stops`).  Off: SMH dev level
#: (dev-a +2 / +2, dev-b -2 / -2): of 18 stops read, 9 are commas in the gold and 9
#: the print's own stops that the gold keeps ("Mrs. J. Marsland. Mrs. A. C. Forsyth. Mrs.
#: Kelly,", "Flowers, Elkengten, Dunn. Ussher"); nothing on the page tells them apart.
LIST_STOPS = False
#: Most words of a name piece ("Mrs. John Walker", "Frederick Charles Gawler").
MAX_WORDS = 5
#: Confidence of the reading.
CONFIDENCE = 0.7
#: Marks that join the parts of a name when glued on both sides ("Lumley-Hill").
_INNER = frozenset("-'’")


def _abbreviations() -> frozenset[str]:
    """Words whose own stop is part of a name ("Mrs.", "Geo.", "Ptes.")."""
    from repair.candidates.ocr_abbrev import ABBREVIATIONS
    from repair.candidates.ocr_stops import TITLES

    return ABBREVIATIONS | TITLES


#: A piece: (is a name, ends in a name, the separator after it, its token index).
Piece = tuple[bool, bool, str, int]


def _pieces(toks: list[Token]) -> list[Piece]:
    """The page as pieces (module doc), each with the separator after it: "," ";" "."
    (a stop that may be a comma), "and", "para" (a paragraph break), "other" or "end"."""
    abbrevs = _abbreviations()
    pieces: list[Piece] = []
    words = tail = 0  # words of the piece; of its capitalised tail
    name = True
    surname = tail_surname = False
    n = len(toks)

    def close(sep: str, k: int) -> None:
        nonlocal words, tail, name, surname, tail_surname
        whole = name and surname and 0 < words <= MAX_WORDS
        ends = tail_surname and 0 < tail <= MAX_WORDS
        pieces.append((whole, ends, sep, k))
        words = tail = 0
        name, surname, tail_surname = True, False, False

    for k, t in enumerate(toks):
        text = t.text
        if t.kind == "space":
            if "\n\n" in text:
                close("para", k)
            continue
        if t.kind == "word":
            if text == "and":
                close("and", k)
                continue
            words += 1
            if not text[:1].isupper():
                name = tail_surname = False
                tail = 0
                continue
            tail += 1
            if len(text) >= 2 and text not in abbrevs and not text.isupper():
                surname = tail_surname = True
            continue
        if t.kind == "punct":
            prev = toks[k - 1] if k else None
            glued = prev is not None and prev.end == t.start and prev.kind == "word"
            if text == "." and glued and prev is not None:
                w = prev.text
                if (len(w) == 1 and w.isupper()) or w in abbrevs:
                    continue  # an initial's or a title's own stop
                nxt = toks[k + 1] if k + 1 < n else None
                spaced = nxt is not None and nxt.kind == "space" and "\n\n" not in nxt.text
                close("." if spaced and not w.isupper() else "other", k)
                continue
            if text in _INNER and glued and k + 1 < n and toks[k + 1].kind == "word":
                if toks[k + 1].start == t.end:
                    continue
            close(text if text in ",;" else "other", k)
            continue
        name = tail_surname = False  # a figure or anything else inside the piece
        tail = 0
    close("end", n)
    return pieces


def _begun(pieces: list[Piece], p: int) -> bool:
    """Whether a list has begun before piece ``p``: back over names joined by stops, a
    comma follows a piece that ends in a name ("were Mrs. Hort, Mrs. Miller. ...")."""
    q = p - 1
    while q >= 0:
        whole, ends, sep, _k = pieces[q]
        if sep == ",":
            return ends
        if sep != "." or not whole:
            return False
        q -= 1
    return False


def _continues(pieces: list[Piece], p: int) -> bool:
    """Whether the list goes on after piece ``p`` (a name): over names joined by stops,
    commas or "and", a comma or "and" is followed by a further name."""
    q = p
    while q + 1 < len(pieces) and pieces[q][0]:
        sep = pieces[q][2]
        if sep not in (".", ",", "and"):
            return False
        if sep in (",", "and") and pieces[q + 1][0]:
            return True
        q += 1
    return False


def list_stop_candidates(toks: list[Token]) -> list[Candidate]:
    """A comma for each stop between two names inside a comma-set list (module doc);
    ``[]`` when off."""
    if not LIST_STOPS:
        return []
    from repair.candidates.ocr_rules import cand

    pieces = _pieces(toks)
    out: list[Candidate] = []
    for p in range(1, len(pieces) - 1):
        whole, _ends, sep, k = pieces[p]
        if sep != "." or not whole or not pieces[p + 1][0]:
            continue
        if not _begun(pieces, p) or not _continues(pieces, p + 1):
            continue
        t = toks[k]
        out.append(
            cand(t.start, t.end, ",", "OCR_STRAY_MARK", finding="list_stop", fixed=CONFIDENCE)
        )
    return out
