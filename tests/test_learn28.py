"""Learning an unknown spinner (session 28): one detection per learned text, corpus-learned
pairs kept out of the word model's profile feature, and learned originals over the word's
best synonym in one context."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import repair.stages.spin as spin_stage
from repair.candidates.spin_synonyms import originals_of
from repair.config import RepairConfig
from repair.document import Document
from repair.learn import corpus_pairs
from repair.pipeline import repair_text
from repair.score.spin_context import WordContext, context, lm_gain
from repair.stages.spin import STAGE, _word_profile_of, word_profile

NO_PROFILE = RepairConfig(mojibake=False, ocr=False, tortured=False, spin_profile=None)
SUITE = Path(__file__).resolve().parent.parent / "benchmarks" / "suites" / "spin_sim"


def _rare_docs() -> list[dict]:
    path = SUITE / "dev_rare.jsonl"
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _key(pairs: list) -> list[tuple]:
    return [(p.spun, p.original, p.count, p.docs, round(p.mean_gain, 6)) for p in pairs]


def test_corpus_pairs_read_the_detections_they_are_given() -> None:
    texts = [d["damaged"] for d in _rare_docs()]
    dets = [STAGE.detect(Document(t, config=NO_PROFILE)) for t in texts]
    learned = corpus_pairs(texts, config=NO_PROFILE, min_docs=1)
    assert learned, "five rare-spun documents teach some pair"
    assert _key(corpus_pairs(texts, config=NO_PROFILE, min_docs=1, detections=dets)) == _key(
        learned
    )
    # detections that call every text clean: nothing is learned, so they are what is read
    clean = [SimpleNamespace(score=0.0, words=()) for _ in texts]
    assert corpus_pairs(texts, config=NO_PROFILE, min_docs=1, detections=clean) == []


@pytest.mark.parametrize(
    ("details", "on", "read"),
    [
        ({"profile_score": 0.3, "prior_profile_score": 0.1}, True, 0.1),
        ({"profile_score": 0.3, "prior_profile_score": 0.1}, False, 0.3),
        ({"profile_score": 0.3}, True, 0.3),
        ({}, True, 0.0),
    ],
)
def test_word_model_reads_the_profile_without_corpus_pairs(
    monkeypatch: pytest.MonkeyPatch, details: dict, on: bool, read: float
) -> None:
    monkeypatch.setattr(spin_stage, "LEARNED_WORD_PRIOR", on)
    assert _word_profile_of(details) == word_profile(read)


def _doc_and_rows() -> tuple[str, object]:
    doc = _rare_docs()[0]["damaged"]
    return doc, STAGE.detect(Document(doc, config=NO_PROFILE))


def test_corpus_pairs_do_not_move_other_words_probabilities(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With LEARNED_WORD_PRIOR, a pair learned from corpus statistics alone changes no
    other word's probability."""
    monkeypatch.setattr(spin_stage, "LEARNED_WORD_PRIOR", True)
    text, det = _doc_and_rows()
    learned = {w.written.lower(): (w.original, 0.49) for w in det.words[:3]}
    with_pairs = STAGE.detect(Document(text, config=NO_PROFILE, pairs=learned))
    assert with_pairs.details.get("prior_profile_score") is not None
    assert dict(zip((w.start for w in det.words), det.probs, strict=True)) == dict(
        zip((w.start for w in with_pairs.words), with_pairs.probs, strict=True)
    )


def _other_original(text: str, det: object) -> tuple[object, str] | None:
    """A row left as written without learned pairs, with another candidate original than
    its best synonym that the LM still clearly prefers to the written word in context."""
    doc = Document(text, config=NO_PROFILE)
    ctx = WordContext.of(doc)
    edited = {p for e in repair_text(text, (), NO_PROFILE).edits for p in range(e.offset, e.end)}
    for w in det.words:
        if w.start in edited:
            continue
        left, right, _initial = context(doc, ctx, w.start, w.end)
        for orig in originals_of(w.written.lower()):
            if orig == w.original or " " in orig:
                continue
            if lm_gain(left, [w.written.lower()], [orig], right) >= 4.0:
                return w, orig
    return None


