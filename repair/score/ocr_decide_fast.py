"""The OCR scorer's decision compiled: an optional accelerator (issue 14, session 24).

:meth:`repair.score.ocr.Scorer._decide` compares a reading with the print by two
sequence scores (:meth:`~repair.score.ocr.Scorer.seq`, memoised by a flat key) and a
little arithmetic; a 100 k-word OCR page asks it ~127 k times, and its three Python
frames (the decision and both sequence scores) and the ``Decision`` it builds were
~5 % of the run.  ``_ocrwalk.decide`` (``repair/score/_ocrwalk.c``) does the same in
one call: the same keys looked up in the same memos (the scorer's own, then the last
document's, then the language model, whose answer is stored), the same float
operations in the same order (``gain - cost - per_zipf * zipf``, the logistic of
``margin - threshold + 1``), the same ``Decision`` (built as ``tuple.__new__`` builds
it).  Exact: ``tests/test_ocr_decide_fast.py`` compares both on every decision of
garbled pages and on odd inputs.

Used only for a plain :class:`~repair.score.ocr.Scorer` (a subclass that overrides
``seq`` decides in Python), with the extension built and :data:`FAST` on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from repair.score import ocr_walk_fast

#: Switch: decide with the compiled function when it is built.
FAST = True
#: Switch: the compiled decision sums the language model's n-gram scores itself.
LM_SUM = True
#: Switch: :func:`repair.score.ocr._decide_all`'s loop over the candidates is compiled
#: (``_ocrwalk.decide_all``: the same memo reads and writes, page-cache prices, groups and
#: near misses; issue 14, session 27).
LOOP = True


def loop() -> Callable[..., None] | None:
    """``_ocrwalk.decide_all`` when the extension is built (and :data:`LOOP` is on), else
    None: :func:`repair.score.ocr._decide_loop` runs in Python."""
    if not LOOP:
        return None
    mod = ocr_walk_fast.module()
    return None if mod is None else getattr(mod, "decide_all", None)


def compiled(scorer: Any) -> Callable[..., Any] | None:
    """``_ocrwalk.decide`` for ``scorer`` (its ``seq`` is :meth:`Scorer.seq` and its
    memos are dicts), else None: decide in Python."""
    if not FAST:
        return None
    mod = ocr_walk_fast.module()
    fast = None if mod is None else getattr(mod, "decide", None)
    if fast is None:
        return None
    from repair.score.ocr import Scorer

    if not isinstance(scorer, Scorer):
        return None
    if type(scorer).seq is not Scorer.seq or type(scorer)._decide is not Scorer._decide:
        return None
    if type(getattr(scorer, "_seq", None)) is not dict:
        return None
    if type(getattr(scorer, "_old_seq", None)) is not dict:
        return None
    return fast  # type: ignore[no-any-return]


def lm_parts(lm: Any) -> tuple[Any, float, float]:
    """``(prob, LOG_BASE, UNKNOWN_LOGPROB)``: the n-gram score of a plain
    :class:`~repair.resources.lm.LanguageModel`, whose sum
    :meth:`~repair.resources.lm.LanguageModel.sequence_logprob` the compiled decision
    then makes itself (the same n-grams asked in the same order, each scaled and added
    as there); ``prob`` is None for any other model (its own method is asked)."""
    from repair.resources import lm as lm_module

    cls = lm_module.LanguageModel
    plain = (
        type(lm) is cls and "sequence_logprob" not in vars(lm) and "_model" in vars(lm) and LM_SUM
    )
    # the model's own look-up (:attr:`LanguageModel.prob`: pocketsphinx's C ``ngram_prob``
    # called directly when built, the same ints as the binding's ``prob``; issue 14)
    prob = lm.prob if plain else None
    return prob, lm_module._LOG_BASE, lm_module.UNKNOWN_LOGPROB
