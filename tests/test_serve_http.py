"""``repair serve`` over real HTTP: a real LanguageTool client, limits, errors, concurrency.

One server per module, in a subprocess on a free loopback port, always stopped
(tests/serve_fixture.py).  Skips when the ``serve`` extra or
``language_tool_python`` is missing.
"""

from __future__ import annotations

import http.client
import json
import os
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlparse

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")
pytest.importorskip("multipart")

from repair import repair_text  # noqa: E402
from tests.serve_fixture import OCR_PAGE, running_server  # noqa: E402

pytestmark = pytest.mark.slow

SHARED = Path(os.environ.get("REPAIR_SHARED", Path(__file__).resolve().parents[2] / "shared"))
ICDAR = SHARED / "data" / "ocr" / "icdar2017_eng_monograph"


@pytest.fixture(scope="module")
def server() -> str:
    with running_server("--max-bytes", "1000000", "--timeout", "60") as url:
        yield url


def _post(url: str, path: str, body: bytes, ctype: str, timeout: float = 60) -> tuple[int, bytes]:
    u = urlparse(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    try:
        conn.request("POST", path, body=body, headers={"Content-Type": ctype})
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


def _check(url: str, text: str, language: str = "en-US") -> tuple[int, bytes]:
    body = urllib.parse.urlencode({"text": text, "language": language}).encode()
    return _post(url, "/v2/check", body, "application/x-www-form-urlencoded")


def _healthy(url: str) -> bool:
    u = urlparse(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
    try:
        conn.request("GET", "/health")
        r = conn.getresponse()
        return r.status == 200 and json.loads(r.read())["status"] == "ok"
    finally:
        conn.close()


# ----------------------------------------------------------------- a real LanguageTool client


def _lt_client(url: str):
    ltp = pytest.importorskip("language_tool_python")
    return ltp.LanguageTool("en-US", remote_server=url)


def _assert_client_sees(url: str, text: str) -> list:
    expected = repair_text(text)
    tool = _lt_client(url)
    try:
        found = tool.check(text)
        corrected = tool.correct(text)
    finally:
        tool.close()
    assert len(found) == len(expected.edits) > 0
    for m, e in zip(found, expected.edits, strict=True):
        assert (m.offset, m.error_length) == (e.offset, e.length)
        assert m.replacements[0] == e.replacement and m.rule_id == e.rule
        assert text[m.offset : m.offset + m.error_length] == e.original
    assert corrected == expected.text
    return found


def test_language_tool_client_lists_our_matches_for_seed_000(server, spun_seed):
    found = _assert_client_sees(server, spun_seed)
    assert len(found) > 100
    assert {m.category for m in found} == {"REPAIR_SPIN"}
    assert {m.rule_issue_type for m in found} == {"style"}


def test_language_tool_client_lists_our_matches_for_an_ocr_page(server):
    found = _assert_client_sees(server, OCR_PAGE)
    assert {m.category for m in found} == {"REPAIR_OCR"}
    assert {"tbe", "kingwith", "ar-\nrangements"} <= {
        OCR_PAGE[m.offset : m.offset + m.error_length] for m in found
    }


@pytest.mark.skipif(not ICDAR.is_dir(), reason="ICDAR 2017 pages not present at ../shared")
def test_language_tool_client_on_a_real_ocr_page(server):
    raw = (ICDAR / "3.txt").read_text(encoding="utf-8").split("\n", 1)[0]
    raw = raw.removeprefix("[OCR_toInput] ")
    if not repair_text(raw).edits:
        pytest.skip("no repair on this page")
    _assert_client_sees(server, raw)


def test_language_tool_client_after_emoji(server, spun_seed):
    """Offsets are UTF-16 units on the wire; the client still lands every match."""
    text = "Trump 😀 mentioned 🎉🎉 it. " + spun_seed[:2500]
    _assert_client_sees(server, text)
    status, body = _check(server, text)
    assert status == 200
    units = text.encode("utf-16-le")
    for m in json.loads(body)["matches"]:
        shown = units[2 * m["offset"] : 2 * (m["offset"] + m["length"])].decode("utf-16-le")
        assert shown == m["original"]


def test_languages_lists_english_variants(server):
    u = urlparse(server)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
    conn.request("GET", "/v2/languages")
    langs = json.loads(conn.getresponse().read())
    conn.close()
    assert {"en-US", "en-GB"} <= {x["longCode"] for x in langs}


# ----------------------------------------------------------------- limits and errors


def test_a_5_mb_upload_gets_a_clear_413_and_the_server_stays_up(server):
    big = ("spam " * 1_048_576).encode()  # 5 MiB
    try:
        status, body = _post(
            server, "/v2/check", b"language=en&text=" + big, "application/x-www-form-urlencoded"
        )
    except (BrokenPipeError, ConnectionResetError):  # refused before the whole body was sent
        status, body = 413, b"request too large"
    assert status == 413
    assert b"request too large" in body and b"at most 1,000,000 bytes" in body
    assert _healthy(server)


def test_a_5_mb_multipart_file_gets_413(server):
    boundary = "XyZ123"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="language"\r\n\r\nen\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="text"; filename="a.txt"\r\n'
            "Content-Type: text/plain\r\n\r\n"
        ).encode()
        + b"x" * (5 * 1024 * 1024)
        + f"\r\n--{boundary}--\r\n".encode()
    )
    try:
        status, msg = _post(server, "/v2/check", body, f"multipart/form-data; boundary={boundary}")
    except (BrokenPipeError, ConnectionResetError):
        status, msg = 413, b"request too large"
    assert status == 413 and b"request too large" in msg
    assert _healthy(server)


