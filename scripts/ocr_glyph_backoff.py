"""A per-pair price for glyph confusions the training data never counted (session 58).

The unseen back-off of ``build_ocr_confusions.py`` (``UNSEEN_BACKOFF``) gives every
lower-case pair no source counted one flat price, the class's held-out cost: "j" read as
"y" costs what "x" read as "q" does.  Yet the training data says more than "unseen": some
letters are misread far more often than others (the page's "e", "c", "r" lose ink; "z",
"k", "x" rarely), and some printed glyphs are what a misreading prints far more often
than others (thin "i", "l", "t", "r" stand for many letters; "w", "k" for few).  The
independence back-off prices an unseen pair by both::

    P(printed o | true g) ~ r(g) * q(o)

with ``r(g)`` the share of the true glyph's printings that are misread as another glyph
of the alphabet, and ``q(o)`` the printed glyph's share of all such misreadings (both
add-one smoothed over the alphabet), learned from the same counts as the table.  The
price of a pair is the class's learned cost moved by ``slope * ln(mean / score)`` (the
geometric mean over the priced pairs, so the class's mean price is kept): a likelier
pair is cheaper, an unlikely one dearer.  No table of pairs: two learned rates per glyph.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable


def glyph_rates(
    pairs: Counter[tuple[str, str]], letters: Counter[str], glyphs: str
) -> tuple[dict[str, float], dict[str, float]]:
    """``(r, q)``: per true glyph the share of its printings misread as another glyph of
    ``glyphs`` (``pairs``' counts over ``letters``' count), per printed glyph its share of
    all such misreadings; both add-one smoothed over ``glyphs``.

    >>> r, q = glyph_rates(Counter({("l", "t"): 8, ("i", "t"): 2}), Counter({"t": 100}), "ilt")
    >>> round(r["t"], 3), round(r["i"], 3), round(q["l"], 3), round(q["t"], 3)
    (0.107, 0.333, 0.692, 0.077)
    """
    misread: Counter[str] = Counter()
    printed: Counter[str] = Counter()
    total = 0
    for (o, g), n in pairs.items():
        if o != g and o in glyphs and g in glyphs and len(o) == len(g) == 1:
            misread[g] += n
            printed[o] += n
            total += n
    k = len(glyphs)
    r = {g: (misread[g] + 1) / (max(letters.get(g, 0), misread[g]) + k) for g in glyphs}
    q = {o: (printed[o] + 1) / (total + k) for o in glyphs}
    return r, q


def pair_prices(
    targets: Iterable[tuple[str, str]],
    rates: tuple[dict[str, float], dict[str, float]],
    class_cost: float,
    slope: float,
) -> dict[tuple[str, str], float]:
    """``{(printed, true): price}`` of the pairs ``targets`` (one glyph a side, keys of
    ``rates``): ``class_cost + slope * ln(mean / (r(true) * q(printed)))``, ``mean`` the
    geometric mean of the targets' scores.

    >>> rates = ({"a": 0.01, "b": 0.0025}, {"a": 0.5, "b": 0.5})
    >>> prices = pair_prices([("a", "b"), ("b", "a")], rates, 6.0, 1.0)
    >>> round(prices[("b", "a")], 3), round(prices[("a", "b")], 3)
    (5.307, 6.693)
    """
    r, q = rates
    keys = list(targets)
    if not keys:
        return {}
    logs = {(o, g): math.log(r[g] * q[o]) for o, g in keys}
    mean = sum(logs.values()) / len(logs)
    return {key: class_cost + slope * (mean - value) for key, value in logs.items()}
