"""A dot in a letter's place is garble, not a dotted name (issue 12, session 52, ocrprec):
``repair.candidates.ocr_dotted.LETTER_DOT``.

Data-driven: every way to print a dot for one letter of wordfreq's commonest words in the
dotted-name shape ("govern.ent", "Minis.er") is a negative case; a list of real dotted
names is the positive one.  The flag tests fail with the flag off.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from wordfreq import top_n_list

from repair import repair_text
from repair.candidates import ocr_dotted
from repair.candidates.ocr_dotted import dotted_name

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

from test_ocr_modern51 import garbled_page  # noqa: E402

#: Real dotted names (package, file and host names) that must stay dotted names.
NAMES = [
    "Node.js", "index.html", "Socket.io", "setup.py", "main.py", "script.sh", "Chart.js",
    "React.js", "Three.js", "Ember.js", "data.csv", "image.png", "report.pdf", "notes.txt",
    "style.css", "photo.jpg", "index.php", "Backbone.js", "Angular.js", "Express.js",
    "package.json", "Docker.io", "Medium.com", "Amazon.com", "Twitter.com", "Google.com",
    "Netflix.com", "Reddit.com", "Github.io",
]  # fmt: skip


def _letter_dots(n_words: int = 30000) -> list[tuple[str, str]]:
    """(left, right) of a dot printed for one letter of a common 7-12-letter word, with
    the dotted-name shape's lengths (left 4+ letters, right 2-4)."""
    out = []
    for w in top_n_list("en", n_words):
        if not (w.isalpha() and w.isascii() and 7 <= len(w) <= 12):
            continue
        for k in range(4, len(w) - 1):
            if 2 <= len(w) - k - 1 <= 4:
                out.append((w[:k], w[k + 1 :]))
    return out


def test_letter_dots_are_no_dotted_names() -> None:
    cases = _letter_dots()
    taken = [f"{a}.{b}" for a, b in cases if dotted_name(a, b)]
    assert len(cases) > 30000
    assert len(taken) < 0.001 * len(cases), taken[:20]


def test_letter_dots_flag_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_dotted, "LETTER_DOT", False)
    cases = _letter_dots()
    taken = [f"{a}.{b}" for a, b in cases if dotted_name(a, b)]
    assert len(taken) > 0.1 * len(cases)  # the shape alone takes "govern.ent" for a name


@pytest.mark.parametrize("name", NAMES)
def test_real_dotted_names_kept(name: str) -> None:
    left, right = name.split(".")
    assert dotted_name(left, right)


@pytest.mark.parametrize(
    "left, right, garble",
    [("Minis", "er", True), ("govern", "ent", True), ("every", "hing", True),
     ("Node", "js", False), ("index", "html", False)],
)  # fmt: skip
def test_letter_dot(left: str, right: str, garble: bool) -> None:
    assert ocr_dotted.letter_dot(left.lower(), right) is garble


SENTENCES = [
    "The Minis.er for Lands said the report would be tabled.",
    "The JavaScript code runs in Node.js and PostgreSQL.",
    "Open index.html in a browser to see the page.",
]


def _page() -> str:
    return garbled_page(SENTENCES)


@pytest.mark.parametrize("flag", [True, False])
def test_garbled_page(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    """On a garbled page "Minis.er" is read as "Minister" (off: kept as a dotted name);
    the real dotted names are kept either way."""
    monkeypatch.setattr(ocr_dotted, "LETTER_DOT", flag)
    out = repair_text(_page()).text
    assert ("The Minister for Lands" in out) is flag
    assert ("The Minis.er for Lands" in out) is not flag
    assert SENTENCES[1] in out and SENTENCES[2] in out
