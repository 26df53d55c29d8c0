"""One frozen configuration object; override fields with ``dataclasses.replace``.

Besides the fields below, :class:`RepairConfig` has one ``bool`` field per stage
of :data:`repair.stages.REGISTRY`, named after the stage (``mojibake``, ``ocr``,
``tortured``, ``spin``, ...), defaulting to the stage's ``default``: whether the
stage runs.

>>> from dataclasses import replace
>>> replace(RepairConfig(), min_confidence=0.9).min_confidence
0.9
>>> RepairConfig(spin=False).spin, RepairConfig().ocr
(False, True)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from repair.stages import REGISTRY

HtmlPolicy = Literal["auto", "always", "never"]


def _with_stage_flags(cls: type) -> type:
    """Add one ``bool`` field per registered stage (default: the stage's ``default``)."""
    for s in REGISTRY:
        cls.__annotations__[s.name] = "bool"
        setattr(cls, s.name, s.default)
    return dataclass(frozen=True)(cls)


@_with_stage_flags
class RepairConfig:
    """How :func:`repair.repair_text` runs: stage flags, thresholds, resources."""

    #: Edits whose confidence is below this are not applied (nor reported).
    min_confidence: float = 0.5
    #: Re-flow hard-wrapped lines into paragraphs (OCR); paragraph breaks are kept.
    reflow: bool = False
    #: Extra substitution lexicons (TSV from ``repair learn``) to use for spin.
    lexicons: tuple[Path, ...] = ()
    #: Skip the English-only stages on text that does not look like English: the share
    #: of words that are common English words (Zipf >= 3) below which a text is
    #: called non-English (English news ~0.97, old OCR'd books ~0.86, French ~0.5).
    min_english_share: float = 0.7
    #: List every span a stage declined, with its reason code, in
    #: ``RepairResult.declined`` (the JSON and HTML reports show them; the counts by
    #: reason are in ``scores.decisions`` either way).
    keep_declined: bool = False
    #: Refuse inputs longer than this many code points (protects batch jobs).
    max_chars: int = 20_000_000
    #: A text up to this many code points (~170 k words) is repaired as one document;
    #: a longer one by paragraph windows of at least :attr:`window_chars`, each as a
    #: document of its own, so memory stays bounded (:func:`repair.pipeline.repair_windows`).
    whole_document_chars: int = 1_000_000
    #: The size of those windows (code points; 250 k is ~42 k words).
    window_chars: int = 250_000
    #: Mojibake stage: decode HTML entities ("&amp;" -> "&") "always", "never", or
    #: "auto" (only in documents with no ``<``, i.e. that are not HTML or XML).
    mojibake_unescape_html: HtmlPolicy = "auto"
    #: OCR stage: the garble gate (the document garble score from which the riskier
    #: OCR repairs run); ``None`` means the measured default,
    #: :data:`repair.detect.ocr.REALWORD_MIN_GARBLE`.
    ocr_realword_min_garble: float | None = None
    #: Spin stage: the known spinner profile used as a prior ("default": the seed
    #: spinner's habit families in ``lexicons/``); ``None`` runs spinner-agnostic only.
    spin_profile: str | None = "default"
    #: OCR stage: self-train the OCR profile on a garbled text of up to 20 k words and
    #: repair it again with what it taught (:mod:`repair.score.ocr_docself`, ``AUTO``);
    #: ``False`` keeps one pass (about 2× faster on such a text, fewer fixes).
    ocr_self_train: bool = True

    def __post_init__(self) -> None:
        if self.mojibake_unescape_html not in ("auto", "always", "never"):
            raise ValueError(
                f"mojibake_unescape_html={self.mojibake_unescape_html!r}: "
                "use 'auto', 'always' or 'never'"
            )
