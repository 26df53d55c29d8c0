"""Build ``lexicons/tortured_phrases.tsv`` from the Problematic Paper Screener list.

Run ``python scripts/build_tortured.py`` from the checkout root (``--source`` to
point at another copy of ``pps_tortured_phrases.json``).  The output is
deterministic for a given source and set of clean texts.

Source: ``../shared/data/tortured_phrases/pps_tortured_phrases.json`` (7,942
tortured → expected pairs, CC BY 4.0, Problematic Paper Screener by Guillaume
Cabanac, Cyril Labbé and Alexander Magazinov; "Tortured phrases: A dubious
writing style emerging in science", arXiv:2107.06751).

Cleaning rules (each dropped entry is counted under its reason code):

* expected value: lower case; ``\\xa0`` → space; ``[x]`` → ``x``; an acronym
  followed by its expansion in parentheses becomes the expansion; notes in
  parentheses are removed ("(?)" marks the entry ``uncertain``; acronyms such as
  "(svm)" and notes such as "(in this context)" are dropped); alternatives split on
  " / " and on " or " (unless the tortured side has "or" too), and a word-level
  "a/b" gives one alternative per side ("fault detection/diagnosis" → "fault
  detection" | "fault diagnosis"); ranked in the order given.
* ``no_expected``: "???", "-", empty, or nothing left after cleaning;
  ``note``: the expected value is a comment (URL, "see", "caveat", "e.g.", "...",
  "please note", a colon); ``bad_chars``: characters that are not part of a phrase.
* tortured side: a trailing acronym in parentheses is removed when the expected
  value has the same acronym (it is kept in the text, untouched); other
  parentheses → ``tortured_parenthetical``; fewer than two words →
  ``single_word``.
* ``manual``: a short hand-kept list (:data:`MANUAL_DROPS`) of ordinary phrases.
* ``legit_term``: the tortured phrase is itself the expected (legitimate) phrase of
  some entry, e.g. "neural network", "machine learning".
* ``in_clean_text``: the phrase (or its plural) occurs in the clean texts scanned (seeds 001-004,
  the ICDAR 2017 gold if ``../shared`` is present, and gensim's test corpora if
  gensim is installed: Lee news, a Wikipedia excerpt, 20 newsgroups).
* ``common_english``: the phrase is ordinary English by the trigram LM: its least
  likely word-to-word step (``surprise``, ln-prob of a word given the previous
  ones in the phrase) is above :data:`DROP_SURPRISE`.
* ``expected_contains_tortured``: the expected value only adds words around the
  tortured phrase ("cloud platform" → "the cloud platform"): the phrase is legitimate.
* tier: ``weak`` (restored only when the document has other tortured phrases) when
  ``surprise > WEAK_SURPRISE`` or when every content word is common
  (``min_zipf >= COMMON_ZIPF``: "community security", "fourth request" look like
  tortured phrases to a news LM but are ordinary English); else ``strong`` when
  ``surprise <= STRONG_SURPRISE``, else ``medium``.

Output columns:
``tortured  replacements(" | ")  tier  surprise  min_zipf  flags  pps_expected``.
"""

from __future__ import annotations

import argparse
import bz2
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from repair.lexicons import format_header  # noqa: E402

from repair.resources.lm import get_lm  # noqa: E402
from repair.tokenize import tokenize  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "tortured_phrases" / "pps_tortured_phrases.json"
OUT = ROOT / "lexicons" / "tortured_phrases.tsv"
COLUMNS = ("tortured", "replacements", "tier", "surprise", "min_zipf", "flags", "pps_expected")

