"""A mark inside a word read as the one glyph it stands for (issue 12).

Newspaper OCR prints a letter as a mark ("v.eie" were, "t-ourt" Court, "coa.it" coast,
"a-rmspheie" atmosphere).  The learned channel
(:func:`repair.score.ocr_price.channel_cost`) holds rows for a few marks and letters
("\\" for a, "«" for w, 3-6.5 nats) and prices every other mark-for-letter as a generic
substitution (5 nats), so a reading of a word broken by a mark pays that for the one
glyph whose identity the print lost.  :func:`mark_price` reads each mark that the
alignment sets against a letter as that letter at a flat :data:`MARK_GLYPH` nats (which
letter it was is left to the reading's frequency and the context model) and lets the
channel price the rest.  A mark the alignment drops keeps the channel's price ("w-as"),
and the price is never above the channel's own.
"""

from __future__ import annotations

#: Nats a mark inside a word costs as any one letter of the reading; ``None`` (default):
#: the channel's own price.  SMH dev, shipped tables, with :mod:`repair.candidates.ocr_markjoin`
#: (tokens / chars; channel only 4,711 / 7,561): 1.0: 4,694 / 7,553; 1.5: 4,695 / 7,554;
#: 2.0: 4,697 / 7,556 (1.0 and 1.5 add "v.eie" -> here for "were"); 2.0 with
#: ``CASE_BREAK``: 4,701 / 7,550, test 5,576 / 9,003 (5,587 / 9,021).  Off: ICDAR does not
#: move (the reading runs on heavy pages only) and on the test half most of the readings
#: it adds are wrong words for hopeless garble (benchmarks/RESULTS.md, session 31).
MARK_GLYPH: float | None = None
#: The price to switch on with (``MARK_GLYPH = ON_PRICE``).
ON_PRICE = 2.0
#: Price each mark by how often that mark, printed between two letters, stands for a letter
#: in the training lines (:data:`LEARNED_PRICES`) instead of the flat :data:`MARK_GLYPH`.
#: SMH dev, with ``ocr_markjoin.LONGER_RUN`` and ``COMPOUND_JOINED`` (main 4,699 / 7,569):
#: 4,693 / 7,557, 7 right and 3 wrong new readings, 2 wrong ones removed; test (read once)
#: 5,573 / 9,010 (5,581 / 9,024) but 3 right and 8 wrong new readings, mostly short words
#: for hopeless garble ("ii^hsh" -> irish, "ti&c" -> time): off (benchmarks/RESULTS.md,
#: session 32, ocrmark32).
LEARNED = False
#: Nats added to every learned price (the learned rate says *that* the mark is a letter,
#: not which one).
LEARNED_OFFSET = 0.0
#: ``-ln P(letter | this mark between two letters)`` on SMH dev's training lines
#: (``python scripts/build_mark_prices.py --smh ../shared/data/ocr/overproof_smh``;
#: letters of marks seen, in the comments); ``other``: the pooled rare marks.
LEARNED_PRICES: dict[str, float] = {
    "other": 0.33,  # 45 of 55
    "\\": 0.36,  # 8 of 10
    ".": 1.39,  # 27 of 108
    ",": 2.25,  # 1 of 11
    "-": 2.26,  # 31 of 300
    "'": 2.43,  # 19 of 219
}


def mark_price(printed: str, word: str) -> float:
    """Nats the channel charges for printing ``word`` as ``printed``, each mark that
    stands for a letter of ``word`` (:func:`mark_letters`) read as that glyph at
    :data:`MARK_GLYPH` and the channel pricing the rest: "v.eie" -> were costs the
    channel's "vweie" -> were plus one mark glyph; never more than the channel alone."""
    from repair.score.ocr_price import channel_cost

    cost = channel_cost(printed, word)
    if MARK_GLYPH is None and not LEARNED:
        return cost
    read, glyphs = mark_glyphs(printed, word)
    if not glyphs:
        return cost
    return min(cost, channel_cost(read, word) + sum(map(glyph_price, glyphs)))


def glyph_price(mark: str) -> float:
    """Nats for ``mark`` read as a letter: the learned row (:data:`LEARNED`) or the flat
    :data:`MARK_GLYPH`."""
    if LEARNED:
        return LEARNED_PRICES.get(mark, LEARNED_PRICES["other"]) + LEARNED_OFFSET
    return MARK_GLYPH if MARK_GLYPH is not None else float("inf")


def mark_letters(printed: str, word: str) -> tuple[str, int]:
    """:func:`mark_glyphs` with the number of marks read as letters."""
    read, glyphs = mark_glyphs(printed, word)
    return read, len(glyphs)


def mark_glyphs(printed: str, word: str) -> tuple[str, list[str]]:
    """``printed`` with each mark that the cheapest alignment to ``word`` sets against a
    letter replaced by that letter, and those marks: an alignment where a mark matches any
    letter at half an edit, and a letter its own glyph only (plain edits otherwise)."""
    low, n, m = printed.lower(), len(printed), len(word)
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    best[0] = [float(j) for j in range(m + 1)]
    for i in range(1, n + 1):
        best[i][0] = float(i)
        mark = not low[i - 1].isalnum()
        for j in range(1, m + 1):
            sub = 0.0 if low[i - 1] == word[j - 1] else (0.5 if mark else 1.0)
            best[i][j] = min(best[i - 1][j - 1] + sub, best[i - 1][j] + 1.0, best[i][j - 1] + 1.0)
    glyphs = list(printed)
    marks: list[str] = []
    i, j = n, m
    while i > 0 and j > 0:
        mark = not low[i - 1].isalnum()
        sub = 0.0 if low[i - 1] == word[j - 1] else (0.5 if mark else 1.0)
        if best[i][j] == best[i - 1][j - 1] + sub:
            if mark and sub:
                marks.append(glyphs[i - 1])
                glyphs[i - 1] = word[j - 1]
            i, j = i - 1, j - 1
        elif best[i][j] == best[i - 1][j] + 1.0:
            i -= 1
        else:
            j -= 1
    return "".join(glyphs), marks[::-1]
