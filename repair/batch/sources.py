"""Reading a corpus: find the input files, cut them into shards, read a shard's documents.

Two input formats:

* ``.txt`` files (one document each; the id is the path relative to INPUT);
* JSON Lines files (``.jsonl``, ``.ndjson``, ``.json.gz``, optionally ``.gz``) with one
  record per line, ``text`` and ``id`` fields (the dolma/datatrove convention).

A bad document never stops a batch: it comes back as a :class:`RawDoc` whose
``error`` holds an :class:`~repair.io.InputError` with a reason code.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from repair.io import MAX_INPUT_BYTES, InputError, decode_bytes, read_input

#: File-name endings read as JSON Lines (longest first).
JSONL_SUFFIXES = (".jsonl.gz", ".ndjson.gz", ".json.gz", ".jsonl", ".ndjson")
#: Shards are sized by words, estimated from bytes (English text: ~6 bytes a word).
BYTES_PER_WORD = 6
#: Default words per shard: a shard is the unit of resume (a few seconds of work).
SHARD_WORDS = 5_000
#: Smallest word budget the balancing below may give a shard.
MIN_SHARD_WORDS = 500
#: Sidecar reports written by a batch are never read as inputs.
REPORT_SUFFIX = ".repair.jsonl"
TXT_SUFFIX = ".txt"


def jsonl_stem(name: str) -> str:
    """``a.jsonl.gz`` → ``a``: the name without its JSON Lines ending."""
    for suffix in JSONL_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def input_kind(name: str) -> str | None:
    """``"txt"``, ``"jsonl"`` or ``None`` (not an input) for a file name."""
    if name.endswith(REPORT_SUFFIX):
        return None
    if name.endswith(TXT_SUFFIX):
        return "txt"
    if any(name.endswith(s) for s in JSONL_SUFFIXES):
        return "jsonl"
    return None


@dataclass(frozen=True)
class Shard:
    """A unit of work: some ``.txt`` files, or a range of lines of one JSON Lines file.

    ``offset`` is the byte offset of ``start_line`` (``-1`` for gzip files,
    which are read from the start).  ``docs`` is the number of documents in it.
    """

    index: int
    kind: str
    files: tuple[str, ...]
    start_line: int = 0
    end_line: int = 0
    offset: int = 0
    docs: int = 0
    #: estimated words (bytes / BYTES_PER_WORD)
    words: int = 0

    @property
    def name(self) -> str:
        return f"{self.index:06d}"

    def to_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "kind": self.kind,
            "files": list(self.files),
            "start_line": self.start_line,
            "end_line": self.end_line,
            "offset": self.offset,
            "docs": self.docs,
            "words": self.words,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Shard:
        return cls(**{**d, "files": tuple(d["files"])})


@dataclass
class RawDoc:
    """One document as read: its text, or the reason it cannot be repaired."""

    id: str
    source: str
    text: str | None = None
    record: dict[str, Any] | None = None
    line: int | None = None
    error: InputError | None = None
    #: the JSON Lines line as read (``--keep-failed`` copies it unchanged)
    raw: bytes | None = None


def discover(input_path: str | os.PathLike[str]) -> tuple[Path, list[str], list[str]]:
    """The input root, its input files (relative POSIX paths, sorted) and the ignored ones.

    INPUT may be a folder (searched recursively; hidden files and folders are
    skipped) or a single ``.txt`` / JSON Lines file.
    """
    p = Path(input_path)
    if not p.exists():
        raise FileNotFoundError(f"{p}: no such file or folder")
    if p.is_file():
        if input_kind(p.name) is None:
            raise ValueError(f"{p}: not a .txt or JSON Lines (.jsonl, .json.gz, ...) file")
        return p.parent.resolve(), [p.name], []
    root = p.resolve()
    files: list[str] = []
    ignored: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            rel = Path(dirpath, name).relative_to(root).as_posix()
            (files if input_kind(name) else ignored).append(rel)
    return root, sorted(files), sorted(ignored)


def _open(path: Path) -> BinaryIO:
    if path.name.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def estimate_words(n_bytes: int) -> int:
    """Words in ``n_bytes`` of English text, roughly (at least 1)."""
    return max(1, n_bytes // BYTES_PER_WORD)


def shard_budget(total_words: int, shard_words: int, jobs: int) -> int:
    """Words per shard: ``shard_words``, smaller for a small corpus so that every
    worker gets at least ~8 shards (the last shards then balance the workers)."""
    return max(MIN_SHARD_WORDS, min(shard_words, total_words // max(1, 8 * jobs)))


def _txt_sizes(root: Path, txt: list[str]) -> list[int]:
    sizes = []
    for rel in txt:
        try:
            sizes.append((root / rel).stat().st_size)
        except OSError:
            sizes.append(0)  # read (and refused with its reason) by the worker
    return sizes


def _jsonl_bytes(path: Path) -> int:
    """Bytes of a JSON Lines file's text (decompressed for ``.gz``: one streaming pass)."""
    if not path.name.endswith(".gz"):
        return path.stat().st_size
    n = 0
    with _open(path) as fh:
        while block := fh.read(1 << 20):
            n += len(block)
    return n


