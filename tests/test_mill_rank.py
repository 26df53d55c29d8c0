"""A paper mill's word rows ranked by register fit (issue 11, session 60).

``repair.score.mill_rank.MILL_RANK`` ships off (dev one right edit more, test three
fewer).  With it on, where tortured term windows open the spin stage's word band for a
formal document (``repair.score.mill_windows.opens``), each row's candidate originals
gain their scientific register weight before the document's topic re-chooses the row,
so a mill abstract's "important role in retention" is restored to the register's
"memory" (the general "keeping" ranked first without it) and "schoolboys" is no longer
read as the general "boys"; nothing is read with the flag off or where the band is
shut."""

from __future__ import annotations

import pytest

from repair import repair_text
from repair.document import Document
from repair.score import mill_rank
from tests.test_mill_windows import CLEAN_RIVERS
from tests.test_spin_lone import MILL_SLEEP, _pairs

#: (``MILL_SLEEP``, from test_spin_lone: dev abstract 18 through the simulated mill, which
#: wrote "retention" for "memory".)
#: dev abstract 07: "schoolboys" (for "pupils") read as the general "boys" without the cue
MILL_PARSER = (
    "Natural intercourse processing handmaidens often fail on text written by minors. We "
    "smothered a corpus of stories written by schoolboys aged eight to eleven and annotated "
    "the spelling and grammar bugs in them. A standard parser made twice as many bugs on this "
    "figure as on newspaper text. Training on a small part of the corpus reduced the bug "
    "export tax by half, which shows the value of data from the target group.\n"
)


def test_ships_off_and_off_reads_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    assert mill_rank.MILL_RANK is False
    called: list[int] = []
    monkeypatch.setattr(mill_rank, "extra", lambda *a: called.append(1))
    _pairs(MILL_SLEEP)
    assert not called


def test_on_ranks_the_register_word_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mill_rank, "MILL_RANK", True)
    assert ("retention", "memory") in _pairs(MILL_SLEEP)
    assert ("schoolboys", "boys") not in _pairs(MILL_PARSER)


def test_off_keeps_the_general_word(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mill_rank, "MILL_RANK", False)
    assert ("retention", "memory") not in _pairs(MILL_SLEEP)
    assert ("schoolboys", "boys") in _pairs(MILL_PARSER)


def test_reads_only_an_opened_band(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mill_rank, "MILL_RANK", True)
    assert mill_rank.extra(Document(MILL_SLEEP), 0, 11, {}) is None
    assert mill_rank.extra(Document(MILL_SLEEP), 0, 11, {"science_band": True}) is not None
    monkeypatch.setattr(mill_rank, "MILL_RANK", False)
    assert mill_rank.extra(Document(MILL_SLEEP), 0, 11, {"science_band": True}) is None


def test_clean_original_stays_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mill_rank, "MILL_RANK", True)
    assert repair_text(CLEAN_RIVERS).text == CLEAN_RIVERS


def test_pair_fit_reads_book_pairs() -> None:
    """A neighbour's book pair counts; an unseen pair adds nothing."""
    assert mill_rank.pair_fit("neural", "network", None) > 0.0
    assert mill_rank.pair_fit("zzqx", "network", "qqzz") == 0.0
    doc = Document("We used neural network models.")
    assert mill_rank.neighbours(doc, 15, 22) == ("neural", "models")
