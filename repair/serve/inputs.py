"""Reading request bodies safely: a size limit (413), and clear 400s for bad input."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request

from repair.io import InputError, decode_bytes


class HTTPProblem(Exception):
    """A request we refuse, with its status code and a message for a person."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def too_large(size: int | None, limit: int) -> HTTPProblem:
    said = f"{size:,} bytes" if size is not None else f"more than {limit:,} bytes"
    return HTTPProblem(
        413,
        f"request too large ({said}); this server accepts at most {limit:,} bytes per request "
        "(split the text, or start it with `repair serve --max-bytes N`)",
    )


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, refusing (413) anything over ``limit`` bytes, announced or not."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            size = int(declared)
        except ValueError:
            raise HTTPProblem(400, "bad Content-Length header") from None
        if size > limit:
            raise too_large(size, limit)
    chunks: list[bytes] = []
    total = 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > limit:
            raise too_large(None, limit)
        chunks.append(chunk)
    return b"".join(chunks)


def check_text(value: str | bytes, field: str) -> str:
    """``value`` as text, or a 400 saying why it is not (empty, binary, not UTF-8)."""
    data = value.encode("utf-8", "surrogatepass") if isinstance(value, str) else value
    try:
        return decode_bytes(data, name=f"'{field}'", max_bytes=len(data) + 1)
    except InputError as exc:
        raise HTTPProblem(400, str(exc)) from None


async def form_fields(request: Request, limit: int) -> dict[str, str | bytes]:
    """Form fields of a GET query, an urlencoded body or a multipart body (files as bytes)."""
    fields: dict[str, str | bytes] = dict(request.query_params)
    if request.method == "GET":
        return fields
    body = await read_body(request, limit)
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "multipart/form-data":
        replay = _replay(body)
        form = await Request(request.scope, receive=replay).form(
            max_files=16, max_fields=64, max_part_size=limit
        )
        for key, value in form.multi_items():
            if isinstance(value, str):
                fields[key] = value
            else:
                fields[key] = await value.read()
        return fields
    if ctype not in ("", "application/x-www-form-urlencoded"):
        raise HTTPProblem(
            400,
            f"unsupported Content-Type {ctype!r}: send form fields "
            "(application/x-www-form-urlencoded or multipart/form-data)",
        )
    try:
        raw = body.decode("utf-8")  # percent-encoded ASCII, or raw UTF-8 from lax clients
        pairs = parse_qsl(raw, keep_blank_values=True, strict_parsing=False, errors="strict")
    except UnicodeDecodeError:
        raise HTTPProblem(
            400,
            "the body is not form-encoded text (binary data?): send text=... "
            "(application/x-www-form-urlencoded, UTF-8, percent-encoded)",
        ) from None
    fields.update(pairs)
    return fields


async def json_body(request: Request, limit: int) -> Any:
    """The body parsed as JSON (UTF-8), or a 400."""
    body = await read_body(request, limit)
    if not body.strip():
        raise HTTPProblem(400, 'empty body: send a JSON object such as {"text": "..."}')
    try:
        return json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise HTTPProblem(400, "the body is not UTF-8 text (binary data?): send JSON") from None
    except json.JSONDecodeError as exc:
        raise HTTPProblem(400, f"the body is not valid JSON: {exc}") from None


def _replay(body: bytes):
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive
