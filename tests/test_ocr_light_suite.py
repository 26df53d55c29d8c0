"""``benchmarks/make_ocr_light_suite.py``: the damage it samples keeps every word once."""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _light():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import make_ocr_light_suite

    return make_ocr_light_suite


def test_merge_emits_the_next_word_once() -> None:
    light = _light()
    text = "the member went home to see them all in central London"
    for seed in range(20):
        damaged, spans = light.damage(text, 1.0, random.Random(seed), {}, split=0, merge=10)
        assert spans and all(s["kind"] == "merge" for s in spans)
        # merges only drop spaces: no word is repeated ("incentralcentral")
        assert damaged.replace(" ", "") == text.replace(" ", "")
        for s in spans:
            assert damaged[s["start"] : s["end"]] == s["gold"].replace(" ", "")


def test_glyph_events_and_merges_together_keep_the_words() -> None:
    light = _light()
    table = {"e": [("c", 5)], "m": [("rn", 5)]}
    text = "the member went home to see them all in central London"
    for seed in range(20):
        damaged, spans = light.damage(text, 0.6, random.Random(seed), table, split=0, merge=10)
        assert damaged.replace(" ", "").replace("c", "e").replace("rn", "m") == text.replace(
            " ", ""
        ).replace("c", "e")
        for s in spans:
            got = damaged[s["start"] : s["end"]]
            assert got.replace("c", "e").replace("rn", "m") == s["gold"].replace(" ", "").replace(
                "c", "e"
            )
