"""Session 53 (ocrmemo, issue 14): the OCR price and word memos hold a 10-100 k-word text's
working set (sizes are module constants; outputs never depend on them)."""

from __future__ import annotations

from repair.candidates import ocr_far, ocr_garbled_join, ocr_nameshape
from repair.resources import frequency
from repair.score import ocr_channel, ocr_price


def test_memos_take_their_module_sizes() -> None:
    pairs = [
        (frequency.zipf, frequency.ZIPF_CACHE),
        (ocr_channel.is_known, ocr_channel.KNOWN_CACHE),
        (ocr_price._block_cost, ocr_price.BLOCK_COST_CACHE),
        (ocr_price._reads, ocr_price.READS_CACHE),
        (ocr_price._tables, ocr_price.READS_CACHE),
        (ocr_nameshape._window_lp, ocr_nameshape.WINDOW_LP_CACHE),
        (ocr_far._last_not_first, ocr_far.LAST_NOT_FIRST_CACHE),
        (ocr_garbled_join._word_alone, ocr_garbled_join.WORD_ALONE_CACHE),
    ]
    for memo, size in pairs:
        assert memo.cache_parameters()["maxsize"] == size


def test_block_reads_are_not_evicted_within_a_page() -> None:
    """A garbled page's printed blocks all stay in :func:`ocr_price._reads` (the 128 of
    sessions 37-52 evicted within a page: every later price of a block re-read its rows)."""
    from repair.bench.speed import speed_text
    from repair.pipeline import repair_text

    text = speed_text("ocr", 1_500)
    # the block prices read their rows through _tables when the packed programme is on
    # (ocr_price.BLOCK_TABLE, session 57), else through _reads: the same sizes
    packed = ocr_price.BLOCK_TABLE and ocr_price._load_block()
    memo = ocr_price._tables if packed else ocr_price._reads
    memo.cache_clear()
    ocr_price._block_cost.cache_clear()
    repair_text(text)
    info = memo.cache_info()
    assert info.misses > 128  # the page asks more blocks than the old size
    assert info.currsize == info.misses  # none evicted
    blocks = ocr_price._block_cost.cache_info()
    assert blocks.currsize == blocks.misses


def test_reads_under_any_size_are_the_computed_reads() -> None:
    src = "tbe"
    ocr_price._reads.cache_clear()
    lows, reads = ocr_price._reads(src)
    assert lows == list(src)
    assert len(reads) == len(src)
    assert ocr_price._block_cost("tbe", "the") == ocr_price._block_cost.__wrapped__("tbe", "the")
