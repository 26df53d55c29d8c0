"""Fast paths of issue 14's eleventh pass give what the plain computations give.

Each is compared with the computation it replaces (readings, costs, substitutions;
scores, decisions and counts); no timing is asserted.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from repair.candidates import ocr_realword
from repair.detect import ocr as ocr_detect
from repair.score import ocr as ocr_score
from repair.score.ocr_channel import frequent_prefixes, vocabulary, vocabulary_prefixes

ROOT = Path(__file__).resolve().parent.parent


def _suite_words(limit: int = 1_500) -> list[str]:
    """Words of the synthetic OCR suite (damaged and clean) and some dictionary words."""
    text = " ".join(
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "benchmarks/suites/ocr_synthetic").glob("*.txt"))
    )
    words = list(dict.fromkeys(re.findall(r"[^\W\d_]+", text)))[:limit]
    return [*words, *list(vocabulary())[::97], "bo", "tiie", "Uno", "Bide", "hold", "Mis"]


def test_realword_readings_walk_only_frequent_prefixes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real-word readings (heavy and light search) over the prefixes of frequent
    dictionary prefixes equal those of the walk over every dictionary prefix."""
    full = vocabulary_prefixes()
    full.all_prefixes()  # loaded: the part is used
    part = frequent_prefixes(min(ocr_realword.TARGET_MIN_ZIPF, ocr_realword.LIGHT_TARGET_MIN_ZIPF))
    assert part is not full and len(part.all_prefixes()) < len(full.all_prefixes())
    assert part.all_prefixes() <= full.all_prefixes()
    words = _suite_words()

    def readings(index: object) -> list[tuple]:
        monkeypatch.setattr(ocr_realword, "frequent_prefixes", lambda z: index)
        ocr_realword._variants.cache_clear()
        ocr_realword._readings.cache_clear()
        return [(ocr_realword._readings(w, True), ocr_realword._readings(w, False)) for w in words]

    fast, plain = readings(part), readings(full)
    ocr_realword._variants.cache_clear()
    ocr_realword._readings.cache_clear()
    assert fast == plain
    assert sum(1 for h, light in fast if h or light) > 100  # many words have readings


def test_count_confusions_counts_a_repeated_form_once() -> None:
    """Asking whether a repeated form is a confusion only once gives the same count as
    asking every time."""
    text = (ROOT / "benchmarks/suites/ocr_synthetic").glob("*.damaged.txt")
    for path in sorted(text)[:6]:
        page = path.read_text(encoding="utf-8") * 2  # every form repeats
        found = list(ocr_detect.detect_ocr(page).findings)
        seen: set[str] = set()
        suspects: dict[str, int] = {}
        plain = 0
        for f in found:  # the count as computed before (every finding asked first)
            if not ocr_detect._is_confusion(page, f, weak=False):
                continue
            if f.reason == "realword_suspect":
                low = page[f.start : f.end].lower()
                suspects[low] = suspects.get(low, 0) + 1
                if suspects[low] > ocr_detect.REALWORD_REPEATS:
                    continue
            if f.reason in ocr_detect._ONCE:
                form = page[f.start : f.end].lower()
                if form in seen:
                    continue
                seen.add(form)
            plain += 1
        # need 0: the gate is decided, weak patterns are not looked for
        assert ocr_detect._count_confusions(page, found, 0) == (plain, 0)
        total, weak = ocr_detect._count_confusions(page, found, plain + 1)  # weak looked for
        assert total - weak == plain


def test_scorer_context_without_copies_scores_the_same() -> None:
    """``Scorer.seq`` keys and scores a context of at most two words each side as its
    last / first two words, without copies; longer contexts are cut as before."""
    s = ocr_score.Scorer()
    cases = [
        (["tbe"], ["in"], ["house", "was"]),
        (["the"], ["a", "walk", "in"], ["house", "was", "old"]),
        (["of", "the"], [], []),
        (["kingwas"], ["the"], ["here"]),
    ]
    for words, prev, nxt in cases:
        want = s.lm.sequence_logprob((*words, *nxt[:2]), prev[-2:])
        assert s.seq(words, prev, nxt) == want
        assert s.seq(words, prev[-2:], nxt[:2]) == want
    d = s.decide(["tbe"], ["the"], ["in"], ["house", "was"], cost=1.3, orig_known=False)
    assert d == s._decide(["tbe"], ["the"], ["in"], ["house", "was"], 1.3, False, None, True, None)
