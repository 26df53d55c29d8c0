"""The self-trained second pass's memo re-use (session 52, ocrself): the price memos routed
by the rows their answers read (``ocr_docself.ROW_REUSE``,
:mod:`repair.score.ocr_rowreuse`) and the word-list memos shared
(``ocr_docself.SHARE_WORDLIST_MEMOS``)."""

from __future__ import annotations

import importlib
from collections.abc import Iterator

import pytest

from repair.pipeline import repair_text
from repair.score import ocr_docself, ocr_price, ocr_rowreuse, ocr_table
from tests.test_ocr_docself28 import DOCUMENT
from tests.test_ocr_docself43 import _shipped_table  # noqa: F401  (autouse: shipped tables around each test)

#: (printed, true) pairs priced in the test; "tbe" -> "the" reads the row b -> h.
PAIRS = (("tbe", "the"), ("rnay", "may"), ("tlie", "the"), ("cloor", "door"), ("Ijondon", "london"))


def _profile(printed: str, true: str, cost: str) -> str:
    """The shipped tables with the confusion row ``printed -> true`` at ``cost``."""
    tables = {name: ocr_table.rows_in_force(name) for name in ocr_table.TABLES}
    rows = [r for r in tables[ocr_table.CONFUSIONS] if (r[0], r[1]) != (printed, true)]
    rows.append((printed, true, cost, "100"))
    return ocr_table.profile_text({**tables, ocr_table.CONFUSIONS: tuple(rows)})


@pytest.fixture
def reuse(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(ocr_docself, "ROW_REUSE", True)
    yield


def test_changed_rows_are_the_pairs_whose_price_differs() -> None:
    before = {"b": (("h", 1.0), ("o", 3.0)), "rn": (("m", 0.5),)}
    after = {"b": (("o", 3.0), ("h", 0.2)), "cl": (("d", 1.0),)}
    changed = ocr_rowreuse.changed_rows(before, after)
    assert changed == {"b": frozenset({"h"}), "cl": frozenset({"d"}), "rn": frozenset({"m"})}
    assert ocr_rowreuse.changed_rows(before, dict(before)) == {}


def test_a_price_reading_a_changed_row_is_computed_afresh(reuse: None) -> None:
    """Under a profile that reprices b -> h, "tbe" as "the" is priced by the new row
    while the pairs reading no changed row keep their first-pass price: the routed
    memos' answers equal a fresh computation under the profile for every pair (exact), and
    the first pass's price of "tbe" is not re-used (the test fails if it were)."""
    first = {pair: ocr_price.channel_cost(*pair) for pair in PAIRS}
    with ocr_docself._held(_profile("b", "h", "0.01")):
        assert ocr_price.channel_cost is not ocr_price.channel_cost.__wrapped__
        second = {pair: ocr_price.channel_cost(*pair) for pair in PAIRS}
        ocr_price.channel_cost.cache_clear()
        ocr_price._block_cost.cache_clear()
        fresh = {pair: ocr_price.channel_cost_upto(*pair, float("inf")) for pair in PAIRS}
    assert second == fresh
    assert second[("tbe", "the")] < first[("tbe", "the")]
    assert all(second[p] == first[p] for p in PAIRS if p != ("tbe", "the"))
    assert {pair: ocr_price.channel_cost(*pair) for pair in PAIRS} == first  # put back


def test_the_routes_take_clean_answers_from_the_first_pass_memo(reuse: None) -> None:
    ocr_price.channel_cost("rnay", "may")  # in the first pass's memo
    old = ocr_price.channel_cost
    with ocr_docself._held(_profile("b", "h", "0.01")):
        info = old.cache_info()
        ocr_price.channel_cost("rnay", "may")  # reads no changed row: the first memo's
        assert old.cache_info().hits == info.hits + 1
        info = old.cache_info()
        ocr_price.channel_cost("tbe", "the")  # reads b -> h: never asked of the first memo
        assert old.cache_info() == info


def test_a_one_confusion_reading_of_a_changed_row_is_computed_afresh(reuse: None) -> None:
    """Repricing o -> e changes "tho" -> "the" (the row makes a word there) but not the
    readings of tokens without "o", nor of one where o -> e makes no word ("xoq")."""
    from repair.score import ocr_channel

    tokens = ("tho", "tbe", "rnay", "xoq")
    first = {t: ocr_channel.single_confusions(t) for t in tokens}
    with ocr_docself._held(_profile("o", "e", "0.01")):
        second = {t: ocr_channel.single_confusions(t) for t in tokens}
        fresh = {t: ocr_channel.single_confusions.__wrapped__(t) for t in tokens}
    assert second == fresh
    assert second["tho"] != first["tho"]
    assert all(second[t] == first[t] for t in tokens if t != "tho")


def test_single_dirty_reads_only_rows_that_make_a_kept_string() -> None:
    changes = ocr_rowreuse.Changes({}, {"o": frozenset({"e"})})
    assert ocr_rowreuse._single_dirty(changes, "tho")  # "the"
    assert not ocr_rowreuse._single_dirty(changes, "xoq")  # "xeq": no word
    assert ocr_rowreuse._single_dirty(changes, "xoq", False)  # every string kept
    assert not ocr_rowreuse._single_dirty(changes, "tbe")  # no "o"


def test_every_route_names_a_cached_function() -> None:
    for name in ocr_rowreuse.ROUTES:
        module, _, attr = name.rpartition(".")
        f = getattr(importlib.import_module(module), attr)
        assert callable(f.cache_clear) and ocr_docself._name(f) == name


def test_the_self_trained_pass_is_the_same_with_and_without_reuse(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    outs = []
    for reuse_on, share in ((False, False), (True, True)):
        monkeypatch.setattr(ocr_docself, "ROW_REUSE", reuse_on)
        monkeypatch.setattr(ocr_docself, "SHARE_WORDLIST_MEMOS", share)
        outs.append(repair_text(DOCUMENT).text)
    assert outs[0] == outs[1]


#: Word-list memos and a question each.
WORDLIST_ASKS = {
    "repair.score.ocr_channel.split_candidates": "thematter",
    "repair.score.ocr_channel.archaic_form": "tooke",
    "repair.score.ocr_channel.is_word_form": "quicks",
    "repair.candidates.ocr_pagehabit.type_subs": "tbe",
    "repair.candidates.ocr._period_word": "picul",
}


def _memo(name: str):  # noqa: ANN202 - an lru_cache function
    module, _, attr = name.rpartition(".")
    return getattr(importlib.import_module(module), attr)


def test_wordlist_memos_are_shared_and_read_no_profile_table(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ocr_docself.WORDLIST_MEMOS:
        assert ocr_docself._name(_memo(name)) == name
    plain = {name: _memo(name).__wrapped__(ask) for name, ask in WORDLIST_ASKS.items()}
    price = ocr_price.channel_cost_upto("tbe", "the", float("inf"))
    outer = {name: _memo(name) for name in ocr_docself.WORDLIST_MEMOS}
    with ocr_docself._held(_profile("b", "h", "0.01")):
        assert {name: _memo(name) for name in outer} == outer  # shared
        assert {n: _memo(n).__wrapped__(a) for n, a in WORDLIST_ASKS.items()} == plain
        # the control: a price reads the table (the profile above is felt)
        assert ocr_price.channel_cost_upto("tbe", "the", float("inf")) < price
    monkeypatch.setattr(ocr_docself, "SHARE_WORDLIST_MEMOS", False)
    with ocr_docself._held(_profile("b", "h", "0.01")):
        assert all(_memo(name) is not outer[name] for name in outer)
