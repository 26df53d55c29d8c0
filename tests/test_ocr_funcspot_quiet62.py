"""Session 62 (ocrfunc2): a spot reading (``ocr_funcspot``) changes no decision it does
not win (``ocr_funcspot.QUIET``)."""

from __future__ import annotations

import pytest

from repair.candidates import ocr_funcspot
from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.score.ocr_joint import _pairable

#: Three printed lines of an SMH page (OverProof set): "lud" has a spot reading "and",
#: accepted in the first reading and dropped for "full" later; "ii" beside it (gold "a").
PAGE = (
    "living with women of ill-famo, was Bont to the Industrial\n"
    "Sohool, Biloela. Joseph Dijmer, ii lud ll.yearii old, found\n"
    "wanderin?; about tho Btreets without any ostensible lawful"
)


@pytest.fixture
def spot(monkeypatch: pytest.MonkeyPatch):
    """Set ``FUNC_SPOT`` and ``QUIET`` for one test, the memos cleared before and after."""

    clear = ocr_funcspot.clear_memos

    def set_to(on: bool, quiet: bool = True) -> None:
        clear()
        monkeypatch.setattr(ocr_funcspot, "FUNC_SPOT", on)
        monkeypatch.setattr(ocr_funcspot, "QUIET", quiet)
        # funcguard's GUARD (session 62) refuses "lud" -> "and" (another search reads
        # "jud" at 0.53 nats: SURE_COST); the reading is kept here to show what QUIET does
        monkeypatch.setattr(ocr_funcspot, "GUARD", False)

    yield set_to
    clear()


def _edits(text: str) -> list[tuple[int, str, str]]:
    res = repair_text(text, config=RepairConfig())
    return [(e.offset, e.original, e.replacement) for e in res.edits]


def test_spot_readings_are_marked(spot) -> None:
    spot(True)
    assert ocr_funcspot.mark("tiu", "the", ocr_funcspot.SPOT_COST) == {"spot": True}
    assert ocr_funcspot.mark("til", "the", 9.5) == {}  # the learned price's reading
    spot(True, quiet=False)
    assert ocr_funcspot.mark("tiu", "the", ocr_funcspot.SPOT_COST) == {}
    spot(False)
    assert ocr_funcspot.mark("tiu", "the", ocr_funcspot.SPOT_COST) == {}


def test_held_out_and_never_paired() -> None:
    class C:
        def __init__(self, spot: bool) -> None:
            self.features = {"spot": True} if spot else {}

    a, b, c = C(False), C(True), C(False)
    assert ocr_funcspot.held_out([a, b, c]) == ([a, c], [b])
    rest = [a, c]
    assert ocr_funcspot.held_out(rest)[0] is rest
    f = {"orig": ["lud"], "alt": ["and"], "orig_known": True, "finding": "slot"}
    assert _pairable(f)
    assert not _pairable({**f, "spot": True})


def test_rejected_spot_reading_leaves_its_neighbour(spot) -> None:
    spot(False)
    main = _edits(PAGE)
    assert (PAGE.index("ii lud"), "ii", "a") in main
    spot(True, quiet=False)  # the spot reading stood as the neighbour's context
    loud = _edits(PAGE)
    assert (PAGE.index("ii lud"), "ii", "it") in loud
    spot(True)
    assert _edits(PAGE) == main
