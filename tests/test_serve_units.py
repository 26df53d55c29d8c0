"""The pieces of ``repair serve`` without a server: LanguageTool fields, annotations, options."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("starlette")

from repair import repair_text  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.serve import api, lt  # noqa: E402
from repair.serve.inputs import HTTPProblem  # noqa: E402
from tests.serve_fixture import OCR_PAGE  # noqa: E402


@pytest.mark.parametrize(
    "value, code",
    [
        ("en-US", "en-US"),
        ("en-us", "en-US"),
        ("auto", "en-US"),
        ("en", "en"),
        ("en_GB", "en-GB"),
        ("en-IE", "en"),
    ],
)
def test_language_codes(value, code):
    assert lt.language_code(value) == code


@pytest.mark.parametrize("value", [None, "", "de-DE", "fr"])
def test_other_languages_are_refused(value):
    with pytest.raises(HTTPProblem) as err:
        lt.language_code(value)
    assert err.value.status == 400


def test_data_annotation_offsets_count_the_markup():
    data = {
        "annotation": [
            {"text": "Trump "},
            {"markup": "<b>", "interpretAs": ""},
            {"text": "mentioned"},
            {"markup": "</b>"},
            {"text": " it.\n"},
            {"markup": "<br/>", "interpretAs": "\n\n"},
            {"text": OCR_PAGE[:700]},
            {"markup": "<i>"},
            {"text": OCR_PAGE[700:]},
        ]
    }
    ann = lt.request_text({"data": json.dumps(data)})
    assert "<b>" in ann.full and "<b>" not in ann.plain
    result = repair_text(ann.plain)
    assert result.edits
    body = lt.check_response(result, ann, "en-US", {})
    assert len(body["matches"]) == len(result.edits)
    for m in body["matches"]:
        assert ann.full[m["offset"] : m["offset"] + m["length"]] == m["original"]


def test_rule_and_category_switches(spun_seed):
    ann = lt.Annotated(spun_seed, spun_seed)
    result = repair_text(spun_seed)
    full = lt.check_response(result, ann, "en-US", {})["matches"]
    assert {m["rule"]["id"] for m in full} >= {"SPIN_PAIR", "SPIN_PHRASE"}
    no_pairs = lt.check_response(result, ann, "en-US", {"disabledRules": "SPIN_PAIR"})["matches"]
    assert no_pairs and all(m["rule"]["id"] != "SPIN_PAIR" for m in no_pairs)
    none = lt.check_response(result, ann, "en-US", {"disabledCategories": "REPAIR_SPIN"})
    assert none["matches"] == []
    only = lt.check_response(
        result, ann, "en-US", {"enabledOnly": "true", "enabledRules": "SPIN_PHRASE"}
    )["matches"]
    assert only and {m["rule"]["id"] for m in only} == {"SPIN_PHRASE"}


def test_api_options_become_the_config():
    text, refs, config, html = api.parse_request(
        {
            "text": "Hello there.",
            "references": ["Hi."],
            "options": {"min_confidence": 0.8, "only": ["ocr"], "reflow": True, "report": "html"},
        },
        RepairConfig(),
    )
    assert (text, refs, html) == ("Hello there.", ("Hi.",), True)
    assert config.min_confidence == 0.8 and config.reflow and config.ocr
    assert not (config.spin or config.tortured or config.mojibake)


def test_api_response_carries_the_html_report():
    r = repair_text("It was tbe best of times, it was tbe worst of times, said tbe man.")
    out = api.response(r, True)
    assert out["text"] == r.text and out["report_html"].startswith("<!")
    assert out["edits"][0]["original"] == "tbe"


def test_start_up_loads_every_resource_before_the_first_request():
    """After warm-up a request of each kind imports nothing new (all loaded once, up front)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from repair import repair_text\n"
        "from repair.serve.engine import Engine\n"
        "from tests.conftest import SPUN_SEED\n"
        "from tests.serve_fixture import OCR_PAGE\n"
        "Engine().warm_up()\n"
        "before = set(sys.modules)\n"
        "repair_text(SPUN_SEED.read_text(), [OCR_PAGE])\n"
        "repair_text(OCR_PAGE + ' The irregular woodlands and profound neural organizations.')\n"
        "repair_text('The caf\u00c3\u00a9 &amp; bar.')\n"
        "print(sorted(set(sys.modules) - before))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True
    ).stdout
    assert out.strip() == "[]"


def test_edits_across_markup_are_dropped_and_the_rest_moved():
    from repair.types import Edit

    data = {
        "annotation": [
            {"text": "A tbe "},
            {"markup": "<i>", "interpretAs": ""},
            {"text": ""},
            {"text": "con-"},
            {"markup": "<br/>", "interpretAs": "\n"},
            {"text": "crete tbe."},
        ]
    }
    ann = lt.read_annotation(json.dumps(data))
    assert ann.plain == "A tbe con-\ncrete tbe." and ann.full == "A tbe <i>con-<br/>crete tbe."
    edits = (
        Edit(2, 3, "tbe", "the", "ocr", 0.9, "R"),
        Edit(6, 10, "con-\ncrete", "concrete", "hyphenation", 0.9, "R"),  # crosses <br/>
        Edit(6, 0, "", " ", "spacing", 0.9, "R"),  # zero-length at a part boundary
        Edit(17, 3, "tbe", "the", "ocr", 0.9, "R"),
    )
    moved = ann.to_full(edits)
    assert [(e.offset, e.original) for e in moved] == [(2, "tbe"), (9, ""), (24, "tbe")]
    for e in moved:
        assert ann.full[e.offset : e.offset + e.length] == e.original
