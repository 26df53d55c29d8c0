"""Self-training on the document being fixed: ``repair fix --self-train`` and
:func:`repair.score.ocr_docself.self_train`."""

from __future__ import annotations

import math
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from repair.lexicons import read_tsv

from repair.pipeline import repair_text
from repair.score import ocr_table
from repair.score.ocr_docself import self_train
from tests.test_ocr_table import ARCHIVE, PAGE, _repair

#: one pass: these tests read a single pass's readings (conftest ``one_pass``)
pytestmark = pytest.mark.usefixtures("one_pass")

ROOT = Path(__file__).resolve().parent.parent

#: One document whose engine prints "z" for "h" (a confusion the shipped table lacks): the
#: archive of tests/test_ocr_table.py as one text, enough for it alone to learn the row.
DOCUMENT = "\n".join(ARCHIVE)
#: PAGE (imported): only two such words, too little evidence for a new row on its own.
Z_WORDS = {
    "zarbour": "harbour",
    "zospital": "hospital",
    "zundred": "hundred",
    "zorses": "horses",
}


@pytest.fixture(autouse=True)
def _shipped_table() -> Iterator[None]:
    ocr_table.install(None)
    yield
    ocr_table.install(None)


def _changed(before: str, after: str) -> list[tuple[str, str]]:
    return [(a, b) for a, b in zip(before.split(), after.split(), strict=True) if a != b]


def test_self_train_learns_from_the_text_alone_and_installs_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert repair_text(DOCUMENT).text == DOCUMENT  # the shipped tables read no z as h
    learned = self_train([DOCUMENT])
    assert learned.pages == 1
    assert ("z", "h") in learned.new
    assert ocr_table.installed() is not None
    assert any(r[:2] == ("z", "h") for r in ocr_table.rows_in_force(ocr_table.CONFUSIONS))
    assert list(tmp_path.iterdir()) == []  # the profile file is not kept
    fixed = repair_text(DOCUMENT).text
    changed = _changed(DOCUMENT, fixed)
    assert changed and all(Z_WORDS.get(a.strip(",.")) == b.strip(",.") for a, b in changed)
    ocr_table.install(None)
    assert repair_text(DOCUMENT).text == DOCUMENT


def test_self_train_starts_from_the_profile_in_force(tmp_path: Path) -> None:
    slot = read_tsv(ocr_table.SLOT, ocr_table.TABLES[ocr_table.SLOT])[:40]
    start = tmp_path / "start.profile"
    confusions = read_tsv(ocr_table.CONFUSIONS, ocr_table.TABLES[ocr_table.CONFUSIONS])
    start.write_text(
        ocr_table.profile_text({ocr_table.CONFUSIONS: confusions, ocr_table.SLOT: slot}),
        encoding="utf-8",
    )
    ocr_table.install(start)
    self_train([DOCUMENT])
    assert ocr_table.rows_in_force(ocr_table.SLOT) == slot  # carried, not the shipped one


def test_a_text_too_small_for_the_confusion_learns_no_row() -> None:
    learned = self_train([PAGE])
    assert ("z", "h") not in learned.new
    assert repair_text(PAGE).text == PAGE


