"""A big text not read as OCR keeps no OCR word-test memo past a window (issue 14, session 48)."""

from __future__ import annotations

import pytest

import repair.pipeline as pipeline
from repair.score import ocr_channel as oc
from tests.test_ocr_lazy_vocabulary import _probes


def _fill(probes: list[str]) -> list[tuple[bool, bool]]:
    return [(oc.is_known(p), oc._target_test(p.lower())) for p in probes]


@pytest.mark.parametrize("loaded", [False, True])
def test_word_test_memos_are_emptied_between_windows_of_text_not_read_as_ocr(
    monkeypatch: pytest.MonkeyPatch, loaded: bool
) -> None:
    probes = [p for p in _probes()[:400] if len(p) > 1]
    monkeypatch.setattr(oc, "_loaded_vocabulary", oc.vocabulary() if loaded else None)
    oc.is_known.cache_clear()
    oc._target_test.cache_clear()
    first = _fill(probes)
    assert oc.is_known.cache_info().currsize and oc._target_test.cache_info().currsize
    pipeline._between_windows(1)  # before the second window of a big text
    kept = oc.is_known.cache_info().currsize, oc._target_test.cache_info().currsize
    if loaded:  # an OCR text keeps its memos
        assert all(kept)
    else:
        assert kept == (0, 0)
    assert _fill(probes) == first  # the same answers


def test_off_keeps_the_memos(monkeypatch: pytest.MonkeyPatch) -> None:
    probes = [p for p in _probes()[:200] if len(p) > 1]
    monkeypatch.setattr(oc, "_loaded_vocabulary", None)
    monkeypatch.setattr(oc, "WINDOW_LAZY_MEMOS", False)
    oc.is_known.cache_clear()
    oc._target_test.cache_clear()
    _fill(probes)
    oc.start_window()
    assert oc.is_known.cache_info().currsize and oc._target_test.cache_info().currsize
