"""The speed suite of ``repair bench`` (issue 14): inputs, the careful peer, the report."""

from __future__ import annotations

from pathlib import Path

from repair.bench.speed import (
    SPEED_END,
    SPEED_START,
    run_speed,
    speed_text,
    symspell_careful,
    write_speed_md,
)


def test_speed_text_reaches_the_size_and_keeps_its_kind() -> None:
    for kind in ("clean", "spun", "ocr"):
        text = speed_text(kind, 5_000)
        assert 5_000 <= len(text.split()) < 5_000 + 20_000
    assert "Chinese language" in speed_text("spun", 2_000)  # seed 000 comes first


def test_symspell_careful_looks_up_unknown_words_only() -> None:
    out = symspell_careful("The kingg said: “We’re here,” Trump told reporters.")
    assert out == "The king said: “We’re here,” Trump told reporters."


def test_run_speed_measures_both_tools_and_writes_its_section(tmp_path: Path) -> None:
    result = run_speed(sizes=(300,), kinds=("clean",))
    (row,) = result["rows"]
    for tool in ("repair", "symspellpy"):
        assert row[tool]["error"] == ""
        assert row[tool]["cpu_s"] > 0 and row[tool]["peak_mb"] > 10
    md = tmp_path / "RESULTS.md"
    md.write_text("# Results\n\nkept\n", encoding="utf-8")
    write_speed_md(md, result, "repair bench speed")
    write_speed_md(md, result, "repair bench speed")  # replaced, not appended twice
    text = md.read_text(encoding="utf-8")
    assert text.count(SPEED_START) == 1 and text.count(SPEED_END) == 1 and "kept" in text


def test_ocr_speed_text_draws_fresh_noise_on_each_pass() -> None:
    """The OCR speed text does not repeat its garble: a second pass through the clean
    texts is damaged anew, so per-word caches cannot flatter the figure."""
    text = speed_text("ocr", 60_000)
    assert text == speed_text("ocr", 60_000)  # deterministic
    paras = [p for p in text.split("\n\n") if len(p.split()) > 40]
    # the same clean paragraph appears twice (two passes) but its damage differs
    firsts = {" ".join(p.split()[:3]) for p in paras}
    assert len(firsts) < len(paras)
    assert len(set(paras)) == len(paras)
