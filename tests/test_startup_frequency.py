"""The table fast path of :func:`repair.resources.frequency.zipf` equals wordfreq exactly."""

from __future__ import annotations

import random

from wordfreq import get_frequency_list, zipf_frequency

from repair.resources import frequency


def test_every_ascii_table_word_matches_wordfreq() -> None:
    table = frequency._buckets()
    assert table is not None
    words = [w for w in table if frequency._ASCII_WORD.match(w)]
    assert len(words) > 100_000
    for word in words:
        assert repr(frequency.zipf.__wrapped__(word)) == repr(zipf_frequency(word, "en")), word


def test_every_bucket_value_matches_wordfreq() -> None:
    for index, bucket in enumerate(get_frequency_list("en", "best")):
        ascii_words = [w for w in bucket if frequency._ASCII_WORD.match(w)]
        if ascii_words:
            assert frequency._bucket_zipf(index) == zipf_frequency(ascii_words[0], "en")


def test_unseen_and_capitalised_words_match_wordfreq() -> None:
    rng = random.Random(14)
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    samples = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    samples += ["Hello", "THE", "World", "iPhone", "qzxv", "a", "I"]
    for word in samples:
        assert repr(frequency.zipf.__wrapped__(word)) == repr(zipf_frequency(word, "en")), word


def test_other_words_go_to_wordfreq() -> None:
    for word in ["don't", "café", "1984", "well-known", "", " ", "naïve", "x2", "ß"]:
        assert repr(frequency.zipf.__wrapped__(word)) == repr(zipf_frequency(word, "en")), word
