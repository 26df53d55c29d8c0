"""A learned "cannot win" filter for a real word's readings (issue 14, session 59).

On a garbled page every known word is re-read as the known words a glyph confusion or
two makes of it ("tho" -> "the", "bo" -> "be"): on the 100 k-word OCR speed text 45,018
such readings are scored per pass and ~110 win.  No exact bound prunes them (session 58:
the decision rests on the two words after the reading), so this is an inexact cut: a
logistic model over features known before the reading's language-model questions (the
channel price, the margin it must clear, the print's and the reading's Zipf frequency,
the lengths, the case, the page's weight) gives each reading a score, and a reading
scoring below the shipped bar is never built.  The weights and the bar live in
``lexicons/ocr_realfilter.json`` with how they were made; the file is checked on load
(format, feature names, finite weights).  See :data:`repair.candidates.ocr_realword.LEARNED_SKIP`.
"""

from __future__ import annotations

import json
import math
from typing import Any, NamedTuple

#: The shipped model's file in ``lexicons/``.
MODEL = "ocr_realfilter.json"
#: Its format tag.
FORMAT = "repair-ocr-realfilter/1"
#: The features, in the model's order (:func:`features`).
FEATURES = (
    "cost",
    "threshold",
    "print_prior",
    "zipf_gain",
    "zipf_reading",
    "length",
    "subs",
    "capital",
    "heavy",
)


class FilterModelError(ValueError):
    """The shipped model file does not fit the code."""


class FilterModel(NamedTuple):
    weights: tuple[float, ...]
    bias: float
    bar: float


def features(
    cost: float, threshold: float, prior: float, zipf_print: float, zipf_reading: float,
    text: str, subs: int, heavy: bool,
) -> tuple[float, ...]:  # fmt: skip
    """The reading's features in :data:`FEATURES`' order (no language-model question)."""
    return (
        cost,
        threshold,
        prior * zipf_print,
        zipf_reading - zipf_print,
        zipf_reading,
        float(len(text)),
        float(subs),
        1.0 if text[:1].isupper() else 0.0,
        1.0 if heavy else 0.0,
    )


def check(raw: dict[str, Any]) -> FilterModel:
    """The model in ``raw`` (the parsed file), checked against :data:`FEATURES`
    (:class:`FilterModelError` when the format, the feature names or the numbers differ)."""
    if raw.get("format") != FORMAT:
        raise FilterModelError(f"{MODEL}: format {raw.get('format')!r}, expected {FORMAT!r}")
    feats = tuple(raw.get("features", ()))
    if feats != FEATURES:
        raise FilterModelError(f"{MODEL}: features {feats} differ from the code's {FEATURES}")
    weights = tuple(float(w) for w in raw.get("weights", ()))
    if len(weights) != len(FEATURES) or not all(math.isfinite(w) for w in weights):
        raise FilterModelError(f"{MODEL}: need {len(FEATURES)} finite weights, got {weights}")
    bias, bar = float(raw.get("bias", "nan")), float(raw.get("bar", "nan"))
    if not (math.isfinite(bias) and math.isfinite(bar)):
        raise FilterModelError(f"{MODEL}: bias {bias} and bar {bar} must be finite")
    return FilterModel(weights, bias, bar)


_LOADED: list[FilterModel] = []  # the shipped model once read (a list: no memo to register)


def model() -> FilterModel:
    """The shipped model (:data:`MODEL`), read and checked once."""
    if not _LOADED:
        from repair.lexicons import read_text

        _LOADED.append(check(json.loads(read_text(MODEL))))
    return _LOADED[0]


def score(feats: tuple[float, ...], m: FilterModel | None = None) -> float:
    """The model's log-odds that a reading with features ``feats`` comes near winning."""
    m = model() if m is None else m
    return m.bias + sum(w * x for w, x in zip(m.weights, feats, strict=True))


def cannot_win(feats: tuple[float, ...]) -> bool:
    """Whether the reading scores below the shipped bar (skip it)."""
    m = model()
    return score(feats, m) < m.bar
