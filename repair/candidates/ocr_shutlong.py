"""A gate-shut page's long lower-case non-word read as the one word it is far from
(issue 12, session 65, ocrlower).

On a page the garble gate keeps shut (a clipping at 1-2 % CER) only the light readers
run, and they read one cheap learned confusion ("recentlv").  Session 65's account of the
ICDAR-only proxy's lower-case non-words that OverProof reads and we leave
(``benchmarks/ocr_lower_account.py``) finds 15 of 116 on such pages with no candidate at
all, most of them two or more glyphs from their word or read through confusions a
foreign table prices dear ("pievlous" -> previous, "leadirs" -> leaders, "sttehded" ->
attended, "exploréis" -> explorers).  The wide readers of
:mod:`repair.candidates.ocr_lightwide` reach them but stay off on shut pages
(``SHUT_PAGES``, session 41: they lower the light suite's precision).

Here the question is relative, as in :mod:`repair.candidates.ocr_farlong`: a print that
:func:`repair.candidates.ocr_lightwide.garbled_token` calls OCR garble (Zipf 0, printed
once, an OCR shape, no drawl, no two words run together, no piece glued through a mark),
in lower case and at least :data:`MIN_LEN` letters long, is read only when among all the
common words of about its length one is by far the cheapest channel reading
(:func:`repair.candidates.ocr_farlong.clear_cheapest`: at most
:data:`~repair.candidates.ocr_farlong.COST_PER_CHAR` nats a glyph, the next
:data:`~repair.candidates.ocr_farlong.MARGIN` nats dearer).  The reading goes to the
language-model scorer (both neighbours) at the far search's capped cost and must win by
:data:`THRESHOLD` nats: a typo or a coinage of clean text is near several words, none,
or one the context does not want.
"""

from __future__ import annotations

from collections.abc import Mapping

from repair.types import Candidate, Token

#: Read a gate-shut page's long lower-case garbled non-word as its one clear far reading.
#: On (session 65, ocrlower): ICDAR-only proxy dev 4,696 / 7,792 -> 4,694 / 7,788 ("pievlous"
#: -> previous, "sttehded" -> attended); shipped SMH dev 4,206 / 6,869, audit, light suite,
#: clean English and its wraps, census and the OCR 100 k speed text unchanged.
SHUT_LONG = True
#: Shortest print read (letters).
MIN_LEN = 7
#: Nats the language model must want the reading by.
THRESHOLD = 2.0
#: Fewest plain edits between the print and its reading (:func:`glyph_misreading`).
MIN_DISTANCE = 2


def shut_long_candidates(
    toks: list[Token], k: int, counts: Mapping[str, int], reason: str
) -> list[Candidate]:
    """The one clear far reading of ``toks[k]`` (a finding ``reason`` of a page the gate
    keeps shut; the caller checks the gate), or none (module doc)."""
    if not SHUT_LONG:
        return []
    tok = toks[k]
    word = tok.text
    if len(word) < MIN_LEN or not word.isalpha() or not word.islower():
        return []
    if not shut_garble(toks, k, counts, reason):
        return []
    # imported only now: a clean page's prints stop above (tests/test_cold_start_loads.py)
    from repair.candidates import ocr_farlong
    from repair.candidates.ocr_rules import word_cand

    found = ocr_farlong.readings_over(word, [])
    if not found or not glyph_misreading(word, found[0].text):
        return []
    best = found[0]
    return [
        word_cand(
            tok,
            best.text,
            "OCR_CONFUSION",
            finding="shut_long",
            cost=best.cost,
            threshold=THRESHOLD,
            subs=[list(s) for s in best.subs],
        )
    ]


#: The detector's reasons of the prints read (a lower-case non-word, accented or not).
REASONS = frozenset({"nonword", "accented_nonword", "spurious_accent"})


def shut_garble(toks: list[Token], k: int, counts: Mapping[str, int], reason: str) -> bool:
    """Whether ``toks[k]`` (a finding ``reason``) is a word no text uses, as
    :func:`repair.candidates.ocr_lightwide.garbled_token` asks (Zipf 0, printed once, no
    drawl, no two words run together, no piece glued through a mark) but without its OCR
    shape test: here the one clear far reading is the shape (module doc)."""
    from repair.candidates.ocr_lightwide import mark_piece, run_together
    from repair.resources.frequency import zipf

    word = toks[k].text
    if reason not in REASONS or counts.get(word, 0) > 1 or zipf(word) > 0:
        return False
    if any(a == b == c for a, b, c in zip(word, word[1:], word[2:], strict=False)):
        return False  # a drawl ("sooooon"), not garble
    return not run_together(word) and not mark_piece(toks, k)


#: Endings a writer adds to a word of their own ("arbitrage" + "r", "outsource" + "rs"):
#: a print that is a known word plus one of them is a derivation, not garble.
SUFFIXES = ("r", "rs", "er", "ers", "s", "es", "ed", "d", "ing", "ly", "ness", "ism", "ist")


def glyph_misreading(word: str, reading: str) -> bool:
    """Whether reading ``word`` as ``reading`` has the shape of OCR, not of a writer:
    some printed glyph is misread (not only letters left out or added, "emtions" ->
    emotions, "environmment": a typist's slips, :func:`_subsequence`), the letters are not
    only reordered ("soemtimes"), the reading is at least :data:`MIN_DISTANCE` plain edits
    away (a one-edit reading is the light readers' and a typist's: "intervourse"), no other
    known word is one edit from the print (:func:`_near_known`), the reading drops no
    letter at either end of the print ("shapliness" -> happiness) and the print is no known
    word plus an ending (:data:`SUFFIXES`: "arbitrager").

    >>> glyph_misreading("sttehded", "attended"), glyph_misreading("emtions", "emotions")
    (True, False)
    >>> glyph_misreading("soemtimes", "sometimes"), glyph_misreading("arbitrager", "arbitrary")
    (False, False)
    """
    from rapidfuzz.distance import Levenshtein

    from repair.score.ocr_channel import is_known

    low, read = word.lower(), reading.lower()
    if sorted(low) == sorted(read) or _subsequence(low, read) or _subsequence(read, low):
        return False
    if Levenshtein.distance(low, read) < MIN_DISTANCE or _near_known(low, read):
        return False
    if any(
        op.tag == "delete" and (op.src_start == 0 or op.src_end == len(low))
        for op in Levenshtein.opcodes(low, read)
    ):
        return False  # a letter the print adds at an end is no misread glyph ("shapliness")
    return not any(
        low.endswith(end) and len(low) - len(end) >= 4 and is_known(low[: -len(end)])
        for end in SUFFIXES
    )


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _near_known(low: str, reading: str) -> bool:
    """Whether a known word other than ``reading`` is one plain edit from ``low`` (the
    print may be a writer's slip for it: "shapliness", shapeliness)."""
    from repair.score.ocr_channel import is_known

    seen: set[str] = set()
    for k in range(len(low) + 1):
        head, tail = low[:k], low[k:]
        forms = [head + c + tail for c in _LETTERS]
        if tail:
            forms.append(head + tail[1:])
            forms += [head + c + tail[1:] for c in _LETTERS if c != tail[0]]
        if len(tail) > 1:
            forms.append(head + tail[1] + tail[0] + tail[2:])
        for f in forms:
            if f != reading and f not in seen:
                seen.add(f)
                if is_known(f):
                    return True
    return False


def _subsequence(short: str, long: str) -> bool:
    """Whether ``short``'s letters stand in ``long`` in order (letters only left out)."""
    it = iter(long)
    return all(ch in it for ch in short)
