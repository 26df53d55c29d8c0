"""Write ``lexicons/lemminflect_lemmas.tsv`` and ``lexicons/lemminflect_inflections.tsv``:
lemminflect's lemma and inflection dictionaries as sorted text (issue 14).

``repair.resources.lemmas`` puts them, looked up in place, into lemminflect's singletons
instead of the dicts lemminflect would load (~50 MB).  Each row is one key of the
dictionary lemminflect's codec loads (``LemmaLUCodec`` / ``InflectionLUCodec``, before its
overrides, which lemminflect still applies itself), its value ``tag:form/form;tag:form``
in lemminflect's order.  Run ``python scripts/build_lemminflect_tables.py`` after a
lemminflect upgrade (a stale table is not used: its fingerprint is the version and data
file sizes); ``tests/test_lemmas.py`` checks the files against the installed lemminflect.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def dictionaries() -> tuple[dict, dict]:
    """lemminflect's lemma and inflection dictionaries, loaded by its own codecs."""
    from lemminflect import config
    from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec
    from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec

    return LemmaLUCodec.load(config.lemma_lu_fn), InflectionLUCodec.load(config.inflection_lu_fn)


def table_text(name: str, columns: tuple[str, str], data: dict, what: str) -> str:
    from repair.lexicons import format_header

    from repair.resources.lemmas import FINGERPRINT, encode, fingerprint

    rows = sorted((k, encode(v)) for k, v in data.items())
    head = [
        format_header(columns),
        f"# {name}: lemminflect's {what} dictionary (lemminflect's data: MIT licence), one key",
        "#   a line, value tag:form/form;tag:form in lemminflect's order; read in place by",
        "#   repair/resources/lemmas.py. Built by scripts/build_lemminflect_tables.py; not",
        "#   used when the fingerprint differs from the installed lemminflect.",
        f"{FINGERPRINT}{fingerprint()}",
    ]
    return "\n".join([*head, *(f"{k}\t{v}" for k, v in rows)]) + "\n"


def texts() -> dict[str, str]:
    """File name -> text of both tables for the installed lemminflect."""
    from repair.resources import lemmas

    lem, infl = dictionaries()
    return {
        lemmas.LEMMAS: table_text(lemmas.LEMMAS, lemmas.LEMMA_COLUMNS, lem, "lemma"),
        lemmas.INFLECTIONS: table_text(
            lemmas.INFLECTIONS, lemmas.INFLECTION_COLUMNS, infl, "inflection"
        ),
    }


if __name__ == "__main__":
    for name, text in texts().items():
        out = ROOT / "lexicons" / name
        out.write_text(text, encoding="utf-8")
        print(f"wrote {out} ({text.count(chr(10))} lines)")
