"""ftfy is imported only when it could change the text, and skipping it changes nothing."""

from __future__ import annotations

import string
import subprocess
import sys

import ftfy
from ftfy.badness import is_bad
from hypothesis import given, settings
from hypothesis import strategies as st

from repair import normalize
from repair.document import Document
from repair.stages.mojibake import STAGE

_ASCII = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=127), max_size=300)


@settings(max_examples=400, deadline=None)
@given(_ASCII, st.booleans())
def test_ftfy_changes_and_flags_nothing_when_not_needed(text: str, unescape: bool) -> None:
    if normalize.needs_ftfy(text, unescape):
        return
    config = normalize.FTFY_CONFIG._replace(unescape_html=unescape)
    for _, seg in normalize.segments(text):
        assert ftfy.fix_and_explain(seg, config)[0] == seg
        assert not is_bad(seg)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=string.printable + "&<;#\x1b", max_size=200))
def test_stage_detection_is_the_same_with_and_without_the_shortcut(text: str) -> None:
    fast, slow = detect_with_and_without_shortcut(text)
    assert fast == slow


def detect_with_and_without_shortcut(text: str) -> tuple[object, object]:
    """The mojibake stage's detection of ``text``, with ftfy's shortcut and with ftfy always run."""
    doc = Document(text)
    fast = STAGE.detect(doc)
    original = normalize.needs_ftfy
    normalize.needs_ftfy = lambda _text, _unescape: True  # type: ignore[assignment]
    try:
        slow = STAGE.detect(doc)
    finally:
        normalize.needs_ftfy = original
    return fast, slow


def test_needs_ftfy_on_markers() -> None:
    assert not normalize.needs_ftfy("Plain text, 100% ASCII.\n", True)
    assert normalize.needs_ftfy("caf\u00c3\u00a9", False)
    assert normalize.needs_ftfy("P&eacute;rez", True)
    assert not normalize.needs_ftfy("P&eacute;rez", False)
    assert normalize.needs_ftfy("\x1b[36mblue\x1b[0m", False)


def test_fixing_plain_ascii_does_not_import_ftfy() -> None:
    code = (
        "import sys\n"
        "from repair import repair_text\n"
        "r = repair_text('A plain sentence about the weather in the north of the country.')\n"
        "print('ftfy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