@pytest.mark.parametrize(
    "body, ctype, message",
    [
        (b"", "application/x-www-form-urlencoded", b"Missing 'language'"),
        (b"language=en-US", "application/x-www-form-urlencoded", b"Missing 'text' or 'data'"),
        (b"language=en-US&text=", "application/x-www-form-urlencoded", b"empty input"),
        (b"language=en-US&text=%20%0A", "application/x-www-form-urlencoded", b"empty input"),
        (b"language=en-US&text=a%00b%00c", "application/x-www-form-urlencoded", b"UTF-16"),
        (b"language=en-US&text=%ff%fe", "application/x-www-form-urlencoded", b"not form-encoded"),
        (bytes(range(256)) * 4, "application/x-www-form-urlencoded", b"binary data"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "image/png", b"unsupported Content-Type"),
        (b"Just some raw text.", "text/plain", b"unsupported Content-Type"),
        (b"language=fr&text=Bonjour", "application/x-www-form-urlencoded", b"English only"),
        (b"language=en&data=%7Bnope", "application/x-www-form-urlencoded", b"'data' must be JSON"),
    ],
)
def test_bad_check_requests_get_a_clear_400(server, body, ctype, message):
    status, got = _post(server, "/v2/check", body, ctype)
    assert status == 400, got
    assert got.startswith(b"Error: ") and message in got
    assert _healthy(server)


def test_a_binary_file_upload_gets_400(server):
    boundary = "b0undary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="language"\r\n\r\nen\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="text"; filename="x.bin"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + b"\x00\x01\x02\xff" * 100
        + f"\r\n--{boundary}--\r\n".encode()
    )
    status, got = _post(server, "/v2/check", body, f"multipart/form-data; boundary={boundary}")
    assert status == 400 and b"binary" in got


