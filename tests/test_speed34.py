"""Session 34 (speed34): exact savings on OCR and rare-spun text (issue 14).

Each change leaves every output as it was; the tests pin the new paths and compare them
with the old ones."""

from __future__ import annotations

import gc
import random
import re
import sys
from copy import deepcopy
from pathlib import Path

import pytest

from repair.candidates import ocr_money
from repair.score import ngrams, ocr_decide_fast

# -- fix: no cyclic collection after the repair in a one-shot process ----------------------


def _run_fix(tmp_path: Path, one_shot: bool, monkeypatch: pytest.MonkeyPatch) -> bool:
    import repair.cli as cli

    src = tmp_path / "in.txt"
    src.write_text("Tbe house was built in 1901 by the towns people.\n", encoding="utf-8")
    monkeypatch.setattr(cli, "ONE_SHOT", one_shot)
    monkeypatch.setattr(sys, "argv", ["repair", "fix", str(src), "-q", "-o", str(tmp_path / "o")])
    was = gc.isenabled()
    gc.enable()
    try:
        with pytest.raises(SystemExit) as exc:
            cli.main()
        assert exc.value.code == 0
        return gc.isenabled()
    finally:
        gc.enable() if was else gc.disable()


def test_one_shot_fix_leaves_the_collector_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _run_fix(tmp_path, True, monkeypatch) is False
    assert (tmp_path / "o").read_text(encoding="utf-8").startswith("The house")


