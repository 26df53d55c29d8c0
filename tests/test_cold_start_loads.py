"""Issue 14, cold start: what ``repair fix`` of a small clean text may load.

The OCR stage's big tables (vocabulary dict and prefix sets, far and deep word lists, the
name-shape model, the period n-gram / name / word lists), the science register and
rapidfuzz serve OCR-garbled or scientific text only; a short clean text must not load
them (each costs 5-80 ms of a ~0.3 s cold start).  A fresh ``repair fix`` process
records every shipped lexicon file it opens (:func:`repair.lexicons.lexicon_path`), every
per-user cache entry it asks for (:func:`repair.resources.cache._cached`) and the heavy
modules it imports (``hashlib`` and ``tempfile`` too: ~1 % of a start each;
:mod:`repair.resources.digest` and ``repair.io._mkstemp`` do without them).  The same probe on an
OCR-garbled and on a tortured text shows these loads, so the probe sees them.

The ``ftfy`` badness shortcut (:func:`repair.normalize.needs_ftfy`) compiles only the
alternatives of ``BADNESS_RE`` a line has the characters for; the checks at the end
compare it with ``BADNESS_RE`` itself.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from ftfy.badness import BADNESS_RE
from hypothesis import given, settings
from hypothesis import strategies as st

from repair import normalize

ROOT = Path(__file__).resolve().parent.parent

_PROBE = r"""
import json, sys
import repair.lexicons as lexicons
import repair.resources.cache as cache

loads = []
_path, _cached = lexicons.lexicon_path, cache._cached

def lexicon_path(name):
    loads.append(name)
    return _path(name)

def cached(name, *args, **kwargs):
    loads.append("cache:" + name)
    return _cached(name, *args, **kwargs)

lexicons.lexicon_path, cache._cached = lexicon_path, cached
sys.argv = ["repair", "fix", sys.argv[1], "-q", "-o", sys.argv[2]]
from repair.cli import main
try:
    main()
except SystemExit as exc:
    assert not exc.code, exc.code
heavy = ("rapidfuzz", "ftfy", "typer", "pydantic", "hashlib", "tempfile",
         "repair.candidates.ocr_farlong", "repair.candidates.ocr_gluedfw")
print(json.dumps({"loads": sorted(set(loads)),
                  "modules": sorted(m for m in heavy if m in sys.modules),
                  "ocr_modules": sorted(m for m in sys.modules
                                        if m.startswith("repair.candidates.ocr"))}))
