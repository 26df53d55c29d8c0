"""``repair batch``: plan the shards, (learn,) run an engine, assemble the outputs.

Outputs in OUTPUT:

* each ``.txt`` input, repaired, at its mirrored path; their reports in ``texts.repair.jsonl``;
* each JSON Lines input, repaired (``text`` replaced, other fields kept), at its
  mirrored path, with a sidecar ``<stem>.repair.jsonl`` (one report line per record);
* ``summary.json`` (and the printed table).

Documents that cannot be repaired are listed, with their reason code, in the
reports and the summary, and left out of the outputs (``--keep-failed``:
copied to them unchanged).
"""

from __future__ import annotations

import errno
import gzip
import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from repair.batch import ocr_auto
from repair.batch.sources import SHARD_WORDS, Shard, discover, jsonl_stem, plan_shards
from repair.batch.state import (
    STATE_DIR,
    BatchError,
    State,
    atomic_write_json,
)
from repair.batch.summary import summarize
from repair.batch.worker import WorkerSettings
from repair.config import RepairConfig
from repair.io import InputError, OutputError, read_input, split_bom

#: Sidecar of the ``.txt`` inputs; summary file.
TEXTS_REPORT = "texts.repair.jsonl"
SUMMARY = "summary.json"
#: The pairs ``--learn`` learned, as a ``repair learn`` lexicon.
LEARNED = "learned_pairs.tsv"
ENGINES = ("local", "ray")


@dataclass
class BatchOptions:
    """The options of ``repair batch`` (see ``repair batch --help``).

    All but ``jobs``, ``engine``, ``doc_timeout`` and ``slow_doc`` are saved with the
    run; resuming with other values is refused.
    """

    input: Path
    output: Path
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    engine: str = "local"
    references: tuple[Path, ...] = ()
    lexicons: tuple[Path, ...] = ()
    min_confidence: float = RepairConfig.min_confidence
    learn: bool = False
    #: use the built-in seed spinner profile (False: an unknown spinner, learned and
    #: repaired from the corpus's own evidence, as ``repair learn --no-profile``)
    profile: bool = True
    #: no automatic OCR self-training per document (``repair fix --one-pass``)
    one_pass: bool = False
    #: most documents in one shard
    shard_size: int = 1000
    #: words in one shard (estimated from bytes): the unit of work and of resume
    shard_words: int = SHARD_WORDS
    #: copy documents that cannot be repaired to the output unchanged (else leave them out)
    keep_failed: bool = False
    #: seconds after which one document is given up (reason ``timeout``); 0: no limit
    doc_timeout: float = 600.0
    #: test hook (seconds of sleep per document)
    slow_doc: float = 0.0
    #: the archive's OCR confusion table (``repair learn --ocr``); None: the shipped one
    ocr_table: Path | None = None
    #: first self-train the OCR profile on the corpus (``repair learn --ocr`` in one run);
    #: ``None`` (the default): only when the corpus holds enough garbled OCR, from its
    #: garbled documents (:mod:`repair.batch.ocr_auto`); ``False``: never
    self_train: bool | None = None


def _inside(a: Path, b: Path) -> bool:
    """Whether ``a`` is ``b`` or inside it."""
    return a == b or b in a.parents


def reference_files(paths: tuple[Path, ...]) -> list[str]:
    """``--reference`` paths as files (a folder means its ``*.txt`` files), checked readable."""
    files: list[str] = []
    for p in paths:
        found = sorted(p.rglob("*.txt")) if p.is_dir() else [p]
        if p.is_dir() and not found:
            raise BatchError(f"{p}: no .txt files in the --reference folder")
        for f in found:
            try:
                read_input(f)
            except InputError as exc:
                raise BatchError(f"--reference {exc}") from None
            files.append(str(f.resolve()))
    return files


def _output_names(files: list[str]) -> dict[str, list[str]]:
    """Each input's outputs; raises if two inputs would write the same output file."""
    names: dict[str, list[str]] = {}
    seen: dict[str, str] = {
        SUMMARY: "the summary",
        TEXTS_REPORT: "the .txt report",
        LEARNED: "the learned pairs",
    }
    for rel in files:
        if rel.endswith(".txt"):
            outs = [rel]
        else:
            parent = rel.rpartition("/")[0]
            sidecar = f"{jsonl_stem(rel.rpartition('/')[2])}.repair.jsonl"
            outs = [rel, f"{parent}/{sidecar}" if parent else sidecar]
        for out in outs:
            if out in seen:
                raise BatchError(
                    f"inputs {seen[out]} and {rel} would both write {out}; rename one of them"
                )
            seen[out] = rel
        names[rel] = outs
    return names


