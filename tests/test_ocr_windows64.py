"""repair.ocr_windows (session 64 speedwin): a long OCR-garbled text by smaller windows."""

from __future__ import annotations

from pathlib import Path

import pytest

from repair import ocr_windows, pipeline
from repair.bench.speed import ocr_speed_parts
from repair.config import RepairConfig

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def texts() -> tuple[str, str]:
    parts = ocr_speed_parts(3_000, ROOT)
    clean = "\n\n".join(c for c, _ in parts) + "\n"
    garbled = "\n\n".join(d for _, d in parts) + "\n"
    return clean, garbled


@pytest.fixture
def small(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_windows, "OCR_WHOLE_CHARS", 5_000)
    monkeypatch.setattr(ocr_windows, "OCR_WINDOW_CHARS", 4_000)
    monkeypatch.setattr(ocr_windows, "SAMPLE_CHARS", 8_000)


@pytest.mark.parametrize("on", [True, False])
def test_garbled_text_gets_smaller_windows_only_with_the_flag(
    texts: tuple[str, str], small: None, monkeypatch: pytest.MonkeyPatch, on: bool
) -> None:
    monkeypatch.setattr(ocr_windows, "OCR_WINDOWS", on)
    config = RepairConfig()
    got = ocr_windows.window_config(texts[1], config)
    if on:
        assert (got.whole_document_chars, got.window_chars) == (5_000, 4_000)
    else:
        assert got is config


def test_clean_short_and_ocr_off_texts_keep_the_config(
    texts: tuple[str, str], small: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr_windows, "OCR_WINDOWS", True)
    config = RepairConfig()
    clean, garbled = texts
    assert ocr_windows.window_config(clean, config) is config
    assert ocr_windows.window_config(garbled[:4_000], config) is config
    off = RepairConfig(ocr=False)
    assert ocr_windows.window_config(garbled, off) is off


@pytest.mark.parametrize("on", [True, False])
def test_repair_text_windows_a_garbled_text_with_the_flag(
    texts: tuple[str, str], small: None, monkeypatch: pytest.MonkeyPatch, on: bool
) -> None:
    monkeypatch.setattr(ocr_windows, "OCR_WINDOWS", on)
    seen: list[int] = []
    real = pipeline.repair_windows

    def recorded(text, references, config, **kw):  # type: ignore[no-untyped-def]
        seen.append(config.window_chars)
        return real(text, references, config, **kw)

    monkeypatch.setattr(pipeline, "repair_windows", recorded)
    text = texts[1][:12_000]
    result = pipeline.repair_text(text, config=RepairConfig(ocr_self_train=False))
    assert seen == ([4_000] if on else [])
    assert result.text.count("\n") >= text.count("\n") - 50