#: A phrase whose least likely step is more likely than this (ln-prob) is common
#: English ("search engine" -2.9, "benign tumor" -3.8, "malignant growth" -5.0).
DROP_SURPRISE = -5.5
#: Up to here a phrase needs other tortured phrases in the document ("elderly
#: folks" -6.2, "thick woods" -6.5, "place of interest" -7.7).
WEAK_SURPRISE = -8.0
#: From here on a phrase is rare enough to be restored alone ("profound learning"
#: -10.2 is medium; "counterfeit consciousness" -12.3, "irregular woodland" -14.1).
STRONG_SURPRISE = -11.0
#: Content words at least this frequent (wordfreq Zipf) are everyday English: a
#: phrase made only of them needs document evidence.  Below: "profound" 3.94,
#: "counterfeit" 3.39, "woodland" 3.65.  At or above: "community" 5.3, "digital" 4.8
#: and the clean-text false positives of tests/cases/negative_wide.json ("partial
#: request" 4.17, "rural yield" 4.16, "resource bubble" 4.16, "an expanding pattern").
COMMON_ZIPF = 4.0
_FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for from with and or as is are be its their this that".split()
)
#: Entries dropped by hand (reason ``manual``): ordinary English whose PPS
#: expected value only makes sense in one context; each was seen firing (or nearly)
#: on clean text: "a second request" (news, ray docstrings), "shared data"
#: (software docs), "final destiny".
MANUAL_DROPS = frozenset(
    "first request|second request|third request|fourth request|1st request|2nd request|"
    "3rd request|4th request|shared data|final destiny|ultimate destiny".split("|")
)
#: Expected values that carry their context as a prefix: "differential equation and
#: 1st order" means "1st request" -> "1st order" (in a differential equation).
_CONTEXT_PREFIX = "differential equation and "
_NOTE_RE = re.compile(r"https?:|www\.|pubpeer|\bsee\b|caveat|please note|e\.g\.|i\.e\.|\.\.\.|:")
_OK_RE = re.compile(r"[a-z0-9][a-z0-9 ,'\-/.]*[a-z0-9]")


def phrase_units(phrase: str) -> tuple[str, ...]:
    """The matching key of a phrase: lower-case non-space tokens, hyphens dropped."""
    return tuple(
        t.text.lower().replace("’", "'")
        for t in tokenize(phrase)
        if t.kind != "space" and t.text not in "-‐"
    )


def words_of(phrase: str) -> list[str]:
    return [t.text.lower() for t in tokenize(phrase) if t.kind in ("word", "number")]


def clean_expected(tortured: str, expected: str) -> tuple[list[str], set[str], str]:
    """(ranked alternatives, flags, drop reason or "")."""
    s = expected.replace("\xa0", " ").strip().lower()
    flags: set[str] = set()
    if s.startswith(_CONTEXT_PREFIX):
        s = s[len(_CONTEXT_PREFIX) :] if "request" in tortured else "differential equation"
    if not s or "???" in s or s in {"?", "-", "--"}:
        return [], flags, "no_expected"
    if _NOTE_RE.search(s):
        return [], flags, "note"
    if "(?)" in s or s.endswith("?"):
        flags.add("uncertain")
    s = s.replace("(?)", " ").rstrip("?").strip()
    s = re.sub(r"\[([^\]]*)\]", r"\1", s)
    m = re.fullmatch(r"([a-z0-9]{2,6}s?)\s*\(([a-z][a-z\- ]+ [a-z\- ]+)\)", s)
    if m and m.group(1) not in tortured.split():
        s = m.group(2)  # "ngs (next-generation sequencing)": the acronym's expansion
    s = re.sub(r"\([^)]*\)", " ", s)
    s = re.sub(r"\s+", " ", s).strip(" ,;.")
    if "(" in s or ")" in s or "?" in s:
        return [], flags, "note"
    parts = [p.strip() for p in re.split(r"\s/\s", s)]
    if " or " not in f" {tortured} ":
        parts = [q.strip() for p in parts for q in p.split(" or ")]
    alts: list[str] = []
    for p in parts:
        slashed = [w for w in p.split() if "/" in w and w not in tortured.split()]
        if slashed:
            w = slashed[0]
            for side in w.split("/"):
                if side:
                    alts.append(p.replace(w, side, 1))
        else:
            alts.append(p)
    alts = [re.sub(r"\s+", " ", a).strip(" ,;.") for a in alts]
    alts = [a for a in dict.fromkeys(alts) if a and a != tortured]
    if not alts:
        return [], flags, "no_expected"
    if any(not _OK_RE.fullmatch(a) for a in alts) or any(len(a.split()) > 10 for a in alts):
        return [], flags, "bad_chars"
    return alts, flags, ""


