"""The compiled OCR confusion walk: an optional accelerator (issue 14, session 19).

:func:`repair.score.ocr_channel.confusion_variants` and
:func:`~repair.score.ocr_channel.confusion_variants_pair` walk the learned confusion
table depth first, testing each lowered prefix they build against a prefix index's set.
``repair/score/_ocrwalk.c`` (built at install when a C compiler is there: ``setup.py``,
``optional=True``) makes the same walk over the same plan and fills the same dicts in the
same order; a branch carries its node in a trie of the index's set instead of building
and hashing each prefix.  Exact: the sets are prefix-closed (the trie is refused when one
is not), the costs are the same float additions in the same order, and the readings keep
the Python walk's order (``tests/test_ocr_walk_fast.py`` compares both walks).

Without the extension, with :data:`FAST` off, or while an index has been walked fewer
than :data:`repair.score.ocr_channel.TRIE_AFTER` times (a short or clean text: no trie
is built and this module is not imported), the walks run in Python.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from types import ModuleType

#: Switch: the compiled walk is used when it is built.
FAST = True
#: Switch: the tries of the fixed sets are kept in the per-user cache (:func:`build_cached`).
CACHE_TRIES = True

_module: ModuleType | None = None
_loaded = False


def module() -> ModuleType | None:
    """The compiled walk, None when it is not built (or :data:`FAST` is off)."""
    global _module, _loaded
    if not FAST:
        return None
    if not _loaded:
        try:
            from repair.score import _ocrwalk  # type: ignore[attr-defined]
        except ImportError:
            _ocrwalk = None
        _module, _loaded = _ocrwalk, True
    return _module


def available() -> bool:
    """Whether the compiled walk is built and on."""
    return module() is not None


def build(alive: frozenset[str]) -> tuple[object, Callable[..., None]] | None:
    """``(trie of alive, the compiled walk)``, or None: walk in Python (not built,
    switched off, or a set the trie refuses: not prefix-closed, or too large)."""
    fast = module()
    if fast is None:
        return None
    built = fast.trie(alive)
    return None if built is None else (built, fast.walk)


def build_cached(
    alive: frozenset[str] | Callable[[], frozenset[str]],
    name: str,
    sources: Sequence[str],
    nodes: int | None = None,
) -> tuple[object, Callable[..., None]] | None:
    """:func:`build` for a fixed set (one the files ``sources`` determine: the dictionary's
    prefixes, the target part...), its trie's tables kept in the per-user cache
    (:func:`repair.resources.cache.disk_cached`, ``ocr-trie-{name}``): a later process
    reads them back (a few ms) instead of sorting the set's strings to build them again
    (~50-100 ms a set; issue 14, session 22).  The same trie: the tables are those
    :func:`build` made for the same set; a file read back is checked (its node count is
    the set's, and ``trie_load`` refuses tables that are no well-formed trie), else the
    trie is built and stored again.  The cache is never required.

    ``alive`` may be a function that makes the set, with ``nodes`` its size (``len(set) +
    ("" not in set)``): the set is then made only when the tables are not cached (a text
    that is not OCR walks the dictionary's trie without holding its prefix set,
    :data:`repair.score.ocr_channel.LINES_TRIE`)."""
    fast = module()
    if fast is None:
        return None
    if not CACHE_TRIES or not hasattr(fast, "trie_load"):
        # no extension, or one built before trie_dump/trie_load
        return build(alive() if callable(alive) else alive)
    from repair.resources.cache import disk_cached

    if nodes is None:
        assert not callable(alive)
        nodes = len(alive) + ("" not in alive)
    size = 4 * nodes  # the label table: 4 bytes a node
    held: list[object] = []

    def tables() -> tuple[bytes, ...]:
        trie = fast.trie(alive() if callable(alive) else alive)
        held.append(trie)
        return () if trie is None else fast.trie_dump(trie)  # type: ignore[no-any-return]

    def loads(value: tuple[bytes, ...]) -> bool:
        if len(value) != 2 or not all(type(v) is bytes for v in value):
            return False
        if len(value[1]) != size:
            return False
        trie = fast.trie_load(*value)
        held.append(trie)
        return trie is not None

    extra = [__file__, getattr(fast, "__file__", None) or __file__]
    disk_cached(f"ocr-trie-{name}", [*sources, *extra], tables, tuple, loads)
    trie = held[-1] if held else None
    return None if trie is None else (trie, fast.walk)


def one_letter_found(low: str, letters: str, targets: AbstractSet[str]) -> set[str] | None:
    """``targets.intersection(forms)`` for the forms of ``low`` with one glyph replaced by
    each of ``letters`` (place by place, letters in order), compiled: the same entries
    added in the same order (so the same iteration order), and no list of forms.  None
    when the compiled module is not built or switched off (the caller intersects)."""
    fast = module()
    if fast is None:
        return None
    return fast.one_letter_found(low, letters, targets)  # type: ignore[no-any-return]
