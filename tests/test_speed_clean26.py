"""Issue 14, session 26: exact speed-ups of clean and spun text (each fast path against
its definition)."""

from __future__ import annotations

import random
import re

import pytest

from repair.candidates.spin_synonyms import originals_of
from repair.detect import ocr
from repair.document import Document
from repair.score import spin_context, term_echo
from repair.score.spin_topic import key
from repair.tokenize import tokenize
from repair.types import Edit

SCIENCE = (
    "Support vector machines rest a strong baseline for text classification. We compare them "
    "with nervous webs on short messages from social media and find that the simpler model "
    "executes as well when the preparation set is small. The neural web is better only when "
    "more than ten yard labeled examples are available.\n"
)
NEWS = (
    "Japan has agreed on steps to reopen that country's beef market. The minister said the "
    "plant will be inspected and set in motion steps to resume beef trade, starting with a "
    "plant safety checklist.\n"
)


def _compose_reference(w1: str, w2: str, anchors: dict[tuple[str, str], int]):  # noqa: ANN202
    """term_echo's composition as first written (session 25): every original keyed."""
    seconds = [(c, key(c)) for c in originals_of(w2) if " " not in c and c != w2]
    if not seconds:
        return None
    for c1 in originals_of(w1):
        if " " in c1 or c1 == w1:
            continue
        k1 = key(c1)
        for c2, k2 in seconds:
            at = anchors.get((k1, k2))
            if at is not None:
                return (c1, c2), at
    return None


def _anchor(doc: Document, written: str, original: str) -> Edit:
    at = doc.text.index(written + " ")
    return Edit(at, len(written), written, original, "collocation", 0.63, "COLLOCATION_TERM")


WORDS = (
    "nervous webs sparked calls beef trade major cause main source full part simple model "
    "strong baseline short messages social media neural network looked rear small set "
    "big house quick answer deep learning hard task new method fast car bright light"
).split()


def test_compose_equals_its_definition_on_random_pairs() -> None:
    rng = random.Random(26)
    origs = {w: [o for o in originals_of(w) if " " not in o][:6] for w in WORDS}
    hits = 0
    for _ in range(400):
        # anchors made of real originals' keys (so hits happen) and of random words
        w1, w2 = rng.choice(WORDS), rng.choice(WORDS)
        anchors: dict[tuple[str, str], int] = {}
        for j in range(rng.randint(1, 6)):
            a, b = (w1, w2) if rng.random() < 0.3 else (rng.choice(WORDS), rng.choice(WORDS))
            x = rng.choice(origs[a] or [a])
            y = rng.choice(origs[b] or [b])
            anchors.setdefault((key(x), key(y)), j)
        got = term_echo._compose(w1, w2, anchors)
        assert got == _compose_reference(w1, w2, anchors), (w1, w2, anchors)
        hits += got is not None
    assert hits > 20  # the comparison reads real hits, not only misses


def test_compose_hit_and_miss() -> None:
    doc = Document("The judge had sparked calls for a review. Then they looked rear at it.\n")
    pairs = term_echo.anchored_pairs(doc, [_anchor(doc, "rear", "back")])
    assert term_echo._compose("sparked", "calls", pairs)[0] == ("looked", "backs")
    assert term_echo._compose("calls", "sparked", pairs) is None


def test_echo_in_science_text_still_found() -> None:
    doc = Document(SCIENCE)
    edits = term_echo.echo_edits(doc, [_anchor(doc, "web", "network")])
    assert [(e.original, e.replacement) for e in edits] == [
        ("nervous", "neural"),
        ("webs", "networks"),
    ]


