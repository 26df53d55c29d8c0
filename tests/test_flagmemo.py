"""A module flag flipped between two documents is read at its new value by every memo.

The memos of ``repair`` are keyed by their arguments alone (a word, a chunk: issue 14);
:mod:`repair.flagmemo` empties those that read a flag which changed, once a document.
"""

from __future__ import annotations

import pytest

from repair import flagmemo, flagreads, repair_text
from repair.candidates import spin_forms
from repair.detect import ocr
from repair.score import ocr_channel
from repair.types import Token

CLEAN = "A short clean line of text."


def _reason(word: str) -> str | None:
    return ocr.token_reason(Token(word, 0, len(word), "word"), False)


def test_accented_capitals_flip_is_not_read_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    # ``_reason_inside`` is keyed by the word alone and reads ACCENTED_CAPITALS
    assert _reason("Îrinclpal") == "accented_nonword"
    monkeypatch.setattr(ocr, "ACCENTED_CAPITALS", False)
    repair_text(CLEAN)  # the next document
    assert _reason("Îrinclpal") is None
    monkeypatch.setattr(ocr, "ACCENTED_CAPITALS", True)
    repair_text(CLEAN)
    assert _reason("Îrinclpal") == "accented_nonword"


def test_accent_word_flip_is_not_read_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    # a real accented word is no finding; with ACCENT_WORD_ZIPF off it is read as a
    # spurious accent (through ``_accented_word``, a callee of the memo)
    assert _reason("détente") is None
    monkeypatch.setattr(ocr, "ACCENT_WORD_ZIPF", 0)
    repair_text(CLEAN)
    assert _reason("détente") is not None


def test_known_flag_flip_is_not_read_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    # ``is_known`` (``score.ocr_channel``) reads MERGED_PART_ZIPF through ``_merged_common``
    assert not ocr_channel.is_known("ofthe")
    monkeypatch.setattr(ocr_channel, "MERGED_PART_ZIPF", 99.0)
    repair_text(CLEAN)
    assert ocr_channel.is_known("ofthe")


def test_method_memo_is_watched() -> None:
    # a memo that is a class's static method: its flags are watched like a function's
    key = "repair.candidates.spin_forms:_ForwardRows.get"
    assert key in flagmemo.MEMOS
    index = flagmemo.MEMOS.index(key)
    read = {(m, f) for m, f, readers in flagmemo.FLAGS if index in readers}
    assert ("repair.candidates.spin_forms", "FORWARD_MIN_ZIPF") in read
    spin_forms._ForwardRows.get("big")
    assert spin_forms._ForwardRows.get.cache_info().currsize
    assert flagmemo._empty(index)
    assert not spin_forms._ForwardRows.get.cache_info().currsize


def test_nothing_emptied_without_a_flip() -> None:
    repair_text(CLEAN)
    before = dict(flagmemo.COUNTS)
    repair_text(CLEAN)
    repair_text("Tbe quick brown fox jumped ovcr the lazy dog.")
    assert flagmemo.COUNTS["emptied"] == before["emptied"]
    assert flagmemo.COUNTS["changed"] == before["changed"]
    # a few checks a document (its start and end, each pass's, each page's technical
    # chunks), never one a word
    assert flagmemo.COUNTS["checks"] - before["checks"] <= 20


def test_only_the_readers_are_emptied(monkeypatch: pytest.MonkeyPatch) -> None:
    repair_text(CLEAN)
    ocr_channel.is_known("concrete")
    _reason("Îrinclpal")
    monkeypatch.setattr(ocr, "ACCENTED_CAPITALS", False)
    flagmemo.check()
    # ``is_known`` reads no flag of ``detect.ocr``: its answers are kept
    assert ocr_channel.is_known.cache_info().currsize
    assert not ocr._reason_inside.cache_info().currsize


def test_the_table_is_current() -> None:
    # regenerate with ``python -m repair.flagreads --write`` after adding a memo or a flag
    assert flagreads.TABLE.read_text(encoding="utf-8") == flagreads.table_source()


def test_the_reading_finds_the_known_hazards() -> None:
    reads = flagreads.memo_flags()
    inside = reads[("repair.detect.ocr", "_reason_inside")]
    for flag in ("ACCENTED_CAPITALS", "ACCENT_WORD_ZIPF", "ACCENT_WORD_GAP", "SUSPECT_MAX_ZIPF"):
        assert ("repair.detect.ocr", flag) in inside
    assert ("repair.score.ocr_channel", "KNOWN_ZIPF") in inside  # through is_known
    known = reads[("repair.score.ocr_channel", "is_known")]
    assert {"KNOWN_ZIPF", "MERGED_PART_ZIPF"} <= {f for m, f in known if m.endswith("ocr_channel")}
    chunk = reads[("repair.detect.ocr", "_tech_chunk_cached")]
    assert {"TECH_FILE_TAGS", "CAMEL_FUNCTION_ZIPF"} <= {f for m, f in chunk if m.endswith("ocr")}


def test_every_flag_reading_memo_is_reachable() -> None:
    # a memo nested in a function is not reachable by name; the one there is a compiled
    # regex memo of ``normalize``, whose answers read no module flag themselves (its
    # enclosing function's do, and that function is a memo emptied in its place)
    assert flagreads.skipped() == [("repair.normalize", "regex")]


def test_every_module_dict_is_reviewed() -> None:
    # a module-level dict or one-slot list is a memo watched like a function memo
    # (``flagreads.DICT_MEMOS``) or reviewed as not one (``flagreads.NOT_DICT_MEMOS``)
    found = set(flagreads.module_containers())
    assert found == set(flagreads.DICT_MEMOS) | set(flagreads.NOT_DICT_MEMOS)


def test_a_dict_memo_is_emptied_on_a_flip(monkeypatch: pytest.MonkeyPatch) -> None:
    repair_text(CLEAN)
    ocr_channel._window_plans[("probe",)] = ((), 0.0)
    monkeypatch.setattr(ocr_channel, "INDEL_MIN_COST", ocr_channel.INDEL_MIN_COST + 1.0)
    repair_text(CLEAN)
    assert ("probe",) not in ocr_channel._window_plans