def _jsonl_sizes(root: Path, files: list[str]) -> dict[str, int]:
    """Sizes of the JSON Lines inputs (shards point into them by byte offset)."""
    out = {}
    for rel in files:
        if not rel.endswith(".txt"):
            try:
                out[rel] = (root / rel).stat().st_size
            except OSError:
                out[rel] = -1
    return out


def _options_key(opts: BatchOptions, refs: list[str]) -> dict[str, Any]:
    """What must not change between a run and its resumption (not jobs or engine)."""
    return {
        "input": str(opts.input.resolve()),
        "references": refs,
        "lexicons": [str(p.resolve()) for p in opts.lexicons],
        "min_confidence": opts.min_confidence,
        "learn": opts.learn,
        "shard_size": opts.shard_size,
        "shard_words": opts.shard_words,
        "keep_failed": opts.keep_failed,
        # only when off, so runs begun before the option existed still resume
        **({} if opts.profile else {"profile": False}),
        **({"ocr_table": str(opts.ocr_table.resolve())} if opts.ocr_table else {}),
        # "auto" (None) adds nothing: a run begun before it existed resumes without it
        **({"self_train": opts.self_train} if opts.self_train is not None else {}),
        **({"one_pass": True} if opts.one_pass else {}),
    }


def _learn(
    state: State, root: Path, shards: list[Shard], refs: list[str], profile: bool = True
) -> None:
    """First pass of ``--learn``: learn substitution pairs over the whole corpus, save them.

    Saved as a ``repair learn`` TSV lexicon (reusable with ``--lexicon``); a
    resumed run reuses it instead of learning again.
    """
    from repair.learn import learn_pairs, write_pairs

    config = RepairConfig(spin_profile=RepairConfig.spin_profile if profile else None)
    refs_text = tuple(split_bom(read_input(r))[1] for r in refs)
    learned = learn_pairs(_corpus_texts(root, shards), references=refs_text, config=config)
    write_pairs(learned, state.pairs_path, sources=[str(root)])


def _corpus_texts(root: Path, shards: list[Shard]) -> Iterator[str]:
    """Every readable, non-empty document of the batch (a first pass reads them)."""
    from repair.batch.sources import read_shard

    for shard in shards:
        for doc in read_shard(root, shard):
            if doc.error is None and doc.text:
                yield doc.text


def _self_train(
    state: State,
    root: Path,
    shards: list[Shard],
    garbled: dict[str, Any] | None = None,
    jobs: int = 1,
    positions: list[int] | None = None,
    split_jobs: int = 1,
    early: dict[int, Any] | None = None,
) -> None:
    """First pass of ``--self-train``: the OCR profile in force self-trained on the corpus
    (:func:`repair.score.ocr_selftrain.learn_table`), saved as a ``repair learn --ocr``
    table (reusable with ``--ocr-table``), then its completion marker (what it learned
    from); a resumed run reuses them.  ``garbled`` (the automatic self-training's
    counts, :mod:`repair.batch.ocr_auto`): learn from the garbled documents only, and
    (``AUTO_KNOWN_GATE``) save the cross-fit's verdict in the marker as ``crossfit``: a
    corpus the tables in force know keeps them (:mod:`repair.batch.ocr_known`)."""
    from repair.batch.ocr_auto import GarbleCount, learn_garbled
    from repair.io import atomic_write

    note = [f"corpus: {root}"]
    texts = _corpus_texts(root, shards)
    verdict = None
    if garbled is None:
        from repair.batch.ocr_pool import learn_all

        learned = learn_all(texts, note, jobs)
    else:
        count = GarbleCount(**{k: garbled[k] for k in GarbleCount.__dataclass_fields__})
        note = [*note, "its garbled documents only"]
        learned, verdict = learn_garbled(texts, count, note, jobs, positions, split_jobs, early)
    atomic_write(state.ocr_table_path, learned.text)
    marker: dict[str, Any] = {
        "documents": learned.pages,
        "repriced": learned.repriced,
        "new": len(learned.new),
        "marks": len(learned.marks),
    }
    if verdict is not None:  # known to the tables in force: the run keeps them
        marker["crossfit"] = verdict.to_json()
    atomic_write_json(state.ocr_table_done_path, marker)


