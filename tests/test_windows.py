"""Big texts are repaired by paragraph windows: bounded memory, same output on our texts."""

from __future__ import annotations

import glob
import random
import sys
from pathlib import Path

import pytest

import repair.pipeline as pipeline
from repair import RepairConfig, apply_edits, repair_text
from repair.document import Document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(glob.glob(str(ROOT / "seeds" / "*.txt")))


def _read(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


def test_windows_cover_the_text_and_cut_between_paragraphs() -> None:
    rng = random.Random(14)
    pieces = ["word ", "two words ", "\n", "\n\n", "\n \n\n", "x" * 30, "\t", "é "]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 200)))
        size = rng.randint(1, 60)
        spans = list(pipeline.paragraph_windows(text, size))
        assert spans[0][0] == 0 and spans[-1][1] == len(text)
        assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
        for a, b in spans[:-1]:
            assert b - a >= size
            window = text[a:b]
            # within 2 * size: cut after a blank line, else a line break, else a space
            if "\n\n" in text[a + size : a + 2 * size].replace(" ", ""):
                assert window.rstrip(" \t\n").count("\n") < window.count("\n")
            assert b - a <= 2 * size or window.endswith("\n")


def test_a_clean_text_in_windows_is_unchanged() -> None:
    text = "\n\n".join(_read(p) for p in SEEDS[1:5])
    result = repair_text(text, config=RepairConfig(window_chars=3000, whole_document_chars=3000))
    assert result.text == text and result.edits == ()
    assert len(result.scores.details["windows"]) >= 4


def test_spun_seed_repeated_gives_the_whole_document_output() -> None:
    """Seed 000 four times: windows of 3,000 code points (~500 words) repair it exactly
    as the whole document (the measured case; windows of 1 M code points are ~170 k words)."""
    text = "\n\n".join([_read(SEEDS[0])] * 4)
    whole = repair_text(text)
    windowed = repair_text(text, config=RepairConfig(window_chars=3000, whole_document_chars=3000))
    assert windowed.text == whole.text
    assert [(e.offset, e.original, e.replacement) for e in windowed.edits] == [
        (e.offset, e.original, e.replacement) for e in whole.edits
    ]
    assert apply_edits(text, windowed.edits) == windowed.text
    assert windowed.scores.words == whole.scores.words


def test_tokens_alive_at_once_are_bounded_by_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """The memory proxy: the largest text any stage tokenizes is one window, whatever
    the length of the document (a document ten times longer: the same bound)."""
    sizes: list[int] = []

    class Recording(Document):
        def __init__(self, text: str, *args: object, **kwargs: object) -> None:
            sizes.append(len(text))
            super().__init__(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "Document", Recording)
    para = _read(SEEDS[1])
    window = 4000
    for copies in (4, 40):
        sizes.clear()
        text = "\n\n".join([para] * copies)
        repair_text(text, config=RepairConfig(window_chars=window, whole_document_chars=window))
        assert max(sizes) <= 2 * window + 2, copies
        assert sum(sizes) >= len(text)  # every stage saw every window


def test_fix_streams_a_big_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``repair fix`` on a text over the window size writes window by window (to stdout,
    or atomically with ``-o``); the result is ``repair_text``'s."""
    import repair.cli.fix as fix_cli
    from repair.cli import main

    real = fix_cli.RepairConfig
    monkeypatch.setattr(
        fix_cli,
        "RepairConfig",
        lambda **kw: real(window_chars=3000, whole_document_chars=3000, **kw),
    )
    text = "\ufeff" + "\n\n".join([_read(SEEDS[0])] * 3)
    src = tmp_path / "big.txt"
    src.write_text(text, encoding="utf-8")
    expected = "\ufeff" + repair_text(text[1:]).text
    out = tmp_path / "out.txt"
    runs = (["fix", str(src), "-o", str(out)], ["fix", str(src)], ["fix", str(src), "--check"])
    for argv in runs:
        monkeypatch.setattr(sys, "argv", ["repair", *argv])
        with pytest.raises(SystemExit) as exc:
            main()
        captured = capsys.readouterr()
        assert exc.value.code == (3 if "--check" in argv else 0)
        assert "edits (spin" in captured.err
        if argv[-1] == str(src):
            assert captured.out == expected
    assert out.read_text(encoding="utf-8") == expected
    assert not list(tmp_path.glob(".*.tmp"))


def test_texts_up_to_the_whole_document_size_are_not_cut() -> None:
    """Every test and bench document (the speed suite's 100 k words are ~0.6 M code
    points) is repaired whole by default: the windows start above 1 M code points."""
    config = RepairConfig()
    assert config.whole_document_chars >= 1_000_000 > 4 * config.window_chars - 1
    text = "\n\n".join([_read(SEEDS[1])] * 3)
    cut = repair_text(text, config=RepairConfig(window_chars=3000, whole_document_chars=len(text)))
    assert "windows" not in cut.scores.details


def test_the_collector_is_paused_inside_a_window_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cyclic garbage of one window is collectable once it is done (the collector is
    paused inside each window, not across the whole text)."""
    import gc

    inside: list[bool] = []
    real = pipeline._repair_document

    def recording(*args: object) -> object:
        inside.append(gc.isenabled())
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "_gc_paused_document", pipeline._cyclic_gc_paused(recording))
    text = "\n\n".join([_read(SEEDS[1])] * 4)
    config = RepairConfig(window_chars=3000, whole_document_chars=3000)
    assert gc.isenabled()
    between = [gc.isenabled() for _ in pipeline.repair_windows(text, config=config)]
    assert len(inside) == len(between) >= 4
    assert not any(inside) and all(between)
    repair_text(text, config=config)
    assert gc.isenabled()


def test_fix_window_chars_option_sets_the_window_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``repair fix --window-chars N`` repairs a big text by windows of N code points (the
    memory/quality trade of session 15); without it the default stands; below the minimum
    it is a usage error."""
    import repair.cli.fix as fix_cli
    from repair.cli import main

    real = fix_cli.RepairConfig
    monkeypatch.setattr(fix_cli, "RepairConfig", lambda **kw: real(whole_document_chars=3000, **kw))
    seen: list[int] = []
    monkeypatch.setattr(
        fix_cli, "_fix_by_windows", lambda _s, _r, config, *a: seen.append(config.window_chars)
    )
    src = tmp_path / "big.txt"
    src.write_text("\n\n".join([_read(SEEDS[1])] * 2), encoding="utf-8")
    for argv, code in (
        (["fix", str(src), "--window-chars", "30000"], 0),
        (["fix", str(src)], 0),
        (["fix", str(src), "--window-chars", "100"], 2),
    ):
        monkeypatch.setattr(sys, "argv", ["repair", *argv])
        with pytest.raises(SystemExit) as exc:
            main()
        assert exc.value.code == code
    assert "--window-chars" in capsys.readouterr().err
    assert seen == [30000, RepairConfig.window_chars]