@pytest.mark.parametrize(
    "body, message",
    [
        (b"", b"empty body"),
        (b"\xff\xfe\x00garbage", b"not UTF-8"),
        (b"{not json", b"not valid JSON"),
        (b"[1, 2]", b"JSON object"),
        (b'{"text": 3}', b"'text' is required"),
        (b'{"text": "  "}', b"empty input"),
        (b'{"text": "ok", "references": "x"}', b"list of strings"),
        (b'{"text": "ok", "options": {"only": ["nope"]}}', b"unknown stage"),
        (b'{"text": "ok", "options": {"min_confidence": 2}}', b"from 0 to 1"),
        (b'{"text": "ok", "colour": 1}', b"unknown field"),
    ],
)
def test_bad_api_requests_get_a_clear_400(server, body, message):
    status, got = _post(server, "/api/repair", body, "application/json")
    assert status == 400, got
    assert message in json.loads(got)["error"].encode()
    assert _healthy(server)


# ----------------------------------------------------------------- native API, concurrency


def test_api_repair_uses_references_and_replays(server, spun_seed, clean_seeds):
    body = json.dumps({"text": spun_seed, "references": clean_seeds}).encode()
    status, got = _post(server, "/api/repair", body, "application/json")
    assert status == 200
    data = json.loads(got)
    expected = repair_text(spun_seed, clean_seeds)
    assert data["text"] == expected.text and data["changed"]
    assert len(data["edits"]) == len(expected.edits)
    out, pos = [], 0
    for e in data["edits"]:
        assert spun_seed[e["offset"] : e["offset"] + e["length"]] == e["original"]
        out += [spun_seed[pos : e["offset"]], e["replacement"]]
        pos = e["offset"] + e["length"]
    assert "".join(out) + spun_seed[pos:] == data["text"]
    assert data["scores"]["spin"] >= 0.5 and "report_html" not in data


def test_concurrent_requests_each_get_their_own_answer(server, spun_seed, clean_seeds):
    texts = [spun_seed[i * 400 : i * 400 + 1500] for i in range(6)] + clean_seeds + [OCR_PAGE]
    texts = texts * 2
    expected = [repair_text(t).text for t in texts]

    def one(t: str) -> str:
        status, body = _post(
            server, "/api/repair", json.dumps({"text": t}).encode(), "application/json"
        )
        assert status == 200, body
        return json.loads(body)["text"]

    with ThreadPoolExecutor(len(texts)) as pool:
        got = list(pool.map(one, texts, timeout=300))
    assert got == expected
    assert _healthy(server)


def test_a_request_past_its_deadline_gets_503_and_the_server_goes_on(spun_seed):
    with running_server("--timeout", "0.1") as url:
        status, body = _check(url, spun_seed * 4)
        assert status == 503 and b"took longer than 0.1 s" in body
        status, body = _post(
            url, "/api/repair", json.dumps({"text": spun_seed * 4}).encode(), "application/json"
        )
        assert status == 503 and "took longer" in json.loads(body)["error"]
        assert _healthy(url)
        # once the abandoned repairs finish, small requests are served again
        deadline = time.monotonic() + 120
        while (status := _check(url, "Fine.")[0]) != 200 and time.monotonic() < deadline:
            time.sleep(0.5)
        assert status == 200


def test_raw_utf8_in_a_form_body_is_read(server):
    text = "Ein Café: It was tbe best of times, it was tbe worst of times, said tbe man."
    status, body = _post(
        server,
        "/v2/check",
        f"language=en-US&text={text}".encode(),
        "application/x-www-form-urlencoded",
    )
    assert status == 200
    found = [m["original"] for m in json.loads(body)["matches"]]
    assert found == [m.original for m in repair_text(text).edits] == ["tbe"] * 3


def test_allow_origin_sends_cors_headers(server):
    u = urlparse(server)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
    conn.request("GET", "/v2/languages", headers={"Origin": "https://example.org"})
    r = conn.getresponse()
    r.read()
    conn.close()
    assert r.getheader("access-control-allow-origin") is None  # off by default
    with running_server("--allow-origin", "*") as url:
        u = urlparse(url)
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
        conn.request("GET", "/v2/languages", headers={"Origin": "https://example.org"})
        r = conn.getresponse()
        r.read()
        conn.close()
        assert r.getheader("access-control-allow-origin") == "*"
