"""Build ``lexicons/spin_en_pairs.tsv``: the substitution habits of the article spinner.

Run ``python scripts/build_spin_lexicon.py``; it rewrites the TSV from the family
table ``lexicons/spin_families_seed.txt`` (the source, data) and lemminflect (inflections).

Source.  The table was written by hand for this project (licence: the
project's) from the spinner's habits seen in seed 000 against its clean
parallel reports, generalised to whole families: the spinner works from a
word/phrase thesaurus of translation-like synonyms ("said" → "mentioned",
"year" → "12 months", "Chinese" → "Chinese language", "in the" → "within the",
"News" → "Information", "department" → "division").  No sentence of any seed
is copied; each line is a spun → original word or phrase pair.

Line format of the source file: ``spun | original[, original...] | flags`` where
flags are

* ``v`` – verb family: every inflection of the spun lemma maps to the same
  inflection of the original lemma (lemminflect), e.g. mention→say gives
  mentioned→said, mentioning→saying;
* ``n`` – noun family: the plural maps to the plural too;
* ``s`` – strong: the spun form is rare in clean English where the original
  fits (a fingerprint of the spinner: counted by the document spin score);
* ``C`` – may be restored when capitalized mid-sentence (inside names such as
  "NBC Information", "State Division"); other capitalized words are left alone.

Output columns: ``spun  original  strength  caps  family``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SOURCE_FILE = ROOT / "lexicons" / "spin_families_seed.txt"
OUT_FILE = ROOT / "lexicons" / "spin_en_pairs.tsv"


def read_source(path: Path = SOURCE_FILE) -> list[tuple[str, str, str]]:
    """(spun, originals, flags) per family line of the source file; a bad line is an error."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 3 or not parts[0] or not parts[1] or set(parts[2]) - set("vnsC"):
            raise SystemExit(f"{path}: line {n}: need 'spun | original[, ...] | flags': {line!r}")
        out.append((parts[0], parts[1], parts[2]))
    return out


def _inflections(lemma: str) -> dict[str, str]:
    from lemminflect import getAllInflections

    out: dict[str, str] = {}
    for tag, forms in getAllInflections(lemma, upos="VERB").items():
        if forms:
            out[tag] = forms[0]
    return out


def _plural(word: str) -> str | None:
    from lemminflect import getInflection

    forms = getInflection(word, tag="NNS")
    return forms[0] if forms else None


def build_rows() -> list[tuple[str, str, str, str, str]]:
    """Expand the source families into (spun, original, strength, caps, family) rows."""
    rows: dict[tuple[str, str], tuple[str, str, str, str, str]] = {}

    def add(spun: str, orig: str, strength: str, caps: str, family: str) -> None:
        if spun.lower() == orig.lower():
            return
        rows.setdefault((spun.lower(), orig.lower()), (spun, orig, strength, caps, family))

    for spun, origs, flags in read_source():
        strength = "strong" if "s" in flags else "weak"
        caps = "caps" if "C" in flags else "-"
        for orig in (o.strip() for o in origs.split(",")):
            family = f"{spun}>{orig}"
            add(spun, orig, strength, caps, family)
            if "v" in flags and " " not in spun and " " not in orig:
                a, b = _inflections(spun), _inflections(orig)
                for tag in ("VBD", "VBN", "VBG", "VBZ"):
                    if tag in a and tag in b:
                        add(a[tag], b[tag], strength, caps, family)
            if "n" in flags and " " not in spun:
                ps, po = _plural(spun), _plural(orig.split()[-1])
                if ps and po:
                    po = " ".join([*orig.split()[:-1], po])
                    add(ps, po, strength, caps, family)
    return one_way(sorted(rows.values(), key=lambda r: (r[0].lower(), r[1].lower())))


def one_way(rows: list[tuple[str, str, str, str, str]]) -> list[tuple[str, str, str, str, str]]:
    """Drop no-op rows and two-way cycles (keep the direction whose original is more
    common, wordfreq).

    Chains (a form that is both a spun form and another row's original: "actually ->
    really" and "really -> very") are kept: resolving them by frequency or strength
    dropped seed habits ("really -> very", "goal -> target") and broke judged spin cases;
    they are counted by tests/test_spin_profile.py (xfail) for a human to resolve.
    """
    from wordfreq import zipf_frequency

    def z(phrase: str) -> float:
        return min(zipf_frequency(w, "en") for w in phrase.split())

    pairs = {(r[0].lower(), r[1].lower()) for r in rows}
    kept = []
    for r in rows:
        s, o = r[0].lower(), r[1].lower()
        if s == o:
            continue
        if (o, s) in pairs and (z(o), o) < (z(s), s):
            continue  # the other direction has the more common original
        kept.append(r)
    return kept


HEADER = """\
# spin_en_pairs.tsv: substitution habits of an article spinner (spun -> original).
# Source: hand-written family table lexicons/spin_families_seed.txt, expanded with
#   lemminflect inflections, made one-way; regenerate with: python scripts/build_spin_lexicon.py
# Licence: same as the repair project (original work; no third-party text).
# Columns: spun<TAB>original<TAB>strength(strong|weak)<TAB>caps(caps|-)<TAB>family
"""


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else OUT_FILE
    rows = build_rows()
    text = HEADER + "".join("\t".join(r) + "\n" for r in rows)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {len(rows)} pairs to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
