"""The per-document state every step reads: text, tokens, references, config."""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from repair.config import RepairConfig
from repair.tokenize import tokenize
from repair.types import Token
from repair.window_counts import whole_word_counts


@dataclass
class Document:
    """One text as a step sees it.

    ``text`` is the text *after* the previous steps (the pipeline maps each
    step's edits back onto the original input).  ``references`` are clean
    texts on the same story (``--reference``).  ``pairs`` holds substitution
    pairs learned elsewhere (``--lexicon``, corpus-level learning in batch):
    ``{spun phrase (lower case): (original phrase, weight)}``.  ``earlier`` lists the
    spans of ``text`` that earlier steps restored, each with the text written there
    before and the restoring edit's kind (:data:`repair.write.Restored`).
    """

    text: str
    references: tuple[str, ...] = ()
    config: RepairConfig = field(default_factory=RepairConfig)
    pairs: Mapping[str, tuple[str, float]] = field(default_factory=dict)
    doc_id: str = ""
    earlier: tuple[tuple[int, int, str, str], ...] = ()

    def __post_init__(self) -> None:
        # Per-word work once: the pipeline makes one Document per stage, and a
        # stage that made no edit hands the very same text object to the next.
        # A Document made while the previous one is alive, from the same text
        # (or the same references), takes over its tokens instead of
        # tokenizing again.  Only a weak reference is kept: nothing outlives
        # the documents themselves.
        global _last
        prev = _last() if _last is not None else None
        if prev is not None:
            if prev.text is self.text:
                for name in ("tokens", "words", "word_counts"):
                    if name in prev.__dict__:
                        self.__dict__[name] = prev.__dict__[name]
            if "reference_tokens" in prev.__dict__ and prev.references == self.references:
                self.__dict__["reference_tokens"] = prev.__dict__["reference_tokens"]
        _last = weakref.ref(self)

    @cached_property
    def tokens(self) -> list[Token]:
        return tokenize(self.text)

    @cached_property
    def words(self) -> list[Token]:
        return [t for t in self.tokens if t.kind == "word"]

    @cached_property
    def word_counts(self) -> Counter[str]:
        """How often each lower-case word is written in the document, counted once (the
        spin stage's readers and the word model asked for it ~12 times a document; issue
        14).  Shared: read it, never change it.

        >>> Document("The cat saw the dog.").word_counts["the"]
        2
        """
        local = Counter(t.text.lower() for t in self.words)
        return whole_word_counts(local)  # a big text's window: the whole text's counts

    @cached_property
    def reference_tokens(self) -> tuple[list[Token], ...]:
        return tuple(tokenize(r) for r in self.references)


#: The last Document made (weakly): see :meth:`Document.__post_init__`.
_last: weakref.ref[Document] | None = None