"""

#: Lexicon files and cache entries only OCR-garbled or scientific text needs.
HEAVY_LEXICONS = (
    "science_register.tsv",
    "ngrams_period.bin.gz",
    "names_period.txt.gz",
    "words_period.txt.gz",
    "ocr_marks.tsv",
    "ocr_glyph_shapes.tsv",
    "ocr_drops.tsv",
    "ocr_slot_confusions.tsv",
    "char_ngrams_period.tsv.gz",
)
HEAVY_CACHE_PREFIXES = (
    "cache:ocr-prefix",
    "cache:ocr-nontarget",
    "cache:ocr-frequent",
    "cache:ocr-target",
    "cache:ocr-far",
    "cache:ocr-deep",
    "cache:ocr-letter",
    "cache:ocr_nameshape",
    "cache:char-ngrams",
)

CLEAN = (
    "The council met on Tuesday to discuss the new library. Members agreed that the\n"
    "building should open next spring, and the mayor thanked the volunteers.\n"
)
OCR = (
    "Tbe kingwas very glad hereof,and caused the conc-\nrete to be laid. Tlie Governor of\n"
    "tbe colony wonld not hear of it, and tbe Parliamcnt adjourned.\n"
)
TORTURED = (
    "In this paper we propose a profound learning approach based on counterfeit "
    "consciousness and irregular woodland classifiers for the examination of huge "
    "information in the cloud, and we assess its exhibition on the benchmark dataset.\n"
)


def _heavy(loads: list[str]) -> list[str]:
    """The loads of ``loads`` that are OCR or science resources."""
    # "cache:ocr-vocabulary-lines" (sorted lines searched in place) is the light form
    return [
        x
        for x in loads
        if x in HEAVY_LEXICONS or x.startswith(HEAVY_CACHE_PREFIXES) or x == "cache:ocr-vocabulary"
    ]


def _probe(text: str, tmp_path: Path) -> dict[str, list[str]]:
    """The loads of a ``repair fix`` of ``text`` in a fresh process with a warm cache.

    The per-user cache is this test's own (``REPAIR_CACHE_DIR``), warmed by a first run
    of the same text: building a cache entry may import what reading it does not (the
    ftfy badness pieces import ftfy), and whether ``~/.cache/repair`` is warm depends on
    what ran before, so a probe of the shared cache would pass or fail by test order.
    """
    src, out = tmp_path / "in.txt", tmp_path / "out.txt"
    src.write_text(text, encoding="utf-8")
    env = {**os.environ, "REPAIR_CACHE_DIR": str(tmp_path / "cache")}
    for _warm_then_probe in range(2):
        run = subprocess.run(
            [sys.executable, "-c", _PROBE, str(src), str(out)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
            env=env,
        )
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_a_small_clean_text_loads_no_ocr_or_science_resource(tmp_path: Path) -> None:
    seen = _probe(CLEAN, tmp_path)
    assert _heavy(seen["loads"]) == []
    assert seen["modules"] == []
    # the probe does see loads: the spin tables a clean text is checked with
    assert "spin_model.json" in seen["loads"]


SMALL_CLEAN = "The cat sat on the mat and looked at the garden.\n"


def test_a_small_clean_text_imports_no_ocr_candidate_module(tmp_path: Path) -> None:
    # the garble gate shut, no finding, nothing a clean page's readings start from:
    # repair.stages.ocr.reads_nothing, so none of the ~60 repair.candidates.ocr* modules
    assert _probe(SMALL_CLEAN, tmp_path)["ocr_modules"] == []


def test_the_probe_sees_the_ocr_candidate_modules_of_a_garbled_text(tmp_path: Path) -> None:
    assert "repair.candidates.ocr" in _probe(OCR, tmp_path)["ocr_modules"]


def test_a_seed_article_loads_no_ocr_or_science_resource(tmp_path: Path) -> None:
    text = (ROOT / "seeds" / "001_6ec5e41faf0dbfb8.txt").read_text(encoding="utf-8")
    seen = _probe(text, tmp_path)
    assert _heavy(seen["loads"]) == []
    assert seen["modules"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (OCR, "ngrams_period.bin.gz"),
        (OCR, "cache:ocr-vocabulary"),
        (TORTURED, "science_register.tsv"),
    ],
)
def test_the_probe_sees_the_heavy_loads_of_texts_that_need_them(
    text: str, expected: str, tmp_path: Path
) -> None:
    assert expected in _heavy(_probe(text, tmp_path)["loads"])


# ftfy's badness pattern, by the alternatives a line has the characters for

_REQUIRED = normalize.badness_requirements(BADNESS_RE)
_ALPHABET = sorted(
    {ch for alt in _REQUIRED or () for cls in alt for ch in cls if not 0x80 <= ord(ch) <= 0x9F}
    | set("abcdefghijklmnopqrstuvwxyz .,'\"\n-")
    | set("éèàçñüöäßÉ“”‘’—–…")
)


def test_badness_pattern_is_cut_into_its_alternatives() -> None:
    pieces = normalize.split_alternatives(BADNESS_RE)
    assert pieces is not None and _REQUIRED is not None
    assert len(pieces) == len(_REQUIRED)
    assert "|".join(pieces) == BADNESS_RE.pattern


def test_patterns_that_cannot_be_cut_are_refused() -> None:
    assert normalize.split_alternatives(re.compile("a(b|c)|d")) is None  # a group
    assert normalize.split_alternatives(re.compile("ab")) is None  # no alternation
    verbose = re.compile("[|] x  # a | in a comment\n | y", re.VERBOSE)
    assert normalize.split_alternatives(verbose) == ("[|] x  # a | in a comment\n ", " y")


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=16))
def test_the_alternatives_a_line_can_match_find_what_badness_re_finds(line: str) -> None:
    badness = normalize._badness()
    assert badness is not None
    trigger, requirements, regex = badness
    here = set(trigger.findall(line))
    able = tuple(
        i for i, alt in enumerate(requirements) if all(not here.isdisjoint(c) for c in alt)
    )
    whole = BADNESS_RE.search(line) is not None
    assert (bool(able) and regex(able).search(line) is not None) == whole


def test_compiled_code_is_the_compiled_source_from_a_cold_or_warm_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from repair.resources import cache

    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    src = "def f(x):\n    return 0.1 + (2.5 if x[0] <= 0.3 else -1.25)\n"
    want = compile(src, "<t>", "exec")
    cold = cache.compiled_code("code-t", src, "<t>")
    warm = cache.compiled_code("code-t", src, "<t>")
    assert cold == want and warm == want
    assert len(list((tmp_path / "cache").glob("code-t-*.marshal"))) == 1
    other = cache.compiled_code("code-t", src.replace("2.5", "3.5"), "<t>")
    assert other != want and other == compile(src.replace("2.5", "3.5"), "<t>", "exec")


def test_the_spin_trees_compiled_from_the_cache_walk_the_same_path() -> None:
    import random

    from repair.score import spin_model

    model = spin_model.get_model()
    trees = [t for t in (model.word, model.doc) if isinstance(t, spin_model.Trees)]
    assert trees
    rng = random.Random(13)
    for t in trees:
        width = 1 + max(f for feats in t.feature for f in feats)
        for _ in range(300):
            x = [rng.uniform(-3.0, 3.0) for _ in range(width)]
            assert t.logit(x) == t.walk_logit(x)


# session 15: the OCR modules of far-long and glued function-word readings are imported
# only by a heavy OCR page that asks for them


def test_a_garbled_page_imports_the_far_long_and_glued_word_modules(tmp_path: Path) -> None:
    seen = _probe(OCR * 6, tmp_path)
    assert "repair.candidates.ocr_farlong" in seen["modules"]
    assert "repair.candidates.ocr_gluedfw" in seen["modules"]


# session 15: ``repair`` as a process ends with os._exit once the work is done


def _entry(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], *, thread: bool = False
) -> tuple[object, list[str]]:
    """Run :func:`repair.cli.entry` in-process with ``os._exit`` and the ``atexit``
    functions replaced by recorders; returns (how it ended, the calls seen)."""
    import atexit
    import threading

    import repair.cli as cli

    calls: list[str] = []

    class _Exited(Exception):
        pass

    def fake_exit(code: int) -> None:
        calls.append(f"_exit {code}")
        raise _Exited

    monkeypatch.setattr(os, "_exit", fake_exit)
    monkeypatch.setattr(atexit, "_run_exitfuncs", lambda: calls.append("atexit"))
    monkeypatch.setattr(sys, "argv", ["repair", *argv])
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait) if thread else None
    if worker is not None:
        worker.start()
    try:
        cli.entry()
        ended: object = "returned"
    except _Exited:
        ended = "quick"
    except SystemExit as exc:
        ended = ("SystemExit", exc.code)
    finally:
        stop.set()
        if worker is not None:
            worker.join()
    return ended, calls


def test_entry_runs_the_atexit_functions_then_exits_quickly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, out = tmp_path / "in.txt", tmp_path / "out.txt"
    src.write_text(CLEAN, encoding="utf-8")
    ended, calls = _entry(monkeypatch, ["fix", str(src), "-q", "-o", str(out)])
    assert ended == "quick" and calls == ["atexit", "_exit 0"]
    assert out.read_text(encoding="utf-8") == CLEAN


def test_entry_keeps_the_normal_exit_while_another_thread_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, out = tmp_path / "in.txt", tmp_path / "out.txt"
    src.write_text(CLEAN, encoding="utf-8")
    ended, calls = _entry(monkeypatch, ["fix", str(src), "-q", "-o", str(out)], thread=True)
    assert ended == ("SystemExit", 0) and calls == []


def test_entry_passes_an_error_code_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ended, calls = _entry(monkeypatch, ["fix", str(tmp_path / "missing.txt"), "-q"])
    assert ended == "quick" and calls == ["atexit", "_exit 1"]


def test_the_quick_exit_loses_no_output_on_stdout(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_text(CLEAN * 200, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "repair", "fix", str(src), "-q"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "REPAIR_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout == CLEAN * 200


_SITE = """\
import os, sys
_real = os._exit
def _exit(code):
    sys.stderr.write(f"quick exit {code}\\n")
    sys.stderr.flush()
    _real(code)
