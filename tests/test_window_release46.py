"""A big text's windows leave nothing behind them (issue 14, session 46): neither the
window path of ``repair fix`` nor :func:`repair.repair_text` holds a window's result
while the next window is repaired, and the output is the same."""

from __future__ import annotations

import glob
import sys
import weakref
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

import repair.cli.fix as fix_cli
import repair.pipeline as pipeline
from repair import RepairConfig, repair_text
from repair.types import DocScores, Edit, RepairResult

ROOT = Path(__file__).resolve().parent.parent
SEED = sorted(glob.glob(str(ROOT / "seeds" / "*.txt")))[0]


class _Held(RepairResult):
    """A result a test can hold a weak reference to."""

    __slots__ = ("__weakref__",)


def _fake_windows(text: str, dead: list[bool]) -> Iterator[tuple[int, RepairResult]]:
    """Three windows of ``text``, each result with one edit and big details; before each
    window after the first, whether every earlier window's result is gone is appended
    to ``dead``."""
    size = len(text) // 3 + 1
    refs: list[weakref.ref[RepairResult]] = []
    for start in range(0, len(text), size):
        if refs:
            dead.append(all(ref() is None for ref in refs))
        window = text[start : start + size]
        edit = Edit(0, 1, window[:1], window[:1].upper(), "spin", 0.9, "SPIN_PAIR")
        scores = DocScores(words=len(window.split()), edits=1, edits_by_kind={"spin": 1})
        scores.details["big"] = list(range(1000))
        result = _Held(window, window[:1].upper() + window[1:], (edit,), scores)
        refs.append(weakref.ref(result))
        yield start, result
        del result


def _capitalised(text: str) -> str:
    """What :func:`_fake_windows` makes of ``text``: each window's first letter upper-cased."""
    size = len(text) // 3 + 1
    parts = (text[i : i + size] for i in range(0, len(text), size))
    return "".join(w[:1].upper() + w[1:] for w in parts)


@pytest.mark.parametrize("release", [True, False])
def test_fix_drops_each_window_before_the_next(
    release: bool,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``repair fix`` on a big text holds no earlier window's result while the next
    window runs (with ``RELEASE_WINDOWS``; off, the loop still held the previous one);
    the text and summary line are the same either way."""
    from repair.cli import main

    dead: list[bool] = []

    def stream(chunks: Iterable[str], *args: object, **kw: object) -> Iterator:
        return _fake_windows("".join(chunks), dead)

    monkeypatch.setattr(pipeline, "repair_stream", stream)
    monkeypatch.setattr(fix_cli, "RELEASE_WINDOWS", release)
    real = fix_cli.RepairConfig
    monkeypatch.setattr(fix_cli, "RepairConfig", lambda **kw: real(whole_document_chars=3000, **kw))
    text = "\n\n".join([Path(SEED).read_text(encoding="utf-8")] * 3)
    src, out = tmp_path / "big.txt", tmp_path / "out.txt"
    src.write_text(text, encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["repair", "fix", str(src), "-o", str(out)])
    with pytest.raises(SystemExit) as exc:
        main()
    assert exc.value.code == 0
    err = capsys.readouterr().err
    assert "3 edits (spin 3)" in err
    assert out.read_text(encoding="utf-8") == _capitalised(text)
    assert dead == ([True, True] if release else [False, False])


@pytest.mark.parametrize("stream_combine", [True, False])
def test_repair_text_drops_each_window_as_it_combines(
    stream_combine: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """:func:`repair.repair_text` on a big text moves each window's edits to the text's
    offsets as the window comes (``STREAM_COMBINE``): by the third window the first two
    results are gone (off: every result is listed first); the combined result is the same."""
    text = "one two three.\n\n" * 400
    dead: list[bool] = []
    monkeypatch.setattr(pipeline, "repair_windows", lambda t, *a, **kw: _fake_windows(t, dead))
    monkeypatch.setattr(pipeline, "STREAM_COMBINE", stream_combine)
    config = RepairConfig(whole_document_chars=3000, ocr_self_train=False)
    result = pipeline.repair_text(text, config=config)
    size = len(text) // 3 + 1
    assert [e.offset for e in result.edits] == [0, size, 2 * size]
    assert result.text == _capitalised(text)
    assert result.scores.edits == 3 and len(result.scores.details["windows"]) == 3
    assert dead == ([False, True] if stream_combine else [False, False])


def test_a_windowed_repair_is_the_same_streamed_or_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    """A real spun text in 3,000-code-point windows: the same text, edits, declined spans
    and scores with ``STREAM_COMBINE`` on and off."""
    text = "\n\n".join([Path(SEED).read_text(encoding="utf-8")] * 2)
    config = RepairConfig(window_chars=3000, whole_document_chars=3000, keep_declined=True)
    results = []
    for flag in (True, False):
        monkeypatch.setattr(pipeline, "STREAM_COMBINE", flag)
        results.append(repair_text(text, config=config))
    on, off = results
    assert on.edits and on.text == off.text and on.edits == off.edits
    assert [e.evidence for e in on.edits] == [e.evidence for e in off.edits]
    assert on.declined == off.declined and on.scores == off.scores
