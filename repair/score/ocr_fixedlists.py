"""Fixed word lists of the OCR readers read from the per-user cache (issue 14, session 23).

Several readers build, once per process, a list of dictionary words by a pass over the
whole vocabulary (82 k words) with a Zipf test of each short word: the short real words'
targets (:func:`repair.candidates.ocr_shortreal._targets`, ~70 ms and ~13 k entries
pushed into :func:`repair.resources.frequency.zipf`'s LRU), the glued function words
(:func:`repair.candidates.ocr_gluedfw.function_words`) and the slot words
(:func:`repair.candidates.ocr_slot._slot_words`).  The name search's prefix set
(:func:`repair.score.ocr_search.name_prefixes`) is the target part's set joined with
every prefix of ~50 k names (~95 ms).  All of them are functions of shipped files, so
they are kept in the per-user cache (:func:`repair.resources.cache.disk_cached`) and read
back in a few milliseconds: the same words in the same order, the same set.

Switch: :data:`CACHE` (off: built in every process, as before).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

#: Read the lists from the per-user cache.
CACHE = True


def _sources(module_file: str) -> list[str]:
    """What a vocabulary word list depends on: the dictionary and the word frequencies
    (:func:`repair.score.ocr_channel._target_sources`), the module that builds it and
    this one."""
    from repair.score.ocr_channel import _target_sources

    return [*_target_sources(), module_file, __file__]


def vocabulary_words(
    name: str, module_file: str, build: Callable[[], tuple[str, ...]]
) -> tuple[str, ...]:
    """``build()`` (a tuple of dictionary words), from the per-user cache under ``name``
    (which must hold every parameter of the build, e.g. its length and Zipf bounds)."""
    if not CACHE:
        return build()
    from repair.resources.cache import disk_cached

    return disk_cached(f"ocr-words-{name}", _sources(module_file), build, tuple)  # type: ignore[no-any-return]


def joined_prefixes(
    base: frozenset[str],
    more: Callable[[], Iterable[Iterable[str]]],
    name: str,
    sources: Sequence[str] | None,
) -> frozenset[str]:
    """``base.union(*more())``: the strings of ``more()`` (each once) kept in the per-user
    cache under ``name`` (``sources``: every file ``more`` depends on; ``None``: not
    cached) and joined to ``base`` (a string in both stays ``base``'s own)."""
    if not CACHE or sources is None:
        return base.union(*more())

    def extra() -> tuple[str, ...]:
        new: set[str] = set()
        for part in more():
            new.update(part)
        return tuple(sorted(new))

    from repair.resources.cache import disk_cached

    added = disk_cached(f"ocr-prefixes-{name}", [*sources, __file__], extra, tuple)
    return base.union(added)
