"""The document's own sense policy chooses among a spun word's candidates (session 42, spin42).

:mod:`repair.score.spin_sense_pick`: where most of a document's confident rows restore an
original sharing a WordNet sense with the written word, each row's candidates gain the log
ratio of their sense bin (confident rows against rows far under the bar, the row itself left
out) before the topic re-chooses them (``repair.stages.spin.SENSE_PICK``).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

import repair.stages.spin as stage
from repair.candidates.spin_doc_channel import policy_bin
from repair.config import RepairConfig
from repair.document import Document
from repair.pipeline import repair_text
from repair.score import spin_sense_pick as sp
from repair.score.spin_evidence import evidence
from repair.score.spin_pick import topic_pick
from repair.score.spin_sense_pick import sense_table

NO_PROFILE = RepairConfig(mojibake=False, ocr=False, tortured=False, spin_profile=None)
#: As tests/test_spin_pick.py: the ranker picks "casts" for "slings", the topic "services".
TEXT = (
    "The bank said its financial news slings and data feeds would reach more customers. "
    "Investors, brokers and traders pay for the market data, the trading platform and the "
    "banking products, and the bank expects revenue from its customers to grow this year."
)
SUITE = Path(__file__).resolve().parent.parent / "benchmarks" / "suites" / "spin_sim"

#: WordNet pairs (a shared first sense: bin o0w0) and a Moby-only pair (bin "none").
SENSE = ("purchased", "bought")
MOBY = ("purchased", "table")


def _row(text: str, word: str):  # type: ignore[no-untyped-def]
    a = text.index(word)
    b = a + len(word)
    return evidence(a, b, word, text[:a].split()[-2:], text[b:].split()[:2], None, packed=True)


def test_flag_is_on_with_its_settings() -> None:
    assert stage.SENSE_PICK is True
    assert 0.0 < sp.WEIGHT <= 1.0 and 0.5 <= sp.MIN_SHARE < 1.0 and sp.MIN_ROWS >= 8


def test_bins_of_the_pairs() -> None:
    assert policy_bin(*SENSE) == "o0w0" and policy_bin(*MOBY) == "none"


def test_table_needs_enough_confident_rows_that_share_a_sense() -> None:
    sense = [(*SENSE, 0.9)] * sp.MIN_ROWS
    moby = [(*MOBY, 0.9)] * sp.MIN_ROWS
    base = [(*MOBY, 0.001)] * 4
    assert sense_table(sense[:-1] + base, 0.4) is None  # too few over the bar
    assert sense_table(moby + base, 0.4) is None  # a thesaurus spinner: no WordNet share
    assert sense_table(sense + moby + base, 0.4) is None  # half: not most
    got = sense_table(sense + base, 0.4)
    assert got is not None
    # the sense bin gains, the thesaurus bin loses
    f = got.extra("purchased", "bought", 0.9, 0.4)
    assert f("bought") > 0 > f("table")


def test_the_row_is_left_out_of_its_own_table() -> None:
    rows = [(*SENSE, 0.9)] * sp.MIN_ROWS + [(*MOBY, 0.001)] * 4
    got = sense_table(rows, 0.4)
    assert got is not None
    inside = got.extra("purchased", "bought", 0.9, 0.4)("bought")
    outside = got.extra("purchased", "table", 0.2, 0.4)("bought")  # a row in neither count
    assert inside < outside
    # exactly the ratio with one confident o0w0 row fewer (add-one smoothing, 9 bins)
    n, bins = sp.MIN_ROWS, 9
    ratio = (n - 1 + 1) / (n - 1 + bins) / ((0 + 1) / (4 + bins))
    assert inside == pytest.approx(sp.WEIGHT * math.log(ratio))


def test_topic_pick_reads_the_extra_score() -> None:
    doc = Document(TEXT, (), RepairConfig())
    w = _row(TEXT, "slings")
    base = topic_pick(doc, w)
    assert base is not None and base[0].original == "services"
    # a score against the topic's choice moves it (the others stay in the window)
    got = topic_pick(doc, _row(TEXT, "slings"), extra=lambda o: -4.0 * (o == "services"))
    assert got is not None and got[0].original == "applications"
    # a zero extra score changes nothing
    same = topic_pick(doc, _row(TEXT, "slings"), extra=lambda o: 0.0)
    assert same is not None and same[0].original == base[0].original


def test_wordnet_spun_document_restores_by_its_sense_policy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A committed dev document of the simulated WordNet spinner: "choices" spun as "picks"
    is restored only when the document's sense policy re-chooses the row."""
    line = (SUITE / "dev_wordnet.jsonl").read_text("utf-8").splitlines()[3]
    d = json.loads(line)
    assert d["name"] == "state_union/1973-Nixon#000"
    gold = {(g["replacement"].lower(), g["original"].lower()) for g in d["edits"]}
    assert ("picks", "choices") in gold

    def restored() -> set[tuple[str, str]]:
        return {
            (e.original.lower(), e.replacement.lower())
            for e in repair_text(d["damaged"], (), NO_PROFILE).edits
            if e.rule == "SPIN_SYNONYM"
        }

    monkeypatch.setattr(stage, "SENSE_PICK", False)
    off = restored()
    monkeypatch.setattr(stage, "SENSE_PICK", True)
    on = restored()
    assert ("picks", "choices") in on - off
    assert on - off <= gold  # nothing else it adds is wrong
    assert repair_text(d["clean"], (), NO_PROFILE).text == d["clean"]