os._exit = _exit
"""


@pytest.mark.parametrize(
    ("argv", "quick"),
    [
        (["-m", "repair"], True),
        # a wrapper that goes on after the program: the normal exit
        (
            [
                "-c",
                "import runpy, sys; del sys.argv[0]; runpy.run_module('repair', run_name='__main__')",  # noqa: E501
            ],
            False,
        ),
        (["-m", "cProfile", "-o", "{tmp}/prof.out", "-m", "repair"], False),
    ],
)
def test_python_m_repair_exits_quickly_only_as_the_program(
    argv: list[str], quick: bool, tmp_path: Path
) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "sitecustomize.py").write_text(_SITE, encoding="utf-8")
    src, out = tmp_path / "in.txt", tmp_path / "out.txt"
    src.write_text(CLEAN, encoding="utf-8")
    path = os.pathsep.join([str(tmp_path / "site"), str(ROOT)])
    cmd = [sys.executable, *(a.format(tmp=tmp_path) for a in argv)]
    if argv[0] == "-c":
        cmd.append("repair")  # sys.argv[0] for the module
    run = subprocess.run(
        [*cmd, "fix", str(src), "-q", "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": path, "REPAIR_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert run.returncode == 0, run.stderr
    assert out.read_text(encoding="utf-8") == CLEAN
    assert ("quick exit 0" in run.stderr) == quick


# session 15: dataclasses' generated methods of repair's classes, compiled once per user

_DATACLASS_PROBE = r"""
import dataclasses, json, sys
import repair
from repair.resources import dataclass_code as d
import repair.cli.fix, repair.stages.spin, repair.stages.ocr  # more repair dataclasses

