"""The hand-written gold of seed 000 (seeds/gold/) and the scorer that reads its alternatives."""

from __future__ import annotations

from pathlib import Path

from repair.bench.metrics import ALTERNATIVES_RE, doc_metrics, resolve_gold

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_82c06b63a97e6cbd.txt"
GOLD = ROOT / "seeds" / "gold" / "000_82c06b63a97e6cbd.txt"


def test_gold_is_well_formed_and_line_aligned_with_the_seed() -> None:
    gold = GOLD.read_text(encoding="utf-8")
    plain = ALTERNATIVES_RE.sub("", gold)
    assert "{" not in plain and "}" not in plain and "|" not in plain, "unbalanced group"
    assert len(gold.splitlines()) == len(SEED.read_text(encoding="utf-8").splitlines())
    assert len(ALTERNATIVES_RE.findall(gold)) >= 20


def test_alternatives_follow_the_scored_text() -> None:
    gold = "He said {it|that} at the {start|beginning}."
    assert resolve_gold(gold, "He said that at the start.") == "He said that at the start."
    assert resolve_gold(gold, "He mentioned it.") == "He said it at the start."
    m = doc_metrics("He mentioned it at the beginning.", gold, "He said it at the beginning.")
    assert (m.err_before, m.err_after, m.hyp_edits, m.tp) == (1, 0, 1, 1)
    wrong = doc_metrics("He mentioned it at the beginning.", gold, "He stated it at the beginning.")
    assert (wrong.err_after, wrong.tp) == (1, 0)


def test_the_spun_seed_is_far_from_its_gold() -> None:
    spun = SEED.read_text(encoding="utf-8")
    m = doc_metrics(spun, GOLD.read_text(encoding="utf-8"), spun)
    assert m.wer_before is not None and m.wer_before > 0.2
    assert m.err_after == m.err_before and m.hyp_edits == 0
