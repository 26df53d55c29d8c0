"""Issue 14, OCR memory: bounded memos, a streamed input, and the same output."""

from __future__ import annotations

import importlib
import pkgutil
import random
from pathlib import Path

import pytest

import repair.candidates
import repair.score
from repair import RepairConfig
from repair.pipeline import paragraph_windows, repair_stream, repair_windows, stream_windows
from repair.score.ocr import Scorer

ROOT = Path(__file__).resolve().parent.parent


def _random_text(rng: random.Random, n: int) -> str:
    pieces = ["word", "tbe", "kingwas", " ", " ", "\n", "\n\n", "\n \n", "\t", ".", "’", "—"]
    return "".join(rng.choice(pieces) for _ in range(n))


@pytest.mark.parametrize("seed", range(40))
def test_streamed_windows_are_the_windows_of_the_whole_text(seed: int) -> None:
    rng = random.Random(seed)
    text = _random_text(rng, rng.randrange(0, 400))
    size = rng.randrange(1, 60)
    cuts = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, rng.randrange(0, 12))))
    chunks = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    expected = [text[a:b] for a, b in paragraph_windows(text, size)]
    assert list(stream_windows(iter(chunks), size)) == expected


def test_streamed_repair_equals_the_windowed_repair() -> None:
    from repair.bench.speed import ocr_speed_text

    text = ocr_speed_text(2_000, ROOT)
    config = RepairConfig(window_chars=3_000, whole_document_chars=3_000)
    whole = [(s, r.text, r.edits) for s, r in repair_windows(text, (), config)]
    chunks = (text[i : i + 777] for i in range(0, len(text), 777))
    streamed = [(s, r.text, r.edits) for s, r in repair_stream(chunks, (), config)]
    assert streamed == whole
    assert len(whole) > 3


def test_scorer_memo_keys_keep_word_boundaries() -> None:
    """The memos' flat keys tell ``["of", "the"] | ["house"]`` from ``["of"] | ["the",
    "house"]``: a memoised scorer answers as a fresh one for every call."""
    calls = [
        (["tbe"], ["the"], ["of"], ["house", "was"]),
        (["tbe", "house"], ["the", "house"], ["of"], ["was"]),
        (["tbe"], ["the", "house"], ["of"], ["was"]),
        (["tbe"], ["the"], ["of", "house"], ["was"]),
        (["tbe"], ["the"], [], ["of", "house", "was"]),
        (["tbe"], ["the"], ["of"], ["house", "was"]),
    ]
    shared = Scorer()
    for orig, alt, prev, nxt in calls:
        for known in (False, True):
            got = shared.decide(orig, alt, prev, nxt, cost=1.3, orig_known=known)
            fresh = Scorer().decide(orig, alt, prev, nxt, cost=1.3, orig_known=known)
            assert (got.accept, got.margin, got.evidence) == (
                fresh.accept,
                fresh.margin,
                fresh.evidence,
            )
        assert shared.seq(orig, prev, nxt) == Scorer().seq(orig, prev, nxt)
    assert len(shared._seq) < 2 * len(calls) * 2  # shared entries were re-used


def _ocr_modules() -> list[object]:
    mods = []
    for pkg in (repair.score, repair.candidates):
        for info in pkgutil.iter_modules(pkg.__path__):
            if info.name.startswith("ocr"):
                mods.append(importlib.import_module(f"{pkg.__name__}.{info.name}"))
    return mods


def test_every_ocr_cache_has_a_bound() -> None:
    """No OCR memo grows with the document: every ``lru_cache`` of the OCR modules has a
    ``maxsize`` (a long document then holds at most that many answers)."""
    seen = 0
    for mod in _ocr_modules():
        for name, obj in vars(mod).items():
            info = getattr(obj, "cache_info", None)
            if info is None or getattr(obj, "__module__", None) != mod.__name__:
                continue
            seen += 1
            assert info().maxsize is not None, f"{mod.__name__}.{name} is unbounded"
            assert info().maxsize <= 65_536, f"{mod.__name__}.{name}: {info().maxsize}"
    assert seen > 20


