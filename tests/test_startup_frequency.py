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


def test_non_ascii_table_words_match_wordfreq() -> None:
    table = frequency._buckets()
    assert table is not None
    words = [w for w in table if not frequency._ASCII_WORD.match(w)]
    rng = random.Random(7)
    sample = rng.sample(words, min(20_000, len(words)))
    for word in sample:
        assert repr(frequency.zipf.__wrapped__(word)) == repr(zipf_frequency(word, "en")), word


def test_multi_token_digit_and_curly_strings_match_wordfreq() -> None:
    rng = random.Random(21)
    table = frequency._buckets()
    assert table is not None
    words = rng.sample(sorted(table), 2000)
    samples = [f"{a}-{b}" for a, b in zip(words[::2], words[1::2], strict=True)]
    samples += [f"{a} {b}" for a, b in zip(words[:200:2], words[1:200:2], strict=True)]
    samples += ["1984", "3.14", "2nd", "B-52", "don’t", "Ça", "ÉCOLE", "Straße", "ﬁne", "日本"]
    samples += [
        "".join(rng.choice("aé’'-0 ïxß") for _ in range(rng.randint(1, 8))) for _ in range(500)
    ]
    for word in samples:
        assert repr(frequency.zipf.__wrapped__(word)) == repr(zipf_frequency(word, "en")), word


def test_apostrophe_forms_match_wordfreq() -> None:
    table = frequency._buckets()
    assert table is not None
    inner = [w for w in table if "'" in w and w.isascii()]
    assert len(inner) > 1000
    for word in inner:
        for form in (word, word.replace("'", "’"), "’" + word, word + "'", "'" + word.upper()):
            got = frequency.zipf.__wrapped__(form)
            assert repr(got) == repr(zipf_frequency(form, "en")), form
    rng = random.Random(3)
    plain = rng.sample([w for w in table if w.isascii() and w.isalpha()], 2000)
    samples = ["’re", "n’t", "we’", "’s", "''", "’", "o’clock", "rock’n’roll", "’’tis’’"]
    for w in plain:
        samples += [f"’{w}", f"{w}’", f"{w}’s", f"'{w}'", f"{w}'{rng.choice(plain)}"]
    for form in samples:
        assert repr(frequency.zipf.__wrapped__(form)) == repr(zipf_frequency(form, "en")), form


def test_phrases_of_ascii_words_match_wordfreq() -> None:
    table = frequency._buckets()
    assert table is not None
    rng = random.Random(5)
    words = rng.sample(sorted(table), 3000)
    words += ["the", "more", "and", "qzxvq", "’re", "don’t", "l'amour", "x'a"]
    samples = ["more and more", "at the end of", "whether or not", "the  end", " in the ", "a\tb"]
    for _ in range(3000):
        samples.append(" ".join(rng.choice(words) for _ in range(rng.randint(2, 5))))
    for phrase in samples:
        got = frequency.zipf.__wrapped__(phrase)
        assert repr(got) == repr(zipf_frequency(phrase, "en")), phrase


def test_every_latin1_table_word_matches_wordfreq() -> None:
    table = frequency._buckets()
    assert table is not None
    words = [w for w in table if frequency._LATIN_WORD.match(w) and not w.isascii()]
    assert len(words) > 3_000
    for word in words:
        for form in (word, word.upper(), word.capitalize()):
            got = frequency.zipf.__wrapped__(form)
            assert repr(got) == repr(zipf_frequency(form, "en")), form
    rng = random.Random(11)
    letters = "aeéèêëàâäçîïôöùûüÿæœßøåñÉÀÇÖÜÆØÅÑxyz"
    for _ in range(3000):
        form = "".join(rng.choice(letters) for _ in range(rng.randint(1, 9)))
        assert repr(frequency.zipf.__wrapped__(form)) == repr(zipf_frequency(form, "en")), form


def test_shipped_table_is_the_installed_table() -> None:
    """The in-place table (``lexicons/zipf_en_buckets.tsv``) holds exactly wordfreq's pairs."""
    shipped = frequency._shipped_table()
    assert shipped is not None, "rebuild it: python scripts/build_zipf_table.py"
    table = frequency._buckets()
    assert table is not None
    assert frequency.table_text(table) == lexicons_bytes()
    for word, index in table.items():
        assert shipped.get(word) == index, word
    rng = random.Random(2)
    words = rng.sample(sorted(table), 5000)
    for word in words:  # neighbours that are not words: prefixes, extensions
        for probe in (word[:-1], word + "q", word + "\t", "\n" + word, word.upper()):
            assert shipped.get(probe) == table.get(probe), probe
    assert shipped.get("") is None and shipped.get("\udcff") is None


def lexicons_bytes() -> bytes:
    from repair.lexicons import lexicon_path

    return lexicon_path(frequency.ZIPF_TABLE).read_bytes()


def test_other_wordfreq_file_falls_back(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    """A wordfreq file other than the one the table was built from: its own file is read."""
    path = frequency._table_path()
    assert path is not None
    other = tmp_path / "large_en.msgpack.gz"
    other.write_bytes(path.read_bytes() + b"\0")
    monkeypatch.setattr(frequency, "_table_path", lambda: other)
    assert frequency._shipped_table() is None
