"""repair learn: corpus-level pair learning, the TSV lexicon, and --lexicon in the pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from repair.lexicons import LexiconError

from repair.config import RepairConfig
from repair.learn import learn_pairs, load_pairs, write_pairs
from repair.pipeline import repair_text

SPIN_ONLY = RepairConfig(mojibake=False, ocr=False, tortured=False)


def test_load_pairs_reads_header_weights_and_comments(tmp_path: Path) -> None:
    p = tmp_path / "pairs.tsv"
    p.write_text("# comment\nspun\toriginal\tweight\nMentioned\tsaid\t0.9\nnicely\twell\n", "utf-8")
    assert load_pairs(p) == {"mentioned": ("said", 0.9), "nicely": ("well", 1.0)}


@pytest.mark.parametrize("body", ["onlyone\n", "a\tb\tnot-a-number\n"])
def test_load_pairs_fails_loudly(tmp_path: Path, body: str) -> None:
    p = tmp_path / "bad.tsv"
    p.write_text(body, "utf-8")
    with pytest.raises(LexiconError):
        load_pairs(p)


def test_missing_lexicon_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="nope.tsv"):
        load_pairs(tmp_path / "nope.tsv")


def test_learn_from_seed_000_and_round_trip(tmp_path: Path, spun_seed, clean_seeds) -> None:
    pairs = learn_pairs([spun_seed], clean_seeds, thesaurus=False)
    learned = {p.spun: p for p in pairs}
    assert learned["mentioned"].original == "said"
    assert learned["mentioned"].count >= 20
    assert learned["earlier than"].original == "before"
    out = tmp_path / "pairs.tsv"
    write_pairs(pairs, out, sources=["seed 000"])
    assert out.read_text("utf-8").startswith("#")
    loaded = load_pairs(out)
    assert loaded["mentioned"][0] == "said"


def test_learn_ignores_clean_texts(clean_seeds) -> None:
    assert learn_pairs(clean_seeds, thesaurus=False) == []


def test_lexicon_option_feeds_the_stage(tmp_path: Path) -> None:
    text = (
        "The minister mentioned earlier than the vote that the plan was splendiferous. Officials "
        "within the capital mentioned it was splendiferous too, and she mentioned it again."
    )
    p = tmp_path / "pairs.tsv"
    p.write_text("splendiferous\tgood\t0.9\n", "utf-8")
    plain = repair_text(text, (), SPIN_ONLY).text
    assert "splendiferous" in plain
    cfg = RepairConfig(mojibake=False, ocr=False, tortured=False, lexicons=(p,))
    result = repair_text(text, (), cfg)
    assert "splendiferous" not in result.text
    assert any(e.rule == "SPIN_LEARNED" for e in result.edits)


def test_learn_command_writes_a_lexicon_fix_accepts(tmp_path: Path, spun_seed) -> None:
    from typer.testing import CliRunner

    from repair.cli import app

    src = tmp_path / "spun.txt"
    src.write_text(spun_seed, "utf-8")
    out = tmp_path / "pairs.tsv"
    result = CliRunner().invoke(app, ["learn", str(src), "-o", str(out), "--no-thesaurus"])
    assert result.exit_code == 0, result.output
    pairs = load_pairs(out)
    assert pairs["mentioned"][0] == "said"


def test_learned_pairs_apply_where_the_document_score_opens_the_gate(
    spun_seed, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no profile, a learned corpus pair (weight < 0.5) is applied in a document the
    spinner-agnostic score flags; never where the document score is under the threshold.
    Where it disagrees with the word's best synonym it applies only with
    ``LEARNED_OVER_BEST`` (session 28).  ``LEARNED_OPEN`` (session 37) also keeps it
    where the gates are shut, at its own LM bar: off here, read in
    tests/test_spin_neighbours37.py."""
    import dataclasses

    import repair.stages.spin as spin_stage
    from repair.document import Document
    from repair.stages.spin import STAGE

    monkeypatch.setattr(spin_stage, "LEARNED_OPEN", False)

    cfg = RepairConfig(mojibake=False, ocr=False, tortured=False, spin_profile=None)
    pairs = {"finish": ("end", 0.49), "acknowledged": ("told", 0.49)}
    doc = Document(spun_seed, config=cfg, pairs=pairs)
    det = STAGE.detect(doc)
    # seed 000 without its profile: since session 32 (TOP_FORM_RATIO) the synonym model
    # reads it as spun (0.598), so both gates are closed by hand here: the document score,
    # the model score and the family gate of repair.detect.spin_family
    assert det.details["model_score"] > 0.5
    det = dataclasses.replace(
        det, score=0.3, details={**det.details, "family_gate": False, "model_score": 0.3}
    )
    rows = {spun_seed[w.start : w.end].lower(): w.original for w in det.words}
    assert rows["finish"] == "end" and rows["acknowledged"] != "told"

    def learned(d: object) -> set[tuple[str, str]]:
        edits = STAGE.score(doc, d, STAGE.candidates(doc, d))
        return {(e.original.lower(), e.replacement) for e in edits if e.rule == "SPIN_LEARNED"}

    assert learned(det) == set()
    opened = learned(
        dataclasses.replace(det, score=0.9, details={**det.details, "model_score": 0.9})
    )
    assert ("finish", "end") in opened
    assert ("acknowledged", "told") in opened
    monkeypatch.setattr(spin_stage, "LEARNED_OVER_BEST", False)
    opened = learned(
        dataclasses.replace(det, score=0.9, details={**det.details, "model_score": 0.9})
    )
    assert ("finish", "end") in opened
    assert not any(orig == "acknowledged" for orig, _ in opened)


def test_learn_command_without_profile_learns_no_profile_pair(
    tmp_path: Path, spun_seed, monkeypatch: pytest.MonkeyPatch
) -> None:
    from repair import learn_edits

    # the first pass's own restorations (learn_edits.EDIT_PAIRS) do learn "mentioned" with no
    # profile (the word model restores it): tests/test_learn_edits58.py; here the profile's leak
    monkeypatch.setattr(learn_edits, "EDIT_PAIRS", False)

    out = learn_no_profile(tmp_path, spun_seed)
    assert "mentioned" not in load_pairs(out)  # the seed profile's habit is not read in


def learn_no_profile(tmp_path: Path, text: str) -> Path:
    """`repair learn FILE -o pairs.tsv --no-thesaurus --no-profile` on `text`: the pairs."""
    from typer.testing import CliRunner

    from repair.cli import app

    src = tmp_path / "spun.txt"
    src.write_text(text, "utf-8")
    out = tmp_path / "pairs.tsv"
    args = ["learn", str(src), "-o", str(out), "--no-thesaurus", "--no-profile"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return out


def test_weak_learned_pairs_do_not_open_the_profile_gate(spun_seed) -> None:
    """The built-in profile's own pairs are gated by the profile score read without the
    pairs learned from corpus statistics alone (weight < 0.5)."""
    from repair.document import Document
    from repair.stages.spin import STAGE

    cfg = RepairConfig(mojibake=False, ocr=False, tortured=False)
    plain = STAGE.detect(Document(spun_seed, config=cfg)).details["profile_score"]
    weak = STAGE.detect(Document(spun_seed, config=cfg, pairs={"tariff": ("duty", 0.49)}))
    assert weak.details["prior_profile_score"] == plain
    strong = STAGE.detect(Document(spun_seed, config=cfg, pairs={"tariff": ("duty", 0.9)}))
    assert "prior_profile_score" not in strong.details