def test_a_bounded_cache_gives_the_same_answers() -> None:
    """The OCR caches hold answers, not state: a repair after every one was emptied
    (as an evicted entry is) is the same."""
    from repair.bench.speed import ocr_speed_text
    from repair.pipeline import repair_text

    text = ocr_speed_text(1_500, ROOT)
    before = repair_text(text)
    for mod in _ocr_modules():
        for obj in vars(mod).values():
            clear = getattr(obj, "cache_clear", None)
            info = getattr(obj, "cache_info", None)
            if clear is not None and info is not None and (info().maxsize or 0) > 1:
                clear()
    after = repair_text(text)
    assert (after.text, after.edits) == (before.text, before.edits)


def test_decision_evidence_is_built_from_its_numbers() -> None:
    """A decision keeps its evidence as numbers and gives the same dict at every read:
    each signal rounded to hundredths, the threshold as given."""
    scorer = Scorer()
    for known, threshold in ((False, None), (True, None), (False, 0.7)):
        d = scorer.decide(
            ["tbe"], ["the"], ["of"], ["house", "was"], cost=1.234567, orig_known=known,
            threshold=threshold,
        )  # fmt: skip
        ev = d.evidence
        assert list(ev) == [
            "lm_logprob_gain", "confusion_cost", "original_zipf", "margin", "threshold",
        ]  # fmt: skip
        assert ev["confusion_cost"] == 1.23
        assert ev["margin"] == round(d.margin, 2)
        assert ev["threshold"] == (threshold if threshold is not None else ev["threshold"])
        assert all(v == round(v, 2) for v in ev.values())
        assert d.evidence == ev and d.evidence is not ev  # a fresh dict, the same values


def test_ocr_edits_keep_their_evidence() -> None:
    from repair.pipeline import repair_text

    result = repair_text("The king of tbe castle was a good man who ruled tbe land.")
    lm_edits = [e for e in result.edits if "lm_logprob_gain" in e.evidence]
    assert [e.replacement for e in lm_edits] == ["the", "the"]
    for e in lm_edits:
        assert {"confusion_cost", "original_zipf", "margin", "threshold", "finding"} <= set(
            e.evidence
        )


def test_prefix_set_shares_the_dictionary_words() -> None:
    """The prefix set is every prefix of the dictionary words, and its words are the
    vocabulary's own strings (held once)."""
    from repair.score import ocr_channel as oc

    full = oc.vocabulary_prefixes().all_prefixes()
    assert full == oc._all_prefixes()
    vocab = oc.vocabulary()
    by_value = {p: p for p in full}
    sample = list(vocab)[::997]
    assert sample and all(by_value[w] is w for w in sample)


def test_target_set_gives_the_plain_answers() -> None:
    """:func:`is_target` from the target set answers as the plain test (dictionary word
    of Zipf >= 2, or a/i/o), and the set holds the vocabulary's own strings."""
    from repair.score import ocr_channel as oc

    vocab = oc.vocabulary()
    words = [*list(vocab)[::41], "tbe", "kingwas", "The", "THE", "A", "I", "x", "", "ofthe"]
    words += ["Straße", "İstanbul", "ﬁne", "ΣΑΣ", "naïve", "e", "Oo", "zzzz"]

    def plain(word: str) -> bool:
        low = word.lower()
        if len(low) == 1:
            return low in oc.ONE_LETTER
        return low in vocab and oc.zipf(low) >= oc.TARGET_ZIPF

    expected = [plain(w) for w in words]
    assert [oc._target_test(w.lower()) for w in words if len(w.lower()) != 1] == [
        e for w, e in zip(words, expected, strict=True) if len(w.lower()) != 1
    ]
    targets = oc._load_target_words()
    assert oc._target_words is targets
    assert [oc.is_target(w) for w in words] == expected
    assert 0 < len(targets) < len(vocab)
    by_value = {w: w for w in targets}
    assert all(by_value[w] is w for w in list(vocab)[::997] if w in targets)
    assert oc._target_flags() == oc.disk_cached(
        "ocr-target-flags", oc._target_sources(), oc._target_flags, bytes
    )
