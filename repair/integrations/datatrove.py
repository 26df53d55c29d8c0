"""datatrove steps: repair each document's text, and filter on the damage scores.

Install with ``pip install "repair[datatrove]"``.  Both are ordinary datatrove
pipeline steps (a :class:`~datatrove.pipeline.base.PipelineStep` and a
:class:`~datatrove.pipeline.filters.base_filter.BaseFilter`) with datatrove's
stats counters, so they drop into any pipeline and any executor::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from repair.integrations.datatrove import RepairScoreFilter, RepairStep

    LocalPipelineExecutor(pipeline=[
        JsonlReader("crawl/"),
        RepairStep(),                                    # repairs doc.text
        RepairScoreFilter(max_spin=0.5, max_garble=0.2,  # drops what is still suspect
                          exclusion_writer=JsonlWriter("dropped/")),
        JsonlWriter("clean/"),
    ], tasks=4).run()

:class:`RepairStep` writes ``doc.metadata["repair"]``::

    {"changed": true, "skipped": null,          # or the reason the text was left alone
     "scores": {"words": ..., "spin": ..., "tortured": ..., "garble": ..., "mojibake": ...,
                "edits": ..., "edits_per_1000_words": ..., "edits_by_kind": {...},
                "skipped": [...]},             # stages skipped inside the pipeline
     "edits": [{"offset": ..., "length": ..., "original": ..., "replacement": ...,
                "kind": ..., "confidence": ..., "rule": ...}, ...]}  # on the input text

Skip reasons (the text passes through unchanged): ``empty``, ``binary``,
``too_large``, ``non_english`` (only the encoding repair ran) and
``error:<ExceptionName>`` (a bug in a stage must not stop a corpus job; it is
counted as a stat).  Edit offsets are code points into the text as it came in.
With ``edits_json=True`` the edits are stored as one JSON string, which suits
columnar writers (Parquet) whose schema must not vary between documents.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.filters.base_filter import BaseFilter
from datatrove.pipeline.writers.disk_base import DiskWriter
from datatrove.utils.typeshelper import StatHints

from repair.config import RepairConfig
from repair.report.json import jsonable

#: Key of our record in ``doc.metadata``.
METADATA_KEY = "repair"
_CONTROL_SHARE = 0.01


def _skip_reason(text: object, max_chars: int) -> str | None:
    if not isinstance(text, str) or not text.strip():
        return "empty"
    if len(text) > max_chars:
        return "too_large"
    sample = text[:65536]
    if "\x00" in sample:
        return "binary"
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f")
    if controls > _CONTROL_SHARE * len(sample):
        return "binary"
    return None


class RepairStep(PipelineStep):
    """Repairs ``doc.text`` (spin, tortured phrases, OCR, mojibake) and records what it did.

    Args:
        config: the :class:`~repair.config.RepairConfig` (stages, ``min_confidence``, ...).
        references_key: a metadata key holding clean reference texts (a string or a
            list of strings) on the same story, used by the spin stage.
        metadata_key: where the record goes in ``doc.metadata``.
        store_edits: keep the list of edits (off: scores and flags only).
        edits_json: store the edits as a JSON string (for Parquet writers).
        max_chars: longer texts are skipped (``too_large``).
    """

    name = "🩹 repair"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        config: RepairConfig | None = None,
        references_key: str | None = None,
        metadata_key: str = METADATA_KEY,
        store_edits: bool = True,
        edits_json: bool = False,
        max_chars: int = 5_000_000,
    ) -> None:
        super().__init__()
        self.config = config or RepairConfig()
        self.references_key = references_key
        self.metadata_key = metadata_key
        self.store_edits = store_edits
        self.edits_json = edits_json
        self.max_chars = max_chars

    def _references(self, doc: Document) -> tuple[str, ...]:
        if not self.references_key:
            return ()
        refs = doc.metadata.get(self.references_key) or ()
        if isinstance(refs, str):
            refs = (refs,)
        return tuple(r for r in refs if isinstance(r, str) and r.strip())

    def repair(self, doc: Document) -> Document:
        """Repair one document in place (and return it)."""
        from repair.pipeline import repair_text

        record: dict[str, Any] = {"changed": False, "skipped": None}
        reason = _skip_reason(doc.text, self.max_chars)
        if reason is None:
            try:
                result = repair_text(doc.text, self._references(doc), self.config)
            except Exception as exc:  # noqa: BLE001 - one bad document must not stop a corpus
                reason = f"error:{type(exc).__name__}"
            else:
                record["changed"] = result.changed
                record["scores"] = jsonable(result.scores.to_json())
                if any(s.endswith(":non_english") for s in result.scores.skipped):
                    reason = "non_english"
                if self.store_edits:
                    edits = [jsonable(e.to_json()) for e in result.edits]
                    record["edits"] = (
                        json.dumps(edits, ensure_ascii=False) if self.edits_json else edits
                    )
                self._count(result)
                doc.text = result.text
        record["skipped"] = reason
        if reason:
            self.stat_update(f"skipped_{reason}")
        doc.metadata[self.metadata_key] = record
        return doc

    def _count(self, result: Any) -> None:
        self.stat_update("changed" if result.changed else "unchanged")
        if result.edits:
            self.stat_update("edits", value=len(result.edits))
            for kind, n in result.scores.edits_by_kind.items():
                self.stat_update(f"edits_{kind}", value=n)

    def run(
        self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1
    ) -> Iterator[Document]:
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                self.repair(doc)
            self.update_doc_stats(doc)
            yield doc


class RepairScoreFilter(BaseFilter):
    """Drops documents whose damage scores reach a threshold (``None``: not checked).

    ``max_spin`` and ``max_garble`` are the common ones; ``max_scores`` takes any
    document score by its name (``{"tortured": 0.3, "mojibake": 0.1}``).

    It reads the scores :class:`RepairStep` recorded (scores of the text as it
    came in); a document without them is scored here (nothing is changed).
    Scores are in [0, 1]: ``spin`` >= 0.5 means spun (see ``repair scan``);
    ``garble`` is the share of OCR-like garble.  The drop reason is
    ``repair_<score>``.
    """

    name = "🩹 repair score filter"

    def __init__(
        self,
        max_spin: float | None = 0.5,
        max_garble: float | None = None,
        max_scores: Mapping[str, float] | None = None,
        metadata_key: str = METADATA_KEY,
        config: RepairConfig | None = None,
        exclusion_writer: DiskWriter | None = None,
    ) -> None:
        super().__init__(exclusion_writer)
        from repair.stages import score_fields

        self.limits: dict[str, float] = dict(max_scores or {})
        if max_spin is not None:
            self.limits["spin"] = max_spin
        if max_garble is not None:
            self.limits["garble"] = max_garble
        known = [field for field, _ in score_fields()]
        unknown = sorted(set(self.limits) - set(known))
        if unknown:
            raise ValueError(f"unknown score(s) {unknown}; known: {', '.join(known)}")
        self.metadata_key = metadata_key
        self.config = config or RepairConfig()

    def _scores(self, doc: Document) -> dict[str, Any] | None:
        record = doc.metadata.get(self.metadata_key)
        if isinstance(record, dict) and isinstance(record.get("scores"), dict):
            return record["scores"]
        if _skip_reason(doc.text, 5_000_000):
            return None
        from repair.pipeline import repair_text

        return repair_text(doc.text, (), self.config).scores.to_json()

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        scores = self._scores(doc)
        if scores is None:
            self.stat_update("unscored")
            return True
        for name, limit in self.limits.items():
            if float(scores.get(name, 0.0)) >= limit:
                return False, f"repair_{name}"
        return True
