"""The FastAPI application: JSON API under /api, server-rendered pages elsewhere.

One :class:`~storyline.service.workspace.Workspace` per app (the store is safe
to share between threads); writes are serialised.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

from anyio import to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storyline import __version__
from storyline.config import Settings, cpu_threads
from storyline.service import web_queries
from storyline.service.comparison_jobs import ComparisonJobs
from storyline.service.workspace import Workspace
from storyline.web import api, pages
from storyline.web.rendering import STATIC_DIR, templates
from storyline.web.security import BodySizeLimit

T = TypeVar("T")
log = logging.getLogger(__name__)

#: Largest request body accepted (uploads); bigger ones get 413 before they are parsed.
DEFAULT_MAX_UPLOAD_BYTES = 5 * 1024 * 1024
#: How long a story page waits for a comparison it had to start before it answers "Comparing..." and reloads.
DEFAULT_COMPARISON_WAIT_S = 1.0
#: Stories compared at once in the background; the others queue (comparing is CPU-bound).
DEFAULT_COMPARISON_WORKERS = 2
#: Comparisons queued behind the workers; beyond them a story page answers 503, "busy, retry" (a crawler
#: opening every story page must not queue a comparison of each).
DEFAULT_COMPARISON_QUEUE = 8

#: Pages only load their own scripts and styles; article content can never run code.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


class SerialWriter:
    """Runs blocking write operations in a worker thread, one at a time."""

    def __init__(self) -> None:
        self._lock = asyncio.Lock()

    async def __call__(self, operation: Callable[..., T], *args: Any) -> T:
        async with self._lock:
            return await run_in_threadpool(operation, *args)


def create_app(
    settings: Settings | None = None,
    *,
    token: str | None = None,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
    comparison_wait_s: float = DEFAULT_COMPARISON_WAIT_S,
    comparison_workers: int = DEFAULT_COMPARISON_WORKERS,
    comparison_queue: int = DEFAULT_COMPARISON_QUEUE,
) -> FastAPI:
    """The app over the library at ``settings.db_path``; ``token`` set: writes need it as a bearer token.

    A story page whose comparison is not cached starts it in the background and answers "Comparing..." after
    ``comparison_wait_s`` seconds (:func:`web_queries.story_comparison_soon`), ``comparison_workers`` at once,
    at most ``comparison_queue`` more waiting (beyond them the page answers 503 and queues nothing).
    """
    workspace = Workspace(settings)
    # Looked up at call time: tests replace ``web_queries.story_comparison``.
    jobs = ComparisonJobs(
        lambda story_id: web_queries.story_comparison(workspace, story_id),
        workers=comparison_workers,
        max_waiting=comparison_queue,
    )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Pages are CPU-bound: anyio's default 40 threads fight over the GIL and starve the
        # event loop under load (keep-alive timeouts); 8 per core measured best (docs/benchmarks/web.md).
        to_thread.current_default_thread_limiter().total_tokens = 8 * cpu_threads()
        yield
        jobs.shutdown()
        workspace.close()

    app = FastAPI(
        title="storyline",
        summary="Who reported what, story by story.",
        version=__version__,
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI loads from a CDN; storyline runs offline
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.workspace = workspace
    app.state.token = token
    app.state.run_write = SerialWriter()
    app.state.comparisons = jobs
    app.state.comparison_wait_s = comparison_wait_s
    app.add_middleware(BodySizeLimit, max_bytes=max_upload_bytes)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HeadAsGet)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected_error)
    return app


class SecurityHeaders:
    """ASGI middleware adding no-sniff, no-referrer and, on HTML pages, the content security policy.

    Plain ASGI rather than ``@app.middleware("http")``, which costs a task and a
    stream per request.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
                if headers.get("content-type", "").startswith("text/html"):
                    headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """ASGI middleware answering HEAD as GET without the body: link checkers and uptime monitors probe
    with HEAD, and FastAPI's GET routes alone answer it 405."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET", api.HEAD_REQUEST: True}, receive, send_headers_only)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api")


def _error_response(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message, "status": status}, status_code=status, headers=headers)
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status, headers=headers
    )


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    headers, message = getattr(error, "headers", None), str(error.detail)
    if isinstance(error, api.StoryMoved):
        headers = {**(headers or {}), "Location": error.location(request)}
    where = f"{request.method} {request.url.path}"
    if error.status_code == 404 and error.detail == "Not Found":  # the router's: no route has this path
        api_list = " (the API is listed at /api/openapi.json)" if _wants_json(request) else ""
        message = f"no such page or endpoint: {where}{api_list}"
    elif error.status_code == 405:  # the router names the methods of the first route on the path only
        allowed = ", ".join(_allowed_methods(request))
        headers, message = {**(headers or {}), "Allow": allowed}, f"{where} is not allowed; this path takes {allowed}"
    return _error_response(request, error.status_code, message, headers)


#: The methods a route of this app may take (HEAD answers every GET: :class:`HeadAsGet`).
_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route takes on the request's path."""
    routes = request.app.router.routes
    return [m for m in _METHODS if any(r.matches({**request.scope, "method": m})[0] is Match.FULL for r in routes)]


async def _validation_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e.get('loc', ()) if p not in ('query', 'path', 'body'))}: {e.get('msg')}"
        for e in error.errors()
    )
    return _error_response(request, 422 if _wants_json(request) else 400, f"invalid request - {problems}")


async def _unexpected_error(request: Request, error: Exception) -> Response:
    log.exception("error serving %s", request.url.path, exc_info=error)
    return _error_response(request, 500, f"internal error ({type(error).__name__}); see the server log")
