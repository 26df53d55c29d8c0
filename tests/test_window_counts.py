"""A big text's windows read the whole text's counts (repair.window_counts; issues 11, 14)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

import repair.pipeline as pipeline
from repair import RepairConfig, repair_text, window_counts
from repair.document import Document

ROOT = Path(__file__).resolve().parent.parent
#: A spinbot-spun document (benchmarks/spin_sim, dev half: inaugural/2021-Biden#003).
SPUN = (ROOT / "tests" / "cases" / "spin_windows57.txt").read_text(encoding="utf-8").strip()


def _keyed(result: object) -> set[tuple[int, str, str]]:
    return {(e.offset, e.original, e.replacement) for e in result.edits}  # type: ignore[attr-defined]


def _twice(spun: str = SPUN) -> tuple[str, RepairConfig]:
    """The spun document twice, and a config whose windows hold one copy each."""
    text = "\n\n".join([spun] * 2)
    size = len(spun)
    assert len(list(pipeline.paragraph_windows(text, size))) == 2
    return text, RepairConfig(window_chars=size, whole_document_chars=size)


def test_a_spun_text_in_windows_is_its_whole_repair() -> None:
    """Each window reads the whole text's word, mapping and profile counts: the windowed
    repair makes the whole repair's edits (the windows' own counts: 10 edits differ)."""
    text, config = _twice()
    whole = repair_text(text)
    windowed = repair_text(text, config=config)
    assert whole.edits
    assert _keyed(windowed) == _keyed(whole)
    assert windowed.text == whole.text


def test_without_the_flag_the_windows_read_their_own_counts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The contrast the test above relies on: with the flag off the windows differ."""
    monkeypatch.setattr(window_counts, "WINDOW_COUNTS", False)
    text, config = _twice()
    assert _keyed(repair_text(text, config=config)) != _keyed(repair_text(text))


def test_first_pass_counts_every_window_and_each_window_reads_the_whole() -> None:
    text = "the cat saw the dog.\n\nA cat and a cow.\n\nthe end of the cat.\n"
    spans = list(pipeline.paragraph_windows(text, 12))
    assert len(spans) == 3
    counts = pipeline.first_pass(lambda: (text[a:b] for a, b in spans), config=RepairConfig())
    whole = Document(text).word_counts
    assert counts.words == whole
    assert len(counts.own) == 3
    a, b = spans[1]
    with window_counts.in_window(counts, 1, text[a:b]):
        doc = Document(text[a:b])
        assert doc.word_counts == whole
        assert window_counts.scale("cat", doc.word_counts) == 3.0
        assert window_counts.scale("cow", doc.word_counts) == 1.0
        mapping: Counter[tuple[str, str]] = Counter({("cat", "kitten"): 1, ("cow", "ox"): 1})
        window_counts.whole_mappings(mapping, doc.word_counts, 0.2)
        assert mapping == {("cat", "kitten"): 3.0, ("cow", "ox"): 1}
        low: Counter[tuple[str, str]] = Counter({("cat", "kitten"): 1})
        window_counts.whole_mappings(low, doc.word_counts, 0.01)  # the reading stops early
        assert low == {("cat", "kitten"): 1}
    assert Document(text[a:b]).word_counts["cat"] == 1  # outside: the window's own


def test_a_text_under_one_window_runs_no_first_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_a: object, **_k: object) -> None:
        raise AssertionError("first pass on a whole document")

    monkeypatch.setattr(window_counts, "first_pass", fail)
    assert repair_text(SPUN).edits


def test_fix_reads_the_counts_of_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``repair fix`` on a big file (read in pieces) makes the library's windowed repair,
    the first pass included (a byte-order mark left out of both passes)."""
    import repair.cli.fix as fix_cli
    from repair.cli import main

    text, config = _twice()
    real = fix_cli.RepairConfig
    monkeypatch.setattr(
        fix_cli,
        "RepairConfig",
        lambda **kw: real(
            window_chars=config.window_chars, whole_document_chars=config.window_chars, **kw
        ),
    )
    src = tmp_path / "big.txt"
    src.write_text("\ufeff" + text, encoding="utf-8")
    out = tmp_path / "out.txt"
    monkeypatch.setattr(sys, "argv", ["repair", "fix", str(src), "-o", str(out), "-q"])
    with pytest.raises(SystemExit) as exc:
        main()
    capsys.readouterr()
    assert exc.value.code == 0
    assert out.read_text(encoding="utf-8") == "\ufeff" + repair_text(text, config=config).text


def test_rows_mode_adds_the_other_windows_mappings(monkeypatch: pytest.MonkeyPatch) -> None:
    """``MAPPINGS = "rows"`` (measured, not shipped): a window's mapping counts plus the
    other windows' counts of the first pass's rows."""
    monkeypatch.setattr(window_counts, "MAPPINGS", "rows")
    counts = window_counts.WholeCounts()
    counts.add_window(Counter({"cat": 1}), Counter({("cat", "kitten"): 1}))
    counts.add_window(Counter({"cat": 2}), Counter({("cat", "kitten"): 2, ("cow", "ox"): 1}))
    assert counts.other_mappings(0) == {("cat", "kitten"): 2, ("cow", "ox"): 1}
    assert counts.other_mappings(1) == {("cat", "kitten"): 1}
    with window_counts.in_window(counts, 0, "A cat."):
        mapping: Counter[tuple[str, str]] = Counter({("cat", "kitten"): 1})
        window_counts.whole_mappings(mapping, Document("A cat.").word_counts, 0.0)
        assert mapping == {("cat", "kitten"): 3}