@dataclasses.dataclass(frozen=True)
class Other:  # not a repair class: the builtin exec, no future flags inherited
    a: int
    b: "str" = "x"

from repair.types import Edit
print(json.dumps({
    "hooked": getattr(dataclasses, "exec", None) is d.cached_exec,
    "table": len(d._table),
    "dirty": d._dirty,
    "other_annotation_is_int": Other.__init__.__annotations__["a"] is int,
    "other_in_table": any("Other" in s for s in d._table),
    "edit_init": Edit.__init__.__code__.co_code.hex(),
    "edit_consts": repr(Edit.__init__.__code__.co_consts),
}))
"""


def _dataclass_probe(cache: str) -> dict:
    run = subprocess.run(
        [sys.executable, "-c", _DATACLASS_PROBE],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        env={**os.environ, "REPAIR_CACHE_DIR": cache},
    )
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_dataclass_methods_come_from_the_cache_and_are_the_same_code(tmp_path: Path) -> None:
    cache = str(tmp_path / "cache")
    cold, warm, off = _dataclass_probe(cache), _dataclass_probe(cache), _dataclass_probe("off")
    assert cold["hooked"] and cold["dirty"] and cold["table"] > 50
    assert warm["hooked"] and not warm["dirty"] and warm["table"] == cold["table"]
    assert not off["hooked"] and off["table"] == 0
    for seen in (cold, warm, off):
        assert seen["other_annotation_is_int"] and not seen["other_in_table"]
    assert cold["edit_init"] == warm["edit_init"] == off["edit_init"]
    assert cold["edit_consts"] == warm["edit_consts"] == off["edit_consts"]


def test_each_cached_method_is_what_exec_compiles_from_its_source(tmp_path: Path) -> None:
    _dataclass_probe(str(tmp_path / "cache"))
    (table_file,) = (tmp_path / "cache").glob("dataclass-code-*.marshal")
    import marshal

    table = marshal.loads(table_file.read_bytes())
    assert table
    for source, code in table.items():
        assert code == compile(source, "<string>", "exec", dont_inherit=True)
        assert code.co_filename == "<string>" and not code.co_flags & 0x1000000


def test_a_damaged_table_is_ignored(tmp_path: Path) -> None:
    cache = str(tmp_path / "cache")
    _dataclass_probe(cache)
    (table_file,) = (tmp_path / "cache").glob("dataclass-code-*.marshal")
    table_file.write_bytes(b"not marshal")
    again = _dataclass_probe(cache)
    assert again["hooked"] and again["dirty"] and again["table"] > 50


def test_a_phrase_with_a_word_the_text_lacks_compiles_no_pattern() -> None:
    """:func:`repair.detect.spin.count_phrase` compiles a phrase's pattern only where its
    first word stands free and every other word is in the text (a compile is ~0.25 ms of
    a cold start); the counts are the pattern's own, whole words only."""
    from repair.detect import spin

    text = "he said it, then re-said it; said  it again. saidit"
    spin._phrase_re.cache_clear()
    assert spin.count_phrase(text, "said nothing") == 0  # "nothing" is not in the text
    assert spin.count_phrase(text, "sad it") == 0  # the first word is never found
    assert spin._phrase_re.cache_info().misses == 0
    assert spin.count_phrase(text, "said it") == 2  # "re-said" and "saidit" are no match
    assert spin._phrase_re.cache_info().misses == 1
    for phrase in ("said it", "it again", "then re-said", "it", "said it again"):
        expected = len(re.findall(r"(?<![\w'’\-])" + spin._phrase_re(phrase).pattern, text))
        assert spin.count_phrase(text, phrase) == expected
