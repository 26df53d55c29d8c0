"""The one-click ("SpinBot-like") dense spinner (``benchmarks/spin_sim/spinbot.py``) and
the spin stage's readings for dense spin: more rounds of the second reading
(:data:`repair.stages.spin.REREAD_ROUNDS`) and the joint reading of neighbouring
suspects (:data:`repair.stages.spin.JOINT_LOW`), both off by default."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

pytest.importorskip("spin_sim")
pytest.importorskip("wn")

import spin_eval  # noqa: E402
from spin_sim import DENSE, HALF_SCORED, SPINNERS, spin_doc  # noqa: E402
from spin_sim import spinbot as sb  # noqa: E402
from spin_sim.text import apply_edits, content_words, family_split  # noqa: E402

from repair.config import RepairConfig  # noqa: E402
from repair.document import Document  # noqa: E402


def _text() -> str:
    return next((ROOT / "seeds").glob("001_*.txt")).read_text(encoding="utf-8")


def test_spinbot_is_dense_and_kept_out_of_the_older_rows() -> None:
    assert "spinbot" in DENSE and "spinbot" not in SPINNERS
    assert "spinbot" in spin_eval.ALL and "spinbot" not in HALF_SCORED


def test_spinbot_spins_most_candidates_of_one_family_half() -> None:
    text = _text()
    doc = spin_doc("seeds/001", "seeds", text, "spinbot", "dev")
    assert doc == spin_doc("seeds/001", "seeds", text, "spinbot", "dev")
    assert apply_edits(text, doc.edits) == doc.spun
    assert {family_split(e.family) for e in doc.edits} == {"dev"}
    # the suite-wide rate (0.25) is raised to the spinner's own: denser than the others
    wordnet = spin_doc("seeds/001", "seeds", text, "wordnet", "dev")
    assert len(doc.edits) > 1.3 * len(wordnet.edits)
    cands = sb.candidates(text, lambda f: family_split(f) == "dev")
    assert len(doc.edits) == min(len(cands), round(sb.RATE * content_words(text)))
    # a spun word's neighbours are spun too: many edits sit two words from another
    starts = sorted(e.start for e in doc.edits)
    near = sum(1 for a, b in zip(starts, starts[1:], strict=False) if b - a < 25)
    assert near > len(starts) / 4


def test_spinbot_pool_mixes_wordnet_and_moby_and_stays_fixed() -> None:
    pool = sb.pool("big", "ADJ")
    assert "large" in pool  # WordNet's first sense
    assert len(pool) > 5  # Moby's list too, at any rank
    assert all(w != "big" and "big" not in w.split() for w in pool)
    assert sb.entry("big", "ADJ") in pool
    assert sb.entry("big", "ADJ") == sb.entry("big", "ADJ")
    assert sb.pool("million", "NOUN") == ()  # never a number word


def _spun_detected(n: int = 6):
    from spin_sim.corpus import select

    from repair.stages.spin import STAGE

    docs = [d for d in select("dev", None) if d.register in ("lee", "state_union")][:n]
    if not docs:
        pytest.skip("no public-domain dev documents")
    cfg = RepairConfig(mojibake=False, ocr=False, tortured=False, spin_profile=None)
    for d in docs:
        s = spin_doc(d.doc_id, d.register, d.text, "spinbot", "dev")
        doc = Document(s.spun, config=cfg)
        yield doc, STAGE.detect(doc)


def test_reread_reads_only_words_whose_context_changed_since_the_previous_round() -> None:
    from repair.stages import spin as stage
    from repair.stages.spin import STAGE, reread

    found = 0
    for doc, det in _spun_detected():
        edits = STAGE.score(doc, det, STAGE.candidates(doc, det))
        if not edits:
            continue
        # the same edits as the previous round: no context changed, nothing to read
        assert reread(doc, det, edits, prev=edits) == []
        first = reread(doc, det, edits, floor=0.0)
        if not first:
            continue
        found += 1
        # rows an earlier round made candidates are not read again
        again = reread(doc, det, edits, floor=0.0, skip={c.start for c in first})
        assert not {c.start for c in again} & {c.start for c in first}
        assert stage.REREAD_ROUNDS == 1  # shipped off
    assert found > 0


def test_joint_reading_restores_suspects_only_as_context_and_verifies(monkeypatch) -> None:
    from repair.stages import spin as stage

    assert stage.JOINT_LOW is None  # shipped off
    checked = 0
    for doc, det in _spun_detected():
        rows = list(det.words)
        if len(rows) < 3:
            continue
        # a row's own restoration is never its context; a neighbour's is
        i = next(k for k in range(1, len(rows)) if rows[k].start - rows[k - 1].end < 3)
        a, b = rows[i - 1], rows[i]
        words, read = stage._read_in(doc, det, rows, [i], {b.start: (b.end, b.original)})
        assert read == [] and words[i] is rows[i]
        words, read = stage._read_in(doc, det, rows, [i], {a.start: (a.end, "zebra")})
        assert read == [i] and words[i] is not rows[i]
        # no suspect (low above every probability): nothing is read
        assert stage.joint_reading(doc, det, [], 0.4, 1.01) == []
        # whatever the joint reading keeps reaches the bar with only the kept rows restored
        kept = stage.joint_reading(doc, det, [], 0.4, 0.05)
        mine = {c.start: (c.end, c.replacement) for c in kept}
        for c in kept:
            k = next(j for j, w in enumerate(rows) if w.start == c.start)
            assert c.features["model_probability"] >= 0.4 and c.features["joint"]
            _w, got = stage._read_in(doc, det, rows, [k], mine)
            assert got == [k]
        checked += 1
    assert checked > 0


def test_context_oracle_counts_gold_rows_in_spun_and_gold_context() -> None:
    import spin_context_oracle as oc
    from spin_sim.corpus import select

    sys.path.insert(0, str(ROOT / "scripts"))
    from train_spin_model import gold_spans

    cfg = RepairConfig(mojibake=False, ocr=False, tortured=False, spin_profile=None)
    docs = [d for d in select("dev", None) if d.register == "state_union"][:2]
    if not docs:
        pytest.skip("no public-domain dev documents")
    s = spin_doc(docs[0].doc_id, docs[0].register, docs[0].text, "spinbot", "dev")
    c = oc.oracle_counts(s.spun, gold_spans(s), cfg)
    assert c["rows"] > 10 and 0 < c["ctx"] <= c["rows"]
    assert c["bar_spun"] <= c["top_spun"] <= c["rows"]
    assert c["bar_gold"] <= c["top_gold"] <= c["rows"]
    assert c["top_gold"] != c["top_spun"] or c["bar_gold"] != c["bar_spun"]  # context counts
    assert oc.oracle_counts(s.spun, {}, cfg) == {}
