"""lemminflect's dictionaries read in place from lexicons/ (repair.resources.lemmas): the
same answers as lemminflect's own dictionaries, and no dictionary loaded by lemminflect's
codecs during a run (issue 14: ~50 MB of peak RSS)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("lemminflect")

from lemminflect.core.Inflections import Inflections  # noqa: E402
from lemminflect.core.Lemmatizer import Lemmatizer  # noqa: E402
from repair.lexicons import read_text  # noqa: E402

import repair.resources.lemmas as lemmas  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from build_lemminflect_tables import dictionaries, texts  # noqa: E402

#: Words lemminflect does not know, cased words, proper nouns: the rules and caps styles.
EXTRA = ["orbiters", "copped", "Forests", "FORESTS", "Paris", "endangerment", "blorfs", "x"]
TAGS = ["NN", "NNS", "NNP", "NNPS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "JJ", "JJR", "JJS"]
TAGS += ["RB", "RBR", "RBS", "MD"]


@pytest.fixture(scope="module")
def reference() -> tuple[Lemmatizer, Inflections]:
    """Instances of lemminflect's classes outside its singletons: they load its own
    dictionaries with its codecs."""
    lem = Lemmatizer.__new__(Lemmatizer)
    lem.__init__()
    infl = Inflections.__new__(Inflections)
    infl.__init__()
    infl.int_lemma = lem
    return lem, infl


def test_the_shipped_tables_are_lemminflects_dictionaries() -> None:
    """Byte for byte what the build script writes from the installed lemminflect."""
    for name, text in texts().items():
        assert read_text(name) == text, f"{name} is stale: run scripts/build_lemminflect_tables.py"


def test_the_tables_are_in_lemminflects_singletons_and_hold_every_key() -> None:
    assert lemmas.install()
    lem, infl = dictionaries()
    for got, want in ((Lemmatizer().lemma_dict, lem), (Inflections().infl_dict, infl)):
        assert isinstance(got, lemmas.LexiconDict)
        assert len(got) == len(want) and list(got) == sorted(want)
        for key, value in want.items():
            found = got.get(key, {})
            assert found == value and list(found) == list(value), key
        assert got.get("zzzznotaword", {}) == {} and "zzzznotaword" not in got


def test_every_answer_is_lemminflects(reference: tuple[Lemmatizer, Inflections]) -> None:
    """The public functions, through the tables, against lemminflect's own dictionaries:
    every key of both (lemmas, inflections; of every 100th, the lemma and inflection by
    part of speech and tag: lemminflect's rules for unknown forms cost ~1 ms a call),
    with unknown and cased words."""
    ref_lem, ref_infl = reference
    lem, infl = dictionaries()
    words = sorted(set(lem) | set(infl)) + EXTRA
    for w in words:
        assert lemmas.getAllLemmas(w) == ref_lem.getAllLemmas(w), w
        assert lemmas.getAllInflections(w) == ref_infl.getAllInflections(w), w
    for w in words[::100] + EXTRA:
        for upos in ("NOUN", "VERB", "ADJ", "PROPN"):
            assert lemmas.getAllInflections(w, upos) == ref_infl.getAllInflections(w, upos)
            assert lemmas.getLemma(w, upos) == ref_lem.getLemma(w, upos)
        for tag in TAGS:
            assert lemmas.getInflection(w, tag) == ref_infl.getInflection(w, tag), (w, tag)


def test_a_table_of_another_lemminflect_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lemmas, "fingerprint", lambda: "lemminflect=9.9 other")
    assert lemmas.read_table(lemmas.LEMMAS, lemmas.LEMMA_COLUMNS) is None
    monkeypatch.undo()
    assert isinstance(lemmas.read_table(lemmas.LEMMAS, lemmas.LEMMA_COLUMNS), lemmas.LexiconDict)


RUN = """
import sys
from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec
from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec
from lemminflect.core.Inflections import Inflections
from lemminflect.core.Lemmatizer import Lemmatizer

loads = []
for codec in (LemmaLUCodec, InflectionLUCodec):
    codec.load = staticmethod(lambda fn, _c=codec.__name__: loads.append(_c) or {})
from repair.bench.speed import speed_text
TORTURED = (
    "Recent work on counterfeit consciousness and profound learning shows that the irregular "
    "woodlands classifier beats the bolster vector machines on huge information."
)
from repair.pipeline import repair_text

for text in (speed_text("spun", 2000), speed_text("clean", 2000), TORTURED):
    repair_text(text)
lem = getattr(Lemmatizer(), "lemma_dict", None)
print(loads, type(lem).__name__, len(lem or ()))
"""


def test_a_run_loads_no_lemminflect_dictionary() -> None:
    """Spun, clean and tortured text through the pipeline, in a fresh process: lemminflect
    is asked (its lemma dictionary is in use) but its codecs never load a dictionary."""
    out = subprocess.run(
        [sys.executable, "-c", RUN], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert out[0] == "[]", out
    assert out[1:] == ["LexiconDict", str(len(dictionaries()[0]))]
