"""Session 60 (speedocr, issue 14): two exact cuts.

``ocr_shutjoin.SHARED_PAIRS``: a shut page's two pair joins (``page_join_candidates``,
``frag_join_candidates``) read one list of the page's pairs (``pair_list``), and the page
join asks a folded count of the page (``folded_counts``) instead of ``page_count``.
``ocr_shortname.NAME_POOL``: the slot names' tests of the word and the page alone
(``_page_name``, ``garble_of``) are asked once a word (``name_pool``), not once a word for
each print.  The same answers either way."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from repair.candidates import ocr_fragjoin, ocr_shortname, ocr_shutjoin
from repair.candidates.ocr_rules import page_count, page_word_counts
from repair.pipeline import repair_text
from repair.tokenize import tokenize

#: A clean-looking page (the gate stays shut) with split words both joins read.
SHUT_PAGE = (
    "Those who came early said the hall was full. Americans ha ve known this for years, "
    "and tho se who went later found the doors shut. Those people waited outside in the "
    "rain, and those who stayed were told to come back the next day. He said the plan "
    "was to open the doors wi th care at noon, but nobody believed it would happen."
)

LIST = "Miss Chave, Miss Bryan, Miss Chave, Miss Arthur, s chave, Miss A. nodson, Miss Hill."


def _texts() -> list[str]:
    rng = random.Random(60)
    out = [SHUT_PAGE, LIST, "", " ", "ab cd", " ab cd ", "tho se", "Tho se x", "ab  cd"]
    out += ["ab\tcd", "Ab Cd", "ab cD", "A b c d e", "x wi th y\nha ve", "rode the S train"]
    for _ in range(2_000):
        out.append("".join(rng.choice("ab c\nDE' .-éKSsß,") for _ in range(rng.randint(0, 40))))
    return out


def test_pair_list_is_split_pairs() -> None:
    found = 0
    for text in _texts():
        toks = tokenize(text)
        got = ocr_shutjoin.pair_list(toks)
        assert got == list(ocr_shutjoin.split_pairs(toks, ocr_shutjoin.MIN_LEN))
        found += len(got)
    assert found


def test_folded_counts_is_page_count() -> None:
    rng = random.Random(61)
    words = ["those", "Those", "THOSE", "tHose", "thoSE", "hall", "HALL", "Hall", "é", "Éa"]
    words += ["".join(rng.choice("abcABC") for _ in range(rng.randint(1, 5))) for _ in range(300)]
    for _ in range(50):
        counts = Counter({w: rng.randint(0, 4) for w in rng.sample(words, 80)})
        folded = ocr_shutjoin.folded_counts(counts)
        for w in words:
            if w.isalpha() and w.isascii():
                assert folded.get(w.lower(), 0) == page_count(w, counts)


def _repair(text: str, shared: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[str, list[str]]:
    monkeypatch.setattr(ocr_shutjoin, "SHARED_PAIRS", shared)
    r = repair_text(text)
    return r.text, [repr(e) for e in r.edits]


def test_shut_page_the_same_with_shared_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    on = _repair(SHUT_PAGE, True, monkeypatch)
    off = _repair(SHUT_PAGE, False, monkeypatch)
    assert on == off
    assert "have known" in on[0] and "those who went" in on[0] and "with care" in on[0]


def test_joins_the_same_with_the_list() -> None:
    for text in _texts():
        toks = tokenize(text)
        counts = page_word_counts(toks)
        pairs = ocr_shutjoin.pair_list(toks)
        assert ocr_shutjoin.page_join_candidates(
            toks, counts, pairs
        ) == ocr_shutjoin.page_join_candidates(toks, counts)
        assert ocr_fragjoin.frag_join_candidates(
            toks, pairs=pairs
        ) == ocr_fragjoin.frag_join_candidates(toks)


@pytest.mark.parametrize("shared", [True, False])
def test_shut_page_scans_its_pairs_once(shared: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_shutjoin, "SHARED_PAIRS", shared)
    scans: list[int] = []
    real = ocr_shutjoin.split_pairs

    def spy(toks, min_len):  # type: ignore[no-untyped-def]
        scans.append(min_len)
        return real(toks, min_len)

    monkeypatch.setattr(ocr_shutjoin, "split_pairs", spy)
    monkeypatch.setattr(ocr_fragjoin, "split_pairs", spy)
    text = repair_text(SHUT_PAGE).text
    assert "have known" in text
    assert len(scans) == (0 if shared else 2)  # the list is made by pair_list, once


def _page() -> tuple[Counter[str], Counter[str], list[str]]:
    rng = random.Random(60)
    names = ["Chave", "Chavez", "Bryan", "Brian", "Hodson", "Dodson", "Arthur", "Hill", "Hills"]
    names += ["Edward", "Fdward", "Mary", "Marv", "O'Neil", "Smith"]
    names += ["".join(rng.choice("abcdehlnorstu") for _ in range(rng.randint(3, 9))).title()
              for _ in range(300)]  # fmt: skip
    mid = Counter({w: rng.randint(1, 4) for w in names})
    page = Counter(mid)
    for w in names[::7]:
        page[w.lower()] += 1  # some printed lower case too
    prints = ["chave", "chavo", "bryau", "hodsou", "arthnr", "hiil", "nodson", "xq", "edwarb"]
    prints += [w.lower()[:-1] + "x" for w in names[:80]]
    return page, mid, prints


def test_name_pool_gives_the_same_readings() -> None:
    page, mid, prints = _page()
    pool = ocr_shortname.name_pool(mid, page)
    index = ocr_shortname.mid_index(mid)
    found = 0
    for text in prints:
        got = ocr_shortname.page_reading(text, page, mid, pool, True)
        assert got == ocr_shortname.page_reading(text, page, mid, index)
        assert got == ocr_shortname.page_reading(text, page, mid)
        found += got is not None
    assert found
    assert all(w in index[n] for n, ws in pool.items() for w in ws)  # a subset, in order


@pytest.mark.parametrize("pooled", [True, False])
def test_slot_names_ask_a_word_once(pooled: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_shortname, "NAME_POOL", pooled)
    asked: Counter[str] = Counter()
    real = ocr_shortname._page_name

    def spy(word, mid):  # type: ignore[no-untyped-def]
        asked[word] += 1
        return real(word, mid)

    monkeypatch.setattr(ocr_shortname, "_page_name", spy)
    out = ocr_shortname.slot_name_candidates(
        tokenize(LIST + " Miss Hodson, Miss hodsou."), frozenset()
    )
    assert ("chave", "Chave") in {(c.features["printed"], c.replacement) for c in out}
    assert asked and (max(asked.values()) == 1) is pooled  # three prints ask "Chave"


def test_slot_names_the_same_pooled_or_not(monkeypatch: pytest.MonkeyPatch) -> None:
    toks = tokenize(LIST + " Miss Hodson, Miss hodsou, Miss Chave and chavo.")
    got = []
    for pooled in (True, False):
        monkeypatch.setattr(ocr_shortname, "NAME_POOL", pooled)
        got.append(ocr_shortname.slot_name_candidates(toks, frozenset()))
    assert got[0] == got[1] and got[0]


def test_both_ship_on() -> None:
    from repair.candidates import ocr_realword

    assert ocr_shutjoin.SHARED_PAIRS and ocr_shortname.NAME_POOL and ocr_realword.SKIP_MEMO


def test_as_shipped_no_second_scan_and_one_question_a_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scans: list[int] = []
    real_pairs = ocr_shutjoin.split_pairs

    def spy_pairs(toks, min_len):  # type: ignore[no-untyped-def]
        scans.append(min_len)
        return real_pairs(toks, min_len)

    monkeypatch.setattr(ocr_shutjoin, "split_pairs", spy_pairs)
    monkeypatch.setattr(ocr_fragjoin, "split_pairs", spy_pairs)
    assert "have known" in repair_text(SHUT_PAGE).text
    assert not scans
    asked: Counter[str] = Counter()
    real_name = ocr_shortname._page_name

    def spy_name(word, mid):  # type: ignore[no-untyped-def]
        asked[word] += 1
        return real_name(word, mid)

    monkeypatch.setattr(ocr_shortname, "_page_name", spy_name)
    ocr_shortname.slot_name_candidates(tokenize(LIST + " Miss Hodson, Miss hodsou."), frozenset())
    assert asked and max(asked.values()) == 1


def _garbled() -> str:
    from repair.bench.speed import speed_text

    return speed_text("ocr", 3_000)


def test_real_word_filter_asked_once_a_key(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.candidates import ocr_realfilter, ocr_realword

    asked: list[tuple[float, ...]] = []
    real = ocr_realfilter.cannot_win

    def spy(feats):  # type: ignore[no-untyped-def]
        asked.append(feats)
        return real(feats)

    monkeypatch.setattr(ocr_realfilter, "cannot_win", spy)
    runs, calls = [], []
    for memo in (True, False):
        monkeypatch.setattr(ocr_realword, "SKIP_MEMO", memo)
        asked.clear()
        r = repair_text(_garbled())
        runs.append((r.text, [repr(e) for e in r.edits]))
        calls.append(len(asked))
    assert runs[0] == runs[1]
    assert 0 < calls[0] < calls[1] / 1.5  # a document asks again for the words it repeats


def test_real_word_readings_the_same_with_the_memo() -> None:
    from repair.candidates.ocr_realword import document_names, realword_candidates

    toks = tokenize(_garbled())
    names = document_names(toks, page_word_counts(toks))
    skips: dict[tuple, bool] = {}
    found = 0
    for heavy in (True, False):
        for i, t in enumerate(toks):
            if t.kind == "word" and len(t.text) > 1:
                got = realword_candidates(toks, i, names, heavy, skips)
                assert got == realword_candidates(toks, i, names, heavy)
                found += len(got)
    assert found and skips and not all(skips.values())
