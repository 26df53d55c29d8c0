"""The spin evaluation's simulated spinners (benchmarks/spin_sim) and its dev/test split."""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

spin_sim = pytest.importorskip("spin_sim")
pytest.importorskip("wn")

from spin_sim import SPINNERS, spin_doc  # noqa: E402
from spin_sim.compose import compose  # noqa: E402
from spin_sim.corpus import Doc, chunks, select  # noqa: E402
from spin_sim.seedfamily import split_of as seed_split_of  # noqa: E402
from spin_sim.text import (  # noqa: E402
    GoldEdit,
    apply_edits,
    doc_split,
    family_split,
    is_proper_noun,
    tokens,
)

TEXT = (
    "Before the meeting, Mayor John Smith told reporters in Denver that the city would "
    "increasingly use new technology to reduce costs. Officials said the council decided "
    "to carry out a study of the roads because many people complained about the traffic. "
    "Smith also announced that Apple and General Motors would help to build a large "
    "factory near the river, which could create thousands of jobs in the region. Critics "
    "argued that the plan was expensive and that the government should examine the "
    "evidence more carefully before it spends public money on private companies.\n"
)
NAMES = ("Mayor", "John", "Smith", "Denver", "Apple", "General", "Motors")


@pytest.mark.parametrize("name", sorted(SPINNERS))
def test_spinners_are_deterministic_and_keep_gold_alignment(name: str) -> None:
    a = spin_doc("doc/1", "news", TEXT, name)
    b = spin_doc("doc/1", "news", TEXT, name)
    assert a == b and a.edits, name
    assert apply_edits(TEXT, a.edits) == a.spun != TEXT
    last = -1
    for e in a.edits:
        assert TEXT[e.start : e.end] == e.original != e.replacement
        assert e.start >= last  # sorted, never overlapping
        last = e.end
    # another document id (another seed) spins differently
    assert (
        spin_doc("doc/2", "news", TEXT, name).spun != spin_doc("doc/3", "news", TEXT, name).spun
        or name == "phrase"
    )


@pytest.mark.parametrize("name", sorted(SPINNERS))
def test_spinners_never_change_proper_nouns(name: str) -> None:
    toks = tokens(TEXT)
    names = [(t.start, t.end) for i, t in enumerate(toks) if is_proper_noun(toks, i)]
    assert len(names) >= 7
    for seed in range(5):
        doc = spin_doc(f"doc/{seed}", "news", TEXT, name, rate=0.6)
        for e in doc.edits:
            assert not any(e.start < b and a < e.end for a, b in names), (e, name)
        for n in NAMES:
            assert doc.spun.count(n) == TEXT.count(n)


def test_sentence_initial_words_keep_their_capital() -> None:
    for name in ("wordnet", "rare", "phrase"):
        for seed in range(4):
            doc = spin_doc(f"cap/{seed}", "news", TEXT, name, rate=0.9)
            for e in doc.edits:
                assert e.replacement[:1].isupper() == e.original[:1].isupper(), e


def test_rate_controls_the_share_of_substituted_words() -> None:
    low = spin_doc("r", "news", TEXT * 4, "wordnet", rate=0.1)
    high = spin_doc("r", "news", TEXT * 4, "wordnet", rate=0.3)
    assert 0 < len(low.edits) < len(high.edits)


@pytest.mark.parametrize("name", sorted(SPINNERS))
@pytest.mark.parametrize("split", ["dev", "test"])
def test_a_split_spins_only_its_own_families(name: str, split: str) -> None:
    doc = spin_doc("fam/1", "news", TEXT * 2, name, split=split, rate=0.6)
    of = seed_split_of if name == "seed" else family_split
    assert all(of(e.family) == split for e in doc.edits), name


def test_families_and_documents_fall_in_both_halves() -> None:
    fams = ["said", "meeting", "use", "city", "increase", "decide", "study", "large"]
    docs = [f"wsj/wsj_{i:04d}" for i in range(40)]
    assert {family_split(f) for f in fams} == {"dev", "test"}
    halves = [doc_split(d) for d in docs]
    assert 10 < halves.count("dev") < 30


