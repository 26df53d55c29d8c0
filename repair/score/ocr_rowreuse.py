"""Row-level re-use of the first pass's channel prices in the self-trained second pass.

:func:`repair.score.ocr_docself.auto_repair` repairs a garbled text again under the profile
it learned from the text (its second pass); :func:`repair.score.ocr_docself._held` gives
that pass empty memos, since their answers derive from the confusion table.  But the
learned table changes a few rows only (an SMH article: ~10-15 printed forms, each a few
rows), and most answers read none of them.  This module routes a memo's misses in the
second pass by what the answer reads: an answer that reads no changed row is the same
under either table, so it is taken from (or computed into) the first pass's memo, which
the next text finds warm; an answer that may read one is computed afresh into the
second pass's own memo.  Outputs are byte-identical by construction.

The routed memos (:data:`ROUTES`) are the alignment prices of
:mod:`repair.score.ocr_price`, whose reads are known exactly: :func:`_block_cost` reads
the rows of :func:`~repair.score.ocr_price._by_printed` whose printed form is a run of
at most three glyphs of its printed side (as printed or lowered) and whose true form is
empty or a run of its true side; :func:`~repair.score.ocr_price._rows_from` and
:func:`~repair.score.ocr_price._reads` the whole rows of such printed runs, and
:func:`~repair.score.ocr_price.channel_cost` the blocks of an alignment, each a run of
the token against a run of the lowered word.  A changed row is a ``(printed, true)`` pair
whose price differs between the two tables, or that one of them lacks
(:func:`changed_rows`).  :func:`~repair.score.ocr_channel.single_confusions` (one listed
confusion away) reads the rows of :func:`~repair.score.ocr_channel.confusions` whose
printed form occurs in the token, and a row changes its answer only when the string it
makes passes the answer's filters (:func:`_single_dirty`; a printed form whose unchanged
rows change order counts as changed whole, :func:`changed_confusions`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from typing import Any, NamedTuple

#: Printed rows as :func:`repair.score.ocr_price._by_printed` answers them.
ByPrinted = Mapping[str, tuple[tuple[str, float], ...]]
#: ``{printed form: the true forms whose price changed}``.
Changed = Mapping[str, frozenset[str]]


def changed_rows(before: ByPrinted, after: ByPrinted) -> dict[str, frozenset[str]]:
    """``{printed: true forms}`` of the rows whose price differs between ``before`` and
    ``after`` (two answers of :func:`~repair.score.ocr_price._by_printed`), a row one of
    them lacks included.

    >>> before = {"e": (("c", 1.0), ("o", 2.0))}
    >>> changed_rows(before, {"e": (("c", 1.5), ("o", 2.0)), "rn": (("m", 1.0),)})
    {'e': frozenset({'c'}), 'rn': frozenset({'m'})}
    """
    out: dict[str, frozenset[str]] = {}
    for printed in sorted(before.keys() | after.keys()):
        old, new = dict(before.get(printed, ())), dict(after.get(printed, ()))
        if old != new:
            out[printed] = frozenset(t for t in old.keys() | new.keys() if old.get(t) != new.get(t))
    return out


def changed_confusions(before: ByPrinted, after: ByPrinted) -> dict[str, frozenset[str]]:
    """:func:`changed_rows` of two answers of
    :func:`~repair.score.ocr_channel.confusions` (rows cheapest first), a printed form
    whose unchanged rows come in another order counting as changed whole (a reader that
    keeps the first of equal readings sees the order).

    >>> before = {"e": (("c", 1.0), ("o", 1.0), ("a", 2.0))}
    >>> changed_confusions(before, {"e": (("c", 1.0), ("o", 1.0), ("a", 0.5))})
    {'e': frozenset({'a'})}
    >>> sorted(changed_confusions(before, {"e": (("o", 1.0), ("c", 1.0))})["e"])
    ['a', 'c', 'o']
    """
    out = changed_rows(before, after)
    for printed, trues in list(out.items()):
        kept_old = [t for t, _ in before.get(printed, ()) if t not in trues]
        kept_new = [t for t, _ in after.get(printed, ()) if t not in trues]
        if kept_old != kept_new:
            out[printed] = trues | frozenset(kept_old) | frozenset(kept_new)
    return out


class Changes(NamedTuple):
    """The rows the learned table changed: of the alignment prices
    (:func:`~repair.score.ocr_price._by_printed`, :func:`changed_rows`) and of the
    confusion table (:func:`~repair.score.ocr_channel.confusions`,
    :func:`changed_confusions`)."""

    price: dict[str, frozenset[str]]
    confusions: dict[str, frozenset[str]]


Snapshot = tuple[ByPrinted, ByPrinted]


def snapshot() -> Snapshot:
    """The rows the routed memos read, of the tables in force (read through the memos in
    force): the alignment prices' and the confusion table's."""
    from repair.score import ocr_channel, ocr_price

    return ocr_price._by_printed(), ocr_channel.confusions()


def changes(before: Snapshot, after: Snapshot) -> Changes:
    """What changed between two :func:`snapshot` answers."""
    return Changes(changed_rows(before[0], after[0]), changed_confusions(before[1], after[1]))


def _runs(printed: str, longest: int) -> Iterator[str]:
    """Every run of at most ``longest`` glyphs of ``printed``, as printed and lowered."""
    n = len(printed)
    for i in range(n):
        for a in range(1, min(longest, n - i) + 1):
            run = printed[i : i + a]
            yield run
            low = run.lower()
            if low != run:
                yield low


def reads_changed_run(changed: Changed, printed: str, longest: int = 3) -> bool:
    """Whether a run of ``printed`` (as printed or lowered) has a changed row."""
    return any(run in changed for run in _runs(printed, longest))


def reads_changed_pair(changed: Changed, printed: str, true: str, longest: int = 3) -> bool:
    """Whether a run of ``printed`` (as printed or lowered) has a changed row whose true
    form is empty or a run of ``true``.

    >>> ch = {"e": frozenset({"c"})}
    >>> reads_changed_pair(ch, "tbe", "the"), reads_changed_pair(ch, "tbe", "thc")
    (False, True)
    """
    for run in _runs(printed, longest):
        trues = changed.get(run)
        if trues and any(t in true for t in trues):  # "" is in every string
            return True
    return False


def _block_dirty(changes: Changes, src: str, dst: str) -> bool:
    return reads_changed_pair(changes.price, src, dst)


def _run_dirty(changes: Changes, piece: str) -> bool:
    return piece in changes.price or piece.lower() in changes.price


def _reads_dirty(changes: Changes, src: str) -> bool:
    return reads_changed_run(changes.price, src)


def _channel_dirty(changes: Changes, token: str, word: str) -> bool:
    return reads_changed_pair(changes.price, token, word.lower())


def _single_dirty(changes: Changes, token: str, targets: bool = True) -> bool:
    """Whether a changed confusion row makes, somewhere in ``token``, a string that
    :func:`~repair.score.ocr_channel.single_confusions` would keep (not empty, a target
    word when ``targets``, no capital after its first glyph): only such a row's cost
    reaches the answer (the others are skipped before their cost is read)."""
    from repair.score.ocr_channel import is_target

    for printed, trues in changes.confusions.items():
        at = token.find(printed)
        while at >= 0:
            head, tail = token[:at], token[at + len(printed) :]
            for true in trues:
                variant = head + true + tail
                if not variant or (targets and not is_target(variant)):
                    continue
                if len(variant) > 1 and not variant[1:].islower():
                    continue
                return True
            at = token.find(printed, at + 1)
    return False


#: The routed memos (qualified names, as :func:`repair.score.ocr_docself._name` gives
#: them) and the test of an answer that may read a changed row (:class:`Changes`, then
#: the memo's own arguments; a call with keywords is always computed afresh).
ROUTES: dict[str, Callable[..., bool]] = {
    "repair.score.ocr_price._block_cost": _block_dirty,
    "repair.score.ocr_price._rows_from": _run_dirty,
    "repair.score.ocr_price._reads": _reads_dirty,
    "repair.score.ocr_price.channel_cost": _channel_dirty,
    "repair.score.ocr_channel.single_confusions": _single_dirty,
}


class _Route:
    """A routed memo's computation: an answer that reads no changed row from the first
    pass's memo ``old`` (a hit, or computed there: the same under either table), else
    ``plain`` (the memo's function) under the tables in force."""

    def __init__(
        self,
        old: Callable[..., Any],
        plain: Callable[..., Any],
        dirty: Callable[..., bool],
        changes: Changes,
    ) -> None:
        self.old, self.plain, self.dirty, self.changes = old, plain, dirty, changes

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if kwargs or self.dirty(self.changes, *args):
            return self.plain(*args, **kwargs)
        return self.old(*args)


def routed(old: Any, dirty: Callable[..., bool], changes: Changes) -> Any:
    """A fresh memo of ``old``'s size in place of ``old`` (an ``lru_cache`` function of the
    first pass) for the second pass, whose misses go through :class:`_Route`."""
    params = old.cache_parameters()
    memo = functools.lru_cache(maxsize=params["maxsize"], typed=params["typed"])(
        _Route(old, old.__wrapped__, dirty, changes)
    )
    return functools.update_wrapper(memo, old.__wrapped__)
