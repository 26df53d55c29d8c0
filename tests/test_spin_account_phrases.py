"""benchmarks/spin_account.py --phrases: why a written span with a one-word original is lost."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytest.importorskip("wn")
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "scripts")]
account = pytest.importorskip("spin_account")

from repair.document import Document  # noqa: E402
from repair.stages import spin as st  # noqa: E402

SOUP = "Please dish out the soup now. The bank will dish out loans to the poor."


def _detect(text: str, gate: bool) -> st.SpinDetection:
    det = st.STAGE.detect(Document(text))
    det.details["family_gate"] = gate
    return det


def test_phrase_why_classes() -> None:
    det = _detect(SOUP, True)
    account._TEXT[0] = SOUP
    a = SOUP.index("dish out")
    b = SOUP.rindex("dish out")
    assert account.phrase_why(det, a, a + 8, "give", {}) == "declined:margin"
    assert account.phrase_why(det, b, b + 8, "give", {}) == "kept:lost"
    assert account.phrase_why(det, b, b + 8, "give", {(b, b + 3): "x"}) == "kept:overlap"
    assert account.phrase_why(det, a, a + 8, "serve", {}) == "other_top"
    assert account.phrase_why(_detect(SOUP, False), a, a + 8, "give", {}) == "gate_shut"
    c = SOUP.index("the soup")
    assert account.phrase_why(det, c, c + 8, "food", {}) == "not_built:other"
    d = SOUP.index("to the")
    assert account.phrase_why(det, d, d + 6, "at", {}) == "not_built:stopwords"
    assert account.phrase_why(None, a, a + 8, "give", {}) == "no_detection"
