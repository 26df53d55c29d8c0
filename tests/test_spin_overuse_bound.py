"""The over-use reading's ratio bound (issue 14): a written word whose best possible
ratio is under the bar needs no synonym source read, so a clean document with no
over-used word never loads the Moby index; the bound must hold for every original."""

from __future__ import annotations

import pytest
from wordfreq import top_n_list

import repair.candidates.spin_overuse as so
from repair.config import RepairConfig
from repair.document import Document
from repair.resources.frequency import zipf


def test_no_allowed_original_is_commoner_than_the_ceiling() -> None:
    allowed = [
        w
        for w in top_n_list("en", 5000)
        if w.isalpha() and w.islower() and len(w) <= so.MAX_ORIGINAL_LEN and w not in so.NEVER
    ]
    assert max(zipf(w) for w in allowed) <= so.ORIGINAL_ZIPF_CEILING


@pytest.mark.parametrize(
    ("k", "written", "original", "k_original"),
    [
        (2, "mentioned", "said", 0),
        (27, "mentioned", "said", 3),
        (5, "additionally", "also", 1),
        (3, "however", "but", 0),
        (9, "assembly", "meeting", 2),
    ],
)
def test_the_bound_is_an_upper_bound(k: int, written: str, original: str, k_original: int) -> None:
    assert so.mapping_llr(k, k_original, written, original) <= so.llr_bound(k, written)


def test_a_word_under_the_bound_reads_no_source(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    monkeypatch.setattr(so, "originals", lambda w: read.append(w) or ())
    # "said" four times: common enough that no original can make a ratio of the bar.
    so.mappings(["said"] * 4 + ["he"] * 6, so.MIN_COUNT, so.MIN_LLR)
    assert read == []
    so.mappings(["mentioned"] * 6, so.MIN_COUNT, so.MIN_LLR)
    assert read == ["mentioned"]


def test_a_short_document_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(so, "mappings", lambda *a: pytest.fail("read a 20-word document"))
    doc = Document("mentioned " * 20, RepairConfig())
    assert so.overuse_candidates(doc) == []
