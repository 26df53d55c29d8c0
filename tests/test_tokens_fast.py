"""The compiled tokenizer loop (``repair/_tokens.c``) makes the Python loop's tokens."""

from __future__ import annotations

import random
import sys

import pytest

import repair.tokenize as tokenize_module
from repair.tokenize import tokenize
from repair.types import Token

fast = tokenize_module._compiled()
needs_fast = pytest.mark.skipif(fast is None, reason="repair._tokens is not built")


def _python(text: str, monkeypatch: pytest.MonkeyPatch) -> list[Token]:
    with monkeypatch.context() as m:
        m.setattr(tokenize_module, "C_TOKENS", False)
        return tokenize(text)


def _same(a: list[Token], b: list[Token]) -> bool:
    return len(a) == len(b) and all(
        (x.text, x.start, x.end, x.kind) == (y.text, y.start, y.end, y.kind)
        and type(x) is Token
        and type(x.start) is int
        for x, y in zip(a, b, strict=True)
    )


@needs_fast
def test_every_code_point(monkeypatch: pytest.MonkeyPatch) -> None:
    # each code point once, then each between letters and digits (apostrophes, separators)
    points = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000]
    text = "".join(points)
    assert _same(tokenize(text), _python(text, monkeypatch))
    glued = "".join(f"a{p}b1{p}2" for p in points[:5000])
    assert _same(tokenize(glued), _python(glued, monkeypatch))


@needs_fast
def test_random_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(36)
    common = list("''’’..,,::__ \n\t\u00a0\u2028") + list("aZé1٣²½Ⅻ_-ſ“”")
    for _ in range(3000):
        text = "".join(
            rng.choice(common) if rng.random() < 0.8 else chr(rng.randrange(0x30000))
            for _ in range(rng.randint(0, 25))
        )
        text = text.encode("utf-8", "replace").decode("utf-8", "replace")
        assert _same(tokenize(text), _python(text, monkeypatch)), repr(text)


@needs_fast
def test_shared_objects() -> None:
    toks = tokenize("We’re 2,000.5 the  the\nthe: don't x'")
    assert [t.kind for t in toks][:3] == ["word", "space", "number"]
    assert toks[2].text == "2,000.5" and toks[-1].text == "'" and toks[-2].text == "x"
    # each start is the end before it (one int object), equal words one string
    assert all(toks[i].start is toks[i - 1].end for i in range(1, len(toks)))
    words = [t.text for t in toks if t.text == "the"]
    assert len(words) == 3 and words[0] is words[1] is words[2]
    assert tokenize("") == []


def test_switch_off_same(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Tbe quick,brown fox’s 3.14 jumps\n\nover—the lazy dog."
    assert _same(tokenize(text), _python(text, monkeypatch))
