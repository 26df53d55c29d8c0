"""Fast paths of issue 14's tenth pass give what the plain computations give.

Each is compared with the computation it replaces (readings, costs, substitutions and
order; scores and decisions); no timing is asserted.
"""

from __future__ import annotations

import re
from pathlib import Path

from repair.candidates import ocr as ocr_candidates
from repair.candidates import ocr_garbled_join
from repair.resources import lm as lm_module
from repair.score import ocr as ocr_score
from repair.score.ngrams import get_ngrams
from repair.score.ocr_channel import (
    confusion_variants,
    is_target,
    target_prefixes,
    transfer_case,
    vocabulary_prefixes,
)

ROOT = Path(__file__).resolve().parent.parent


def _joined_strings(limit: int = 400) -> list[str]:
    """Neighbour pairs of the synthetic OCR suite joined, as the garbled-join search sees."""
    text = " ".join(
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "benchmarks/suites/ocr_synthetic").glob("*.damaged.txt"))
    )
    words = re.findall(r"[^\W\d_]+", text)
    pairs = dict.fromkeys(a + b for a, b in zip(words, words[1:], strict=False))
    picked = [p for p in pairs if len(p) >= 6][: limit * 3 : 3]
    # garbled words whole (the search reads any string): many have readings
    single = [w for w in dict.fromkeys(words) if len(w) >= 6][:limit]
    return [*picked, *single, "Commonwialth", "childien", "hurricanc", "ATTRSCTED", "foibidden"]


def _plain_readings(joined: str) -> list[tuple[str, float, tuple]]:
    """The garbled join's readings as computed before: a walk over every dictionary
    prefix, no memo."""
    found: dict[str, tuple[str, float, tuple]] = {}
    variants = confusion_variants(
        joined, vocabulary_prefixes(), ocr_garbled_join.MAX_COST, ocr_garbled_join.MAX_SUBS
    )
    for variant, (cost, subs) in variants.items():
        if not is_target(variant) or (len(variant) > 1 and not variant[1:].islower()):
            continue
        text = variant if variant[:1] != joined[:1] else transfer_case(joined, variant)
        old = found.get(text.lower())
        if old is None or cost < old[1]:
            found[text.lower()] = (text, cost, subs)
    from repair.resources.frequency import zipf

    return sorted(found.values(), key=lambda c: (c[1], -zipf(c[0].lower())))


def test_garbled_join_readings_walk_the_target_prefixes_exactly() -> None:
    vocabulary_prefixes().all_prefixes()
    target_prefixes(now=True)  # the target part itself, not the fallback
    ocr_garbled_join._readings.cache_clear()
    checked = 0
    for joined in _joined_strings():
        fast = [(c.text, c.cost, c.subs) for c in ocr_garbled_join._readings(joined)]
        assert fast == _plain_readings(joined), joined
        checked += bool(fast)
    assert checked > 20
    again = ocr_garbled_join._readings("Commonwialth")
    assert again is ocr_garbled_join._readings("Commonwialth")  # remembered


def test_cheap_names_skip_only_rows_dearer_than_the_bound() -> None:
    """Every name reading within the bound, and only those, as the unbounded pass."""
    table = get_ngrams()
    tokens = ["Balgownio", "Manlj", "Pittwator", "Sydnev", "Parrarnatta", "Bnlmain", "Tbe"]
    for token in tokens:
        fast = ocr_candidates._cheap_names(token, table.is_name)
        found: dict[str, tuple[float, tuple]] = {}
        for i in range(len(token)):
            for n in range(1, 4):
                src = token[i : i + n]
                if len(src) < n:
                    break
                for dst, c in ocr_candidates.confusions().get(src, ()):
                    v = token[:i] + dst + token[i + n :]
                    if not v or (len(v) > 1 and not v[1:].islower()):
                        continue
                    if v[:1] == token[:1]:
                        v = transfer_case(token, v)
                    if v not in found or c < found[v][0]:
                        found[v] = (c, ((src, dst),))
        plain = {
            v: cs
            for v, cs in found.items()
            if cs[0] <= ocr_candidates.NAME_MAX_COST and v[:1].isupper() and table.is_name(v)
        }
        assert {c.text: (c.cost, c.subs) for c in fast} == plain, token


def _calls(monkeypatch) -> list[tuple]:  # noqa: ANN001
    calls: list[tuple] = []
    real = lm_module.LanguageModel.sequence_logprob

    def counting(self, words, history=()):  # noqa: ANN001, ANN202
        calls.append(tuple(words))
        return real(self, words, history)

    monkeypatch.setattr(lm_module.LanguageModel, "sequence_logprob", counting)
    return calls


SEQS = [
    (["tbe"], ["in"], ["house", "was"]),
    (["the"], ["in"], ["house", "was"]),
    (["tho", "house"], ["of"], ["was"]),
    (["tho"], [], ["of", "house"]),
]


def test_the_next_document_reads_the_last_ones_scores(monkeypatch) -> None:
    calls = _calls(monkeypatch)
    first = ocr_score.Scorer()
    first.take_over()
    want = [first.seq(*s) for s in SEQS]
    first.hand_over()
    asked = len(calls)
    nxt = ocr_score.Scorer()
    nxt.take_over()
    assert [nxt.seq(*s) for s in SEQS] == want
    assert len(calls) == asked  # no sequence asked again
    assert [ocr_score.Scorer().seq(*s) for s in SEQS] == want  # as a fresh scorer
    # only the last document's: the one after reads nothing the first one left
    nxt.hand_over()
    third = ocr_score.Scorer()
    third.take_over()
    assert third._old_seq is nxt._seq
    assert not first._old_seq and not nxt._old_seq  # released at hand-over


def test_scores_of_another_model_are_not_read(monkeypatch) -> None:
    first = ocr_score.Scorer()
    first.seq(*SEQS[0])
    first.hand_over()
    monkeypatch.setattr(ocr_score, "_grounds", lambda lm: ("another model",))
    nxt = ocr_score.Scorer()
    nxt.take_over()
    assert nxt._old_seq == {}


def test_windows_repair_as_fresh_scorers_do(monkeypatch) -> None:
    """A long text repaired window by window gives the same edits whether or not each
    window's scorer reads the last window's scores."""
    from repair.bench.speed import ocr_speed_text
    from repair.pipeline import repair_text

    text = ocr_speed_text(3_000, ROOT)
    parts = [text[: len(text) // 2], text[len(text) // 2 :]]
    shared = [repair_text(p) for p in parts]
    monkeypatch.setattr(ocr_score.Scorer, "take_over", lambda self: None)
    fresh = [repair_text(p) for p in parts]
    assert [(r.text, r.edits) for r in shared] == [(r.text, r.edits) for r in fresh]
