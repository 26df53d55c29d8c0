"""``repair batch`` self-trains the OCR profile by default on a corpus of enough garbled
OCR, from its garbled documents only (:mod:`repair.batch.ocr_auto`, issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from repair.batch import BatchOptions, ocr_auto, run_batch
from repair.batch.state import STATE_DIR
from repair.score import ocr_table
from tests.conftest import CLEAN_SEEDS
from tests.test_batch import interrupted_run, tree


@pytest.fixture(autouse=True)
def _small_corpus_counts(monkeypatch) -> None:
    """The automatic mode on, at thresholds a test corpus reaches (the shipped ones need 20
    documents, 7,500 words)."""
    monkeypatch.setattr(ocr_auto, "AUTO_SELF_TRAIN", True)
    monkeypatch.setattr(ocr_auto, "AUTO_MIN_DOCS", 4)
    monkeypatch.setattr(ocr_auto, "AUTO_MIN_WORDS", 100)
    ocr_table.install(None)
    yield
    ocr_table.install(None)


def _paragraphs() -> list[str]:
    return [x for p in CLEAN_SEEDS for x in p.read_text("utf-8").split("\n") if len(x.split()) > 30]


def _garble(text: str) -> str:
    """OCR-like damage: every other long word reads "b" for "h" and "c" for "e"."""
    words = text.split(" ")
    return " ".join(
        w.replace("h", "b", 1).replace("e", "c", 1) if i % 2 == 0 and len(w) > 3 else w
        for i, w in enumerate(words)
    )


def _corpus(root: Path, garbled: int, clean: int) -> Path:
    paras = _paragraphs()
    root.mkdir(parents=True)
    for i in range(garbled):
        (root / f"g{i:02d}.txt").write_text(_garble(paras[i]) + "\n", "utf-8")
    for i in range(clean):
        (root / f"c{i:02d}.txt").write_text(paras[-1 - i] + "\n", "utf-8")
    return root


def test_the_gate_counts_garbled_documents_only() -> None:
    paras = _paragraphs()[:6]
    count = ocr_auto.count_garbled([*map(_garble, paras), *paras])
    assert count.documents == 12 and count.garbled_documents == 6
    assert count.garbled_words == sum(len(p.split()) for p in paras)
    assert ocr_auto.enough(count)
    monkey = ocr_auto.GarbleCount(12, 1000, 3, 500)  # too few garbled documents
    assert not ocr_auto.enough(monkey)


def test_a_garbled_corpus_self_trains_by_default_on_its_garbled_documents(tmp_path: Path) -> None:
    inp = _corpus(tmp_path / "in", garbled=6, clean=3)
    summary = run_batch(BatchOptions(inp, tmp_path / "out", jobs=1))
    state = tmp_path / "out" / STATE_DIR
    assert (state / "ocr_table.tsv").is_file()
    info = summary["ocr_self_train"]
    assert info["mode"] == "auto" and info["learned"]
    assert info["garbled_documents"] == 6 and info["documents"] == 9
    assert info["learned_from"]["documents"] == 6  # the clean documents fed nothing
    written = json.loads((tmp_path / "out" / "summary.json").read_text("utf-8"))
    assert written["ocr_self_train"] == info
    plan = json.loads((state / "plan.json").read_text("utf-8"))
    assert "self_train" not in plan["options"]  # auto: a run begun before it resumes


def test_the_flag_off_or_no_self_train_learns_nothing(monkeypatch, tmp_path: Path) -> None:
    inp = _corpus(tmp_path / "in", garbled=6, clean=0)
    summary = run_batch(BatchOptions(inp, tmp_path / "off", jobs=1, self_train=False))
    assert summary["ocr_self_train"] == {"mode": "off", "learned": False}
    assert not (tmp_path / "off" / STATE_DIR / "ocr_table.tsv").exists()
    monkeypatch.setattr(ocr_auto, "AUTO_SELF_TRAIN", False)
    summary = run_batch(BatchOptions(inp, tmp_path / "flag", jobs=1))
    assert summary["ocr_self_train"] == {"mode": "auto", "learned": False}
    assert not (tmp_path / "flag" / STATE_DIR / "ocr_table.tsv").exists()


def test_a_clean_corpus_does_not_learn_and_is_byte_identical(tmp_path: Path) -> None:
    inp = _corpus(tmp_path / "in", garbled=0, clean=6)
    summary = run_batch(BatchOptions(inp, tmp_path / "auto", jobs=1))
    info = summary["ocr_self_train"]
    assert not info["learned"] and info["garbled_documents"] == 0
    assert not (tmp_path / "auto" / STATE_DIR / "ocr_table.tsv").exists()
    run_batch(BatchOptions(inp, tmp_path / "off", jobs=1, self_train=False))
    assert tree(tmp_path / "auto") == tree(tmp_path / "off")
    for p in inp.iterdir():  # clean text comes out as it went in
        assert (tmp_path / "auto" / p.name).read_bytes() == p.read_bytes()


def test_resume_reuses_the_learned_profile(monkeypatch, tmp_path: Path) -> None:
    inp = _corpus(tmp_path / "in", garbled=6, clean=2)
    opts = BatchOptions(inp, tmp_path / "out", jobs=1, shard_size=2)
    interrupted_run(monkeypatch, opts, after_shards=1)
    state = tmp_path / "out" / STATE_DIR
    learned = (state / "ocr_table.tsv").read_bytes()
    marker = json.loads((state / "ocr_table.json").read_text("utf-8"))

    def never(*args, **kwargs):
        raise AssertionError("a resumed run must not learn again")

    monkeypatch.setattr(ocr_auto, "learn_garbled", never)
    monkeypatch.setattr(ocr_auto, "count_garbled", never)
    summary = run_batch(opts)
    assert (state / "ocr_table.tsv").read_bytes() == learned
    assert summary["ocr_self_train"]["learned_from"] == marker
    ocr_table.install(None)
    monkeypatch.undo()
    monkeypatch.setattr(ocr_auto, "AUTO_SELF_TRAIN", True)
    monkeypatch.setattr(ocr_auto, "AUTO_MIN_DOCS", 4)
    monkeypatch.setattr(ocr_auto, "AUTO_MIN_WORDS", 100)
    run_batch(BatchOptions(inp, tmp_path / "whole", jobs=1, shard_size=2))
    assert tree(tmp_path / "out") == tree(tmp_path / "whole")


def test_a_table_without_its_marker_is_learned_again(monkeypatch, tmp_path: Path) -> None:
    inp = _corpus(tmp_path / "in", garbled=6, clean=0)
    opts = BatchOptions(inp, tmp_path / "out", jobs=1, shard_size=2)
    interrupted_run(monkeypatch, opts, after_shards=0)
    state = tmp_path / "out" / STATE_DIR
    (state / "ocr_table.json").unlink()  # killed between the table and its marker
    summary = run_batch(opts)
    assert summary["ocr_self_train"]["learned_from"]["documents"] == 6
