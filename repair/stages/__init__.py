"""The stage registry: one declaration per kind of damage, read by everything else.

Each :class:`StageSpec` in :data:`REGISTRY` declares a stage once: its name (the
``RepairConfig`` flag and the ``--only`` choice), where its code lives, the edit
kinds it makes (with their legend text and colours), the document score it
reports (the :class:`~repair.types.DocScores` field and ``repair scan`` column),
whether it needs English text and whether it runs by default.  The pipeline, the
config, the score record, the CLI (``fix``, ``scan``), the reports and the bench
all read this table; adding a stage is one new module plus one entry here.

This module imports no stage code (a stage is imported when it first runs), so
reading the registry is cheap and cannot create an import cycle.

A stage is any object with a ``name`` and three methods:

* ``detect(doc)`` → :class:`~repair.types.Detection` (suspicious spans and a document score);
* ``candidates(doc, detection)`` → ``list[`` :class:`~repair.types.Candidate` ``]``;
* ``score(doc, detection, candidates)`` → ``list[`` :class:`~repair.types.Edit` ``]``
  (accepted edits on ``doc.text``, each with confidence and evidence).

>>> [s.name for s in REGISTRY][:4]
['mojibake', 'ocr', 'tortured', 'spin']
>>> spec("ocr").score, kind_info("hyphenation").stage
('garble', 'ocr')
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # runtime imports would make repair.config -> repair.stages a cycle
    from repair.document import Document
    from repair.types import Candidate, Detection, Edit


class Stage(Protocol):
    name: str

    def detect(self, doc: Document) -> Detection: ...

    def candidates(self, doc: Document, detection: Detection) -> list[Candidate]: ...

    def score(
        self, doc: Document, detection: Detection, candidates: list[Candidate]
    ) -> list[Edit]: ...


@dataclass(frozen=True)
class Kind:
    """An edit kind: its name (``Edit.kind``), legend text, mark colour and background tint.

    ``issue`` is the ITS 2.0 issue type LanguageTool clients colour matches by
    (``fix --report json``, ``repair serve``).
    """

    name: str
    help: str
    colour: str
    tint: str
    stage: str = ""
    issue: str = "uncategorized"


@dataclass(frozen=True)
class StageSpec:
    """One stage, declared once.

    ``name`` is the config flag and ``--only`` choice; ``target`` the
    ``module:attribute`` of its :class:`Stage`; ``kinds`` the edit kinds it
    makes; ``score`` the :class:`~repair.types.DocScores` field of its document
    score and ``label`` how reports name it; ``help`` one line for the CLI;
    ``english_only`` stages are skipped on non-English text; ``default`` says
    whether it runs unless told otherwise; ``skip_on_ocr`` stages do not run on a
    garbled page; ``source_overruled`` stages (the synonym readers) lose an edit where a
    known source (``--reference``) prints the written word at the aligned place
    (:func:`repair.detect.tortured_source.off_source`).
    """

    name: str
    target: str
    kinds: tuple[Kind, ...]
    score: str
    label: str
    help: str
    english_only: bool = True
    default: bool = True
    skip_on_ocr: bool = False
    source_overruled: bool = False

    def __post_init__(self) -> None:
        kinds = tuple(
            Kind(k.name, k.help, k.colour, k.tint, self.name, k.issue) for k in self.kinds
        )
        object.__setattr__(self, "kinds", kinds)

    def load(self) -> Stage:
        """Import and return the stage object."""
        module, _, attr = self.target.partition(":")
        return getattr(importlib.import_module(module), attr)


#: The stages, in the order the pipeline runs them.  One entry per stage.
REGISTRY: tuple[StageSpec, ...] = (
    StageSpec(
        "mojibake",
        "repair.stages.mojibake:STAGE",
        kinds=(Kind("mojibake", "encoding damage", "#7e22ce", "#f1e2ff", issue="characters"),),
        score="mojibake",
        label="mojibake",
        english_only=False,
        help="encoding damage (ftfy: mojibake, HTML entities)",
    ),
    StageSpec(
        "ocr",
        "repair.stages.ocr:STAGE",
        kinds=(
            Kind("ocr", "OCR misreading", "#1d4ed8", "#dde8ff", issue="misspelling"),
            Kind("hyphenation", "line-end hyphen", "#0f766e", "#d5f3ee", issue="typographical"),
            Kind("spacing", "split or merged words", "#4d5766", "#e6e9ee", issue="whitespace"),
        ),
        score="garble",
        label="OCR garble",
        help="OCR garble (misread letters, split or merged words, line-end hyphens)",
    ),
    StageSpec(
        "tortured",
        "repair.stages.tortured:STAGE",
        kinds=(
            Kind(
                "tortured",
                "tortured phrase (paper mill)",
                "#be123c",
                "#ffe0e6",
                issue="terminology",
            ),
        ),
        score="tortured",
        label="tortured",
        help="paper-mill tortured phrases",
        skip_on_ocr=True,
        source_overruled=True,
    ),
    StageSpec(
        "spin",
        "repair.stages.spin:STAGE",
        kinds=(Kind("spin", "article-spinner synonym swap", "#c2410c", "#ffe8d1", issue="style"),),
        score="spin",
        label="spin",
        help="article-spinner synonym swaps",
        skip_on_ocr=True,
        source_overruled=True,
    ),
    StageSpec(
        "collocation",
        "repair.stages.collocation:STAGE",
        kinds=(
            Kind(
                "collocation",
                "synonym-spun term or wordy phrase",
                "#9d174d",
                "#fde2ef",
                issue="terminology",
            ),
        ),
        score="collocation",
        label="collocation",
        help="synonym-spun terms ('data agglomerates')",
        skip_on_ocr=True,
        source_overruled=True,
    ),
    StageSpec(
        "repeated",
        "repair.stages.repeated:STAGE",
        kinds=(Kind("repeated", "doubled article", "#a16207", "#fdf0c8", issue="duplication"),),
        score="repeated",
        label="repeated words",
        help="doubled articles ('the the')",
        default=False,
    ),
)


#: The edit kinds of the stages that restore substituted wording (a spinner's synonym, a
#: collocation's spun term, a paper mill's tortured phrase), as opposed to OCR, encoding
#: and doubled-word repairs: the kinds whose edits vouch that a document was spun
#: (:data:`repair.detect.spin_document.DAMPEN_SPARES_RESTORED`, session 66).
WORDING_KINDS: tuple[str, ...] = ("spin", "collocation", "tortured")


def names() -> tuple[str, ...]:
    """The stage names, in pipeline order."""
    return tuple(s.name for s in REGISTRY)


def spec(name: str) -> StageSpec:
    """The declaration of stage ``name`` (``ValueError`` naming the known ones otherwise)."""
    for s in REGISTRY:
        if s.name == name:
            return s
    raise ValueError(f"unknown stage {name!r}; known: {', '.join(names())}")


def edit_kinds() -> tuple[Kind, ...]:
    """Every edit kind, stage by stage in pipeline order."""
    return tuple(k for s in REGISTRY for k in s.kinds)


def kind_info(kind: str) -> Kind | None:
    """The declaration of edit kind ``kind``, or ``None`` for a kind no stage declares."""
    return next((k for k in edit_kinds() if k.name == kind), None)


def score_fields(opt_in: bool = True) -> tuple[tuple[str, str], ...]:
    """(DocScores field, label) per stage, in display order: the last stage first.

    ``opt_in=False`` leaves out the stages that are off by default (the summary
    line, ``repair scan`` and the HTML report show the scores of default stages).
    """
    return tuple((s.score, s.label) for s in reversed(REGISTRY) if opt_in or s.default)


def load_stage(name: str) -> Stage:
    """Import and return the stage registered under ``name``."""
    return spec(name).load()
