"""Session 42 (speed42, issue 14): the period pool's per-prefix memo is one string."""

from __future__ import annotations

from repair.candidates import ocr_periodreach


def test_period_pool_is_one_sorted_string_a_prefix() -> None:
    # one newline-ended string a prefix (not a tuple of ~500 k strings over all prefixes)
    got = ocr_periodreach._words("re", True)
    assert isinstance(got, str) and got.endswith("\n")
    words = got.split()
    assert words == sorted(set(words)) and all(w.isalpha() and w[:2] == "re" for w in words)
    assert "recognisance" in words


def test_letter_readings_of_a_dotted_capital_i() -> None:
    # "İmove".lower() is "i" + U+0307 (two code points) and strips to five letters: no
    # glyph-for-glyph accent reading (a crash of zip(strict=True) before; hypothesis found it)
    from repair.candidates import ocr_letter

    assert ocr_letter._readings("İmove".lower()) == ()
