"""Per-word work once (issue 14): the pipeline tokenizes a text once per stage pass that
changed it, not once per stage; the references once per document."""

from __future__ import annotations

from pathlib import Path

import pytest

import repair.document
from repair.pipeline import repair_text

#: one pass: these tests read a single pass's readings (conftest ``one_pass``)
pytestmark = pytest.mark.usefixtures("one_pass")

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    seen: list[int] = []
    real = repair.document.tokenize

    def counting(text: str):  # noqa: ANN202
        seen.append(len(text))
        return real(text)

    monkeypatch.setattr(repair.document, "tokenize", counting)
    return seen


def test_clean_text_is_tokenized_once(calls: list[int]) -> None:
    text = next((ROOT / "seeds").glob("001_*.txt")).read_text(encoding="utf-8")
    result = repair_text(text)
    assert not result.edits
    assert calls == [len(text)]


def test_each_changed_text_once_and_references_once(calls: list[int]) -> None:
    text = "The kingwas tbe ruler of tbe land, and he said so.\n" * 20
    ref = next((ROOT / "seeds").glob("002_*.txt")).read_text(encoding="utf-8")
    result = repair_text(text, [ref])
    assert result.edits  # the OCR stage changed the text
    changed_stages = len({e.kind for e in result.edits})
    assert calls.count(len(ref)) <= 1
    text_calls = [n for n in calls if n != len(ref)]
    assert 1 <= len(text_calls) <= 1 + changed_stages < 5


def test_compact_tokens_equal_the_plain_scan() -> None:
    """``tokenize`` (shared ints and word strings) gives exactly ``iter_tokens``' tokens."""
    from repair.tokenize import iter_tokens, tokenize

    texts = ["", " ", "a", "Tbe  man's 1,000\n\nwords—ſo “it’s” done.\t\x00é", "x" * 5 + " y" * 3]
    texts.append(open(__file__, encoding="utf-8").read())
    for text in texts:
        toks = tokenize(text)
        assert toks == list(iter_tokens(text))
        assert "".join(t.text for t in toks) == text
        assert all(a.end is b.start for a, b in zip(toks, toks[1:], strict=False))
