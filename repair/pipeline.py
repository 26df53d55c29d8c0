"""The pipeline: normalize (encoding) → detect → candidates → score → write.

:data:`STAGES` is the one ordered registry.  Each stage sees the text left by
the previous ones; :func:`repair.write.compose` maps its edits back onto the
original input, so the result's edits are always spans on the input.
"""

from __future__ import annotations

import functools
import gc
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from repair.config import RepairConfig
from repair.document import Document
from repair.resources.frequency import zipf
from repair.stages import REGISTRY, StageSpec, load_stage
from repair.types import DocScores, Edit, RepairResult
from repair.write import apply_edits, compose, select_disjoint

#: stage name -> its declaration, in pipeline order (declared once in
#: :data:`repair.stages.REGISTRY`: config flag, edit kinds, score field, English-only).
STAGES: dict[str, StageSpec] = {s.name: s for s in REGISTRY}


#: A word counts as English when its wordfreq Zipf frequency is at least this.
#: Measured (share of 2+-letter words at Zipf >= 3): seeds 0.97-0.98, ICDAR 2017
#: OCR English 0.86-0.93; German 0.38, French 0.50, Spanish 0.57 news sentences.
_COMMON_ZIPF = 3.0


def english_share(doc: Document) -> float:
    """Share of word tokens (of 2+ letters, first 2,000) that are common English words."""
    ws = [t.text for t in doc.words if len(t.text) > 1][:2000]
    if len(ws) < 5:
        return 1.0
    return sum(1 for w in ws if zipf(w.lower()) >= _COMMON_ZIPF) / len(ws)


#: English function words no French, German or Spanish sentence uses ("a", "in", "was"
#: are words there too).  Clean English: 20-30 % of word tokens; heavily garbled
#: newspaper OCR (SMH, CER 0.2) 5-30 %; French, German, Spanish, Italian news sentences 0 %.
_ENGLISH_FUNCTION = frozenset(
    "the of and to that for with from which this have had his are be by at it".split()
)
#: A text whose common-word share is low (heavy OCR garble) is still English when this
#: share of its word tokens are English function words.
ENGLISH_FUNCTION_SHARE = 0.04


def english_function_share(doc: Document) -> float:
    """Share of word tokens (first 2,000) that are English function words."""
    ws = [t.text.lower() for t in doc.words[:2000]]
    return sum(1 for w in ws if w in _ENGLISH_FUNCTION) / len(ws) if ws else 0.0


_F = TypeVar("_F", bound=Callable[..., object])


def _cyclic_gc_paused(fn: _F) -> _F:
    """Run ``fn`` with the cyclic garbage collector paused (reference counting still frees).

    A repair allocates hundreds of thousands of small acyclic objects (tokens,
    candidates); each allocation burst makes the collector walk every tracked
    object, the loaded lexicons included.  Pausing it cut the CPU time of a
    100 k-word document by 9 % (clean news) to 21 % (OCR); the pipeline builds
    few reference cycles (peak RSS +2 %), and they are collected once the
    collector runs again.  The previous state is restored (nested or threaded
    calls leave it enabled if it was).
    """

    @functools.wraps(fn)
    def wrapper(*args: object, **kwargs: object) -> object:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return wrapper  # type: ignore[return-value]


@_cyclic_gc_paused
def repair_text(
    text: str,
    references: Iterable[str] = (),
    config: RepairConfig | None = None,
    *,
    pairs: Mapping[str, tuple[str, float]] | None = None,
    doc_id: str = "",
) -> RepairResult:
    """Repair ``text``; return the repaired text, the edits (spans on ``text``) and scores.

    >>> r = repair_text("Clean text stays as it is.")
    >>> r.text == "Clean text stays as it is.", r.edits
    (True, ())
    """
    config = config or RepairConfig()
    references = tuple(references)
    pairs = dict(pairs or {})
    if config.lexicons:
        from repair.learn import load_pairs

        for path in config.lexicons:
            for k, v in load_pairs(path).items():
                pairs.setdefault(k, v)

    edits: list[Edit] = []
    current = text
    score_fields: dict[str, float] = {}
    details: dict[str, object] = {}
    skipped: list[str] = []
    n_words = 0
    for name in STAGES:
        if not getattr(config, name):
            if STAGES[name].default:  # an opt-in stage left off is not news
                skipped.append(f"{name}:disabled")
            continue
        doc = Document(current, references, config, pairs, doc_id)
        if name == "mojibake" or not n_words:
            n_words = len(doc.words)
        if STAGES[name].english_only:
            if "english_share" not in details:  # once: later stages change few words
                details["english_share"] = round(english_share(doc), 3)
            if (
                details["english_share"] < config.min_english_share  # type: ignore[operator]
                and english_function_share(doc) < ENGLISH_FUNCTION_SHARE
            ):
                skipped.append(f"{name}:non_english")
                continue
        stage = load_stage(name)
        detection = stage.detect(doc)
        score_fields[STAGES[name].score] = detection.score
        if detection.details:
            details[name] = detection.details
        candidates = stage.candidates(doc, detection)
        stage_edits = [
            e
            for e in stage.score(doc, detection, candidates)
            if e.confidence >= config.min_confidence
        ]
        stage_edits = select_disjoint(stage_edits)
        if not stage_edits:
            continue
        edits = compose(text, edits, stage_edits)
        current = apply_edits(current, stage_edits)

    edits = [e for e in edits if e.original != e.replacement]
    out = apply_edits(text, edits)
    by_kind = Counter(e.kind for e in edits)
    scores = DocScores(
        words=n_words,
        edits=len(edits),
        edits_per_1000_words=1000.0 * len(edits) / n_words if n_words else 0.0,
        edits_by_kind=dict(by_kind),
        skipped=tuple(skipped),
        details=details,
        **score_fields,
    )
    return RepairResult(text, out, tuple(edits), scores)