def pool_jobs(opts: BatchOptions) -> int:
    """Processes of the automatic self-training's first passes (:mod:`repair.batch.ocr_pool`):
    the local engine's ``--jobs`` (1: in this process)."""
    from repair.batch.ocr_pool import POOL_FIRST_PASS

    return opts.jobs if POOL_FIRST_PASS and opts.engine == "local" else 1


def count_jobs(opts: BatchOptions, words: int) -> int:
    """Processes of the automatic self-training's count pass over ``words`` words: the
    local engine's ``--jobs`` with :data:`~repair.batch.ocr_pool.POOL_COUNT` on a corpus
    of :data:`~repair.batch.ocr_pool.COUNT_POOL_MIN_WORDS` (else :func:`pool_jobs`)."""
    from repair.batch import ocr_pool

    big = words >= ocr_pool.COUNT_POOL_MIN_WORDS
    pooled = ocr_pool.POOL_COUNT and big and opts.engine == "local"
    return opts.jobs if pooled else pool_jobs(opts)


def _early_first_pass(count_processes: int) -> Any:
    """The judged first pass to make during the count pass
    (:class:`~repair.batch.ocr_early.EarlyFirstPass`), or ``None``: only beside a pooled
    count, with the cross-fit and :data:`~repair.batch.ocr_early.OVERLAP_JUDGED`."""
    from repair.batch.ocr_early import OVERLAP_JUDGED, EarlyFirstPass

    if not (OVERLAP_JUDGED and count_processes > 1 and ocr_auto.AUTO_KNOWN_GATE):
        return None
    if ocr_auto.POOL_JUDGED:
        return None  # the judged pass is pooled: not this process's to make
    budget = ocr_auto.AUTO_JUDGE_MAX_WORDS or ocr_auto.AUTO_LEARN_MAX_WORDS
    return EarlyFirstPass(budget)


def _self_train_info(opts: BatchOptions, plan: dict[str, Any]) -> dict[str, Any]:
    """The summary's ``ocr_self_train``: the mode, whether the corpus's table is learned,
    and (automatic mode) the garble gate's counts."""
    mode = {None: "auto", True: "on", False: "off"}[opts.self_train]
    info: dict[str, Any] = {"mode": mode}
    counts = plan.get("ocr_auto")
    if opts.self_train is None and counts is not None:
        info.update(counts)
    auto = opts.self_train is None and bool(counts and counts["learn"])
    info["learned"] = bool(opts.self_train) or auto
    return info


def _final_files(
    state: State, output: Path, shards: list[Shard], names: dict[str, list[str]]
) -> list[tuple[Path, Iterator[bytes]]]:
    """The final files made of the shards' parts (sidecars before their corpus file)."""
    by_file: dict[str, list[Shard]] = {}
    for s in shards:
        if s.kind == "jsonl":
            by_file.setdefault(s.files[0], []).append(s)

    def concat(parts: list[Path], gz: bool = False) -> Iterator[bytes]:
        for p in parts:
            data = p.read_bytes()
            yield gzip.compress(data) if gz and data else data

    files: list[tuple[Path, Iterator[bytes]]] = []
    txt = [s for s in shards if s.kind == "txt"]
    if txt:
        files.append((output / TEXTS_REPORT, concat([state.part(s, "report") for s in txt])))
    for rel, file_shards in by_file.items():
        out, sidecar = names[rel]
        reports = [state.part(s, "report") for s in file_shards]
        files.append((output / sidecar, concat(reports)))
        recs = [state.part(s, "records") for s in file_shards]
        files.append((output / out, concat(recs, gz=rel.endswith(".gz"))))
    return files


def _write_error(exc: OSError) -> BatchError:
    """A failed write as one line naming the file, with what to do next."""
    if not isinstance(exc, OutputError):
        name = exc.filename or "an output file"
        exc = OutputError(exc.errno or errno.EIO, exc.strerror or str(exc), str(name))
    hint = "free space and rerun" if exc.errno in (errno.ENOSPC, errno.EDQUOT) else "rerun"
    return BatchError(f"{exc}; {hint} to resume")


