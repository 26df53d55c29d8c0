"""Issue 14, session 26: exact speed-ups of clean and spun text (each fast path against
its definition)."""

from __future__ import annotations

import random

import pytest

from repair.candidates.spin_synonyms import originals_of
from repair.document import Document
from repair.score import term_echo
from repair.score.spin_topic import key
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
