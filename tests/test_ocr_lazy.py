"""Issue 14, cold start: the ocr stage reads a page without importing its candidate
generator when :func:`repair.stages.ocr.reads_nothing` knows the generator has nothing to
read (the gate shut, no finding, no column print, no "I"/"J" word and no "1").  These
checks compare that shortcut with the generator itself, so the two cannot drift apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from repair.candidates.ocr import ocr_candidates
from repair.document import Document
from repair.stages import load_stage
from repair.stages.ocr import _garbled, reads_nothing

ROOT = Path(__file__).resolve().parent.parent
STAGE = load_stage("ocr")

#: A newspaper column (8 narrow lines) with a real-word misreading ("hy"): read by the
#: generator's shut-gate path although there is no finding.
COLUMN = (
    "The work has been resumed hy the\n"
    "men of the town, and they say that\n"
    "the new road will soon be open to\n"
    "the cars and carts of the farmers\n"
    "who live on the hills above the\n"
    "river, and the mayor was glad of\n"
    "the news when he heard it from the\n"
    "men who came down on the morning\n"
)


def _pieces() -> list[str]:
    """Lines and sentences of the seed articles, and a few hand-made clean texts."""
    out = [
        "The cat sat on the mat and looked at the garden.",
        "they said that It was late, and we left.",
        "she paid 1 shilling for the bread.",
        "We met in June and again in July; Jane was there.",
        "Clean text stays as it is.",
        COLUMN,
    ]
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out += [line for line in text.splitlines() if line.strip()][:40]
        out += [s + "." for s in text.replace("\n", " ").split(". ")][:40]
    return out


def _read(text: str) -> tuple[bool, list]:
    doc = Document(text)
    det = STAGE.detect(doc)
    garbled = _garbled(doc, det)
    return reads_nothing(doc, det, garbled), ocr_candidates(doc, det, garbled)


@pytest.mark.parametrize("text", _pieces())
def test_a_page_the_shortcut_skips_has_no_candidate(text: str) -> None:
    skipped, candidates = _read(text)
    if skipped:
        assert candidates == []


def test_the_shortcut_skips_clean_text_and_keeps_what_the_generator_reads() -> None:
    seen = {text: _read(text) for text in _pieces()}
    assert sum(skipped for skipped, _ in seen.values()) >= 20  # it does skip pages
    # each of these has a candidate only the generator's shut-gate path makes
    for text in (
        "they said that It was late, and we left.",  # case_candidates: "It" -> "it"
        "she paid 1 shilling for the bread.",  # _digit_i
        COLUMN,  # shut_realword_candidates: "hy" -> "by"
    ):
        skipped, candidates = seen[text]
        assert candidates and not skipped, text


def test_the_stage_repairs_what_the_generator_reads_on_a_clean_page() -> None:
    doc = Document("they said that It was late, and we left.")
    det = STAGE.detect(doc)
    edits = STAGE.score(doc, det, STAGE.candidates(doc, det))
    assert [(e.original, e.replacement) for e in edits] == [("It", "it")]


def test_the_lazy_functions_are_module_attributes_a_recorder_may_replace(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import repair.score.ocr as score_ocr
    import repair.stages.ocr as stage

    assert stage.score_candidates is score_ocr.score_candidates
    seen: list[int] = []

    def recording(doc, candidates, garbled, decisions=None):  # type: ignore[no-untyped-def]
        seen.append(len(candidates))
        return score_ocr.score_candidates(doc, candidates, garbled, decisions)

    monkeypatch.setattr(stage, "score_candidates", recording)
    doc = Document("Tbe kingwas very glad hereof,and caused the conc-\nrete to be laid.")
    det = STAGE.detect(doc)
    edits = STAGE.score(doc, det, STAGE.candidates(doc, det))
    assert seen and seen[0] > 0 and edits
    with pytest.raises(AttributeError):
        stage.no_such_function  # noqa: B018
