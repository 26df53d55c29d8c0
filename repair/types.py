"""Frozen records shared by every stage of the pipeline.

The contract that holds the project together:

* offsets are **code points into the input string** (Python ``str`` indices);
* an :class:`Edit` replaces ``input[offset:offset + length]`` (which equals
  ``original``) by ``replacement``;
* edits of one result never overlap, are sorted by offset, and applying them
  to the input (:func:`repair.write.apply_edits`) gives the output exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from repair.stages import edit_kinds, score_fields

#: Every edit kind a stage declares (:data:`repair.stages.REGISTRY`), in pipeline order.
EDIT_KINDS: tuple[str, ...] = tuple(k.name for k in edit_kinds())
#: The document-score fields of :class:`DocScores`, one per stage, in display order.
SCORE_FIELDS: tuple[str, ...] = tuple(name for name, _label in score_fields())


@dataclass(frozen=True, slots=True)
class Token:
    """A piece of the input: ``text == source[start:end]``.

    ``kind`` is one of ``word`` (letters, with inner apostrophes), ``number``,
    ``space`` (any run of whitespace, newlines included) or ``punct`` (any
    other single character).
    """

    text: str
    start: int
    end: int
    kind: str

    @property
    def is_word(self) -> bool:
        return self.kind == "word"


@dataclass(frozen=True, slots=True)
class Finding:
    """A span a detector found suspicious, with the reason code it gives."""

    start: int
    end: int
    kind: str
    reason: str
    score: float = 0.0
    data: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True, slots=True)
class Detection:
    """What a detector says about one document.

    ``score`` is the document-level score in [0, 1] shown by ``repair scan``
    (spin likelihood, share of garbled tokens, ...); ``details`` holds the
    numbers behind it.
    """

    findings: tuple[Finding, ...] = ()
    score: float = 0.0
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed restoration of ``text[start:end]`` by ``replacement``.

    ``source`` names the generator (the rule id of the edit if accepted);
    ``features`` holds the raw signals a scorer may use.
    """

    start: int
    end: int
    replacement: str
    kind: str
    source: str
    features: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True, slots=True)
class Edit:
    """One change, shaped like a LanguageTool match.

    ``evidence`` maps each signal to what it said, with its numbers, e.g.
    ``{"lm_logprob_gain": 3.1, "pair_count_in_doc": 21, "reference_ngrams": 2}``.
    ``alternatives`` are the other replacements considered, best first.
    """

    offset: int
    length: int
    original: str
    replacement: str
    kind: str
    confidence: float
    rule: str
    message: str = ""
    evidence: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    alternatives: tuple[str, ...] = ()

    @property
    def end(self) -> int:
        return self.offset + self.length

    def to_json(self) -> dict[str, Any]:
        """The LanguageTool-like JSON shape used by ``--report json`` and ``batch``."""
        return {
            "offset": self.offset,
            "length": self.length,
            "original": self.original,
            "replacements": [self.replacement, *self.alternatives],
            "kind": self.kind,
            "confidence": round(self.confidence, 4),
            "rule": {"id": self.rule, "kind": self.kind},
            "message": self.message,
            "evidence": self.evidence,
        }


def _with_score_fields(cls: type) -> type:
    """Insert one ``float`` field (default 0.0) per stage score after ``words``."""
    own = dict(cls.__annotations__)
    annotations = {"words": own.pop("words")}
    for name in SCORE_FIELDS:
        annotations[name] = "float"
        setattr(cls, name, 0.0)
    annotations.update(own)
    cls.__annotations__ = annotations
    return dataclass(frozen=True, slots=True)(cls)


@_with_score_fields
class DocScores:
    """Per-document scores (all in [0, 1] except the counts).

    Besides the fields below there is one score per stage, named by the stage's
    declaration (:data:`SCORE_FIELDS`: ``spin``, ``tortured``, ``garble``,
    ``mojibake``, ...).
    """

    words: int
    edits: int = 0
    edits_per_1000_words: float = 0.0
    edits_by_kind: dict[str, int] = field(default_factory=dict)
    skipped: tuple[str, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def decisions(self) -> dict[str, dict[str, int]]:
        """What each stage decided on its candidate spans and why, ``{stage: {reason: n}}``
        (``applied``, or a refusal's reason code: :mod:`repair.decisions`)."""
        from repair.decisions import decision_counts

        return decision_counts(self.details)

    def to_json(self) -> dict[str, Any]:
        return {
            "words": self.words,
            **{name: round(getattr(self, name), 4) for name in SCORE_FIELDS},
            "edits": self.edits,
            "edits_per_1000_words": round(self.edits_per_1000_words, 2),
            "edits_by_kind": dict(self.edits_by_kind),
            "decisions": self.decisions,
            "skipped": list(self.skipped),
        }


@dataclass(frozen=True, slots=True)
class Declined:
    """A span a stage read as damaged but left as it is, and the reason code why
    (``lm_against``, ``weak_evidence``, ``proper_noun``, ...; :mod:`repair.decisions`).
    ``offset`` and ``length`` are code points of the input, as an :class:`Edit`'s."""

    offset: int
    length: int
    original: str
    stage: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {
            "offset": self.offset,
            "length": self.length,
            "original": self.original,
            "stage": self.stage,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class RepairResult:
    """The output of :func:`repair.repair_text`."""

    original: str
    text: str
    edits: tuple[Edit, ...]
    scores: DocScores
    #: the spans the stages declined, sorted (only with ``RepairConfig.keep_declined``)
    declined: tuple[Declined, ...] = ()

    @property
    def changed(self) -> bool:
        return self.text != self.original
