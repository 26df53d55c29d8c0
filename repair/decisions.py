"""Decision reason codes, counted per stage (issue 11 item 6).

A stage that decides on candidate spans keeps, in its detection details, a counter of
what it decided and why: the spin stage's ``decisions`` (``applied``, ``carried``,
``proper_noun``, ``lm_against``, ``weak_evidence``, ``below_threshold``, ``book_pair``,
...), the collocation stage's ``rare_word_decisions`` and ``mill_word_decisions``, the
OCR stage's ``decisions`` (``applied``, ``known_form``).  :func:`decision_counts` adds
them up into one ``{stage: {reason: n}}`` table, over the windows of a big text too,
for ``scores.decisions`` in the JSON report, ``repair scan`` and the batch summary
(datatrove's habit: reason codes as counters).

>>> decision_counts({"spin": {"decisions": {"applied": 2, "lm_against": 1}},
...                  "collocation": {"rare_word_decisions": {"weak_evidence": 3}}})
{'collocation': {'weak_evidence': 3}, 'spin': {'applied': 2, 'lm_against': 1}}
>>> decision_counts({"windows": [{"spin": {"decisions": {"applied": 1}}},
...                              {"spin": {"decisions": {"applied": 2}}}]})
{'spin': {'applied': 3}}
>>> declined({'spin': {'applied': 3, 'lm_against': 1}, 'ocr': {'known_form': 2}})
3
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

#: Reasons that are not a refusal: the restoration was made.
APPLIED = frozenset({"applied", "carried"})


def _is_counter(key: str, value: Any) -> bool:
    return (key == "decisions" or key.endswith("_decisions")) and isinstance(value, Mapping)


def _add(into: dict[str, Counter[str]], details: Mapping[str, Any]) -> None:
    for stage, stage_details in details.items():
        if stage == "windows" and isinstance(stage_details, list):
            for window in stage_details:
                if isinstance(window, Mapping):
                    _add(into, window)
            continue
        if not isinstance(stage_details, Mapping):
            continue
        for key, value in stage_details.items():
            if _is_counter(key, value):
                counts = into.setdefault(stage, Counter())
                for reason, n in value.items():
                    if isinstance(n, int) and n:
                        counts[str(reason)] += n


def decision_counts(details: Mapping[str, Any]) -> dict[str, dict[str, int]]:
    """``{stage: {reason: n}}`` from a document's ``scores.details`` (stages and reasons
    sorted; zero counts left out)."""
    into: dict[str, Counter[str]] = {}
    _add(into, details)
    return {
        stage: dict(sorted((r, n) for r, n in counts.items() if n > 0))
        for stage, counts in sorted(into.items())
        if any(n > 0 for n in counts.values())
    }


def declined(counts: Mapping[str, Mapping[str, int]]) -> int:
    """How many decisions of ``counts`` (:func:`decision_counts`) refused a restoration."""
    return sum(n for reasons in counts.values() for r, n in reasons.items() if r not in APPLIED)


def merge(total: dict[str, dict[str, int]], counts: Mapping[str, Mapping[str, int]]) -> None:
    """Add ``counts`` into ``total`` in place (the batch summary's sum over documents)."""
    for stage, reasons in counts.items():
        into = total.setdefault(stage, {})
        for reason, n in reasons.items():
            into[reason] = into.get(reason, 0) + n