def run_batch(
    opts: BatchOptions,
    on_start: Callable[[int, int], None] = lambda total, done: None,
    on_progress: Callable[[int], None] = lambda n: None,
    quiet: bool = True,
    on_learn: Callable[[int], None] = lambda total: None,
    on_self_train: Callable[[int], None] = lambda total: None,
) -> dict[str, Any]:
    """Run (or resume) a batch; returns the summary (also written to ``summary.json``).

    ``on_start(total_docs, already_done_docs)`` and ``on_progress(n_docs)`` drive a progress
    bar; ``on_learn(total_docs)`` is called before the ``--learn`` pass starts,
    ``on_self_train(total_docs)`` before the ``--self-train`` one.
    """
    t0 = time.perf_counter()
    if opts.engine not in ENGINES:
        raise BatchError(f"unknown engine {opts.engine!r}; choose one of: {', '.join(ENGINES)}")
    if opts.jobs < 1:
        raise BatchError("--jobs must be at least 1")
    if not opts.input.exists():
        raise BatchError(f"{opts.input}: no such file or folder")
    inp, out = opts.input.resolve(), opts.output.resolve()
    # a folder input is read recursively: the output must be outside it (and not hold it)
    if _inside(inp, out) or (inp.is_dir() and _inside(out, inp)):
        raise BatchError(
            f"{opts.output}: the output folder must be outside the input folder "
            "(and not contain it): inputs are never modified"
        )
    if out.exists() and not out.is_dir():
        raise BatchError(f"{opts.output}: exists and is not a folder; choose an output folder")
    _check_lexicons(opts.lexicons)
    _install_ocr_table(opts.ocr_table)
    refs = reference_files(opts.references)
    for r in refs:
        if _inside(Path(r), out):
            raise BatchError(f"{r}: a reference file must not be inside the output folder")

    state = State(out)
    state.lock()
    try:
        return _run_locked(
            opts, state, inp, out, refs, t0, on_start, on_progress, quiet, on_learn, on_self_train
        )
    except OSError as exc:  # a full disk, a read-only folder: one line naming the file
        raise _write_error(exc) from None
    finally:
        state.unlock()


def _check_lexicons(paths: tuple[Path, ...]) -> None:
    """Every ``--lexicon`` must load (a malformed one stops the batch with its message)."""
    if not paths:
        return
    from repair.learn import load_pairs
    from repair.lexicons import LexiconError

    for lx in paths:
        if not lx.is_file():
            raise BatchError(f"{lx}: no such lexicon file")
        try:
            load_pairs(lx)
        except LexiconError as exc:
            raise BatchError(str(exc)) from None


def _install_ocr_table(path: Path | None) -> None:
    """Put ``--ocr-table`` in force here (the ``--learn`` pass, forked workers inherit it);
    a malformed table stops the batch with its message (file and line)."""
    from repair.lexicons import LexiconError
    from repair.score.ocr_table import install

    try:
        install(path)
    except LexiconError as exc:
        raise BatchError(str(exc)) from None


