"""One frozen configuration object; override fields with ``dataclasses.replace``.

>>> from dataclasses import replace
>>> replace(RepairConfig(), min_confidence=0.9).min_confidence
0.9
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class RepairConfig:
    #: Run the encoding step (ftfy: mojibake, HTML entities, broken Unicode).
    mojibake: bool = True
    #: Run the OCR steps (line-end hyphenation, split/merged words, glyph confusions).
    ocr: bool = True
    #: Run the tortured-phrase step (paper-mill phrases such as "profound learning").
    tortured: bool = True
    #: Run the spin step (thesaurus substitutions of an article spinner).
    spin: bool = True
    #: Edits whose confidence is below this are not applied (nor reported).
    min_confidence: float = 0.5
    #: Re-flow hard-wrapped lines into paragraphs (OCR); paragraph breaks are kept.
    reflow: bool = False
    #: Extra substitution lexicons (TSV from ``repair learn``) to use for spin.
    lexicons: tuple[Path, ...] = ()
    #: Skip spin/OCR/tortured on text that does not look like English: the share
    #: of words that are common English words (Zipf >= 3) below which a text is
    #: called non-English (English news ~0.97, old OCR'd books ~0.86, French ~0.5).
    min_english_share: float = 0.7
    #: Refuse inputs longer than this many code points (protects batch jobs).
    max_chars: int = 20_000_000
    #: Free-form options a step may read (name -> value); keeps the record frozen.
    options: dict[str, object] = field(default_factory=dict, hash=False, compare=False)