def test_selection_is_disjoint_by_document_and_round_robin(tmp_path: Path) -> None:
    for reg in ("wsj", "state_union"):
        (tmp_path / reg).mkdir()
        for i in range(12):
            body = "\n".join(f"Line {k} of text number {i} in {reg}, " * 6 for k in range(30))
            (tmp_path / reg / f"{reg}_{i:02d}.txt").write_text(body + "\n", encoding="utf-8")
    dev = select("dev", None, ("wsj", "state_union"), tmp_path)
    test = select("test", None, ("wsj", "state_union"), tmp_path)
    assert dev and test
    assert not {d.doc_id for d in dev} & {d.doc_id for d in test}
    assert all(d.split == "dev" for d in dev) and all(d.split == "test" for d in test)
    capped = select("dev", 4, ("wsj", "state_union"), tmp_path)
    assert len(capped) == 4 and {d.register for d in capped} == {"wsj", "state_union"}
    assert select("dev", 4, ("wsj", "state_union"), tmp_path) == capped


def test_chunks_cut_long_texts_to_news_size() -> None:
    text = "\n".join(("word " * 40).strip() + ("\n" if i % 3 == 0 else "") for i in range(100))
    parts = chunks(text)
    assert "".join(parts).split() == text.split()
    assert all(len(p.split()) <= 1000 for p in parts)
    assert all(len(p.split()) >= 300 for p in parts[:-1])


def test_compose_maps_a_second_spin_back_to_the_clean_text() -> None:
    clean = "We use the data before noon."
    first = [
        GoldEdit(3, 6, "use", "make use of", "use"),
        GoldEdit(16, 22, "before", "prior to", "before"),
    ]
    mid = apply_edits(clean, first)
    assert mid == "We make use of the data prior to noon."
    second = [
        GoldEdit(mid.index("make"), mid.index("make") + 4, "make", "create", "make"),
        GoldEdit(mid.index("data"), mid.index("data") + 4, "data", "information", "data"),
    ]
    out = compose(clean, first, second)
    assert apply_edits(clean, out) == "We create use of the information prior to noon."
    assert [(e.original, e.family) for e in out] == [
        ("use", "use"), ("data", "data"), ("before", "before"),
    ]  # fmt: skip


def test_tortured_abstracts_are_spun() -> None:
    from spin_sim.abstracts import abstract_docs, spin_abstract

    docs = abstract_docs()
    assert len(docs) >= 12 and all(isinstance(d, Doc) for d in docs)
    spun = [spin_abstract(d, d.split) for d in docs]
    assert all(s.edits and apply_edits(s.clean, s.edits) == s.spun for s in spun)
    assert {s.spinner for s in spun} == {"tortured/wordnet", "tortured/rare"}


def test_runner_auc_counts_ties_half() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from spin_eval import auc

    assert auc([0.9, 0.8], [0.1, 0.2]) == 1.0
    assert auc([0.5], [0.5]) == 0.5
    assert auc([], [0.1]) is None
    assert random.Random(0).random() < 1  # the module imports cleanly with repair


def test_roc_auc_matches_pairwise_counting_and_points_fall() -> None:
    from spin_sim.roc import auc as rank_auc
    from spin_sim.roc import roc_points, roc_svg

    rng = random.Random(3)
    pos = [round(rng.random(), 1) for _ in range(30)]
    neg = [round(rng.random() * 0.8, 1) for _ in range(40)]
    pairwise = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    assert rank_auc(pos, neg) == pytest.approx(pairwise / (len(pos) * len(neg)))
    pts = roc_points(pos, neg)
    assert pts[0][1:] == (1.0, 1.0)
    assert all(a[1] >= b[1] and a[2] >= b[2] for a, b in zip(pts, pts[1:], strict=False))
    assert roc_svg({"x": pts}, "t").startswith("<svg")


def test_runner_scores_an_oracle_and_a_do_nothing_tool() -> None:
    from spin_eval import Runner

    from repair.config import RepairConfig

    docs = [Doc(f"t/{i}", "news", TEXT.replace("city", f"city {i}")) for i in range(3)]
    spun = [spin_doc(d.doc_id, d.register, d.text, "wordnet", rate=0.4) for d in docs]
    by_spun = {s.spun: s.clean for s in spun}

    class Oracle(Runner):
        def repair(self, text: str, refs: tuple[str, ...] = ()) -> tuple[str, float, tuple]:
            return by_spun.get(text, text), (0.9 if text in by_spun else 0.1), ()

    class Nothing(Runner):
        def repair(self, text: str, refs: tuple[str, ...] = ()) -> tuple[str, float, tuple]:
            return text, 0.2, ()

    best = Oracle(RepairConfig()).evaluate("wordnet", "dev", docs, spun).to_json()
    assert best["error_reduction"] == 1.0 and best["edit_precision"] == 1.0
    assert best["auc"] == 1.0 and best["broken_rate"] == 0.0 and best["docs"] == 3
    none = Nothing(RepairConfig()).evaluate("wordnet", "dev", docs, spun).to_json()
    assert none["error_reduction"] == 0.0 and none["edit_precision"] is None
    assert none["auc"] == 0.5 and none["gold_substitutions"] == best["gold_substitutions"] > 10


