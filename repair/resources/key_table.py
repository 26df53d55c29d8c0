"""Look-ups in a sorted table of 64-bit text keys (issue 14).

The bigram counts (:mod:`repair.resources.bigrams`, also the spin topic table) and the
known terms (:mod:`repair.detect.collocation`) store each text as the BLAKE2b-8 of its
UTF-8 bytes read little-endian (:func:`key`), sorted, with one ``uint32`` offset per
bucket of the key's top ``bucket_bits`` bits.  :func:`table` gives the compiled
look-up (``repair/resources/_keyhash.c``, built by ``setup.py`` when a C compiler is
there) or, without it (or with :data:`COMPILED` off), :class:`PyTable`: the same keys and
the same positions.  A look-up in Python costs ~1 us (the hash object, its digest,
``int.from_bytes``, ``bisect_left`` over an array of Python ints); the spin stage's topic
fit, the odd-collocation density and the term windows ask for ~20 texts a word, most of
them once.

>>> from array import array
>>> keys = sorted(key(t) for t in ("a b", "c"))
>>> offsets = array("I", [0] * 3)
>>> for k in keys:
...     offsets[(k >> 63) + 1] += 1
>>> offsets[2] += offsets[1]
>>> t = table(offsets, array("Q", keys), 1)
>>> t.index("c") >= 0, t.index("a c"), t.scaled(["c", "x"], bytes([16, 16]), 8)
(True, -1, [2.0, None])
>>> t.pair_sum("b", ["a", "b", "c"], bytes([3, 3]))  # "a b"; "b" itself skipped; "b c" unseen
3
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import Protocol

from repair.resources import digest as hashes

#: Use the compiled look-up when it is built (the same results; False: Python only).
COMPILED = True

_blake2b = hashes.blake2b
_from_bytes = int.from_bytes


def key(text: str) -> int:
    """The 64-bit key of ``text`` (BLAKE2b-8 of its UTF-8 bytes, little-endian)."""
    return _from_bytes(_blake2b(text.encode(), digest_size=8).digest(), "little")


class KeyTable(Protocol):
    def index(self, text: str) -> int: ...

    def scaled(self, texts: Iterable[str], values: bytes, steps: float) -> list[float | None]: ...

    def pair_sum(self, word: str, keys: Iterable[str], values: bytes) -> int: ...


class PyTable:
    """The look-ups in Python (what ``_keyhash.Table`` computes)."""

    __slots__ = ("offsets", "keys", "shift")

    def __init__(self, offsets: array, keys: array, bucket_bits: int) -> None:
        if len(offsets) != (1 << bucket_bits) + 1:
            raise ValueError("offsets must be 2^bucket_bits + 1 uint32, keys uint64")
        self.offsets = offsets
        self.keys = keys
        self.shift = 64 - bucket_bits

    def index(self, text: str) -> int:
        """Position of ``text``'s key in the keys, or -1."""
        k = _from_bytes(_blake2b(text.encode(), digest_size=8).digest(), "little")
        b = k >> self.shift
        offsets, keys = self.offsets, self.keys
        hi = offsets[b + 1]
        i = bisect_left(keys, k, offsets[b], hi)
        return i if i < hi and keys[i] == k else -1

    def scaled(self, texts: Iterable[str], values: bytes, steps: float) -> list[float | None]:
        """``values[i] / steps`` of each text's position ``i``, or None where not stored."""
        offsets, keys, shift = self.offsets, self.keys, self.shift
        out: list[float | None] = []
        for text in texts:
            k = _from_bytes(_blake2b(text.encode(), digest_size=8).digest(), "little")
            b = k >> shift
            hi = offsets[b + 1]
            i = bisect_left(keys, k, offsets[b], hi)
            out.append(values[i] / steps if i < hi and keys[i] == k else None)
        return out

    def pair_sum(self, word: str, keys: Iterable[str], values: bytes) -> int:
        """The sum of ``values[i]`` over the stored pair texts ``"word k"`` (``"k word"``
        where ``k < word``) of the ``keys`` other than ``word``, ``i`` the pair's
        position (the spin topic fit's pairs of one word: its context keys)."""
        offsets, keys_, shift = self.offsets, self.keys, self.shift
        total = 0
        for k in keys:
            if k == word:
                continue
            text = f"{word} {k}" if word < k else f"{k} {word}"
            h = _from_bytes(_blake2b(text.encode(), digest_size=8).digest(), "little")
            b = h >> shift
            hi = offsets[b + 1]
            i = bisect_left(keys_, h, offsets[b], hi)
            if i < hi and keys_[i] == h:
                total += values[i]
        return total


def _compiled() -> type | None:
    try:
        from repair.resources import _keyhash  # type: ignore[attr-defined]
    except ImportError:  # no C compiler at install: Python look-ups (the same results)
        return None
    return _keyhash.Table  # type: ignore[no-any-return]


def table(offsets: array | Sequence[int], keys: array, bucket_bits: int) -> KeyTable:
    """The look-ups of the table ``offsets`` / ``keys`` (compiled when built and
    :data:`COMPILED`)."""
    compiled = _compiled() if COMPILED else None
    if compiled is not None:
        return compiled(offsets, keys, bucket_bits)  # type: ignore[no-any-return]
    return PyTable(offsets, keys, bucket_bits)  # type: ignore[arg-type]
