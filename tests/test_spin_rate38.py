"""Per-form corpus rates in a learned profile (session 38, spinrate38): the learner stores
how often each learned written form and its original occur in the learning corpus, the
profile schema carries and checks them, and ``LEARNED_OPEN``'s per-document gate judges a
document against that corpus's own baseline instead of wordfreq's."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from repair.lexicons import LexiconError

import repair.learn as learn
import repair.stages.spin as spin_stage
from repair.config import RepairConfig
from repair.learn import LearnedEntry, LearnedPair, load_pairs, pair_rates, write_pairs
from repair.pipeline import repair_text

_HEADER8 = "spun\toriginal\tweight\tcount\tdocs\tmean_lm_gain\tref_hits\tsource\n"


def test_pair_rates_count_forms_and_originals_per_word() -> None:
    texts = ["The vicar met the vicar. A minister spoke.", "Research workers and the vicar met."]
    pairs = [LearnedPair("vicar", "minister"), LearnedPair("research workers", "researchers")]
    pair_rates(texts, pairs)
    words = sum(len(t.split()) for t in texts)  # 14
    assert pairs[0].form_rate == pytest.approx(3 / words)
    assert pairs[0].original_rate == pytest.approx(1 / words)
    assert pairs[1].form_rate == pytest.approx(1 / words)  # a multi-word form
    assert pairs[1].original_rate == 0.0


def test_rates_round_trip_through_the_profile(tmp_path: Path) -> None:
    p = LearnedPair("vicar", "minister", count=3, docs=2, gains=[2.0, 3.0, 4.0])
    p.form_rate, p.original_rate = 250e-6, 1.5e-6
    out = tmp_path / "pairs.tsv"
    write_pairs([p], out)
    header = next(ln for ln in out.read_text("utf-8").splitlines() if ln.startswith("spun\t"))
    assert header.split("\t") == list(learn.TSV_COLUMNS)
    entry = load_pairs(out)["vicar"]
    assert entry == ("minister", p.weight)  # still unpacks and compares as (original, weight)
    original, weight = entry
    assert original == "minister" and isinstance(entry, LearnedEntry)
    assert entry.form_rate == pytest.approx(250e-6) and entry.original_rate == pytest.approx(1.5e-6)
    again = pickle.loads(pickle.dumps(entry))  # batch workers may receive it pickled
    assert again == entry and again.form_rate == entry.form_rate


def test_older_profiles_load_without_rates(tmp_path: Path) -> None:
    old = tmp_path / "old.tsv"
    old.write_text(_HEADER8 + "vicar\tminister\t0.4900\t12\t5\t3.100\t0\tneighbour\n", "utf-8")
    entry = load_pairs(old)["vicar"]
    assert entry == ("minister", 0.49) and entry.form_rate is None and entry.original_rate is None
    bare = tmp_path / "bare.tsv"  # a hand-made lexicon: no header, extra cells are not rates
    bare.write_text("vicar\tminister\t0.9\t12\t5\t3.1\t0\tmine\tx\ty\n", "utf-8")
    assert load_pairs(bare)["vicar"].form_rate is None


@pytest.mark.parametrize(
    "cells",
    ["-3\t1", "lots\t1", "nan\t1", "5\t", "\t5", "2000000\t1"],
    ids=["neg", "word", "nan", "one", "other", "above-one-per-word"],
)
def test_bad_rates_fail_loudly(tmp_path: Path, cells: str) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text(
        _HEADER8.rstrip("\n") + "\tform_rate\toriginal_rate\n"
        f"vicar\tminister\t0.49\t12\t5\t3.1\t0\tneighbour\t{cells}\n",
        "utf-8",
    )
    with pytest.raises(LexiconError, match="row 2"):
        load_pairs(bad)


def test_learn_pairs_stores_the_rates(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["The vicar spoke. The vicar left. The vicar came back."] * 3
    made = LearnedPair("vicar", "minister", count=9, docs=3, gains=[3.0] * 9, max_weight=0.49)
    monkeypatch.setattr(learn, "corpus_pairs", lambda *a, **k: [made])
    monkeypatch.setattr(learn, "CORPUS_NEIGHBOURS", False)
    (p,) = learn.learn_pairs(texts, thesaurus=False, config=RepairConfig(spin_profile=None))
    assert p.form_rate == pytest.approx(3 / 10) and p.original_rate == 0.0
    monkeypatch.setattr(learn, "CORPUS_RATES", False)
    made.form_rate = made.original_rate = None
    (p,) = learn.learn_pairs(texts, thesaurus=False, config=RepairConfig(spin_profile=None))
    assert p.form_rate is None


def test_baseline_rate_reads_the_corpus_balance(monkeypatch: pytest.MonkeyPatch) -> None:
    wf = spin_stage.baseline_rate("purchase", None, "buy", None)  # wordfreq's, no rates
    assert 0 < wf < 1e-4
    # a corpus that writes both words often expects the form at wordfreq's share of the two
    high = spin_stage.baseline_rate("purchase", 4e-3, "buy", 8e-3)
    assert 10 * wf < high < 4e-3
    # never above the form's own corpus rate, never below wordfreq's
    assert spin_stage.baseline_rate("purchase", 1e-3, "buy", 1.0) == pytest.approx(1e-3)
    assert spin_stage.baseline_rate("purchase", 1e-9, "buy", 1e-9) == pytest.approx(wf)
    monkeypatch.setattr(spin_stage, "LEARNED_OPEN_RATES", False)
    assert spin_stage.baseline_rate("purchase", 4e-3, "buy", 8e-3) == pytest.approx(wf)


_STORY = (
    "The prime vicar said on Monday that taxes in Leeds will rise next year. "
    "Farmers near Leeds asked for help with the harvest and the roads. "
    "Later the prime minister met teachers and nurses at a school. "
    "The foreign vicar is expected to visit Leeds in the spring. "
    "Officials said the plan would cost more than expected. "
    "The vicar met the chancellor and the growers in Leeds. "
    "The growers want lower taxes next year, the vicar said."
) + (
    " The weather stayed mild for most of the week, and the markets were quiet. "
    "Schools reopened after the holiday and the buses ran on time."
) * 10
#: The profile's other weak pairs: forms of everyday prose whose originals are commoner.
_OTHERS = [
    ("purchase", "buy"),
    ("assist", "help"),
    ("commence", "begin"),
    ("obtain", "get"),
    ("require", "need"),
    ("attempt", "try"),
    ("reside", "live"),
    ("inform", "tell"),
]


def _rated_profile(tmp_path: Path, rates: str) -> RepairConfig:
    rows = [_HEADER8.rstrip("\n") + "\tform_rate\toriginal_rate"]
    for s, o in [("vicar", "minister"), ("growers", "farmers"), ("chancellor", "president")]:
        rows.append(f"{s}\t{o}\t0.4900\t10\t5\t3.0\t0\tneighbour\t{rates}")
    for s, o in _OTHERS:
        rows.append(f"{s}\t{o}\t0.4900\t10\t5\t3.0\t0\tneighbour\t{rates}")
    out = tmp_path / f"pairs{len(list(tmp_path.iterdir()))}.tsv"
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return RepairConfig(spin_profile=None, lexicons=(out,))


def test_a_corpus_that_writes_the_forms_often_expects_them(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Three learned forms in a 330-word document open the gate against wordfreq (which
    expects ~0.1 of the profile's forms); where the learning corpus writes the profile's
    other forms and their originals often (0.4 % and 0.8 % of its words), a document of
    that corpus is expected to hold ~2.4 of them, and three are no longer an excess."""
    monkeypatch.setattr(spin_stage, "LEARNED_OPEN", True)
    unrated = _rated_profile(tmp_path, "\t")
    assert "prime minister said" in repair_text(_STORY, (), unrated).text
    rated = _rated_profile(tmp_path, "4000\t8000")
    assert repair_text(_STORY, (), rated).text == _STORY
    monkeypatch.setattr(spin_stage, "LEARNED_OPEN_RATES", False)  # wordfreq's baseline again
    assert "prime minister said" in repair_text(_STORY, (), rated).text