def test_not_scientific_text_is_not_scanned(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document(NEWS)
    anchor = _anchor(doc, "beef", "energy")
    assert term_echo.find(doc, [anchor])  # the scan would find an echo ...

    def scan(*_: object) -> list[term_echo.Echo]:
        raise AssertionError("the pair scan ran on a text that is not scientific")

    monkeypatch.setattr(term_echo, "find", scan)
    assert term_echo.echo_edits(doc, [anchor]) == []  # ... that the register throws away
    monkeypatch.setattr(term_echo, "SCIENCE_ONLY", False)
    with pytest.raises(AssertionError):
        term_echo.echo_edits(doc, [anchor])


# -- the OCR gate: line-end hyphens read in one pass ------------------------------------

OLD_LINE_END_HYPHEN = re.compile(r"([^\W\d_]+)-[ \t]*\n[ \t]*([^\W\d_]+)")
PIECES = ["con", "crete", "-", "-\n", "- \n ", "\n", " ", "\t", "é", "1", "_", "x-", ".", "ab"]


def test_line_end_hyphens_equal_the_plain_pattern_on_random_texts() -> None:
    rng = random.Random(14)
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 25)))
        want = [(m.span(), m.groups()) for m in OLD_LINE_END_HYPHEN.finditer(text)]
        got = [(m.span(), m.groups()) for m in ocr._line_end_hyphens(text)]
        assert got == want, text
        found += bool(want)
    assert found > 300  # texts with breaks are read, not only texts without


def test_hyphen_pieces_and_findings() -> None:
    text = "The road was made of conc-\nrete and steel-\n frames, and a well-known x-\n1 sign.\n"
    det = ocr.detect_ocr(text)
    hyphens = [text[f.start : f.end] for f in det.findings if f.reason == "line_end_hyphen"]
    assert hyphens == ["conc-\nrete", "steel-\n frames"]
    starts = ocr._hyphen_pieces(text)
    assert {text[p : p + 4] for p in starts} == {"conc", "rete"}  # "steelframes" is no word
    assert ocr._line_end_hyphens("a well-known text\nwith no break") == []


def test_gate_loop_reads_reasons_and_commas() -> None:
    text = "Tbe king was glad hereof,and the rnan said sho' it was so.\n\nTbe end."
    det = ocr.detect_ocr(text)
    reasons = [(text[f.start : f.end], f.reason) for f in det.findings]
    assert (",", "comma_no_space") in reasons
    assert [w for w, r in reasons if w == "Tbe"] == ["Tbe", "Tbe"]  # both sentence starts
    assert not any(w == "sho" for w, _ in reasons)  # an elided form
    assert det.details["words"] == len([t for t in tokenize(text) if t.kind == "word"])


# -- the spin context: a one-space gap read first ---------------------------------------


def _boundary_reference(text: str, a: int, b: int) -> bool:
    gap = text[a:b]
    if any(c in spin_context._SENT_END for c in gap if c != ".") or "\n" in gap or "," in gap:
        return True
    if "." in gap and gap[-1:].isspace():
        return b < len(text) and text[b].isupper()
    return False


def _sentence_gap_reference(text: str, a: int, b: int) -> bool:
    gap = text[a:b]
    if any(c in '!?“"(\n:—' for c in gap):
        return True
    return "." in gap and gap[-1:].isspace() and text[b : b + 1].isupper()


@pytest.mark.parametrize("seed", range(4))
def test_gaps_equal_their_definitions(seed: int) -> None:
    rng = random.Random(seed)
    marks = [" ", " ", " ", "  ", ".", ",", "\n", "!", "“", ":", "—", "a", "T", ". "]
    for _ in range(2000):
        text = "".join(rng.choice(marks) for _ in range(rng.randint(1, 8)))
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        assert spin_context._boundary(text, a, b) == _boundary_reference(text, a, b)
        assert spin_context._sentence_gap(text, a, b) == _sentence_gap_reference(text, a, b)


def test_context_reads_across_spaces_and_stops_at_breaks() -> None:
    doc = Document("He went home. The old house stood, quiet and dark.")
    ctx = spin_context.WordContext.of(doc)
    at = doc.text.index("house")
    assert spin_context.context(doc, ctx, at, at + 5) == (
        ["The", "old"],
        ["stood"],
        False,
    )
    at = doc.text.index("The")
    assert spin_context.context(doc, ctx, at, at + 3) == (["<s>"], ["old", "house"], True)
