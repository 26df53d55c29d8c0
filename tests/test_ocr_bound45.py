"""The confusion walk's bound in AUTO's self-trained second pass only
(``ocr_docself.SECOND_PASS_MAX_COST``, session 45, ocrbound45, issue 12)."""

from __future__ import annotations

from typing import Any

import pytest

from repair.pipeline import repair_text
from repair.score import ocr_channel, ocr_docself, ocr_table
from tests.test_ocr_docself28 import DOCUMENT
from tests.test_ocr_docself43 import _shipped_table  # noqa: F401 - autouse: the shipped tables


def test_wider_walk_reaches_dearer_readings_for_its_block_only() -> None:
    words = ocr_channel.target_prefixes()
    token = "tbeir"
    plain = ocr_channel.confusion_variants(token, words)
    assert plain and max(cost for cost, _ in plain.values()) <= ocr_channel.MAX_COST
    with ocr_channel.wider_walk(10.0):
        assert ocr_channel.default_bound() == 10.0
        wide = ocr_channel.confusion_variants(token, words)
    assert plain.items() <= wide.items()
    assert max(cost for cost, _ in wide.values()) > ocr_channel.MAX_COST
    assert ocr_channel.default_bound() == ocr_channel.MAX_COST
    assert ocr_channel.confusion_variants(token, words) == plain
    with ocr_channel.wider_walk(None):  # None: the bound as it was
        assert ocr_channel.default_bound() == ocr_channel.MAX_COST


@pytest.mark.parametrize(
    ("bound", "min_rate", "unknown_only", "second"),
    [
        (None, 0.0, True, (ocr_channel.MAX_COST, ocr_channel.MAX_COST)),
        (10.0, 0.0, False, (10.0, 10.0)),
        (10.0, 0.0, True, (10.0, ocr_channel.MAX_COST)),  # "unto": a word, 7.5
        (10.0, 1e9, True, (ocr_channel.MAX_COST, ocr_channel.MAX_COST)),
    ],
)
def test_the_self_trained_pass_alone_walks_with_second_pass_max_cost(
    monkeypatch: pytest.MonkeyPatch,
    bound: float | None,
    min_rate: float,
    unknown_only: bool,
    second: tuple[float, float],
) -> None:
    monkeypatch.setattr(ocr_docself, "AUTO", True)
    monkeypatch.setattr(ocr_docself, "AUTO_RATE", 0.0)
    monkeypatch.setattr(ocr_docself, "SECOND_PASS_MAX_COST", bound)
    monkeypatch.setattr(ocr_docself, "SECOND_PASS_MIN_RATE", min_rate)  # below it: 7.5
    monkeypatch.setattr(ocr_docself, "SECOND_PASS_UNKNOWN_ONLY", unknown_only)
    assert "zarbour" in DOCUMENT.split()  # the first pass leaves it unknown
    bounds: list[tuple[float, float]] = []

    def plain(text: str, *args: Any, **kwargs: Any) -> Any:
        bounds.append((ocr_channel.default_bound("Zarbour"), ocr_channel.default_bound("unto")))
        return repair_text(text, *args, **kwargs)  # busy: the plain repair

    ocr_docself.auto_repair(plain, DOCUMENT)
    first = (ocr_channel.MAX_COST, ocr_channel.MAX_COST)
    assert bounds == [first, second]  # the first pass keeps MAX_COST
    assert ocr_channel.default_bound() == ocr_channel.MAX_COST
    assert ocr_table.installed() is None
