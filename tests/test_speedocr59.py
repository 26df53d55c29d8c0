"""Session 59, speedocr59: two exact speed changes of the OCR path (issue 14).

- :data:`repair.score.ocr_variantlm.COMPILED_PROB`: the British-spelling back-off's n-gram
  look-up (the compiled decision asks it for every n-gram) in C, the same ints;
- :data:`repair.cli.fix.PAUSE_BEFORE`: a one-shot ``repair fix`` pauses the cyclic collector
  before the repair, so the pipeline never turns it back on (no collection of every object
  the repair kept);
- :data:`repair.candidates.ocr_capswap.RIVAL_POOL_MEMO`: the capital swap's rivals asked of
  a pool kept per length, the same rivals in the same order.
"""

from __future__ import annotations

import gc
import random
import sys
from pathlib import Path

import pytest

from repair.pipeline import repair_text
from repair.resources.lm import get_lm
from repair.score import ocr_variantlm

_WORDS = (
    "the of house defences honours colour colours said he walked zzqx café labourer "
    "recognised a . , judgement mediaeval Defences HONOURS coast organised 1901 <num> ’s"
).split() + [""]


def _compiled() -> type | None:
    try:
        from repair.resources._lmprob import Variant  # type: ignore[attr-defined]
    except ImportError:
        return None
    return Variant  # type: ignore[no-any-return]


def _model(monkeypatch: pytest.MonkeyPatch, compiled: bool):
    """A back-off model built with :data:`COMPILED_PROB` set (outside the shared memo)."""
    monkeypatch.setattr(ocr_variantlm, "COMPILED_PROB", compiled)
    return ocr_variantlm._variant_model.__wrapped__(get_lm())


def test_the_back_off_prob_is_compiled() -> None:
    if _compiled() is None:
        pytest.skip("repair.resources._lmprob not built")
    assert ocr_variantlm.COMPILED_PROB  # shipped setting (RESULTS, session 59, speedocr59)
    model = ocr_variantlm.scorer_lm(get_lm())
    assert type(model.prob) is _compiled()
    assert not isinstance(model.prob, ocr_variantlm._VariantProb)


def test_compiled_prob_gives_the_python_ints(monkeypatch: pytest.MonkeyPatch) -> None:
    if _compiled() is None:
        pytest.skip("repair.resources._lmprob not built")
    fast = _model(monkeypatch, True).prob
    slow = _model(monkeypatch, False).prob
    assert type(fast) is _compiled() and type(slow) is ocr_variantlm._VariantProb
    assert fast.penalty == slow.penalty and fast.base is slow.base
    rng = random.Random(59)
    mapped_first = 0
    for _ in range(20_000):
        gram: list[str] | tuple[str, ...] = [
            rng.choice(_WORDS[:-1] if i == 0 else _WORDS) for i in range(rng.randint(1, 3))
        ]
        if rng.random() < 0.3:
            gram = tuple(gram)
        a, b = fast(gram), slow(gram)
        assert a == b and type(a) is type(b) is int, gram
        mapped_first += bool(ocr_variantlm.variant_of(gram[0]))
    assert mapped_first > 1000  # the penalty's branch is taken


def test_compiled_prob_raises_as_python(monkeypatch: pytest.MonkeyPatch) -> None:
    if _compiled() is None:
        pytest.skip("repair.resources._lmprob not built")
    fast = _model(monkeypatch, True).prob
    slow = _model(monkeypatch, False).prob
    for bad in (None, 5):
        for prob in (fast, slow):
            with pytest.raises(TypeError):
                prob(bad)
    with pytest.raises(TypeError):
        fast(["the"], ["of"])


def test_compiled_prob_same_repairs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pipeline's output and edits are the same with the switch off and on."""
    texts = [
        "Tbe defences of tbe coast were strengthened by tho labourers, wbo honoured tbe "
        "colours of the regiment. Tho harbour was organised in 1901 and tbe tbeatre opened.\n",
        "The Mayor said tbat tbe judgement of the court was a matter for tbe councillors, "
        "and tbe neighbours recognised tbe favour done to tbem by tbe Governor. Tlie "
        "labour party wero present in tbe centre of the town.\n",
    ]
    seen = []
    for compiled in (False, True):
        monkeypatch.setattr(ocr_variantlm, "COMPILED_PROB", compiled)
        ocr_variantlm._variant_model.cache_clear()
        try:
            results = [repair_text(t) for t in texts]
        finally:
            ocr_variantlm._variant_model.cache_clear()
        seen.append(
            [(r.text, [(e.offset, e.length, e.replacement) for e in r.edits]) for r in results]
        )
    assert seen[0] == seen[1]
    assert seen[1][0][0] != texts[0]  # the text is repaired


