"""The Starlette application: routes, error handling and start-up.

Why Starlette on uvicorn: both are small, widely used and actively maintained
(the ASGI reference stack, also under FastAPI); Starlette gives routing,
form/multipart parsing and streaming bodies without the request-model layer
FastAPI adds (LanguageTool's API is form fields, validated here by hand), so
the ``serve`` extra stays three light wheels: starlette, uvicorn, python-multipart.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from repair.serve import api, lt
from repair.serve.engine import Engine, RepairTimeout
from repair.serve.inputs import HTTPProblem, form_fields, json_body
from repair.serve.page import PAGE

log = logging.getLogger("repair.serve")


def create_app(
    engine: Engine | None = None, *, warm: bool = True, allow_origin: str | None = None
) -> Starlette:
    """The ASGI app; with ``warm`` the engine loads every resource before serving.

    ``allow_origin`` (like LanguageTool's ``--allow-origin``) lets JavaScript on
    that origin (``*``: any) call the API from a browser.
    """
    engine = engine or Engine()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if warm:
            seconds = engine.warm_up()
            log.info("repair serve: resources loaded in %.2f s", seconds)
        yield

    async def check(request: Request) -> Response:
        try:
            fields = await form_fields(request, engine.limits.max_bytes)
            code = lt.language_code(_str(fields.get("language")))
            ann = lt.request_text(fields)
            result = await engine.repair(ann.plain)
            return JSONResponse(lt.check_response(result, ann, code, fields))
        except HTTPProblem as p:
            return PlainTextResponse(f"Error: {p.message}\n", status_code=p.status)
        except RepairTimeout as exc:
            return PlainTextResponse(f"Error: {exc}\n", status_code=503)

    async def languages(request: Request) -> Response:
        return JSONResponse(lt.languages())

    async def repair(request: Request) -> Response:
        try:
            body = await json_body(request, engine.limits.max_bytes)
            text, refs, config, html_report = api.parse_request(body, engine.config)
            result = await engine.repair(text, refs, config)
            name = (body.get("name") or "input")[:200]
            return JSONResponse(api.response(result, html_report, name))
        except HTTPProblem as p:
            return JSONResponse({"error": p.message}, status_code=p.status)
        except RepairTimeout as exc:
            return JSONResponse({"error": str(exc)}, status_code=503)

    async def page(request: Request) -> Response:
        return HTMLResponse(PAGE.replace("{{MAX_BYTES}}", str(engine.limits.max_bytes)))

    async def health(request: Request) -> Response:
        from repair import __version__

        body = {"status": "ok" if engine.ready else "starting", "version": __version__}
        return JSONResponse(body, status_code=200 if engine.ready else 503)

    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("repair serve: internal error on %s", request.url.path)
        message = "internal error while repairing this text; the server goes on serving"
        if request.url.path.startswith("/v2/"):
            return PlainTextResponse(f"Error: {message}\n", status_code=500)
        return JSONResponse({"error": message}, status_code=500)

    routes = [
        Route("/", page, methods=["GET"]),
        Route("/health", health, methods=["GET"]),
        Route("/v2/check", check, methods=["GET", "POST"]),
        Route("/v2/languages", languages, methods=["GET"]),
        Route("/api/repair", repair, methods=["POST"]),
    ]
    middleware = []
    if allow_origin:
        from starlette.middleware import Middleware
        from starlette.middleware.cors import CORSMiddleware

        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=[o.strip() for o in allow_origin.split(",")],
                allow_methods=["GET", "POST"],
                allow_headers=["Content-Type"],
            )
        )
    return Starlette(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={500: server_error},
        middleware=middleware,
    )


def _str(value: str | bytes | None) -> str | None:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value
