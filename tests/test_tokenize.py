from hypothesis import given
from hypothesis import strategies as st

from repair.tokenize import sentence_spans, tokenize


@given(st.text())
def test_tokens_cover_the_input_exactly(text: str) -> None:
    toks = tokenize(text)
    assert "".join(t.text for t in toks) == text
    pos = 0
    for t in toks:
        assert t.start == pos and text[t.start : t.end] == t.text and t.end > t.start
        pos = t.end
    assert pos == len(text)


def test_token_kinds() -> None:
    toks = tokenize("Xi’s 1,000 rare-earth deals don't\n— ok")
    kinds = [(t.text, t.kind) for t in toks if t.kind != "space"]
    assert kinds == [
        ("Xi’s", "word"),
        ("1,000", "number"),
        ("rare", "word"),
        ("-", "punct"),
        ("earth", "word"),
        ("deals", "word"),
        ("don't", "word"),
        ("—", "punct"),
        ("ok", "word"),
    ]


def test_sentence_spans_split_long_lines() -> None:
    text = "Trump met Xi. “It was great,” he said! Then he left.\nNew line here"
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == [
        "Trump met Xi.",
        "“It was great,” he said!",
        "Then he left.",
        "New line here",
    ]