def test_in_process_fix_keeps_the_collector(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _run_fix(tmp_path, False, monkeypatch) is True


def test_entry_marks_the_process_one_shot(monkeypatch: pytest.MonkeyPatch) -> None:
    import repair.cli as cli

    seen: list[bool] = []

    def command() -> None:  # a one-shot fix: pauses the collector for the quick exit
        seen.append(cli.ONE_SHOT)
        gc.disable()

    monkeypatch.setattr(cli, "ONE_SHOT", False)
    monkeypatch.setattr(cli, "main", command)
    monkeypatch.setattr(cli, "_quick_exit_safe", lambda: False)  # leaves by SystemExit
    was = gc.isenabled()
    gc.enable()
    try:
        with pytest.raises(SystemExit):
            cli.entry()
        # the process goes on (no quick exit): the flag and the collector as they were
        assert seen == [True] and cli.ONE_SHOT is False and gc.isenabled()
    finally:
        gc.enable() if was else gc.disable()


# -- ngrams.norm: alphabetic words lowered at once ---------------------------------------


def _old_norm(word: str) -> str:
    if word in (ngrams.BOS, ngrams.EOS):
        return word
    if any(c.isdigit() for c in word):
        return "<num>"
    return word.replace("\u2019", "'").lower()


def test_no_code_point_is_both_letter_and_digit() -> None:
    """The fast path's premise: an alphabetic word has no digit (and no ’ or marker)."""
    assert not [i for i in range(sys.maxunicode + 1) if chr(i).isalpha() and chr(i).isdigit()]


def test_norm_equals_the_old_steps() -> None:
    rng = random.Random(34)
    pool = "abcXYZéßİΣςǅﬁ’'0١²-<>/s"
    words = ["", "<s>", "</s>", "Sydney’s", "14th", "İstanbul", "ΣΊΣΥΦΟΣ", "ǅemal", "ﬁne"]
    words += ["".join(rng.choice(pool) for _ in range(rng.randint(1, 7))) for _ in range(5000)]
    for w in words:
        assert ngrams.norm(w) == _old_norm(w), w


# -- ocr_money: chunks by str.split, the patterns' first tests before matching -----------


def _old_money_inputs(text: str) -> tuple[list[tuple[int, int]], list[str | None], list[int]]:
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    chunks = [text[s:e] for s, e in spans]
    units = [ocr_money._sum_unit(c) for c in chunks]
    shaped = [k for k, m in enumerate(map(ocr_money._SHAPE.match, chunks)) if m is not None]
    return spans, units, shaped


def test_split_gives_the_pattern_chunks() -> None:
    """``str.split()`` and ``\\S+`` cut at the same code points."""
    spaces = [chr(i) for i in range(sys.maxunicode + 1) if re.fullmatch(r"\s", chr(i))]
    assert spaces == [chr(i) for i in range(sys.maxunicode + 1) if chr(i).isspace()]
    text = "a\x1cb\u2028c\u3000d\x85e\u200bf  g\n"
    assert text.split() == re.findall(r"\S+", text)


@pytest.mark.parametrize("seed", range(4))
def test_money_equals_the_old_scan(seed: int) -> None:
    rng = random.Random(seed)
    pieces = ["10s", "4s.", "6d", "£3", "£12,", "GJ", "Gd", "5«", "Is", "40a.", "costs",
              "cost»", "and", "nnd", ",", ".", "fined", "was", "the", "١٢s", "£", "2s6d",
              "Is.", "8d.;", "costing", "ＡＢ", "a", "ab", "abc,,", "abcdef"]  # fmt: skip
    seps = [" ", "  ", "\n", "\t", "\u3000", "\x85"]
    text = "".join(rng.choice(pieces) + rng.choice(seps) for _ in range(400))
    spans, units, shaped = _old_money_inputs(text)
    chunks = text.split()
    assert [text[s:e] for s, e in spans] == chunks
    got_units = [
        ocr_money._sum_unit(c) if c[0] == "£" or c[0].isdecimal() else None for c in chunks
    ]
    assert got_units == units
    assert [k for k, c in enumerate(chunks) if len(c) <= 5 and ocr_money._SHAPE.match(c)] == (
        shaped
    )
    found = ocr_money.money_candidates(text)
    for c in found:  # each reading's span is its chunk's, as the old offsets gave
        k = next(i for i, (s, _e) in enumerate(spans) if s == c.start)
        assert text[c.start : c.end] == chunks[k].rstrip(".,;:")
    assert found, "the text has sums to read"


def test_money_matches_only_short_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    shape = ocr_money._SHAPE

    class Counting:
        def match(self, s: str) -> re.Match[str] | None:
            asked.append(s)
            return shape.match(s)

    monkeypatch.setattr(ocr_money, "_SHAPE", Counting())
    ocr_money.money_candidates("was fined 10s and 5s GJ costs; remarkable undertakings")
    assert asked and all(len(s) <= 5 for s in asked)


# -- the OCR decision and the slot scores ask the model's direct look-up -------------------


def test_decision_uses_the_models_direct_prob() -> None:
    from repair.score.ocr import Scorer

    s = Scorer()
    prob = ocr_decide_fast.lm_parts(s.lm)[0]
    assert prob is s.lm.prob
    for gram in (["the"], ["house", "the"], ["zzqx", "of", "the"], ["café", "a"]):
        assert prob(gram) == s.lm._model.prob(gram)


def test_slot_scores_use_the_models_prob(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.candidates import ocr_slot
    from repair.resources.lm import get_lm

    lm = get_lm()
    want = ocr_slot.slot_scores(["in"], ["tbe", "the", "a"], ["house"])
    calls: list[list[str]] = []
    direct = lm.prob

    def counting(words: list[str]) -> int:
        calls.append(list(words))
        return direct(words)  # type: ignore[no-any-return]

    monkeypatch.setattr(lm, "prob", counting)
    assert ocr_slot.slot_scores(["in"], ["tbe", "the", "a"], ["house"]) == want
    assert calls


# -- lemminflect's look-ups without deepcopy's walk ------------------------------------------


def test_lemminflect_copies_through_the_fast_copy() -> None:
    import lemminflect.core.Inflections as infl
    import lemminflect.core.Lemmatizer as lem

    from repair.resources import lemmas

    assert lemmas.install()
    assert lem.deepcopy is lemmas._copy and infl.deepcopy is lemmas._copy


def test_fast_copy_equals_deepcopy() -> None:
    from repair.resources import lemmas

    fresh = lemmas._Fresh({"NN": ("run",), "VBD": ("ran", "runned")})
    for x in (fresh, {}, {"VB": ("go",)}, {"a": ["list"]}):
        got, want = lemmas._copy(x), deepcopy(dict(x) if type(x) is lemmas._Fresh else x)
        assert got == want and type(got) is dict and got is not x
        for k in got:  # tuples of str are shared, as deepcopy shares them
            if isinstance(want[k], tuple):
                assert got[k] is x[k]
    nested = {"a": ["list"]}
    assert lemmas._copy(nested)["a"] is not nested["a"]


def test_lookups_equal_with_and_without_the_fast_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    import lemminflect.core.Inflections as infl
    import lemminflect.core.Lemmatizer as lem

    from repair.resources import lemmas
    from repair.resources.lemmas import getAllInflections, getAllLemmas

    words = ["run", "running", "ran", "Geese", "better", "zzqx", "analyses", "PROPN", "data"]
    fast = [(getAllLemmas(w), getAllInflections(w), getAllInflections(w, "VERB")) for w in words]
    monkeypatch.setattr(lem, "deepcopy", deepcopy)
    monkeypatch.setattr(infl, "deepcopy", deepcopy)
    monkeypatch.setattr(lemmas, "FRESH_COPY", False)
    slow = [(getAllLemmas(w), getAllInflections(w), getAllInflections(w, "VERB")) for w in words]
    assert fast == slow
    assert all(type(d) is dict for row in fast for d in row)
