"""Two printings of one name read as each other: the page settles on one ("Covony" / "Coveny").

A garbled page prints a name several ways: "Covony" seven times, "Coveny" three times and
"Covcny" once.  Every form the page prints twice or more is offered as a reading of the
others (the page's own words, ``OCR_DOC_WORD``), and the language model, which knows
neither, picks per occurrence: "Covony" is read "Coveny" in one sentence and "Coveny" is
read "Covony" in the next, so the page ends up with the name both ways and some of the
right printings broken.

A name is one string.  When two capitalised forms of a page are each offered as a
whole-token reading of the other, and neither is a word the dictionary knows, the page's
own counts and the learned channel settle which one was printed: the form that explains
the other's printings more cheaply (``count(other) * channel_cost(other -> form)``,
nats) is the name.  "Covony" x7 read as "Coveny" costs 7 x 0.4 nats; "Coveny" x3 read as
"Covony" costs 3 x 4.5 (an ``o`` misread as ``e`` is rare, the reverse common): the name
is "Coveny".  The readings of the name as the other form are dropped, and so is every
reading *to* the other form on the page ("Covcny" is read "Coveny", not "Covony").  A
tie settles nothing.  No list: the page's counts and the learned channel decide (issue
12, session 45).

>>> from repair.tokenize import tokenize
>>> from repair.candidates.ocr_rules import cand
>>> toks = tokenize("Covony Covony Covony Coveny Coveny Covcny")
>>> by_start = {t.start: i for i, t in enumerate(toks)}
>>> cs = [cand(0, 6, "Coveny", "OCR_DOC_WORD"), cand(21, 27, "Covony", "OCR_DOC_WORD"),
...       cand(35, 41, "Covony", "OCR_DOC_WORD"), cand(35, 41, "Coveny", "OCR_DOC_WORD")]
>>> [(toks[by_start[c.start]].text, c.replacement) for c in settle_swaps(toks, by_start, cs)] == (
...     [("Covony", "Coveny"), ("Covcny", "Coveny")] if PAGE_SWAP else
...     [("Covony", "Coveny"), ("Coveny", "Covony"), ("Covcny", "Covony"), ("Covcny", "Coveny")])
True
"""

from __future__ import annotations

from collections.abc import Mapping

from repair.types import Candidate, Token

#: The switch (session 45, ocrnames45).  On: SMH dev 4,345 -> 4,341 tokens / 7,052 -> 7,051
#: chars (dev-a 1,946 -> 1,942 / 3,160 -> 3,159, dev-b unchanged: one page, "Coveny" x3 no
#: longer read "Covony", "Covcny" read "Coveny"), test 5,361 / 8,695 unchanged; ICDAR-only
#: tables (``ocr_xsource.py --train icdar``) SMH dev 5,162 -> 5,158 / 8,474 -> 8,470, test
#: 5,955 / 9,636 unchanged; light suite, clean gate, ICDAR (1-80, file 81, gold + noise,
#: synthetic) and the OCR'd modern text audit (200 broken / 28,166 fixed) unchanged
#: (``benchmarks/ocr_ablation.py --parts deva,devb``; benchmarks/RESULTS.md, session 45).
PAGE_SWAP = True
#: Both forms are printed at least this often (once each is no evidence of a name: "Bong
#: Hong" for "Hong Kong").
MIN_COUNT = 2


def _form(text: str) -> bool:
    """A capitalised word form no dictionary knows ("Coveny"): the kind of string a name
    is.  A known word is printed as itself ("Now" and "How" both open sentences of one
    text: OCR'd modern text audit, "Novv" read as "How" when the two were settled)."""
    from repair.score.ocr_channel import is_known

    return text.isalpha() and text[:1].isupper() and not is_known(text.lower())


def losing_forms(pairs: set[tuple[str, str]], counts: Mapping[str, int]) -> set[str]:
    """The forms of the mutual readings ``pairs`` (``(a, b)``: ``a`` is offered as ``b``
    and ``b`` as ``a``) that the page's counts and the channel read away (module doc).

    >>> sorted(losing_forms({("Covony", "Coveny")}, {"Covony": 7, "Coveny": 3}))
    ['Covony']
    """
    from repair.score.ocr_price import channel_cost

    out: set[str] = set()
    for a, b in pairs:
        if min(counts.get(a, 0), counts.get(b, 0)) < MIN_COUNT:
            continue
        to_b = counts.get(a, 0) * channel_cost(a, b)  # a's printings explained as b
        to_a = counts.get(b, 0) * channel_cost(b, a)
        if to_b < to_a:
            out.add(a)
        elif to_a < to_b:
            out.add(b)
    return out


def settle_swaps(
    toks: list[Token], by_start: Mapping[int, int], cands: list[Candidate]
) -> list[Candidate]:
    """``cands`` less the readings to a form the page reads away (module doc)."""
    if not PAGE_SWAP or not cands:
        return cands
    offered: set[tuple[str, str]] = set()
    for c in cands:
        text = _read_form(toks, by_start, c)
        if text is not None and _form(text) and _form(c.replacement) and c.replacement != text:
            offered.add((text, c.replacement))
    pairs = {(a, b) for a, b in offered if a < b and (b, a) in offered}
    if not pairs:
        return cands
    from repair.candidates.ocr_rules import page_word_counts

    losers = losing_forms(pairs, page_word_counts(toks))
    if not losers:
        return cands
    return [
        c for c in cands if c.replacement not in losers or _read_form(toks, by_start, c) is None
    ]


def _read_form(toks: list[Token], by_start: Mapping[int, int], c: Candidate) -> str | None:
    """The printed form ``c`` reads: its token, or the word before a possessive ending
    ("Coveny" of "Coveny's"); ``None`` for a reading of anything else."""
    i = by_start.get(c.start)
    if i is None:
        return None
    tok = toks[i]
    if tok.end == c.end:
        return tok.text
    rest = tok.text[c.end - tok.start :]
    return tok.text[: c.end - c.start] if c.end < tok.end and rest in ("'s", "’s") else None
