"""Cold start of ``repair fix``: what it must not import, and the shortcuts that let it.

* ``needs_ftfy`` skips ftfy (an import of ~50 ms) for non-ASCII text only when
  ftfy provably changes and flags nothing: checked against ftfy itself on every
  mojibake case we ship and on random text made of the characters its badness
  heuristic looks at.
* ``stat_cached`` memoises a value by the contents of files (their digests remembered by
  size and mtime_ns).
* ``repair fix`` of a plain ASCII or clean Latin-1 file imports neither typer nor ftfy.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import ftfy
import pytest
from ftfy.badness import BADNESS_RE, is_bad
from hypothesis import given, settings
from hypothesis import strategies as st

from repair import normalize
from repair.resources import cache
from tests.test_startup_ftfy import detect_with_and_without_shortcut

CASES = Path(__file__).parent / "cases" / "mojibake"
ROOT = Path(__file__).resolve().parent.parent


def _case_texts() -> list[str]:
    texts: list[str] = []
    for f in sorted(CASES.glob("*.json")):
        for case in json.loads(f.read_text(encoding="utf-8")):
            for key in ("original", "text", "fixed", "fixed-encoding"):
                if isinstance(case.get(key), str):
                    texts.append(case[key])
    return texts


def _ftfy_leaves(text: str, unescape: bool) -> bool:
    """ftfy (our config) changes no segment of ``text`` and flags none as bad."""
    config = normalize.FTFY_CONFIG._replace(unescape_html=unescape)
    for _, seg in normalize.segments(text):
        if ftfy.fix_and_explain(seg, config)[0] != seg or is_bad(seg):
            return False
    return True


def test_every_shipped_mojibake_case_is_sent_to_ftfy_when_ftfy_would_act() -> None:
    texts = _case_texts()
    assert len(texts) > 200
    skipped = 0
    for text in texts:
        for unescape in (False, True):
            if not normalize.needs_ftfy(text, unescape):
                skipped += 1
                assert _ftfy_leaves(text, unescape), text
    assert skipped  # the shortcut is taken on the clean answers ("fixed") at least


# the characters BADNESS_RE is about, Latin-1 letters, curly quotes and plain ASCII
_REQUIRED = normalize.badness_requirements(BADNESS_RE)
_ALPHABET = sorted(
    {ch for alt in _REQUIRED or () for cls in alt for ch in cls if not 0x80 <= ord(ch) <= 0x9F}
    | set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .,?!'\"\n-&;<")
    | set("éèàçñüöäßÉ“”‘’—–…")
)


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=12), st.booleans())
def test_needs_ftfy_never_skips_text_ftfy_would_change_or_flag(text: str, unescape: bool) -> None:
    if not normalize.needs_ftfy(text, unescape):
        assert _ftfy_leaves(text, unescape)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=200))
def test_stage_detection_is_the_same_with_and_without_the_non_ascii_shortcut(text: str) -> None:
    fast, slow = detect_with_and_without_shortcut(text)
    assert fast == slow


def test_badness_requirements_cover_every_alternative() -> None:
    assert _REQUIRED is not None, "an alternative of BADNESS_RE needs no non-ASCII character"
    assert all(alt and all(cls for cls in alt) for alt in _REQUIRED)
    # a requirement set is sound: a match of an alternative contains a character of each
    for text in ("cafÃ©", "â€™", "Ã\xa0", "Ð¿Ñ€Ð¸", "Ã©tÃ©", "вЂ™"):
        assert BADNESS_RE.search(text)
        assert normalize.needs_ftfy(text, False), text


def test_clean_latin1_text_skips_ftfy_and_mojibake_does_not() -> None:
    assert not normalize.needs_ftfy("Café au lait, naïve résumé, São Paulo.\n", True)
    assert not normalize.needs_ftfy("The “café” opened — in 2019’s spring.\n", True)
    assert normalize.needs_ftfy("The cafÃ© opened.\n", False)
    assert normalize.needs_ftfy("It\u00e2\u20ac\u2122s here.\n", False)
    assert normalize.needs_ftfy("a C1 \x93control\x94\n", False)
    assert normalize.needs_ftfy("lossy \ufffd here and \u00a4 there\n", False) == bool(
        BADNESS_RE.search("lossy \ufffd here and \u00a4 there\n")
    )


def test_stat_cached_memoises_by_size_and_mtime(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    src = tmp_path / "data.txt"
    src.write_text("abc")
    calls: list[int] = []

    def build() -> str:
        calls.append(1)
        return src.read_text().upper()

    assert cache.stat_cached("t", [src], build, kind=str) == "ABC"
    assert cache.stat_cached("t", [src], build, kind=str) == "ABC"
    assert len(calls) == 1  # the second answer came from the cache
    src.write_text("abcd")
    assert cache.stat_cached("t", [src], build, kind=str) == "ABCD"
    assert len(calls) == 2
    os.utime(src, ns=(1, 1))  # same bytes, other mtime: the digest is taken again, same key
    assert cache.stat_cached("t", [src], build, kind=str) == "ABCD"
    assert len(calls) == 2
    src.write_text("abce")  # same size, other bytes (and mtime): a new key
    os.utime(src, ns=(2, 2))
    assert cache.stat_cached("t", [src], build, kind=str) == "ABCE"
    assert len(calls) == 3
    assert cache.stat_cached("t", [src], build, kind=str, extra="v2") == "ABCE"
    assert len(calls) == 4
    monkeypatch.setenv(cache.ENV, "off")
    assert cache.stat_cached("t", [src], build, kind=str) == "ABCE"
    assert len(calls) == 5


_PROBE = (
    "import runpy, sys\n"
    "sys.argv = ['repair', 'fix', sys.argv[1], '-q']\n"
    "try:\n"
    "    runpy.run_module('repair', run_name='__main__')\n"
    "except SystemExit as exc:\n"
    "    assert not exc.code, exc.code\n"
    "heavy = ('typer', 'ftfy', 'click', 'pydantic', 'rich')\n"
    "loaded = sorted(m for m in heavy if m in sys.modules)\n"
    "print(' '.join(loaded) or '-', file=sys.stderr)\n"
)


@pytest.mark.parametrize(
    "text",
    [
        "A plain sentence about the weather in the north of the country.\n",
        "The café in São Paulo served a naïve “crème brûlée” — twice.\n",
    ],
)
def test_fix_imports_neither_typer_nor_ftfy(text: str, tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_text(text, encoding="utf-8")
    env = {**os.environ, cache.ENV: str(tmp_path / "cache")}
    for _ in range(2):  # a cold cache (ftfy read once) then a warm one
        out = subprocess.run(
            [sys.executable, "-c", _PROBE, str(src)],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            check=True,
        )
    assert out.stdout == text
    assert out.stderr.strip().splitlines()[-1] == "-"
