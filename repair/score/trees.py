"""Gradient-boosted regression trees evaluated in pure Python (flat node arrays).

Shared by the spin word, document and common-word models (:mod:`repair.score.spin_model`)
and the candidate ranker (:mod:`repair.score.spin_rank`); their model files hold a
``{"kind": "trees", "base", "rate", "trees": [...]}`` entry, read and checked by
:func:`parse_trees`.
"""

from __future__ import annotations

import marshal
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

from repair.lexicons import LexiconError
from repair.resources.cache import generated_code


@dataclass(frozen=True)
class Trees:
    """Gradient-boosted regression trees on the log-odds scale (flat node arrays)."""

    base: float
    rate: float
    feature: tuple[tuple[int, ...], ...]
    threshold: tuple[tuple[float, ...], ...]
    left: tuple[tuple[int, ...], ...]
    right: tuple[tuple[int, ...], ...]
    value: tuple[tuple[float, ...], ...]

    def logit(self, x: Sequence[float]) -> float:
        return self._compiled(x)

    def walk_logit(self, x: Sequence[float]) -> float:
        """:meth:`logit` by walking the node arrays (the definition)."""
        s = self.base
        for f, t, lo, hi, v in zip(
            self.feature, self.threshold, self.left, self.right, self.value, strict=True
        ):
            n = 0
            while lo[n] >= 0:
                n = lo[n] if x[f[n]] <= t[n] else hi[n]
            s += self.rate * v[n]
        return s

    @cached_property
    def _compiled(self) -> Callable[[Sequence[float]], float]:
        """:meth:`walk_logit` as one generated function of nested comparisons: the same
        comparisons, the same leaf values and the same additions in the same order (every
        float is written as its exact ``repr``), so the same float, several times faster.
        Falls back to the walk when a number has no exact literal (inf, nan)."""
        nums = [self.base, self.rate, *(a for t in self.threshold for a in t)]
        nums += [a for v in self.value for a in v]
        if not all(math.isfinite(a) for a in nums):
            return self.walk_logit

        def expr(k: int, n: int) -> str:
            f, t, lo, hi, v = (
                self.feature[k], self.threshold[k], self.left[k], self.right[k], self.value[k]
            )  # fmt: skip
            if lo[n] < 0:
                return repr(v[n])
            return f"({expr(k, lo[n])} if x[{f[n]}] <= {t[n]!r} else {expr(k, hi[n])})"

        def source() -> str:
            lines = ["def _logit(x):", f"    s = {self.base!r}"]
            lines += [f"    s += {self.rate!r} * {expr(k, 0)}" for k in range(len(self.feature))]
            lines.append("    return s")
            return "\n".join(lines)

        ns: dict[str, object] = {}
        numbers = (self.base, self.rate, self.feature, self.threshold, self.left, self.right)
        # generated code read back from the per-user cache, keyed by the trees' numbers and
        # this generator (~10 ms to write the source and compile it at each start)
        code = generated_code(
            f"code-spin-trees-{len(self.feature)}",
            marshal.dumps((*numbers, self.value)),
            Trees._compiled.func.__code__,
            source,
            "<spin-trees>",
        )
        exec(code, ns)  # noqa: S102
        return ns["_logit"]  # type: ignore[return-value]

    def contributions(self, x: Sequence[float]) -> dict[int, float]:
        """Per feature, its share of the log-odds along each tree's path (Saabas)."""
        return self._compiled_contributions(x)

    def walk_contributions(self, x: Sequence[float]) -> dict[int, float]:
        """:meth:`contributions` by walking the node arrays (the definition)."""
        out: dict[int, float] = {}
        for f, t, lo, hi, v in zip(
            self.feature, self.threshold, self.left, self.right, self.value, strict=True
        ):
            n = 0
            while lo[n] >= 0:
                m = lo[n] if x[f[n]] <= t[n] else hi[n]
                out[f[n]] = out.get(f[n], 0.0) + self.rate * (v[m] - v[n])
                n = m
        return out

    @cached_property
    def _compiled_contributions(self) -> Callable[[Sequence[float]], dict[int, float]]:
        """:meth:`walk_contributions` as generated nested comparisons: the same comparisons,
        each step's ``rate * (v[child] - v[node])`` written as its exact ``repr`` (the float
        the walk computes), added to the dict in the same order, so the same dict (values
        and key order).  Falls back to the walk when a number has no exact literal."""
        steps: list[float] = [self.rate, *(a for t in self.threshold for a in t)]
        lines = ["def _contrib(x):", "    o = {}", "    g = o.get"]

        def walk(k: int, n: int, pad: str) -> None:
            f, t, lo, hi, v = (
                self.feature[k], self.threshold[k], self.left[k], self.right[k], self.value[k]
            )  # fmt: skip
            if lo[n] < 0:
                lines.append(f"{pad}pass")
                return
            for head, m in ((f"if x[{f[n]}] <= {t[n]!r}:", lo[n]), ("else:", hi[n])):
                d = self.rate * (v[m] - v[n])
                steps.append(d)
                lines.append(pad + head)
                lines.append(f"{pad}    o[{f[n]}] = g({f[n]}, 0.0) + {d!r}")
                walk(k, m, pad + "    ")

        for k in range(len(self.feature)):
            walk(k, 0, "    ")
        lines.append("    return o")
        if not all(math.isfinite(a) for a in steps):
            return self.walk_contributions
        ns: dict[str, object] = {}
        exec(compile("\n".join(lines), "<spin-trees-contrib>", "exec"), ns)  # noqa: S102
        return ns["_contrib"]  # type: ignore[return-value]


