"""Distributional neighbours of words (``lexicons/spin_neighbours.bin``), for the corpus
learner only (:func:`repair.learn.neighbour_pairs`).

A word's neighbours are the words whose left and right word-pair contexts in
symspellpy's Google Books bigram list are most alike (positive PMI, cosine), filtered
to content words that are not forms of the word's own lemma and that the LM knows;
built by ``python scripts/build_spin_neighbours.py`` (source and licence in
``lexicons/LEXICONS.md``).  ``repair fix`` never reads it: it only proposes pairs to
``repair learn``.

Format (little-endian)::

    magic  b"RPNB"    4 bytes
    version           uint16 (VERSION)
    k                 uint16 neighbours per target
    n_words           uint32 words in the word list
    n_targets         uint32 the first n_targets words have a row
    words_bytes       uint32 length of the word list
    word list         UTF-8, words joined by "\\n", sorted targets first
    rows              n_targets x k uint16 word ids, best first, NONE-padded
    digest            16 bytes, BLAKE2b-16 of everything before it

Checked when loaded (:class:`~repair.lexicons.LexiconError` otherwise): magic, version,
sizes, digest, every id below ``n_words`` and no target its own neighbour.
"""

from __future__ import annotations

import struct
from functools import lru_cache
from pathlib import Path

from repair.lexicons import LexiconError, lexicon_path
from repair.resources.digest import blake2b  # no hashlib on a cold start (issue 14)

LEXICON = "spin_neighbours.bin"
MAGIC = b"RPNB"
VERSION = 1
NONE = 0xFFFF
_HEAD = struct.Struct("<4sHHIII")


def encode(table: dict[str, list[str]], k: int) -> bytes:
    """The file bytes of ``table`` (target -> neighbours best first; the first ``k``)."""
    targets = sorted(table)
    tset = set(targets)
    others = sorted({n for ns in table.values() for n in ns[:k]} - tset)
    words = targets + others
    if len(words) >= NONE:
        raise ValueError(f"{len(words)} words do not fit 16-bit ids")
    wid = {w: i for i, w in enumerate(words)}
    blob = "\n".join(words).encode("utf-8")
    rows = bytearray()
    for t in targets:
        ids = [wid[n] for n in table[t][:k] if n != t]
        ids += [NONE] * (k - len(ids))
        rows += struct.pack(f"<{k}H", *ids)
    body = _HEAD.pack(MAGIC, VERSION, k, len(words), len(targets), len(blob)) + blob + rows
    return body + blake2b(body, digest_size=16).digest()


def decode(data: bytes, name: str = LEXICON) -> dict[str, tuple[str, ...]]:
    """The table of :func:`encode`'s bytes, checked (module docstring)."""
    if len(data) < _HEAD.size + 16:
        raise LexiconError(f"{name}: too short ({len(data)} bytes)")
    body, digest = data[:-16], data[-16:]
    if blake2b(body, digest_size=16).digest() != digest:
        raise LexiconError(f"{name}: digest mismatch (damaged or edited file)")
    magic, version, k, n_words, n_targets, n_blob = _HEAD.unpack_from(body)
    if magic != MAGIC or version != VERSION:
        raise LexiconError(f"{name}: not a version-{VERSION} neighbour table")
    end = _HEAD.size + n_blob
    if len(body) != end + 2 * k * n_targets or n_targets > n_words:
        raise LexiconError(f"{name}: sizes do not match the header")
    words = body[_HEAD.size : end].decode("utf-8").split("\n") if n_blob else []
    if len(words) != n_words:
        raise LexiconError(f"{name}: {len(words)} words, header says {n_words}")
    ids = struct.unpack_from(f"<{k * n_targets}H", body, end)
    out: dict[str, tuple[str, ...]] = {}
    for t in range(n_targets):
        row = ids[t * k : (t + 1) * k]
        ns = []
        for i in row:
            if i == NONE:
                continue
            if i >= n_words or i == t:
                raise LexiconError(f"{name}: bad neighbour id {i} of {words[t]!r}")
            ns.append(words[i])
        out[words[t]] = tuple(ns)
    return out


def _path() -> Path:
    """The checkout's ``lexicons/`` file when there is one (a source tree), else the
    installed package's."""
    here = Path(__file__).resolve().parents[2] / "lexicons" / LEXICON
    return here if here.is_file() else Path(lexicon_path(LEXICON))


@lru_cache(maxsize=1)
def table() -> dict[str, tuple[str, ...]]:
    """The shipped neighbour table, read on first use and checked."""
    path = _path()
    try:
        data = path.read_bytes()
    except OSError as e:
        raise LexiconError(f"{path}: cannot read the neighbour table ({e})") from None
    return decode(data, path.name)


def neighbours(word: str) -> tuple[str, ...]:
    """``word``'s neighbours, best first (empty for a word without a row)."""
    return table().get(word, ())
