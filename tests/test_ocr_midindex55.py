"""Session 55 (speedocr, issue 14): a print's page-name reading asks only the page's
mid-sentence capitals of about its length printed twice or more
(``ocr_shortname.MID_INDEX``); the same readings as asking every one."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from repair.candidates import ocr_shortname
from repair.tokenize import tokenize

LIST = "Miss Chave, Miss Bryan, Miss Chave, Miss Arthur, s chave, Miss A. nodson, Miss Hill."


class _NoScan(Counter):  # type: ignore[type-arg]
    """A count that may be looked up but not walked."""

    def __iter__(self):  # type: ignore[no-untyped-def]
        raise AssertionError("walked")

    def items(self):  # type: ignore[no-untyped-def]
        raise AssertionError("walked")


def _page() -> tuple[Counter[str], Counter[str], list[str]]:
    rng = random.Random(55)
    names = ["Chave", "Chavez", "Bryan", "Brian", "Hodson", "Dodson", "Arthur", "Hill", "Hills"]
    names += ["".join(rng.choice("abcdehlnorstu") for _ in range(rng.randint(3, 9))).title()
              for _ in range(300)]  # fmt: skip
    mid = Counter({w: rng.randint(1, 4) for w in names})
    page = Counter(mid)
    for w in names[::7]:
        page[w.lower()] += 1  # some printed lower case too
    prints = ["chave", "chavo", "bryau", "hodsou", "arthnr", "hiil", "nodson", "xq", "abcdefghij"]
    prints += [w.lower()[:-1] + "x" for w in names[:60]]
    return page, mid, prints


def test_mid_index_keeps_the_repeated_by_length() -> None:
    mid = Counter({"Chave": 2, "Hill": 1, "Bryan": 3, "Hodson": 2})
    assert ocr_shortname.mid_index(mid) == {5: ["Chave", "Bryan"], 6: ["Hodson"]}


def test_same_readings_with_the_index() -> None:
    page, mid, prints = _page()
    index = ocr_shortname.mid_index(mid)
    found = 0
    for text in prints:
        got = ocr_shortname.page_reading(text, page, mid, index)
        assert got == ocr_shortname.page_reading(text, page, mid)
        found += got is not None
    assert found  # some prints read as page names


def test_index_walks_no_count() -> None:
    page = Counter({"Chave": 2, "chave": 1})
    mid = _NoScan({"Chave": 2})
    got = ocr_shortname.page_reading("chave", page, mid, ocr_shortname.mid_index(Counter(mid)))
    assert got is not None and got[0] == "Chave"
    with pytest.raises(AssertionError):
        ocr_shortname.page_reading("chave", page, mid)  # without it every capital is asked


@pytest.mark.parametrize("flag", [True, False])
def test_slot_names_pass_the_index(flag: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_shortname, "MID_INDEX", flag)
    seen: list[object] = []
    real = ocr_shortname.page_reading

    def spy(text, page, mid, by_len=None, *rest):  # type: ignore[no-untyped-def]
        seen.append(by_len)
        return real(text, page, mid, by_len, *rest)  # session 60: ``pooled`` (NAME_POOL)

    monkeypatch.setattr(ocr_shortname, "page_reading", spy)
    out = ocr_shortname.slot_name_candidates(tokenize(LIST), frozenset())
    assert ("chave", "Chave") in {(c.features["printed"], c.replacement) for c in out}
    assert seen and all((b is not None) is flag for b in seen)


def test_mid_index_ships_on() -> None:
    assert ocr_shortname.MID_INDEX