def floats(v: object, n: int | None, what: str, source: str) -> tuple[float, ...]:
    if not isinstance(v, list) or (n is not None and len(v) != n):
        raise LexiconError(f"{source}: {what}: expected a list of {n or 'some'} numbers")
    # ``(int, float)``, not ``int | float``: a union built and tested per number made this
    # check ~20 ms of every start (the spin model's ~4 k numbers; issue 14, cold start)
    if not all(isinstance(a, (int, float)) and math.isfinite(a) for a in v):
        raise LexiconError(f"{source}: {what}: not all finite numbers")
    return tuple(float(a) for a in v)


def parse_trees(d: dict, n: int, what: str, source: str) -> Trees:
    """:class:`Trees` from a model file's entry ``d`` on ``n`` features (schema checked;
    ``what`` and ``source`` name the entry and the file in errors)."""
    trees = d.get("trees")
    if not isinstance(trees, list) or not trees:
        raise LexiconError(f"{source}: {what}.trees: expected a non-empty list")
    cols: dict[str, list[tuple]] = {
        k: [] for k in ("feature", "threshold", "left", "right", "value")
    }
    for k, t in enumerate(trees):
        size = len(t.get("value", []))
        for key in cols:
            arr = t.get(key)
            if not isinstance(arr, list) or len(arr) != size:
                raise LexiconError(f"{source}: tree {k}: {key} must have {size} entries")
        feat = tuple(int(a) for a in t["feature"])
        left, right = tuple(int(a) for a in t["left"]), tuple(int(a) for a in t["right"])
        for i in range(size):
            if left[i] >= 0 and not (
                0 <= feat[i] < n and i < left[i] < size and i < right[i] < size
            ):
                raise LexiconError(f"{source}: tree {k}, node {i}: bad split")
        cols["feature"].append(feat)
        cols["threshold"].append(floats(t["threshold"], size, f"tree {k} threshold", source))
        cols["left"].append(left)
        cols["right"].append(right)
        cols["value"].append(floats(t["value"], size, f"tree {k} value", source))
    return Trees(
        floats([d.get("base")], 1, f"{what}.base", source)[0],
        floats([d.get("rate")], 1, f"{what}.rate", source)[0],
        *(tuple(cols[k]) for k in ("feature", "threshold", "left", "right", "value")),
    )
