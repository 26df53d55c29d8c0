"""Write ``lexicons/wordy_nouns.txt``: lemmas that are both a noun and a verb (lemminflect).

A light-verb paraphrase ("make use of", "took a look at") is one only when its noun is
also a verb, so ``repair.detect.wordy`` checks that against this list instead of loading
lemminflect (0.3 s) on every document.  Run ``python scripts/build_wordy_nouns.py``
after a lemminflect upgrade; ``tests/test_wordy.py`` checks the file against the
installed lemminflect.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "lexicons" / "wordy_nouns.txt"


def noun_verbs() -> list[str]:
    """Every lower-case lemma lemminflect reads as its own noun and verb lemma."""
    from lemminflect import Inflections, getAllLemmas

    out = []
    for w in Inflections()._getInflDict():
        if not (w.isalpha() and w.islower()):
            continue
        lemmas = getAllLemmas(w)
        if w in lemmas.get("VERB", ()) and w in lemmas.get("NOUN", ()):
            out.append(w)
    return sorted(out)


def text() -> str:
    from importlib.metadata import version

    header = (
        "# nouns that are also verbs (light-verb paraphrases: 'make use of' -> 'use'); "
        f"derived from lemminflect {version('lemminflect')} data (MIT); "
        "built by scripts/build_wordy_nouns.py\n"
    )
    return header + "\n".join(noun_verbs()) + "\n"


if __name__ == "__main__":
    OUT.write_text(text(), encoding="utf-8")
    print(f"wrote {OUT}")
