"""Wordy paraphrases: the cheap count, the document score and the noun-verb list."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from repair.detect import wordy
from repair.score.wordy import document_score, evidence

ROOT = Path(__file__).resolve().parent.parent

SPUN = (
    "Prior to the vote, the council made use of a large number of surveys. Subsequent to "
    "the meeting, members took a look at the figures, which were in excess of the budget. "
    "In the event that costs rise, the plan will change on a regular basis."
)
PLAIN = (
    "Before the vote, the council used many surveys. After the meeting, members looked at "
    "the figures, which were more than the budget. If costs rise, the plan will often change."
)


def test_count_agrees_with_find() -> None:
    for text in (SPUN, PLAIN, "They made a speech about it and took part in the race."):
        assert wordy.count(text) == len(wordy.find(text))
    assert wordy.count(SPUN) == 8 and wordy.count(PLAIN) == 0


def test_a_rejected_match_does_not_hide_a_paraphrase_inside_it() -> None:
    # "have talked with" matches the light-verb pattern and is rejected (no article, not
    # "of"); the paraphrase that starts at its last word must still be found
    text = "Many of you have talked with regard to the plan. They have put in excess of that."
    found = wordy.find(text)
    assert [(m.written, m.plain) for m in found] == [
        ("with regard to", "about"),
        ("in excess of", "more than"),
    ]
    assert wordy.count(text) == 2
    assert text[found[0].start : found[0].end] == "with regard to"


def test_count_does_not_load_lemminflect_for_a_clean_text() -> None:
    code = (
        "import sys; from repair.detect import wordy; "
        f"n = wordy.count({PLAIN + ' They made use of it.'!r}); "
        "print(n, 'lemminflect' in sys.modules)"
    )
    import subprocess

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["1", "False"]


def test_document_score_rises_with_density() -> None:
    assert document_score(0, 400) == 0.0
    assert document_score(1, 1000) < 0.1  # one paraphrase in a long text is ordinary
    assert document_score(2, 500) < 0.5 < document_score(3, 500) < document_score(6, 500)
    assert document_score(6, 500) > 0.99
    assert evidence(4, 200) > evidence(4, 2000)


def test_stage_score_reads_density_without_restoring() -> None:
    from repair import repair_text
    from repair.config import RepairConfig

    r = repair_text(SPUN, (), RepairConfig())
    assert r.scores.collocation > 0.99
    clean = repair_text(PLAIN, (), RepairConfig())
    assert clean.scores.collocation == 0.0 and clean.text == PLAIN


def test_report_keys_say_found_and_restored() -> None:
    from repair import repair_text
    from repair.config import RepairConfig

    # two paraphrases in a short text: found (read by the density score), none restored
    sparse = "Prior to the vote, the council made use of the surveys it had."
    d = repair_text(sparse, (), RepairConfig()).scores.details["collocation"]
    assert d["wordy_found"] == 2 and d.get("wordy_restored", 0) == 0
    assert "wordy_phrases" not in d and "wordy_paraphrases" not in d
    r = repair_text(SPUN, (), RepairConfig())
    d = r.scores.details["collocation"]
    restored = [e for e in r.edits if e.rule == "WORDY_PHRASE"]
    assert d["wordy_found"] == wordy.count(SPUN) and d["wordy_restored"] == len(restored) > 0


def test_noun_verb_list_is_current() -> None:
    pytest.importorskip("lemminflect")
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_wordy_nouns import noun_verbs

    assert wordy.noun_verbs() == frozenset(noun_verbs())


def test_spin_eval_doc_score_is_the_noisy_or_of_spin_and_collocation() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from spin_eval import Runner, _pair

    from repair import repair_text
    from repair.config import RepairConfig

    assert _pair(0.3) == (0.3, 0.3) and _pair((0.1, 0.5)) == (0.1, 0.5)
    text, (spin, doc), _edits = Runner(RepairConfig()).repair(SPUN)
    r = repair_text(SPUN, (), RepairConfig())
    assert spin == r.scores.spin
    assert doc == pytest.approx(1 - (1 - r.scores.spin) * (1 - r.scores.collocation))
    assert doc > 0.99 and text == r.text