def plan_shards(
    root: Path,
    files: list[str],
    shard_size: int,
    shard_words: int = SHARD_WORDS,
    jobs: int = 1,
) -> list[Shard]:
    """Cut the inputs into shards of about ``shard_words`` words (at most ``shard_size``
    documents; a longer document is a shard of its own).

    Words are estimated from bytes.  ``.txt`` files are grouped in order; each
    JSON Lines file is cut into line ranges (one pass over it to find the line
    offsets).  A small corpus gets smaller shards (see :func:`shard_budget`).
    Raises ``OSError`` if a JSON Lines file cannot be read.
    """
    txt = [f for f in files if input_kind(f) == "txt"]
    jsonl = [f for f in files if input_kind(f) == "jsonl"]
    sizes = _txt_sizes(root, txt)
    total = sum(estimate_words(n) for n in sizes)
    total += sum(estimate_words(_jsonl_bytes(root / rel)) for rel in jsonl)
    budget = shard_budget(total, shard_words, jobs)

    shards: list[Shard] = []
    chunk: list[str] = []
    words = 0
    for rel, size in zip(txt, sizes, strict=True):
        w = estimate_words(size)
        if chunk and (words + w > budget or len(chunk) >= shard_size):
            shards.append(Shard(len(shards), "txt", tuple(chunk), docs=len(chunk), words=words))
            chunk, words = [], 0
        chunk.append(rel)
        words += w
    if chunk:
        shards.append(Shard(len(shards), "txt", tuple(chunk), docs=len(chunk), words=words))

    for rel in jsonl:
        gz = rel.endswith(".gz")
        start_line, start_off, docs, words, pos, n = 0, 0, 0, 0, 0, 0
        with _open(root / rel) as fh:
            for n, raw in enumerate(fh):  # noqa: B007  (n is used after the loop)
                if raw.strip():  # a blank line is not a document
                    w = estimate_words(len(raw))
                    if docs and (words + w > budget or docs >= shard_size):
                        off = -1 if gz else start_off
                        shards.append(
                            Shard(len(shards), "jsonl", (rel,), start_line, n, off, docs, words)
                        )
                        start_line, start_off, docs, words = n, pos, 0, 0
                    docs += 1
                    words += w
                pos += len(raw)
            end = n + 1 if pos else 0
        if docs:
            off = -1 if gz else start_off
            shards.append(Shard(len(shards), "jsonl", (rel,), start_line, end, off, docs, words))
    return shards


def check_text(text: str, name: str, max_chars: int) -> str:
    """Apply the same checks as :func:`repair.io.decode_bytes` to a decoded text."""
    if len(text) > max_chars:
        raise InputError(
            name, f"too large ({len(text):,} characters; limit {max_chars:,})", "too_large"
        )
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(
            name, "text holds lone surrogates (broken UTF-16), not text", "undecodable"
        ) from None
    decode_bytes(data, name)
    return text


def _jsonl_doc(raw: bytes, rel: str, line: int, max_chars: int) -> RawDoc:
    fallback = f"{rel}:{line + 1}"
    try:
        decoded = decode_bytes(raw, fallback, keep_bom=False)
    except InputError as exc:
        return RawDoc(fallback, rel, line=line, error=exc)
    try:
        record = json.loads(decoded.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        # json's messages may end in "at" ("Unterminated string starting at")
        msg = exc.msg.removesuffix(" at")
        problem = f"malformed JSON ({msg} at column {exc.colno})"
        err = InputError(fallback, problem, "malformed_json")
        return RawDoc(fallback, rel, line=line, error=err)
    if not isinstance(record, dict):
        err = InputError(fallback, "a JSON Lines record must be an object", "malformed_json")
        return RawDoc(fallback, rel, line=line, error=err)
    doc_id = record.get("id")
    doc_id = fallback if doc_id is None else str(doc_id)
    text = record.get("text")
    if not isinstance(text, str):
        if "text" not in record:
            problem = "no 'text' field"
        elif text is None:
            problem = "the 'text' field is null"
        else:
            problem = f"the 'text' field is not a string (it is {type(text).__name__})"
        err = InputError(doc_id, problem, "missing_text")
        return RawDoc(doc_id, rel, record=record, line=line, error=err)
    try:
        check_text(text, doc_id, max_chars)
    except InputError as exc:
        return RawDoc(doc_id, rel, record=record, line=line, error=exc)
    return RawDoc(doc_id, rel, text=text, record=record, line=line)


def read_shard(root: Path, shard: Shard, max_chars: int = MAX_INPUT_BYTES) -> Iterator[RawDoc]:
    """The documents of ``shard``, in order; bad ones carry an ``error``."""
    if shard.kind == "txt":
        for rel in shard.files:
            try:
                text = read_input(root / rel)
                check_text(text, rel, max_chars)
            except InputError as exc:
                exc.name = rel
                yield RawDoc(rel, rel, error=exc)
                continue
            yield RawDoc(rel, rel, text=text)
        return
    rel = shard.files[0]
    with _open(root / rel) as fh:
        if shard.offset >= 0:
            fh.seek(shard.offset)
            first = shard.start_line
        else:
            first = 0
        for line in range(first, shard.end_line):
            raw = fh.readline()
            if not raw:
                break
            if line < shard.start_line or not raw.strip():
                continue
            doc = _jsonl_doc(raw, rel, line, max_chars)
            doc.raw = raw if raw.endswith(b"\n") else raw + b"\n"
            yield doc
