"""``repair serve``: the LanguageTool-compatible HTTP API and the web page (needs ``[serve]``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from repair.cli.app import app
from repair.cli.common import fail, lexicon_option, min_confidence_option, require_lexicons
from repair.config import RepairConfig

_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@app.command("serve")
def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (loopback by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port.")] = 8081,
    max_bytes: Annotated[
        int,
        typer.Option("--max-bytes", min=1, help="Largest request body accepted (413 above it)."),
    ] = 1_000_000,
    timeout: Annotated[
        float,
        typer.Option("--timeout", min=0.1, help="Seconds a request may take (503 after it)."),
    ] = 60.0,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Repairs running at once (threads).")
    ] = 2,
    min_confidence: Annotated[float, min_confidence_option("Report")] = RepairConfig.min_confidence,
    allow_origin: Annotated[
        str | None,
        typer.Option(
            "--allow-origin",
            help="Let browser JavaScript from this origin call the API (* for any; "
            "comma-separated list), as LanguageTool's --allow-origin.",
        ),
    ] = None,
    lexicon: Annotated[list[Path] | None, lexicon_option(readable=True)] = None,
) -> None:
    """Serve LanguageTool's API (POST /v2/check, GET /v2/languages), POST /api/repair and a
    web page at / (GET /health for load balancers).

    Point a LanguageTool client (LTeX, browser add-ons, language_tool_python) at
    http://HOST:PORT to see the findings inline.
    """
    try:
        import uvicorn

        from repair.serve import Engine, Limits, create_app
    except ModuleNotFoundError as exc:
        raise fail(
            f"`repair serve` needs the serve extra ({exc.name} is missing): "
            'pip install "repair[serve]"',
            2,
        ) from None
    require_lexicons(lexicon)
    if host not in _LOOPBACK:
        print(
            f"repair serve: listening on {host}: anyone who can reach it can use it "
            "(there is no authentication); put it behind a proxy you control",
            file=sys.stderr,
        )
    engine = Engine(
        RepairConfig(min_confidence=min_confidence, lexicons=tuple(lexicon or ())),
        Limits(max_bytes=max_bytes, timeout=timeout, workers=workers),
    )
    print("repair serve: loading lexicons and the language model ...", file=sys.stderr)
    seconds = engine.warm_up()
    print(
        f"repair serve: ready in {seconds:.1f} s on http://{host}:{port}/ "
        f"(LanguageTool API at http://{host}:{port}/v2/)",
        file=sys.stderr,
        flush=True,
    )
    uvicorn.run(
        create_app(engine, warm=False, allow_origin=allow_origin),
        host=host,
        port=port,
        log_level="warning",
        timeout_keep_alive=5,
        limit_concurrency=1000,
    )