def _run_locked(
    opts: BatchOptions,
    state: State,
    inp: Path,
    out: Path,
    refs: list[str],
    t0: float,
    on_start: Callable[[int, int], None],
    on_progress: Callable[[int], None],
    quiet: bool,
    on_learn: Callable[[int], None],
    on_self_train: Callable[[int], None] = lambda total: None,
) -> dict[str, Any]:
    key = _options_key(opts, refs)
    plan = state.load_plan(key)
    positions: list[int] | None = None  # the garbled documents, when counted in this run
    early_firsts: dict[int, Any] | None = None  # their first passes made during the count
    if plan is None:
        if out.exists() and any(p.name != STATE_DIR for p in out.iterdir()):
            raise BatchError(
                f"{opts.output}: the output folder exists and is not empty "
                "(and holds no batch run to resume); choose a new or empty folder"
            )
        try:
            root, files, ignored = discover(inp)
        except (OSError, ValueError) as exc:
            raise BatchError(str(exc)) from None
        if not files:
            raise BatchError(f"{opts.input}: no .txt or JSON Lines files found")
        _output_names(files)
        try:
            shards = plan_shards(root, files, opts.shard_size, opts.shard_words, opts.jobs)
        except OSError as exc:
            raise BatchError(f"cannot read an input: {exc}") from None
        sizes = _jsonl_sizes(root, files)
        extra = {"root": str(root), "files": files, "ignored": ignored, "sizes": sizes}
        if opts.self_train is None and ocr_auto.AUTO_SELF_TRAIN:
            # counted once, saved with the plan: a resumed run decides the same
            positions = []
            texts = _corpus_texts(root, shards)
            processes = count_jobs(opts, sum(s.words for s in shards))
            early = _early_first_pass(processes)
            offer = early.offer if early is not None else None
            count = ocr_auto.count_garbled(texts, processes, positions, offer)
            if early is not None:
                early_firsts = early.finish()
            extra["ocr_auto"] = {**count.to_json(), "learn": ocr_auto.enough(count)}
        plan = state.save_plan(key, shards, extra)
    if state.finished and (out / SUMMARY).is_file():
        summary = json.loads((out / SUMMARY).read_text(encoding="utf-8"))
        summary["run"].update(documents=0, words=0, wall_seconds=0.0, note="already finished")
        return summary
    root = Path(plan["root"])
    shards = [Shard.from_json(s) for s in plan["shards"]]
    names = _output_names(plan["files"])
    if not state.finished and _jsonl_sizes(root, plan["files"]) != plan["sizes"]:
        raise BatchError(
            f"a JSON Lines input changed size since this run began (see {state.plan_path}); "
            "the saved shards no longer match it: start over in a new OUTPUT folder"
        )

    state.clean_temp()
    ocr_table = str(opts.ocr_table.resolve()) if opts.ocr_table else None
    info = _self_train_info(opts, plan)
    if info["learned"]:
        if not (state.ocr_table_path.is_file() and state.ocr_table_done_path.is_file()):
            auto = plan.get("ocr_auto") if opts.self_train is None else None
            on_self_train(auto["garbled_documents"] if auto else sum(s.docs for s in shards))
            split = opts.jobs if opts.engine == "local" else 1
            _self_train(state, root, shards, auto, pool_jobs(opts), positions, split, early_firsts)
        info["learned_from"] = json.loads(state.ocr_table_done_path.read_text(encoding="utf-8"))
        info["applied"] = not info["learned_from"].get("crossfit", {}).get("known", False)
        if info["applied"]:
            ocr_table = str(state.ocr_table_path)
            _install_ocr_table(state.ocr_table_path)
    if opts.learn and not state.pairs_path.is_file():
        on_learn(sum(s.docs for s in shards))
        _learn(state, root, shards, refs, opts.profile)
    settings = WorkerSettings(
        input_root=str(root),
        output=str(out),
        references=tuple(refs),
        lexicons=tuple(str(p.resolve()) for p in opts.lexicons),
        learned_pairs=str(state.pairs_path) if opts.learn else None,
        min_confidence=opts.min_confidence,
        profile=opts.profile,
        one_pass=opts.one_pass,
        doc_timeout=opts.doc_timeout,
        keep_failed=opts.keep_failed,
        slow_doc=opts.slow_doc,
        ocr_table=ocr_table,
    )
    # the largest shards first: the workers then finish together
    pending = sorted((s for s in shards if not state.is_done(s)), key=lambda s: (-s.words, s.index))
    on_start(sum(s.docs for s in shards), sum(s.docs for s in shards if state.is_done(s)))
    if opts.engine == "ray":
        from repair.batch.ray_engine import run_ray

        stream = run_ray(settings, pending, opts.jobs, on_progress, quiet=quiet)
    else:
        from repair.batch.local import run_local

        stream = run_local(settings, pending, opts.jobs, on_progress)
    run_stats = list(stream)

    summary = summarize(
        (state.load_stats(s) for s in shards),
        run_stats=run_stats,
        wall_seconds=time.perf_counter() - t0,
        engine=opts.engine,
        jobs=opts.jobs,
        ignored_files=plan["ignored"],
    )
    summary["ocr_self_train"] = info
    # all final files appear together or none does (a full disk leaves none); the
    # summary, which says the run is complete, is renamed into place last
    files = _final_files(state, out, shards, names)
    if opts.learn:
        files.append((out / LEARNED, iter([state.pairs_path.read_bytes()])))
    summary_bytes = json.dumps(summary, ensure_ascii=False, indent=1).encode("utf-8")
    files.append((out / SUMMARY, iter([summary_bytes])))
    state.write_final(files)
    state.finish()
    return summary
