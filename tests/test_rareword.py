"""Rare words in a densely spun document: book-register pair counts, detection, decision."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from repair.lexicons import LexiconError

from repair import repair_text
from repair.detect import rareword as detect
from repair.document import Document
from repair.resources.bigrams import Bigrams, encode, get_bigrams
from repair.score import rareword as score

ROOT = Path(__file__).resolve().parent.parent

SPUN = (
    "Other searchers have measured the fussiness of weather previsions with large models. "
    "We show that a small model reaches the same fussiness when it is trained on more data. "
    "The fussiness of the small model was tested by three searchers on public records "
    "from ten cities, and the aftereffects were checked by hand. The searchers found that "
    "the comportment is cheap to run.\n"
)
FORMAL = (
    "We cherish the magnanimity of our forebears and the indomitable fortitude of their "
    "ancestral husbandry. Their perseverance and probity, their frugality and rectitude, "
    "remain the bulwark of our commonwealth.\n"
)


def test_book_counts_know_scientific_pairs() -> None:
    m = get_bigrams()
    assert m.logprob_next("neural", "network") > m.logprob_next("nervous", "network") + 3
    assert m.logprob_next("this", "paper") > m.logprob_next("this", "descant") + 5
    assert m.unigram_logprob("qwzxv") == -20.0
    assert m.fit("we", "propose", "a") > m.fit("we", "proffer", "a")


def test_bigram_table_round_trip_and_checks() -> None:
    blob = encode({"a": 100, "b": 10, "c": 1}, {"a b": 8}, "# note")
    m = Bigrams(blob)
    assert m.total == 111
    assert m.log_count("a b") == pytest.approx(2.079, abs=0.07)  # ln 8, in 1/8 nats
    assert m.log_count("b a") is None
    with pytest.raises(LexiconError):
        Bigrams(b"not-a-table 1 0 0\n#\n")
    with pytest.raises(LexiconError):
        Bigrams(blob[:-2])


def test_find_gates_sparse_documents_before_any_lm_lookup() -> None:
    one = Document("The searchers went home after a long day at the office with friends.\n")
    assert detect.find(one, at_least=5) == []
    assert [r.token.text for r in detect.find(one)] == ["searchers"]


def test_evidence_is_pooled_over_a_written_word() -> None:
    found = detect.find(Document(SPUN))
    pool = score.pooled(found)
    assert pool["searchers"][0] == "researchers" and pool["fussiness"][0] == "accuracy"
    single = score.pooled([r for r in found if r.token.text == "fussiness"][:1])
    assert pool["fussiness"][1] > single["fussiness"][1]  # evidence adds up


def test_spun_document_restored_and_clean_formal_text_kept() -> None:
    r = repair_text(SPUN)
    rare = {(e.original, e.replacement) for e in r.edits if e.rule == "RARE_WORD"}
    assert {("searchers", "researchers"), ("fussiness", "accuracy")} <= rare
    assert all(0.5 <= e.confidence <= 1.0 for e in r.edits if e.rule == "RARE_WORD")
    decisions = r.scores.details["collocation"]["rare_word_decisions"]
    assert decisions["applied"] == len([e for e in r.edits if e.rule == "RARE_WORD"])
    assert repair_text(FORMAL).text == FORMAL
    # one spun-looking word in honest prose: no pattern, no edit
    alone = "The searchers went home after a long day at the office with their friends.\n"
    assert repair_text(alone).text == alone


def test_model_file_matches_features_and_rewards_context() -> None:
    found = detect.find(Document(SPUN))
    r = next(x for x in found if x.token.text == "searchers")
    best, gain, margin = score.pooled(found)["searchers"]
    p = score.probability(r, best, gain, margin)
    weak = score.probability(r, best, gain / 4, 0.1)
    assert 0.5 < p <= 1.0 and weak < p


@pytest.mark.skipif(importlib.util.find_spec("numpy") is None, reason="numpy (build time)")
def test_training_fit_separates_a_simple_signal() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_rareword import fit

    xs = [[g / 10, 0, 0, 0, 0, 0, 0] for g in range(-20, 21)]
    ys = [int(g > 0) for g in range(-20, 21)]
    w = fit(xs, ys)
    assert w[1] > 1.0 and abs(w[0]) < 1.0


def test_function_words_are_never_candidates_and_phrasal_verbs_are_kept() -> None:
    doc = Document("The searchers threshed out the plan and the impalement grew.\n")
    found = detect.find(doc)
    assert all(o.word not in detect.FUNCTION_WORDS for r in found for o in r.options)
    threshed = [r for r in found if r.token.text == "threshed"]
    assert threshed and threshed[0].phrasal
    assert not [r for r in found if r.token.text == "searchers"][0].phrasal
    decided = score.decide(found * 3, 10)  # dense enough: the reason is the verb's own
    assert {d.reason for d in decided if d.word.token.text == "threshed"} == {"phrasal_verb"}
    assert not any(d.applied for d in decided if d.word.token.text == "threshed")


def test_reread_reads_neighbours_of_restorations_in_the_restored_context() -> None:
    from repair.detect import rareword

    doc = Document("In this descant we proffer a simple comportment for image classification.")
    found = rareword.find(doc)
    by_word = {r.token.text: r for r in found}
    restored = {by_word["descant"].token.start: "paper"}
    again = {r.token.text: r for r in rareword.reread(doc, found, restored)}
    assert again["descant"] is by_word["descant"]  # restored: not read again
    assert again["comportment"] is by_word["comportment"]  # no restoration nearby
    assert again["proffer"] is not by_word["proffer"]  # "this paper we proffer"
    toks = doc.tokens
    i = next(k for k, t in enumerate(toks) if t.text == "proffer")
    j = next(k for k, t in enumerate(toks) if t.text == "descant")
    assert rareword._sentence_words(toks, i, -1, 2, {j: "paper"}) == ["paper", "we"]
