"""A logistic regression on standardised features, evaluated in pure Python.

Shared by the spin word model (:mod:`repair.score.spin_model`) and the candidate ranker
(:mod:`repair.score.spin_rank`); their model files hold its four fields.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Linear:
    """A logistic regression on standardised features.

    >>> Linear((1.0, 0.0), (2.0, 1.0), (1.0, -1.0), 0.5).logit((3.0, 1.0))
    0.5
    """

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float

    def logit(self, x: Sequence[float]) -> float:
        """The log-odds of ``x``."""
        s = self.intercept
        for xi, m, sc, w in zip(x, self.mean, self.scale, self.coef, strict=True):
            s += w * (xi - m) / sc
        return s

    def contributions(self, x: Sequence[float]) -> dict[int, float]:
        """Each feature's share of the log-odds (the intercept left out)."""
        return {
            i: w * (xi - m) / sc
            for i, (xi, m, sc, w) in enumerate(
                zip(x, self.mean, self.scale, self.coef, strict=True)
            )
        }
