"""The tools compared in one run: ours, the peers, and doing nothing.

Each peer is a ``name`` and ``fix(text) -> str``; heavy set-up happens lazily on
the first ``fix`` (that is what a user pays too, and ``speed`` measures it in a
fresh process).  ``python -m repair.bench.peers NAME FILE`` runs one peer on a
file and prints the result: the start-up measurement runs exactly that.

* ``repair`` — this project (:func:`repair.repair_text`, with the pair's references);
* ``symspellpy`` — ``lookup_compound`` line by line, its bundled 82 k-word and bigram
  dictionaries, max edit distance 2.  It lowercases and drops punctuation: that is
  what it does, so it is measured as it is, token by token;
* ``pyspellchecker`` — word by word (Norvig), punctuation and spaces kept, the case of
  the first letter (or all caps) carried over; edit distance 2, or 1 for words longer
  than 8 letters as its README recommends for long words (distance 2 costs up to 1.4 s
  a long word: 86 s for the 1,019 words of the mojibake suite);
* ``ftfy`` — ``ftfy.fix_text`` with its defaults (it also uncurls quotes);
* ``none`` — returns the input: the baseline every tool must beat.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

from repair.text_utils import match_case
from repair.types import Edit


class Peer(Protocol):
    name: str

    def fix(self, text: str) -> str: ...


class Ours:
    """This project; ``run`` also returns the edits (for the per-kind split)."""

    name = "repair"

    def run(self, text: str, references: Sequence[str] = ()) -> tuple[str, tuple[Edit, ...]]:
        from repair import repair_text

        result = repair_text(text, references)
        return result.text, result.edits

    def fix(self, text: str) -> str:
        return self.run(text)[0]


class Nothing:
    name = "none"

    def fix(self, text: str) -> str:
        return text


class Ftfy:
    name = "ftfy"

    def fix(self, text: str) -> str:
        import ftfy

        return ftfy.fix_text(text)


class SymSpell:
    name = "symspellpy"

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sym = None

    def _load(self):
        with self._lock:
            if self._sym is None:
                from importlib.resources import files

                from symspellpy import SymSpell as _SymSpell

                sym = _SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
                base = files("symspellpy")
                sym.load_dictionary(
                    str(base / "frequency_dictionary_en_82_765.txt"), term_index=0, count_index=1
                )
                sym.load_bigram_dictionary(
                    str(base / "frequency_bigramdictionary_en_243_342.txt"),
                    term_index=0,
                    count_index=2,
                )
                if not sym.words:
                    raise RuntimeError("symspellpy: its bundled dictionary did not load")
                self._sym = sym
            return self._sym

    def fix(self, text: str) -> str:
        sym = self._load()
        out = []
        for line in text.split("\n"):
            if not line.strip():
                out.append(line)
                continue
            suggestions = sym.lookup_compound(line, max_edit_distance=2)
            out.append(suggestions[0].term if suggestions else line)
        return "\n".join(out)


#: pyspellchecker: words longer than this get edit distance 1 (see the module doc).
_LONG_WORD = 8


class PySpellChecker:
    name = "pyspellchecker"

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._spell = None

    def _load(self):
        with self._lock:
            if self._spell is None:
                from spellchecker import SpellChecker

                self._spell = SpellChecker(language="en", distance=2)
            return self._spell

    @lru_cache(maxsize=65536)  # noqa: B019 - one instance per process; words repeat a lot
    def _correct(self, word: str) -> str:
        spell = self._load()
        low = word.lower()
        if low in spell or not spell.unknown([low]):
            return word
        spell.distance = 2 if len(low) <= _LONG_WORD else 1
        fixed = spell.correction(low)
        return match_case(word, fixed) if fixed else word

    def fix(self, text: str) -> str:
        from repair.tokenize import iter_tokens

        return "".join(
            self._correct(t.text) if t.kind == "word" else t.text for t in iter_tokens(text)
        )


#: name -> factory, ours first: the report order.
PEERS: dict[str, type] = {
    "repair": Ours,
    "symspellpy": SymSpell,
    "pyspellchecker": PySpellChecker,
    "ftfy": Ftfy,
    "none": Nothing,
}


def get_peer(name: str) -> Peer:
    try:
        return PEERS[name]()
    except KeyError:
        raise ValueError(f"unknown tool {name!r}; known: {', '.join(PEERS)}") from None


def main(argv: Sequence[str]) -> int:
    """``python -m repair.bench.peers NAME FILE``: fix FILE with one tool, print the result."""
    if len(argv) != 2:
        print("usage: python -m repair.bench.peers NAME FILE", file=sys.stderr)
        return 2
    name, path = argv
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    sys.stdout.write(get_peer(name).fix(text))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
