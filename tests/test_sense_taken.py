"""The sense pass's gate reads the strong first-sense readings of words an earlier pass of
the collocation stage restored (repair.score.sense_words.GATE_READS_TAKEN, session 24).
Dev abstract 03: the term window restores "neural web" -> "neural network"; "web" is a
strong first-sense reading of "network" all the same, and with "yard" -> "thousand" the
document has two."""

from __future__ import annotations

import pytest

from repair import repair_text
from repair.document import Document
from repair.score import sense_words
from tests.test_sense_words23 import SPUN_SVM

CLEAN_SVM = (
    "Support vector machines remain a strong baseline for text classification. We compare them "
    "with neural networks on short messages from social media and find that the simpler model "
    "performs as well when the training set is small. The neural network is better only when "
    "more than ten thousand labeled examples are available. We discuss what this means for "
    "practical systems with limited budgets.\n"
)


def _edits(text: str) -> set[tuple[str, str, str]]:
    return {(e.original, e.replacement, e.rule) for e in repair_text(text).edits}


def test_taken_words_open_the_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not sense_words.GATE_READS_TAKEN and not sense_words.GATE_COUNTS_EARLIER  # off
    monkeypatch.setattr(sense_words, "GATE_READS_TAKEN", True)
    edits = _edits(SPUN_SVM)
    assert ("web", "network", "COLLOCATION_TERM") in edits
    assert {("yard", "thousand", "SENSE_WORD"), ("webs", "networks", "SENSE_WORD")} <= edits
    monkeypatch.setattr(sense_words, "GATE_READS_TAKEN", False)
    assert not {e for e in _edits(SPUN_SVM) if e[2] == "SENSE_WORD"}


def test_taken_strong_readings() -> None:
    doc = Document(SPUN_SVM)
    web = frozenset(t.start for t in doc.tokens if t.text == "web")
    assert sense_words._taken_strong(doc, web) == {"web"}
    assert sense_words._taken_strong(doc, frozenset()) == frozenset()


def test_clean_twin_untouched() -> None:
    assert repair_text(CLEAN_SVM).text == CLEAN_SVM
