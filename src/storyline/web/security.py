"""Who may write, and how much: the bearer token and the upload size limit.

Writes are open on a loopback-only server and need ``Authorization: Bearer
<token>`` otherwise; a cross-site browser request (an ``Origin`` other than
the server's own) is refused either way, so a web page cannot post into a
local library.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

TOKEN_ENV = "STORYLINE_TOKEN"


def is_loopback(host: str) -> bool:
    """True for hosts only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def resolve_token(host: str) -> tuple[str | None, bool]:
    """The write token for a server on ``host`` and whether it was generated here.

    ``STORYLINE_TOKEN`` always wins; a server reachable beyond loopback without
    one gets a fresh random token (the caller prints it).
    """
    configured = os.environ.get(TOKEN_ENV)
    if configured:
        return configured, False
    if is_loopback(host):
        return None, False
    return secrets.token_urlsafe(24), True


@dataclass(frozen=True)
class Refusals:
    """What a refused write is told, in the words of whoever sent it: a program's header, a person's form."""

    cross_site: str
    no_token: str
    wrong_token: str


#: An API client's: it sends the token as a bearer header.
API_REFUSALS = Refusals(
    cross_site="cross-origin write refused (Origin {origin})",
    no_token="a bearer token is required to write (Authorization: Bearer <token>)",
    wrong_token="a bearer token is required to write (Authorization: Bearer <token>)",
)
#: A page's user: they type the token in the form, and may not be the one who runs the server.
_ASK_THE_SERVER = "whoever runs the server has it (storyline serve prints it when it starts)."
FORM_REFUSALS = Refusals(
    cross_site="Nothing was changed: the form was sent from another site ({origin}). Use this site's own pages.",
    no_token="Nothing was changed: this server asks for its write token. Type it in the Token field and send the form "
    "again; " + _ASK_THE_SERVER,
    wrong_token="Nothing was changed: the token typed is not this server's write token. Check it and send the form "
    "again; " + _ASK_THE_SERVER,
)


def require_write_access(request: Request) -> None:
    """FastAPI dependency for every write endpoint."""
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    check_write_access(request, given.strip() if scheme.lower() == "bearer" else None)


def check_write_access(request: Request, given: str | None, refusals: Refusals = API_REFUSALS) -> None:
    """Refuse a cross-site write, and one without the token ``given`` (a bearer header, or a page form's field,
    told in :data:`FORM_REFUSALS`)."""
    origin = request.headers.get("origin")
    if origin and urlsplit(origin).netloc != request.headers.get("host"):
        raise HTTPException(403, refusals.cross_site.format(origin=origin))
    token: str | None = request.app.state.token
    if token is None:
        return
    if not given or not hmac.compare_digest(given.encode(), token.encode()):
        message = refusals.wrong_token if given else refusals.no_token
        raise HTTPException(401, message, headers={"WWW-Authenticate": "Bearer"})


class BodyTooLarge(Exception):
    pass


class BodySizeLimit:
    """ASGI middleware refusing request bodies over ``max_bytes`` with 413, before they are parsed.

    Checks Content-Length first, then counts streamed chunks (chunked uploads
    have no length), so an oversized upload never reaches the form parser whole.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length", b"").decode() or "0"
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await self._refuse(send)

    @property
    def message(self) -> str:
        return (f"request body over the upload limit of {self.max_bytes} bytes: split the file, or read it with "
                "`storyline ingest` on the server's machine")

    async def _refuse(self, send: Send) -> None:
        response = JSONResponse(
            {"error": self.message, "status": 413}, status_code=413
        )
        await response({"type": "http"}, _no_receive, send)


async def _no_receive() -> Message:  # pragma: no cover - a JSONResponse never reads
    return {"type": "http.disconnect"}
