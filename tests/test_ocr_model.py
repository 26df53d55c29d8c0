"""The learned OCR channel model, its build script, the SMH evaluation's normalisation."""

from __future__ import annotations

import sys
from pathlib import Path

from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.score import ocr_channel
from repair.score.ocr_channel import confusions, segment, spacing_costs, split_candidates

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

import build_ocr_confusions  # noqa: E402
import smh_eval  # noqa: E402


def test_runs_from_opcodes_merge_adjacent_operations() -> None:
    runs = build_ocr_confusions.runs_from_opcodes("tbe rnan", "the man")
    assert runs == [("b", "h"), ("rn", "m")]


def test_runs_from_aligned_skip_unaligned_gold() -> None:
    assert build_ocr_confusions.runs_from_aligned("tbe@ ab", "the@ ##") == [("b", "h")]


def test_table_has_multi_character_confusions_and_spacing_costs() -> None:
    table = confusions()
    for ocr, true in (("rn", "m"), ("li", "h"), ("ri", "n"), ("cl", "d"), ("U", "ll")):
        assert true in dict(table[ocr]), (ocr, true)
    # the channel is learned: newspaper OCR's e -> o misreading is cheap, rare pairs dear
    assert dict(table["o"])["e"] < dict(table["rn"])["m"]
    costs = spacing_costs()
    assert set(costs) == {"split", "merge"} and all(c > 0 for c in costs.values())


def test_table_rows_are_well_formed() -> None:
    for ocr, pairs in confusions().items():
        assert ocr and '"' not in ocr and "\n" not in ocr
        for true, cost in pairs:
            # learned rows are clipped to 4.5 nats; sparse glyph splits cost SPARSE_COST
            assert "\n" not in true and 0 < cost <= build_ocr_confusions.SPARSE_COST


def test_segmentation_needs_no_symspell_index() -> None:
    assert segment("werenoneofthe") == ("were", "none", "of", "the")
    assert split_candidates("thereweremanymen")[0].parts == ("there", "were", "many", "men")
    assert segment("qzxv") == ()
    assert ocr_channel._SYMSPELL is None  # the 2-3 s delete index was never built


def test_smh_normalisation_joins_line_end_hyphens() -> None:
    assert smh_eval.normalise("parish of Thorns-\nhope, near\nMount") == (
        "parish of Thornshope, near Mount"
    )
    tok_err, gold_tok, chr_err, _ = smh_eval.errors("the  man\nsat", "the man sat")
    assert (tok_err, gold_tok, chr_err) == (0, 3, 0)
    assert smh_eval.errors("tho man", "the man")[0] == 1


def test_smh_split_is_deterministic_and_balanced() -> None:
    ids = [str(12_000_000 + 1000 * i) for i in range(200)]
    dev = [i for i in ids if smh_eval.split_of(i) == "dev"]
    assert dev == [i for i in ids if smh_eval.split_of(i) == "dev"]
    assert 60 < len(dev) < 140


def test_garbled_newspaper_english_is_not_skipped_as_foreign() -> None:
    text = (
        "Tho Crown Lnnd will bo ofleied toi sale hy public auction, at tho Colonial\n"
        "Pieasury, at tho upset price affixed to each lot respecta ely. Deposit\n"
        "10 per cent. COUNTnY LOTS. 40 acres, parish of Thorns- hope, near\n"
        "Mount Lambie, commencing on Headman's Creek, about half a intle south\n"
        "horn a measured portion of 109 acies, on tho north side of tho Rond."
    )
    result = repair_text(text, config=RepairConfig())
    assert not any(s.startswith("ocr:") for s in result.scores.skipped)
    french = "Le président de la République a rencontré les représentants des syndicats hier."
    skipped = repair_text(french, config=RepairConfig()).scores.skipped
    assert "ocr:non_english" in skipped
