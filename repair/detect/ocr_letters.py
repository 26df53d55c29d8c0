"""Letter runs no English word has: OCR evidence for the garble gate.

A glyph misreading often leaves a run of letters that no dictionary word contains
("lniurv", "crlcl", "dclcnce", "mgbt" in newspaper OCR), where a rare real word, a coined
compound or a term of clean text ("coiffures", "minerality", "tempranillo") is made of
the runs English words are made of.  The runs are letter trigrams with the word's
boundaries marked ("^ln", "rlc", "gbt"), all those of the symspell dictionary's words
(~8,000 of 19,683), derived at first use and kept in the per-user cache.
"""

from __future__ import annotations

from functools import lru_cache

from repair.resources.cache import disk_cached


def _dictionary_trigrams() -> frozenset[str]:
    from repair.score.ocr_channel import _read_vocabulary

    out: set[str] = set()
    for word in _read_vocabulary():
        if word.isalpha() and word.isascii():
            padded = f"^{word}$"
            out.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return frozenset(out)


@lru_cache(maxsize=1)
def dictionary_trigrams() -> frozenset[str]:
    """Every letter trigram (``^`` and ``$`` mark a word's ends) of a dictionary word."""
    from repair.score import ocr_channel

    return disk_cached(
        "ocr-letter-trigrams",
        [*ocr_channel._target_sources(), __file__],
        _dictionary_trigrams,
        frozenset,
    )


def odd_trigrams(word: str) -> frozenset[str]:
    """The letter trigrams of a lower-case ASCII word that no dictionary word has
    ("lniurv": "^ln"; "crlcl": "rlc", "lcl"); empty for anything else (names, digits).
    A letter written three times is left out: informal text lengthens words ("sooo",
    "aaaah", "drilllll"), and it is no evidence of a misread glyph."""
    if not (word.isalpha() and word.isascii() and word.islower()):
        return frozenset()
    known = dictionary_trigrams()
    padded = f"^{word}$"
    return frozenset(
        t
        for i in range(len(padded) - 2)
        if (t := padded[i : i + 3]) not in known and not (t[0] == t[1] == t[2])
    )
