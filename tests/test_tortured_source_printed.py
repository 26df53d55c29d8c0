"""A known source overrules the other spin readers where it prints the written word
(repair.detect.tortured_source.SOURCE_PRINTED, MAX_WORDS; repair.detect.tortured.SOURCE_OVER_LIST).

The texts are the simulated paper mill's and the tortured spinner's dev abstracts with their
clean sources (``benchmarks/spin_eval.py --spinner mill|tortured --split dev --references``).
"""

from __future__ import annotations

import pytest

from repair import repair_text
from repair.detect import tortured, tortured_source

MILL_SOURCE = (
    "Deep learning has become the standard approach for image classification, but large "
    "models require a great amount of labeled data. In this paper we propose a simple method "
    "that combines data augmentation with a small pretrained network. We evaluate the method "
    "on three public data sets and show that it improves accuracy by four percent on average. "
    "The results suggest that careful augmentation can replace a large part of the training "
    "data. Our code is available to other researchers.\n"
)
MILL_SPUN = (
    "Deep acquisition has come forth the standard approach for feature evaluation, but large "
    "models require a great amount of labeled data. In this essay we put a integral method "
    "that combines data augmentation with a small pretrained network. We appraise the art "
    "on three public data movements and show that it improves accuracy by four percent on "
    "average. The results suggest that careful augmentation can replace a large part of the "
    "preparation data. Our code is available to other researchers.\n"
)
SENSE_SOURCE = (
    "Support vector machines remain a strong baseline for text classification. We compare "
    "them with neural networks on short messages from social media and find that the simpler "
    "model performs as well when the training set is small."
)
SENSE_SPUN = (
    "Support vector machines rest a strong baseline for text classification. We compare "
    "them with nervous webs on short messages from social media and find that the simpler "
    "model executes as well when the preparation set is small."
)
LONG_SOURCE = (
    "We investigate the growth of thin films of zinc oxide on glass at low temperature. "
    "X-ray measurements show that the crystal size increases with the heating time, and the "
    "optical gap becomes smaller."
)
LONG_SPUN = (
    "We enquire the growth of thin films of zinc oxide on chalk at low temperature. "
    "X-ray evaluations show that the crystal size increases with the heating time, and the "
    "ocular aperture comes forth smaller."
)


def test_words_the_source_prints_are_not_edited() -> None:
    r = repair_text(MILL_SPUN, (MILL_SOURCE,))
    assert r.text == MILL_SOURCE
    changed = {e.original.lower() for e in r.edits}
    assert not changed & {"require", "public", "augmentation", "code"}


def test_the_printed_words_rule_alone_keeps_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tortured, "SOURCE_OVER_LIST", False)
    r = repair_text(MILL_SPUN, (MILL_SOURCE,))
    assert not {"require", "public", "code"} & {e.original.lower() for e in r.edits}


def test_without_either_rule_the_mill_words_pass_edits_source_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tortured, "SOURCE_OVER_LIST", False)
    monkeypatch.setattr(tortured_source, "SOURCE_PRINTED", False)
    r = repair_text(MILL_SPUN, (MILL_SOURCE,))
    assert r.text != MILL_SOURCE
    assert {"require", "code"} <= {e.original.lower() for e in r.edits}


def test_without_a_reference_the_rule_reads_nothing() -> None:
    plain = repair_text(MILL_SPUN)
    assert {e.original.lower() for e in plain.edits} & {"require", "code"}


def test_the_source_reading_stands_over_a_list_match() -> None:
    assert repair_text(SENSE_SPUN, (SENSE_SOURCE,)).text == SENSE_SOURCE


def test_a_list_match_hides_the_source_reading_without_the_rule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tortured, "SOURCE_OVER_LIST", False)
    assert "preparation set" in repair_text(SENSE_SPUN, (SENSE_SOURCE,)).text


def test_four_written_words_for_three() -> None:
    assert repair_text(LONG_SPUN, (LONG_SOURCE,)).text == LONG_SOURCE


def test_four_written_words_left_at_three(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tortured_source, "MAX_WORDS", 3)
    assert "comes forth" in repair_text(LONG_SPUN, (LONG_SOURCE,)).text