def clean_tortured(tortured: str, expected: str) -> tuple[str, str]:
    t = tortured.replace("\xa0", " ").strip().lower()
    m = re.fullmatch(r"(.*\S)\s*(\([a-z0-9\- ]+\))", t)
    if m and m.group(2) in expected.lower():
        t = m.group(1)
    if "(" in t or ")" in t:
        return "", "tortured_parenthetical"
    if not _OK_RE.fullmatch(t):
        return "", "bad_chars"
    if len(words_of(t)) < 2:
        return "", "single_word"
    return t, ""


def surprise(phrase: str) -> float:
    """ln-prob of the least likely word of the phrase given the words before it."""
    lm = get_lm()
    ws = words_of(phrase)
    return min(lm.logprob(ws[i], ws[max(0, i - 2) : i]) for i in range(1, len(ws)))


def min_content_zipf(phrase: str) -> float:
    """Zipf frequency of the rarest content word of the phrase."""
    from repair.resources.frequency import zipf

    ws = [w for w in words_of(phrase) if w not in _FUNCTION_WORDS] or words_of(phrase)
    return min(zipf(w) for w in ws)


def clean_texts() -> tuple[list[str], list[str]]:
    """(texts, names) of the clean texts scanned for legitimate uses."""
    texts: list[str] = []
    names: list[str] = []
    seeds = sorted((ROOT / "seeds").glob("00[1-4]_*.txt"))
    texts += [p.read_text(encoding="utf-8") for p in seeds]
    names.append(f"seeds 001-004 ({len(seeds)} files)")
    icdar = ROOT.parent / "shared" / "data" / "ocr" / "icdar2017_eng_monograph"
    if icdar.is_dir():
        n = 0
        for p in sorted(icdar.glob("*.txt")):
            lines = p.read_text(encoding="utf-8", errors="replace").splitlines()
            if len(lines) > 2:
                texts.append(lines[2])
                n += 1
        names.append(f"ICDAR 2017 English gold ({n} files)")
    spec = importlib.util.find_spec("gensim")
    if spec and spec.submodule_search_locations:
        base = Path(next(iter(spec.submodule_search_locations))) / "test" / "test_data"
        for name in ("lee_background.cor", "lee.cor", "mini_newsgroup", "head500.noblanks.cor"):
            if (base / name).is_file():
                texts.append((base / name).read_text(encoding="latin-1"))
                names.append(f"gensim test_data/{name}")
        wiki = base / "enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"
        if wiki.is_file():
            texts.append(bz2.open(wiki, "rt", encoding="utf-8").read())
            names.append(f"gensim test_data/{wiki.name}")
    return texts, names