def test_learned_open_evidence_reads_corpus_rates() -> None:
    text = "the vicar and the bishop " * 40
    _n, s_wf, e_wf = spin_stage.learned_open_evidence(text, {"vicar"}, ["vicar", "bishop"])
    rates = {"vicar": 0.01, "bishop": 0.01}
    _n, s_rt, e_rt = spin_stage.learned_open_evidence(text, {"vicar"}, ["vicar", "bishop"], rates)
    assert e_rt > e_wf + 1.5 and s_rt < s_wf  # expected, so neither surprising nor in excess


def test_learned_open_balance_leans_on_forms_and_originals() -> None:
    """The balance option (off): a text that writes the learned forms leans to the spinner,
    one that writes their originals leans to clean text; no rates, no lean."""
    pairs = {
        "purchase": LearnedEntry("buy", 0.49, 4e-3, 2e-3),
        "assist": LearnedEntry("help", 0.49, 3e-3, 3e-3),
    }
    spun = "We purchase food and assist the old. They purchase bread and assist us."
    clean = "We buy food and help the old. They buy bread and help us."
    assert spin_stage.learned_open_balance(spun, pairs) > 1.0
    assert spin_stage.learned_open_balance(clean, pairs) < 0.0
    bare = {k: LearnedEntry(v[0], v[1]) for k, v in pairs.items()}
    assert spin_stage.learned_open_balance(spun, bare) == 0.0
