"""``repair batch``'s automatic self-training uses its learned table only on a corpus the
tables in force do not know: a cross-fit of the first pass (:mod:`repair.batch.ocr_known`,
``repair.batch.ocr_auto.AUTO_KNOWN_GATE``; issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from repair.batch import BatchOptions, ocr_auto, ocr_known, run_batch
from repair.batch.state import STATE_DIR
from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.score import ocr_table
from repair.score.ocr_selftrain import learn_table
from tests.test_batch import interrupted_run, tree
from tests.test_batch_ocrauto55 import _corpus, _garble, _paragraphs


@pytest.fixture(autouse=True)
def _gate_on(monkeypatch) -> None:
    """The automatic mode and its cross-fit on, at thresholds a test corpus reaches."""
    monkeypatch.setattr(ocr_auto, "AUTO_SELF_TRAIN", True)
    monkeypatch.setattr(ocr_auto, "AUTO_KNOWN_GATE", True)
    monkeypatch.setattr(ocr_auto, "AUTO_MIN_DOCS", 4)
    monkeypatch.setattr(ocr_auto, "AUTO_MIN_WORDS", 100)
    ocr_table.install(None)
    yield
    ocr_table.install(None)


def _pages() -> list[str]:
    return [_garble(p) for p in _paragraphs()[:8]]


def _verdict(pages: list[str]) -> ocr_known.Verdict:
    config = RepairConfig(ocr_self_train=False)
    return ocr_known.judge(pages, [repair_text(p, config=config) for p in pages])


@pytest.fixture()
def own_profile(tmp_path: Path) -> Path:
    """The shipped tables self-trained on the test corpus's garble: tables that know it."""
    path = tmp_path / "own.profile"
    path.write_text(learn_table(_pages()).text, "utf-8")
    return path


def test_the_cross_fit_tells_tables_that_know_the_garble_from_tables_that_do_not(
    own_profile: Path,
) -> None:
    pages = _pages()
    unknown = _verdict(pages)  # the shipped tables price "b" for "h" at ~1 %, it is ~50 %
    assert unknown.gain > ocr_known.KNOWN_MAX_GAIN and not unknown.known
    assert unknown.documents == 8 and unknown.uses > 0
    ocr_table.install(own_profile)
    known = _verdict(pages)  # learned on these pages: half of them teach the other nothing
    assert known.gain <= ocr_known.KNOWN_MAX_GAIN and known.known
    assert known.gain < unknown.gain
    assert ocr_known.crossfit_gain(pages[:1], []) == (0.0, 0)  # no second fold


def test_a_corpus_the_tables_know_keeps_them(own_profile: Path, tmp_path: Path) -> None:
    inp = _corpus(tmp_path / "in", garbled=6, clean=2)
    table = {"ocr_table": own_profile}
    summary = run_batch(BatchOptions(inp, tmp_path / "auto", jobs=1, **table))
    info = summary["ocr_self_train"]
    assert info["learned"] and not info["applied"]
    assert info["learned_from"]["crossfit"]["known"]
    assert (tmp_path / "auto" / STATE_DIR / "ocr_table.tsv").is_file()  # kept for reuse
    ocr_table.install(None)
    run_batch(BatchOptions(inp, tmp_path / "off", jobs=1, self_train=False, **table))
    for p in inp.iterdir():  # repaired as without self-training
        assert (tmp_path / "auto" / p.name).read_bytes() == (tmp_path / "off" / p.name).read_bytes()


def test_a_corpus_the_tables_do_not_know_learns_and_applies(tmp_path: Path) -> None:
    inp = _corpus(tmp_path / "in", garbled=6, clean=2)
    summary = run_batch(BatchOptions(inp, tmp_path / "auto", jobs=1))
    info = summary["ocr_self_train"]
    assert info["learned"] and info["applied"]
    crossfit = info["learned_from"]["crossfit"]
    assert not crossfit["known"] and crossfit["gain"] > ocr_known.KNOWN_MAX_GAIN
    assert crossfit["documents"] == info["learned_from"]["documents"] == 6


def test_the_gate_off_always_applies_and_learns_the_same_table(
    monkeypatch, own_profile: Path, tmp_path: Path
) -> None:
    inp = _corpus(tmp_path / "in", garbled=6, clean=0)
    table = {"ocr_table": own_profile}
    run_batch(BatchOptions(inp, tmp_path / "gate", jobs=1, **table))
    monkeypatch.setattr(ocr_auto, "AUTO_KNOWN_GATE", False)
    ocr_table.install(None)
    summary = run_batch(BatchOptions(inp, tmp_path / "nogate", jobs=1, **table))
    info = summary["ocr_self_train"]
    assert info["applied"] and "crossfit" not in info["learned_from"]
    learned = STATE_DIR + "/ocr_table.tsv"  # the gate reuses the first pass: same table
    gate, nogate = (tmp_path / "gate" / learned), (tmp_path / "nogate" / learned)
    assert gate.read_bytes() == nogate.read_bytes()


def test_resume_keeps_the_verdict_without_judging_again(
    monkeypatch, own_profile: Path, tmp_path: Path
) -> None:
    inp = _corpus(tmp_path / "in", garbled=6, clean=2)
    opts = BatchOptions(inp, tmp_path / "out", jobs=1, shard_size=2, ocr_table=own_profile)
    interrupted_run(monkeypatch, opts, after_shards=1)
    state = tmp_path / "out" / STATE_DIR
    marker = json.loads((state / "ocr_table.json").read_text("utf-8"))
    assert marker["crossfit"]["known"]

    def never(*args, **kwargs):
        raise AssertionError("a resumed run must not judge again")

    monkeypatch.setattr(ocr_known, "judge", never)
    monkeypatch.setattr(ocr_auto, "learn_garbled", never)
    ocr_table.install(None)
    summary = run_batch(opts)
    assert not summary["ocr_self_train"]["applied"]
    monkeypatch.undo()
    monkeypatch.setattr(ocr_auto, "AUTO_SELF_TRAIN", True)
    monkeypatch.setattr(ocr_auto, "AUTO_KNOWN_GATE", True)
    monkeypatch.setattr(ocr_auto, "AUTO_MIN_DOCS", 4)
    monkeypatch.setattr(ocr_auto, "AUTO_MIN_WORDS", 100)
    ocr_table.install(None)
    whole = BatchOptions(inp, tmp_path / "whole", jobs=1, shard_size=2, ocr_table=own_profile)
    run_batch(whole)
    assert tree(tmp_path / "out") == tree(tmp_path / "whole")


def test_a_large_corpus_is_judged_on_a_bounded_sample(
    monkeypatch, own_profile: Path, tmp_path: Path
) -> None:
    inp = _corpus(tmp_path / "in", garbled=6, clean=0)
    words = sum(len(p.read_text("utf-8").split()) for p in inp.iterdir())
    monkeypatch.setattr(ocr_auto, "AUTO_JUDGE_MAX_WORDS", -(-words // 2))  # every 2nd
    info = run_batch(BatchOptions(inp, tmp_path / "new", jobs=1))["ocr_self_train"]
    assert info["applied"] and info["learned_from"]["crossfit"]["documents"] == 3
    assert info["learned_from"]["documents"] == 6  # unknown: learned from the whole sample
    ocr_table.install(None)
    info = run_batch(BatchOptions(inp, tmp_path / "own", jobs=1, ocr_table=own_profile))[
        "ocr_self_train"
    ]
    assert not info["applied"] and info["learned_from"]["crossfit"]["documents"] == 3
    assert info["learned_from"]["documents"] == 3  # known: no first pass past the judged
