"""The optional compiled OCR walk, channel-price alignment and block prices, tokenizer loop,
key-table and sorted-lines look-ups, the bag-distance filter before rapidfuzz's searches, spin LM gains and direct n-gram look-ups (issue 14):
built when a C compiler is there.

Everything else is in ``pyproject.toml``.  ``optional=True``: without a compiler (or
Python's headers) the install goes on and :mod:`repair.score.ocr_channel` walks in
Python, :mod:`repair.score.ocr_price` aligns with rapidfuzz and prices blocks from its row
dicts, :mod:`repair.tokenize` loops in Python, :mod:`repair.resources.key_table` looks keys
up in Python, :mod:`repair.resources.sorted_lines` searches its blocks in Python and
:mod:`repair.score.spin_evidence` reads the LM in Python, and :mod:`repair.resources.lm`
calls pocketsphinx's Python binding, with the same results.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "repair.score._ocrwalk",
            ["repair/score/_ocrwalk.c"],
            depends=["repair/score/_pricerun.h"],
            # no product fused into a sum: the same floats as the Python code
            extra_compile_args=["-ffp-contract=off"],
            optional=True,
        ),
        Extension(
            "repair.score._ocralign",
            ["repair/score/_ocralign.c"],
            depends=["repair/score/_pricerun.h"],
            # no product fused into a sum: the same floats as the Python code
            extra_compile_args=["-ffp-contract=off"],
            optional=True,
        ),
        Extension(
            "repair.score._ocrblock",
            ["repair/score/_ocrblock.c"],
            # no product fused into a sum: the same floats as the Python code
            extra_compile_args=["-ffp-contract=off"],
            optional=True,
        ),
        Extension(
            "repair.score._nearfilter",
            ["repair/score/_nearfilter.c"],
            optional=True,
        ),
        Extension(
            "repair._tokens",
            ["repair/_tokens.c"],
            optional=True,
        ),
        Extension(
            "repair.resources._sortedlines",
            ["repair/resources/_sortedlines.c"],
            optional=True,
        ),
        Extension(
            "repair.resources._keyhash",
            ["repair/resources/_keyhash.c"],
            optional=True,
        ),
        Extension(
            "repair.score._spingains",
            ["repair/score/_spingains.c"],
            depends=["repair/resources/_lmprob.h"],
            # no product fused into a sum: the same floats as the Python code
            extra_compile_args=["-ffp-contract=off"],
            optional=True,
        ),
        Extension(
            "repair.resources._lmprob",
            ["repair/resources/_lmprob.c"],
            depends=["repair/resources/_lmprob.h"],
            # no product fused into a sum: sequence() adds the floats as the Python does
            extra_compile_args=["-ffp-contract=off"],
            libraries=["dl"],
            optional=True,
        ),
    ]
)
