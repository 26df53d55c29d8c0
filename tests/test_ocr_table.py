"""An archive's own OCR confusion table: ``repair learn --ocr`` writes it, ``repair fix
--ocr-table`` and ``repair batch --ocr-table`` read it (issue 12)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from repair.lexicons import LexiconError, lexicon_path, read_tsv

from repair.pipeline import repair_text
from repair.score import ocr_table
from repair.score.ocr_channel import confusions, spacing_costs

HEADER = "# format: repair-lexicon/1; columns: ocr, true, cost, count\n"

#: An archive whose engine prints "z" for "h" (a confusion the shipped table lacks).
ARCHIVE = [
    "The zarbour was busy on Monday when the ships came in from the south with wool.",
    "A new zospital will be built near the railway station, the council said last night.",
    "The zundred men who worked at the mill asked for higher wages and shorter hours.",
    "Farmers brought their zorses to the show, where the judges gave prizes for the best.",
    "The zarbour master said the zospital ship would leave before the zundred days ended.",
]
PAGE = "The zospital was full and the zundred beds were taken by the sick men of the town."
FIXED = PAGE.replace("zospital", "hospital").replace("zundred", "hundred")


@pytest.fixture(autouse=True)
def _shipped_table() -> Iterator[None]:
    ocr_table.install(None)
    yield
    ocr_table.install(None)


def _shipped_rows() -> str:
    text = lexicon_path("ocr_confusions.tsv").read_text(encoding="utf-8")
    return "".join(ln + "\n" for ln in text.splitlines() if ln and not ln.startswith("#"))


def _table(tmp_path: Path, extra: str = "", name: str = "t.tsv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + _shipped_rows() + extra, encoding="utf-8")
    return path


def _repair(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    return subprocess.run(
        [sys.executable, "-m", "repair", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=600,
    )


# ------------------------------------------------------------------ reading and installing


def test_a_copy_of_the_shipped_table_repairs_exactly_as_the_shipped_one(tmp_path: Path) -> None:
    before = (repair_text(PAGE).text, repair_text(ARCHIVE[0]).text)
    shipped = (confusions(), spacing_costs())
    ocr_table.install(_table(tmp_path))
    assert (confusions(), spacing_costs()) == shipped
    assert (repair_text(PAGE).text, repair_text(ARCHIVE[0]).text) == before


def test_an_installed_row_acts_and_uninstalling_restores_the_shipped_table(
    tmp_path: Path,
) -> None:
    assert repair_text(PAGE).text == PAGE
    ocr_table.install(_table(tmp_path, "z\th\t0.50\t0\n"))
    assert ocr_table.installed() == str((tmp_path / "t.tsv").resolve())
    assert ("h", 0.5) in confusions()["z"]
    fixed = repair_text(PAGE).text
    assert fixed == FIXED
    ocr_table.install(None)
    assert "z" not in confusions()
    assert repair_text(PAGE).text == PAGE


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("z\th\t0.5\t0\n", "line 1: no format header"),
        (HEADER + "z\th\t0.5\n", r"line 2: 3 field\(s\)"),
        (HEADER + "a\tb\t1.0\t3\nz\th\tcheap\t0\n", "line 3: cost 'cheap' is not a number"),
        (HEADER + "z\th\t-1\t0\n", "line 2: cost '-1' must be finite and >= 0"),
        (HEADER + "z\th\tnan\t0\n", "line 2: cost 'nan' must be finite"),
        (HEADER + "\th\t0.5\t0\n", "line 2: empty ocr column"),
        (HEADER + "z\th\t0.5\tmany\n", "line 2: count 'many' is not a whole number"),
        (HEADER + "<split>\t\t3.0\t1\n", "has no confusion rows"),
    ],
)
def test_a_malformed_table_is_refused_naming_file_and_line(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(text, encoding="utf-8")
    before = confusions()
    with pytest.raises(LexiconError, match=message) as err:
        ocr_table.install(path)
    assert str(path) in str(err.value)
    assert ocr_table.installed() is None and confusions() == before


def test_a_missing_table_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read OCR table"):
        ocr_table.read_table(tmp_path / "none.tsv")


# ------------------------------------------------------------------ the commands


@pytest.fixture(scope="module")
def learned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess]:
    root = tmp_path_factory.mktemp("archive")
    pages = root / "pages"
    pages.mkdir()
    for i, text in enumerate(ARCHIVE):
        (pages / f"{i}.txt").write_text(text, encoding="utf-8")
    (pages / "bad.txt").write_bytes(b"\xff\xfe\x00b\x00a\x00d")  # UTF-16: skipped
    out = root / "archive.tsv"
    return out, _repair("learn", "--ocr", str(pages), "-o", str(out))


def test_learn_ocr_writes_a_table_with_the_archive_s_new_row(learned) -> None:
    out, run = learned
    assert run.returncode == 0, run.stderr
    assert "bad.txt" in run.stderr and "skipped" in run.stderr
    assert "OCR profile from 5 texts" in run.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith(ocr_table.PROFILE_FORMAT + "\n")
    assert "# corpus: " in text and "bad.txt" not in text
    assert "# self-trained on 5 pages" in text
    profile = ocr_table.read_profile(out)
    assert set(profile) == set(ocr_table.TABLES)  # every table the repair reads
    for name in (ocr_table.SLOT, ocr_table.MARKS):  # kept as in force (here: shipped)
        assert profile[name] == read_tsv(name, ocr_table.TABLES[name])
    rows = ocr_table.read_table(out)
    assert any(r[:2] == ("z", "h") for r in rows)  # learned: no gold, no shipped row
    shipped = {r[:2]: float(r[2]) for r in ocr_table.read_table(lexicon_path("ocr_confusions.tsv"))}
    for r in rows:  # listed rows are only ever cheaper
        if r[:2] in shipped:
            assert float(r[2]) <= shipped[r[:2]]


def test_fix_with_the_learned_table_differs_only_where_its_rows_act(
    learned, tmp_path: Path
) -> None:
    out, _run = learned
    page = tmp_path / "page.txt"
    page.write_text(PAGE + "\n", encoding="utf-8")
    plain = _repair("fix", str(page), "-q")
    adapted = _repair("fix", str(page), "-q", "--ocr-table", str(out))
    assert plain.returncode == adapted.returncode == 0, adapted.stderr
    assert plain.stdout == PAGE + "\n"
    changed = [
        (a, b) for a, b in zip(plain.stdout.split(), adapted.stdout.split(), strict=True) if a != b
    ]
    assert changed == [("zospital", "hospital"), ("zundred", "hundred")]


def test_fix_refuses_a_malformed_table_with_one_line(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    bad = tmp_path / "bad.tsv"
    bad.write_text(HEADER + "z\th\tcheap\t0\n", encoding="utf-8")
    run = _repair("fix", str(page), "--ocr-table", str(bad))
    assert run.returncode == 1 and run.stdout == ""
    assert run.stderr.strip() == f"repair: {bad}, line 2: cost 'cheap' is not a number"


def test_batch_workers_read_the_table(learned, tmp_path: Path) -> None:
    out, _run = learned
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(PAGE + "\n", encoding="utf-8")
    (docs / "b.txt").write_text(ARCHIVE[2] + "\n", encoding="utf-8")
    run = _repair(
        "batch", str(docs), str(tmp_path / "out"), "-j", "2", "-q", "--ocr-table", str(out)
    )
    assert run.returncode == 0, run.stderr
    got = (tmp_path / "out" / "a.txt").read_text(encoding="utf-8")
    assert got == FIXED + "\n"
    assert "zundred" not in (tmp_path / "out" / "b.txt").read_text(encoding="utf-8")
    bad = tmp_path / "bad.tsv"
    bad.write_text("z\th\t0.5\t0\n", encoding="utf-8")
    run = _repair("batch", str(docs), str(tmp_path / "out2"), "-q", "--ocr-table", str(bad))
    assert run.returncode == 1
    assert f"{bad}, line 1: no format header" in run.stderr


def test_batch_self_train_learns_the_table_then_repairs_with_it(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i, text in enumerate([*ARCHIVE, PAGE]):
        (docs / f"{i}.txt").write_text(text + "\n", encoding="utf-8")
    out = tmp_path / "out"
    run = _repair("batch", str(docs), str(out), "-j", "1", "--self-train", "-q")
    assert run.returncode == 0, run.stderr
    table = out / ".repair-batch" / "ocr_table.tsv"
    assert any(r[:2] == ("z", "h") for r in ocr_table.read_table(table))
    assert (out / f"{len(ARCHIVE)}.txt").read_text(encoding="utf-8") == FIXED + "\n"
    plain = _repair("batch", str(docs), str(tmp_path / "plain"), "-j", "1", "-q")
    assert plain.returncode == 0, plain.stderr
    assert (tmp_path / "plain" / f"{len(ARCHIVE)}.txt").read_text(encoding="utf-8") == PAGE + "\n"


def test_learn_starts_from_a_given_table(learned, tmp_path: Path) -> None:
    first, _run = learned
    out = tmp_path / "round2.tsv"
    pages = first.parent / "pages"
    run = _repair("learn", "--ocr", str(pages), "--ocr-table", str(first), "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert any(r[:2] == ("z", "h") for r in ocr_table.read_table(out))  # kept from round 1
    bad = tmp_path / "bad.tsv"
    bad.write_text(HEADER, encoding="utf-8")
    run = _repair("learn", "--ocr", str(pages), "--ocr-table", str(bad), "-o", str(out))
    assert run.returncode == 1 and "has no confusion rows" in run.stderr