def _collections_in_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pause_before: bool
) -> tuple[int, bool]:
    """The cyclic collections run from the repair's start to the end of a one-shot
    ``repair fix``, and whether the collector is on at its end."""
    import repair.cli as cli
    import repair.cli.fix as fix

    src = tmp_path / "in.txt"
    src.write_text(
        "Tbe house was built in 1901 by tbe towns people, wbo said tbat tbe roof was sound.\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(cli, "ONE_SHOT", True)
    monkeypatch.setattr(fix, "PAUSE_BEFORE", pause_before)
    monkeypatch.setattr(sys, "argv", ["repair", "fix", str(src), "-q", "-o", str(tmp_path / "o")])
    runs: list[int] = []
    started: list[bool] = []
    repair = fix.repair_keeping_bom

    def repairing(*args: object, **kwargs: object) -> object:
        started.append(True)  # from here on every collection is counted
        return repair(*args, **kwargs)

    def count(phase: str, info: dict) -> None:
        if phase == "start" and started:
            runs.append(info["generation"])

    monkeypatch.setattr(fix, "repair_keeping_bom", repairing)

    was = gc.isenabled()
    gc.enable()
    gc.collect()
    gc.callbacks.append(count)
    try:
        with pytest.raises(SystemExit) as exc:
            cli.main()
        assert exc.value.code == 0 and started
        return len(runs), gc.isenabled()
    finally:
        gc.callbacks.remove(count)
        gc.enable() if was else gc.disable()


def test_one_shot_fix_never_collects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import repair.cli.fix as fix

    assert fix.PAUSE_BEFORE  # shipped setting (RESULTS, session 59, speedocr59)
    # before (off): the pipeline turns the collector back on after the document, and it runs
    off, on_after = _collections_in_fix(tmp_path, monkeypatch, False)
    out_off = (tmp_path / "o").read_text(encoding="utf-8")
    assert off >= 1 and not on_after
    on, on_after = _collections_in_fix(tmp_path, monkeypatch, True)
    assert on == 0 and not on_after
    assert (tmp_path / "o").read_text(encoding="utf-8") == out_off
    assert out_off.startswith("The house")


def test_in_process_fix_keeps_the_collector(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not one-shot (a caller's process goes on): the collector is left as it was."""
    import repair.cli as cli

    monkeypatch.setattr(cli, "ONE_SHOT", False)
    src = tmp_path / "in.txt"
    src.write_text("Tbe house was built in 1901.\n", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["repair", "fix", str(src), "-q", "-o", str(tmp_path / "o")])
    was = gc.isenabled()
    gc.enable()
    try:
        with pytest.raises(SystemExit):
            cli.main()
        assert gc.isenabled()
    finally:
        gc.enable() if was else gc.disable()


# -- ocr_capswap.RIVAL_POOL_MEMO: the rivals' pool kept per length -----------------------


def _rival_cases() -> list[tuple[str, float, set[str]]]:
    from repair.candidates import ocr_capswap

    rng = random.Random(59)
    prints = ["Frnest", "Toseph", "Knmore", "Ihuisdaj", "Bussell", "Hoase", "Mnrket", "Tbeatre"]
    cases = []
    for text in prints:
        whole, _most = ocr_capswap._rival_pool(len(text))
        for cost in (0.5, 3.0, 7.0):
            readings = set(rng.sample(whole, 3))
            readings |= {text.lower()[:-1] + "e", "ernest", "joseph"}
            cases.append((text, cost, readings))
    return cases


def test_rival_pool_same_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.candidates import ocr_capswap

    assert ocr_capswap.RIVAL_POOL_MEMO  # shipped setting (RESULTS, session 59, speedocr59)
    cases = _rival_cases()
    answers = {}
    for memo in (False, True):
        monkeypatch.setattr(ocr_capswap, "RIVAL_POOL_MEMO", memo)
        answers[memo] = [ocr_capswap._rival(*case) for case in cases]
    assert answers[False] == answers[True]
    assert any(answers[True]) and not all(answers[True])  # both answers occur


def test_rival_pool_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """As shipped a print's rivals read the kept pool: no word list is walked again."""
    from repair.candidates import ocr_capswap, ocr_deepreach

    ocr_capswap._rival("Frnest", 3.0, {"ernest"})  # the pool of 6 letters is kept

    def walked(n: int) -> tuple[str, ...]:
        raise AssertionError("the pool was built again")

    monkeypatch.setattr(ocr_deepreach, "_words_of", walked)
    ocr_capswap._rival("Frnesk", 3.0, {"ernest"})
    monkeypatch.setattr(ocr_capswap, "RIVAL_POOL_MEMO", False)
    with pytest.raises(AssertionError):
        ocr_capswap._rival("Frnesk", 3.0, {"ernest"})