def test_fix_self_train_repairs_with_what_the_file_itself_teaches(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text(DOCUMENT + "\n", encoding="utf-8")
    plain = _repair("fix", str(doc), "-q", "--one-pass")
    trained = _repair("fix", str(doc), "--self-train")
    assert plain.returncode == trained.returncode == 0, trained.stderr
    assert plain.stdout == DOCUMENT + "\n"
    assert "self-trained on the text" in trained.stderr and "1 new" in trained.stderr
    changed = _changed(plain.stdout, trained.stdout)
    assert changed  # a new row is floored at 4 nats: it acts where the LM backs it
    assert all(Z_WORDS.get(a.strip(",.")) == b.strip(",.") for a, b in changed)


def test_fix_self_train_leaves_clean_seeds_byte_identical(tmp_path: Path) -> None:
    for seed in sorted((ROOT / "seeds").glob("00[1-4]_*.txt")):
        out = tmp_path / seed.name
        run = _repair("fix", str(seed), "-q", "--self-train", "-o", str(out))
        assert run.returncode == 0, run.stderr
        assert out.read_bytes() == seed.read_bytes(), seed.name


def test_fix_self_train_without_a_file_change_is_quiet_and_plain_fix_unchanged(
    tmp_path: Path,
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE + "\n", encoding="utf-8")
    run = _repair("fix", str(page), "-q", "--self-train")
    assert run.returncode == 0 and run.stderr == ""
    assert run.stdout == PAGE + "\n"


def test_one_text_reprices_a_listed_row_only_with_enough_uses() -> None:
    from repair.score.ocr_docself import DOC_MIN_USES
    from repair.score.ocr_selftrain import learn_table

    # "rn" for "m" twice, "li" for "h" once: both listed rows, both cheaper when learned
    text = (
        DOCUMENT + "\nThe town hall was closed and tlie rnayor said the rnill was sold to the bank."
    )
    assert DOC_MIN_USES == 2.0
    every = learn_table([text])
    gated = learn_table([text], min_uses=DOC_MIN_USES)
    assert every.repriced == 2 and gated.repriced == 1
    assert ("z", "h") in every.new and ("z", "h") in gated.new  # new rows keep their gate
    shipped = _costs(read_tsv(ocr_table.CONFUSIONS, ocr_table.TABLES[ocr_table.CONFUSIONS]))
    for learned, once in ((every, True), (gated, False)):
        costs = _costs(tuple(ln.split("\t") for ln in learned.table.splitlines()))
        assert costs[("rn", "m")] < shipped[("rn", "m")]  # used twice: repriced
        assert (costs[("li", "h")] < shipped[("li", "h")]) is once  # used once


def _costs(rows) -> dict[tuple[str, str], float]:
    return {(r[0], r[1]): float(r[2]) for r in rows if len(r) == 4 and not r[0].startswith("#")}


# Session 28, docself2_28: the precision gates of one text (clean text learns nothing; a
# long text needs more support; a repriced row drops at most DOC_MAX_DROP nats).

#: Clean prose to dilute DOCUMENT with: about 3,000 words and no garble.
CLEAN = " ".join(
    [
        "The council met on Tuesday evening to discuss the new bridge over the river, and "
        "most members agreed that the work should begin before the winter rains arrive."
    ]
    * 110
)


def _counts(used: float, unseen: float, words: int):
    from collections import Counter

    from repair.score.ocr_selftrain import ArchiveCounts

    return ArchiveCounts(
        used=Counter({("rn", "m"): used}) if used else Counter(),
        unseen=Counter({("z", "h"): unseen}) if unseen else Counter(),
        words=Counter({"word": words}),
    )


@pytest.mark.parametrize(
    ("used", "unseen", "words", "new", "specks"),
    [
        (0, 0, 300, math.inf, math.inf),  # nothing read: clean
        (16, 250, 397_211, math.inf, math.inf),  # clean300k's rates: 0.04 + 0.63 per 1,000
        (0, 4, 75, 0.0075, 2.0),  # DOCUMENT: 53 per 1,000, small: the modules' own floors
        (4000, 60, 102_025, 10.2025, 10.2025),  # ocr100k: garbled and long: more support
    ],
)
def test_floors_follow_the_garble_rate_and_the_size(
    used: float, unseen: float, words: int, new: float, specks: float
) -> None:
    from repair.score.ocr_docself import floors

    got = floors(_counts(used, unseen, words))
    assert got == pytest.approx((new, specks))


def test_floors_off_leave_the_modules_floors() -> None:
    from repair.score import ocr_docself

    counts = _counts(0, 0, 500_000)
    assert ocr_docself.floors(counts) == (math.inf, math.inf)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ocr_docself, "GARBLE_FLOOR", 0)
        mp.setattr(ocr_docself, "WORDS_PER_SUPPORT", 0)
        mp.setattr(ocr_docself, "WORDS_PER_SPECK", 0)
        assert ocr_docself.floors(counts) == (0.0, None)


def test_a_clean_long_text_learns_nothing_from_its_few_unknown_words() -> None:
    from repair.score import ocr_docself

    text = CLEAN + "\n" + DOCUMENT
    learned = self_train([text])
    assert learned.new == {} and learned.marks == () and learned.repriced == 0
    assert repair_text(DOCUMENT).text == DOCUMENT  # nothing new in force
    ocr_table.install(None)
    with pytest.MonkeyPatch.context() as mp:  # the same text learns z>h without the gate
        mp.setattr(ocr_docself, "GARBLE_FLOOR", 0)
        assert ("z", "h") in self_train([text]).new


def test_a_repriced_row_drops_at_most_max_drop() -> None:
    from repair.score.ocr_selftrain import learn_table

    text = DOCUMENT + "\nThe rnayor said the rnill by the rnarket was sold to the rnan."
    shipped = _costs(read_tsv(ocr_table.CONFUSIONS, ocr_table.TABLES[ocr_table.CONFUSIONS]))
    free = _costs(tuple(ln.split("\t") for ln in learn_table([text]).table.splitlines()))
    bound = _costs(
        tuple(ln.split("\t") for ln in learn_table([text], max_drop=0.1).table.splitlines())
    )
    assert free[("rn", "m")] < shipped[("rn", "m")] - 0.1  # unbounded: more than 0.1 cheaper
    assert bound[("rn", "m")] == pytest.approx(shipped[("rn", "m")] - 0.1, abs=0.006)


def test_mark_rows_need_min_specks() -> None:
    from repair.score.ocr_selfmarks import archive_mark_rows

    # "¤" printed for a letter (a speck) on every page: the default floor learns it
    pages = ["th¤ council met o¤ Tuesday", "the bridg¤ was closed and th¤ road", "wit¤ the men"]
    known = {",": 5000, ".": 5000}
    rows = archive_mark_rows(pages, known)
    assert rows and rows == archive_mark_rows(pages, known, None)
    assert archive_mark_rows(pages, known, math.inf) == []
