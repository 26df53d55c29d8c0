"""Write ``lexicons/closed_class.txt``: the one-word originals of ``lexicons/spin_phrases.tsv``
that are closed-class words (function words and adverb-like words).

:mod:`repair.detect.span_echo` restores an echoed wordy span only to such a word; the
test is lemminflect's (no verb or auxiliary reading, and either one of
``repair.candidates.spin_synonyms.STOPWORDS`` or no noun reading), read here once so that
the stage does not load lemminflect's lemma tables (~40 MB) at run time.  Run
``python scripts/build_closed_class.py`` after a lemminflect upgrade or a rebuild of
``spin_phrases.tsv``; ``tests/test_span_echo.py`` checks the file against both.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "lexicons" / "closed_class.txt"


def is_closed(word: str) -> bool:
    """The rule: no verb or auxiliary reading; a stop word, or no noun reading."""
    from lemminflect import getAllLemmas

    from repair.candidates.spin_synonyms import STOPWORDS

    lemmas = getAllLemmas(word)
    if "VERB" in lemmas or "AUX" in lemmas:
        return False
    return word in STOPWORDS or (bool(lemmas) and "NOUN" not in lemmas)


def closed_words() -> list[str]:
    """Every one-word original of the paraphrase table that passes :func:`is_closed`."""
    from repair.candidates.spin_phrase import phrase_table

    originals = {o for origs, _wn in phrase_table().values() for o in origs}
    return sorted(w for w in originals if w and is_closed(w))


def text() -> str:
    from importlib.metadata import version

    header = (
        "# closed-class one-word originals of spin_phrases.tsv (no verb reading; a stop word "
        f"or no noun reading); derived from lemminflect {version('lemminflect')} data (MIT); "
        "built by scripts/build_closed_class.py\n"
    )
    return header + "\n".join(closed_words()) + "\n"


if __name__ == "__main__":
    OUT.write_text(text(), encoding="utf-8")
    print(f"wrote {OUT}")