def test_sentence_initial_names_are_not_spinnable() -> None:
    from spin_sim.text import spinnable

    text = "Officials thanked Mr. Howard. Grant money arrived. Money matters to officials."
    toks = tokens(text)
    words = {toks[i].text for i in spinnable(text, toks)}
    assert "Howard" not in words and "Grant" not in words
    assert {"Officials", "thanked", "money", "Money", "arrived", "matters"} <= words


def test_missing_shared_register_is_reported(tmp_path: Path) -> None:
    """A checkout without ``../shared`` beside it must not quietly evaluate another set."""
    from spin_sim.corpus import documents

    (tmp_path / "wsj").mkdir()
    with pytest.warns(UserWarning, match=r"abc_news.*REPAIR_SHARED"):
        docs = documents(tmp_path)
    assert not any(d.register == "abc_news" for d in docs)


def test_identity_dump_refuses_a_corpus_missing_a_register(tmp_path: Path) -> None:
    """``spin_identity.py dump`` from an export outside the checkout, without the shared
    data: a partial corpus would make a smaller dump that can still "match" another one."""
    import subprocess

    env = {k: v for k, v in os.environ.items() if k != "REPAIR_SHARED"}
    env["REPAIR_SHARED"] = str(tmp_path / "no-shared")
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "spin_identity.py"), "dump",
         str(tmp_path / "x.jsonl"), "--cap", "1", "--config", "eval"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300,
    )  # fmt: skip
    assert run.returncode == 2, run.stderr
    assert "left out" in run.stderr and "REPAIR_SHARED" in run.stderr
    assert not (tmp_path / "x.jsonl").exists()


def test_test_half_holds_no_list_row_of_its_phrase_families(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On test, the rows of the closed wordy list that are the phrase simulator's spun forms
    of test families are taken out before scoring (the honest phrase row); dev keeps them."""
    import spin_eval
    from spin_sim import phrase

    from repair.detect import wordy

    monkeypatch.setattr(wordy, "FUNCTION_PHRASES", dict(wordy.FUNCTION_PHRASES))
    listed = phrase.listed_forms("test", wordy.FUNCTION_PHRASES)
    assert "prior to" in listed and "with regard to" not in listed
    assert [m.written for m in wordy.find("He left prior to the vote.")] == ["prior to"]
    assert spin_eval.hold_out_listed("test") == listed
    assert phrase.listed_forms("test", wordy.FUNCTION_PHRASES) == []
    assert wordy.find("He left prior to the vote.") == []
    assert "with regard to" in wordy.FUNCTION_PHRASES  # a dev family's row stays
    wordy._pattern.cache_clear()
    wordy._last_scan = ("", [])


def test_hold_out_profile_takes_out_this_halfs_seed_pairs_only(monkeypatch):
    """``--unprofiled``: the profile rows that are the seed simulator's pairs of the half's
    families go (the dev half is then as unseen as the test half); other rows stay."""
    import spin_eval
    from spin_sim import seedfamily

    from repair.candidates import spin as cand

    table = cand.profile_table()
    monkeypatch.setattr(cand, "profile_table", lambda: table)
    saved = dict(table)
    try:
        dev = {
            (cand._norm(a), cand._norm(o))
            for key, fam, _ in seedfamily.sim().families()
            if seedfamily.split_of(key) == "dev"
            for o, alts in fam
            for a in alts
        }
        listed = {(s, cand._norm(o)) for s, i in table.items() for o in i.originals}
        assert dev & listed  # the profile holds some dev families' pairs
        n = spin_eval.hold_out_profile("dev")
        assert n == len(dev & listed)
        left = {(s, cand._norm(o)) for s, i in table.items() for o in i.originals}
        assert not dev & left
        assert left == listed - dev
    finally:
        table.clear()
        table.update(saved)
