"""The per-document state every step reads: text, tokens, references, config."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from repair.config import RepairConfig
from repair.tokenize import tokenize
from repair.types import Token


@dataclass
class Document:
    """One text as a step sees it.

    ``text`` is the text *after* the previous steps (the pipeline maps each
    step's edits back onto the original input).  ``references`` are clean
    texts on the same story (``--reference``).  ``pairs`` holds substitution
    pairs learned elsewhere (``--lexicon``, corpus-level learning in batch):
    ``{spun phrase (lower case): (original phrase, weight)}``.
    """

    text: str
    references: tuple[str, ...] = ()
    config: RepairConfig = field(default_factory=RepairConfig)
    pairs: Mapping[str, tuple[str, float]] = field(default_factory=dict)
    doc_id: str = ""

    @cached_property
    def tokens(self) -> list[Token]:
        return tokenize(self.text)

    @cached_property
    def words(self) -> list[Token]:
        return [t for t in self.tokens if t.kind == "word"]

    @cached_property
    def reference_tokens(self) -> tuple[list[Token], ...]:
        return tuple(tokenize(r) for r in self.references)