def build(source: Path) -> tuple[list[tuple[str, ...]], Counter, list[str]]:
    data = json.loads(source.read_text(encoding="utf-8"))["phrases"]
    drops: Counter = Counter()
    staged: dict[str, tuple[list[str], set[str], str]] = {}
    for item in data:
        if item["tortured"].strip().lower() in MANUAL_DROPS:
            drops["manual"] += 1
            continue
        alts, flags, reason = clean_expected(item["tortured"].lower(), item["correct"])
        if not reason:
            t, reason = clean_tortured(item["tortured"], item["correct"])
        if reason:
            drops[reason] += 1
            continue
        if t in staged:  # merge alternatives of duplicate tortured phrases
            old = staged[t]
            staged[t] = (list(dict.fromkeys(old[0] + alts)), old[1] | flags, old[2])
            drops["merged_duplicate"] += 1
            continue
        staged[t] = (alts, flags, item["correct"])
    legit = {phrase_units(a) for alts, _, _ in staged.values() for a in alts}
    texts, names = clean_texts()
    norm = " " + " || ".join(" ".join(re.findall(r"[a-z0-9']+", t.lower())) for t in texts) + " "
    rows: list[tuple[str, ...]] = []
    for t, (alts, flags, original) in sorted(staged.items()):
        if phrase_units(t) in legit:
            drops["legit_term"] += 1
            continue
        key = " " + " ".join(re.findall(r"[a-z0-9']+", t))
        if any(key + end in norm for end in (" ", "s ", "es ")):  # plural too, as matched
            drops["in_clean_text"] += 1
            continue
        if any(re.search(rf"(^|\s){re.escape(t)}(\s|$)", a) for a in alts):
            drops["expected_contains_tortured"] += 1
            continue
        s = surprise(t)
        if s > DROP_SURPRISE:
            drops["common_english"] += 1
            continue
        mz = min_content_zipf(t)
        if s > WEAK_SURPRISE or mz >= COMMON_ZIPF:
            tier = "weak"
        else:
            tier = "strong" if s <= STRONG_SURPRISE else "medium"
        original = original.replace("\t", " ").replace("\xa0", " ")
        fl = ",".join(sorted(flags)) or "-"
        row = (t, " | ".join(alts), tier, f"{s:.2f}", f"{mz:.2f}", fl, original)
        rows.append(row)
    return rows, drops, names


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Build lexicons/tortured_phrases.tsv")
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    if not args.source.is_file():
        raise SystemExit(
            f"{args.source}: not found; pass --source path/to/pps_tortured_phrases.json"
        )
    rows, drops, names = build(args.source)
    tiers = Counter(r[2] for r in rows)
    total = sum(1 for _ in json.loads(args.source.read_text(encoding="utf-8"))["phrases"])
    header = [
        format_header(COLUMNS),
        "# tortured_phrases.tsv: paper-mill tortured phrases -> expected phrases (ranked).",
        "# Source: Problematic Paper Screener (PPS), tortured-phrases list, by Guillaume Cabanac,",
        "#   Cyril Labbe and Alexander Magazinov (arXiv:2107.06751), via the copy in",
        "#   shared/data/tortured_phrases/pps_tortured_phrases.json (7,942 pairs).",
        "# Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).",
        "#   Attribution as above; changes: cleaned and filtered by scripts/build_tortured.py",
        "#   (rules in its docstring).",
        "# Cleaning: notes/acronyms in parentheses dropped, [x] -> x, alternatives split on",
        "#   '/' and 'or'; dropped: no usable expected phrase, single words, legitimate terms,",
        "#   phrases seen in clean text, phrases the trigram LM finds ordinary (surprise > "
        f"{DROP_SURPRISE}).",
        f"# Tiers: weak (only with other tortured phrases in the document) if surprise > "
        f"{WEAK_SURPRISE} or min_zipf >= {COMMON_ZIPF};",
        f"#   else strong if surprise <= {STRONG_SURPRISE}, else medium. surprise: ln-prob of the "
        "phrase's least likely word given the previous ones (trigram LM); min_zipf: rarest "
        "content word.",
        "# Clean texts scanned: " + "; ".join(names),
        f"# Counts: {total} source pairs -> {len(rows)} entries ("
        + ", ".join(f"{k} {v}" for k, v in sorted(tiers.items()))
        + "); dropped: "
        + ", ".join(f"{k} {v}" for k, v in sorted(drops.items())),
        "# Columns: tortured<TAB>replacements (' | ', best first)<TAB>tier<TAB>surprise"
        "<TAB>min_zipf<TAB>flags<TAB>pps_expected",
    ]
    body = ["\t".join(r) for r in rows]
    args.out.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    print(header[-2].lstrip("# "))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
