"""Which senses a spinner takes its synonyms from, read off one document
(repair/candidates/spin_doc_channel.policy_*, spin_channel.sense_ranks and
stages/spin._policy_table, _channel_kept)."""

from __future__ import annotations

from repair.lexicons import read_text

import repair.stages.spin as stage
from repair.candidates import spin_doc_channel as dc
from repair.candidates.spin_channel import sense_ranks, wordnet_shared
from repair.document import Document
from repair.types import Candidate


def test_every_shared_synset_pair_has_its_sense_ranks() -> None:
    body = [ln for ln in read_text("spin_channel.tsv").splitlines() if not ln.startswith("#")]
    for line in body[:: max(len(body) // 2000, 1)]:
        form, _fan, wn = line.split("\t")
        if wn == "-":
            continue
        for item in wn.split(","):
            _o, n, r = item.rsplit(":", 2)
            assert int(n) >= 1 and len(r) == 2 and r.isdigit(), line


def test_sense_ranks_keep_the_shared_counts() -> None:
    assert sense_ranks("purchased", "bought") == (0, 0)
    assert wordnet_shared("purchased", "bought") >= 1
    assert sense_ranks("secured", "guaranteed") == (1, 3)
    assert sense_ranks("purchased", "table") is None
    assert sense_ranks("no-such-form", "bought") is None


def test_policy_bin() -> None:
    assert dc.policy_bin("purchased", "bought") == "o0w0"
    assert dc.policy_bin("secured", "guaranteed") == "o1w1"
    assert dc.policy_bin("purchased", "table") == "none"


def test_policy_ratios_compare_confirmed_rows_with_unspun_ones() -> None:
    r = dc.policy_ratios(["o1w1"] * 10 + ["o0w0"] * 2, ["o0w0"] * 20 + ["o1w1"] * 2)
    assert r["o1w1"] >= dc.POLICY_MIN_RATIO
    assert r["o0w0"] < 1.0
    # the same distribution on both sides: no bin is favoured
    same = dc.policy_ratios(["o0w0", "o1w1"] * 5, ["o0w0", "o1w1"] * 5)
    assert all(abs(v - 1.0) < 1e-9 for v in same.values())


def test_policy_relief_is_bayes_with_the_floor() -> None:
    assert dc.policy_relieved(0.12, 0.4, 6.0)  # odds 0.136 * 6 = 0.82 -> 0.45
    assert not dc.policy_relieved(0.12, 0.4, 4.0)  # -> 0.35
    assert not dc.policy_relieved(0.3, 0.4, 1.9)  # under POLICY_MIN_RATIO
    assert not dc.policy_relieved(0.5, 0.4, 9.0)  # over the bar already
    assert not dc.policy_relieved(dc.FLOOR / 2, 0.4, 1000.0)


def _cand(text: str, word: str, original: str, p: float) -> Candidate:
    start = text.index(word)
    return Candidate(
        start, start + len(word), original, "spin", "SPIN_SYNONYM", {"model_probability": p}
    )


def test_stage_keeps_a_row_of_the_documents_sense_bin() -> None:
    text = "They secured it. They purchased it. The firm secured a plant."
    doc = Document(text)
    bar = 0.4
    over = [_cand(text, "secured", "guaranteed", 0.9)] * 6
    base = [_cand(text, "purchased", "bought", 0.01)] * 12
    table = stage._policy_table(doc, [*over, *base], bar)
    assert table["o1w1"] >= dc.POLICY_MIN_RATIO > table["o0w0"]
    # under the bar and too weak for the binary channel (ratio 4): kept by its sense bin
    start = text.rindex("secured")
    under = Candidate(
        start, start + 7, "guaranteed", "spin", "SPIN_SYNONYM", {"model_probability": 0.15}
    )
    assert not stage._channel_kept(doc, under, bar, 1.0)
    assert stage._channel_kept(doc, under, bar, 1.0, table)
    assert under.features["word_bar"] == 0.15 and "policy_channel" in under.features
    # a row of the unspun words' bin is not
    low = _cand(text, "purchased", "bought", 0.15)
    assert not stage._channel_kept(doc, low, bar, 1.0, table)
    # no channel for the document (ratio None): no policy either
    again = Candidate(
        start, start + 7, "guaranteed", "spin", "SPIN_SYNONYM", {"model_probability": 0.15}
    )
    assert not stage._channel_kept(doc, again, bar, None, table)


def test_stage_declines_a_row_of_a_disfavoured_bin() -> None:
    text = "They secured it. They purchased it. The firm bought a plant."
    doc = Document(text)
    bar = 0.4
    over = [_cand(text, "secured", "guaranteed", 0.9)] * 6
    base = [_cand(text, "purchased", "bought", 0.01)] * 12
    table = stage._policy_table(doc, [*over, *base], bar)
    assert table["o0w0"] < 1.0
    weak = _cand(text, "purchased", "bought", 0.45)
    assert stage._policy_declined(doc, weak, bar, table)
    assert "policy_channel" in weak.features
    # a sure row, a favoured bin, or no table: kept
    assert not stage._policy_declined(doc, _cand(text, "purchased", "bought", 0.99), bar, table)
    assert not stage._policy_declined(doc, _cand(text, "secured", "guaranteed", 0.45), bar, table)
    assert not stage._policy_declined(doc, _cand(text, "purchased", "bought", 0.45), bar, None)


def test_clean_text_never_reads_the_policy(monkeypatch) -> None:
    from repair.pipeline import repair_text

    calls = []
    monkeypatch.setattr(stage, "_policy_table", lambda *a: calls.append(a) or {})
    text = "The council met on Monday. It agreed to repair the old bridge before winter. " * 5
    assert repair_text(text).text == text
    assert calls == []
