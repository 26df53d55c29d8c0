"""The optional compiled OCR walk and key-table look-ups (issue 14): built when a C
compiler is there.

Everything else is in ``pyproject.toml``.  ``optional=True``: without a compiler (or
Python's headers) the install goes on and :mod:`repair.score.ocr_channel` walks in
Python, and :mod:`repair.resources.key_table` looks keys up in Python, with the same
results.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "repair.score._ocrwalk",
            ["repair/score/_ocrwalk.c"],
            optional=True,
        ),
        Extension(
            "repair.resources._keyhash",
            ["repair/resources/_keyhash.c"],
            optional=True,
        ),
    ]
)