@pytest.mark.parametrize("on", [True, False])
def test_learned_original_applies_over_the_best_synonym(
    monkeypatch: pytest.MonkeyPatch, on: bool
) -> None:
    monkeypatch.setattr(spin_stage, "LEARNED_OVER_BEST", on)
    text, det = _doc_and_rows()
    found = _other_original(text, det)
    assert found is not None
    w, orig = found
    pairs = {w.written.lower(): (orig, 0.49)}
    edits = repair_text(text, (), NO_PROFILE, pairs=pairs).edits
    at = [e.replacement.lower() for e in edits if e.offset <= w.start < e.end]
    assert (orig.lower() in at) is on


def _spin_learning():  # noqa: ANN202 - the benchmark module
    bench = str(Path(__file__).resolve().parent.parent / "benchmarks")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    import spin_learning

    return spin_learning


@pytest.mark.parametrize(
    ("n", "rest", "held"), [(50, 0, 3), (50, 50, 50), (97, 97, 3), (10, 60, 40)]
)
def test_dev_split_holds_out_the_documents_no_size_learns(
    monkeypatch: pytest.MonkeyPatch, n: int, rest: int, held: int
) -> None:
    sl = _spin_learning()
    monkeypatch.setattr(sl, "select", lambda split, cap: list(range(100)))
    learn, hold = sl.split_docs("dev", n, 1000, rest)
    assert len(learn) == n and len(hold) == held
    assert not set(learn) & set(hold)
    # the every-30th documents come first, so a cap keeps the held-out set of old
    assert hold[:3] == [29, 59, 89]
    assert sl.split_docs("dev", n, 2, rest)[1] == [29, 59]
    if rest:
        # learned at no size up to ``rest``: with n == rest every dev document is used once
        assert set(hold) == set(range(100)) - set(sl.split_docs("dev", rest, 0)[0])


@pytest.mark.parametrize(
    "argv",
    [
        ["--hold-rest", "100", "--sizes", "1000", "--split", "dev"],
        ["--hold-rest", "1000", "--sizes", "100"],
    ],
)
def test_hold_rest_refuses_a_size_it_would_test_on(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        _spin_learning().main(["--spinner", "rare", *argv])
    assert exc.value.code == 2


def test_set_reaches_the_learner_process() -> None:
    # spin_learning.py's --set specs are applied in the ``repair learn`` subprocess too:
    # the program sets each constant, then runs the command after ``--`` (here a probe
    # in place of the command, to read the constant back)
    import subprocess

    program = _spin_learning()._SET_AND_RUN
    run_cmd = "from repair.cli import main\nmain()"
    assert run_cmd in program
    probe = program.replace(run_cmd, "import repair.learn as L\nprint(L.CORPUS_COMMON, sys.argv)")
    out = [
        subprocess.run([sys.executable, "-c", probe, *sets, "--", "learn", "DIR"],
                       capture_output=True, text=True, check=True).stdout.strip()
        for sets in (["repair.learn.CORPUS_COMMON=False"], [])
    ]  # fmt: skip
    assert out == ["False ['repair', 'learn', 'DIR']", "True ['repair', 'learn', 'DIR']"]


@pytest.mark.parametrize("counted", [True, False])
def test_learned_common_forms_can_be_kept_out_of_the_profile_score(
    monkeypatch: pytest.MonkeyPatch, counted: bool
) -> None:
    # a weak learned pair of a common written word ("big", Zipf > 4.5) is still found,
    # but with LEARNED_COMMON_PROFILE off its occurrences are not profile evidence; a
    # rare learned form ("colossal") counts either way
    monkeypatch.setattr(spin_stage, "LEARNED_COMMON_PROFILE", counted)
    text = "The big house stood by the big road near a big field. " * 6
    common = STAGE.detect(Document(text, config=NO_PROFILE, pairs={"big": ("large", 0.49)}))
    assert any(o.spun == "big" for o in common.occurrences)
    assert ("big" in common.details.get("top", {})) is counted
    rare = text.replace("big", "colossal")
    found = STAGE.detect(Document(rare, config=NO_PROFILE, pairs={"colossal": ("large", 0.49)}))
    assert "colossal" in found.details.get("top", {})
