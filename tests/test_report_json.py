"""``fix --report json`` and the server share one match builder in LanguageTool's exact shape."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from repair import repair_text
from repair.report import json as json_report
from repair.types import DocScores, Edit, RepairResult
from repair.write import apply_edits
from tests.conftest import SPUN_SEED

#: The keys LanguageTool's /v2/check puts in every match, and in its nested objects.
LT_MATCH_KEYS = {
    "message",
    "shortMessage",
    "replacements",
    "offset",
    "length",
    "context",
    "sentence",
    "type",
    "rule",
    "ignoreForIncompleteSentence",
    "contextForSureMatch",
}
OUR_KEYS = {"original", "kind", "confidence", "evidence"}


def _result(text: str, specs: list[tuple[str, str, str, str]]) -> RepairResult:
    edits = []
    for phrase, repl, kind, rule in specs:
        at = text.index(phrase)
        edits.append(
            Edit(at, len(phrase), phrase, repl, kind, 0.9, rule, "", {"n": (1, 2)}, ("alt",))
        )
    edits.sort(key=lambda e: e.offset)
    return RepairResult(text, apply_edits(text, edits), tuple(edits), DocScores(words=9))


TEXT = "I 😀 think tbe cafÃ© is nice.\nTrump mentioned 🎉 it to profound learning experts."
SPECS = [
    ("tbe", "the", "ocr", "OCR_CONFUSION"),
    ("cafÃ©", "café", "mojibake", "FTFY_FIX_ENCODING"),
    ("mentioned", "said", "spin", "SPIN_PAIR"),
    ("profound learning", "deep learning", "tortured", "TORTURED_PHRASE"),
]


def test_every_match_has_languagetools_shape_plus_ours():
    data = json_report.payload(_result(TEXT, SPECS), "x.txt")
    assert {"software", "warnings", "language", "matches"} <= set(data)
    assert data["software"]["apiVersion"] == 1 and data["language"]["code"] == "en-US"
    assert data["offsetUnits"] == "codepoints"
    for m in data["matches"]:
        assert set(m) == LT_MATCH_KEYS | OUR_KEYS
        assert m["replacements"][0]["value"] and all(set(r) == {"value"} for r in m["replacements"])
        assert set(m["rule"]) == {"id", "description", "issueType", "category"}
        assert set(m["rule"]["category"]) == {"id", "name"} and m["rule"]["description"]
        assert set(m["type"]) == {"typeName"} and set(m["context"]) == {"text", "offset", "length"}
        assert m["message"] and m["shortMessage"] and m["original"] in m["sentence"]
        assert m["evidence"] == {"n": [1, 2]}
    by_kind = {m["kind"]: m["rule"] for m in data["matches"]}
    assert by_kind["ocr"]["issueType"] == "misspelling"
    assert by_kind["spin"]["category"]["id"] == "REPAIR_SPIN"
    assert by_kind["tortured"]["category"]["id"] == "REPAIR_TORTURED"
    assert by_kind["mojibake"]["issueType"] == "characters"


def test_code_points_for_the_cli_utf16_for_languagetool():
    r = _result(TEXT, SPECS)
    cp = json_report.payload(r, utf16=False)["matches"]
    u16 = json_report.payload(r, utf16=True)["matches"]
    units = TEXT.encode("utf-16-le")
    for a, b in zip(cp, u16, strict=True):
        assert TEXT[a["offset"] : a["offset"] + a["length"]] == a["original"]
        assert (
            units[2 * b["offset"] : 2 * (b["offset"] + b["length"])].decode("utf-16-le")
            == (b["original"])
        )
        for m in (a, b):  # the context window in the same units
            ctx, n = m["context"], m["context"]["offset"]
            if m is b:
                cu = ctx["text"].encode("utf-16-le")
                shown = cu[2 * n : 2 * (n + ctx["length"])].decode("utf-16-le")
            else:
                shown = ctx["text"][n : n + ctx["length"]]
            assert shown == m["original"].replace("\n", " ")
    assert [b["offset"] - a["offset"] for a, b in zip(cp, u16, strict=True)] == [1, 1, 1, 2]


def test_utf16_converter():
    f = json_report.utf16_converter("ab")
    assert f(2) == 2
    g = json_report.utf16_converter("😀a😀b")
    assert [g(i) for i in range(5)] == [0, 2, 3, 5, 6]


def test_a_match_across_lines_has_its_whole_sentence():
    text = "The plans were con-\ncrete and clear.\n"
    r = _result(text, [("con-\ncrete", "concrete", "hyphenation", "OCR_DEHYPHENATE")])
    (m,) = json_report.payload(r)["matches"]
    assert m["sentence"] == "The plans were con-\ncrete and clear."
    assert m["message"] == "Line-end hyphen: “con-\ncrete” → “concrete”."
    assert m["context"]["text"] == "The plans were con- crete and clear. "


def test_real_repair_replays_from_the_json(spun_seed):
    r = repair_text(spun_seed)
    data = json.loads(json_report.render(r, "000.txt"))
    out, pos = [], 0
    for m in data["matches"]:
        out += [spun_seed[pos : m["offset"]], m["replacements"][0]["value"]]
        pos = m["offset"] + m["length"]
    assert "".join(out) + spun_seed[pos:] == r.text


@pytest.mark.slow
def test_fix_report_json_cli_is_the_same_builder(tmp_path):
    report = tmp_path / "r.json"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "repair",
            "fix",
            str(SPUN_SEED),
            "--report",
            "json",
            "--report-file",
            str(report),
            "-q",
            "-o",
            str(tmp_path / "out.txt"),
        ],
        check=True,
        timeout=300,
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    text = SPUN_SEED.read_text(encoding="utf-8")
    assert data["offsetUnits"] == "codepoints" and data["document"] == str(SPUN_SEED)
    assert data["matches"] == json_report.payload(repair_text(text))["matches"]
