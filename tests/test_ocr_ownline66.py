"""Session 66, lead: the real-word page-name reading's lemma guard (``ocr_ownline.
same_lemma``) reads lemminflect's dictionary from ``lexicons/`` in place
(:mod:`repair.resources.lemmas`) and, with ``OOV_LEMMAS`` off, never loads lemminflect's
rules model, so ``ocr_ownline.REAL_WORDS`` costs a garbled page a few MB, not ~46."""

from __future__ import annotations

import subprocess
import sys

import pytest

from repair.candidates import ocr_ownline


@pytest.mark.parametrize("oov", [True, False])
def test_same_lemma(monkeypatch: pytest.MonkeyPatch, oov: bool) -> None:
    monkeypatch.setattr(ocr_ownline, "OOV_LEMMAS", oov)
    assert ocr_ownline.same_lemma("Aldermen", "Alderman")
    assert ocr_ownline.same_lemma("Rose", "Rise")
    assert not ocr_ownline.same_lemma("Wiles", "Wales")
    # a word lemminflect's dictionary does not list is read by its rules only when asked
    assert ocr_ownline.same_lemma("Zorbles", "Zorble") is oov


_PROBE = """
from repair.candidates import ocr_ownline
assert ocr_ownline.same_lemma("Aldermen", "Alderman")
assert not ocr_ownline.same_lemma("Wiles", "Wales")
from lemminflect.core.Lemmatizer import Lemmatizer
from repair.resources.lemmas import LexiconDict
state = vars(Lemmatizer())
print(type(state.get("lemma_dict")) is LexiconDict, "oov_lemmatizer" in state)
"""


def test_guard_loads_no_lemminflect_data() -> None:
    """The shipped setting reads the dictionary in place and loads no rules model."""
    assert ocr_ownline.REAL_WORDS and not ocr_ownline.OOV_LEMMAS
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["True", "False"]
