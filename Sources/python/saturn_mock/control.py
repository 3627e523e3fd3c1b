"""The control plane of a running saturn-mock (`/_mock/`): tenants, faults, the request journal, the clock and
minted tokens, over plain HTTP with the standard library. Works with a server started here (`MockServer`) or
anywhere else, such as the container image, given its URL and control token."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Optional, Union

# The mock is on this machine or a CI service next to it: never reach it through a proxy from the environment.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class ControlError(Exception):
    """A control call the server refused: its HTTP status, and the `error_code` and `message` it answered."""

    def __init__(self, method: str, url: str, status: int, error_code: str, message: str) -> None:
        super().__init__(f"{method} {url} answered {status} {error_code}: {message}")
        self.status = status
        self.error_code = error_code
        self.message = message


class ControlPlane:
    """The `/_mock/` calls of one saturn-mock server, found at `url` (`http://HOST:PORT`)."""

    def __init__(self, url: str, control_token: Optional[str] = None, timeout: float = 30.0) -> None:
        """`control_token` is the server's `--control-token` (`SATURN_MOCK_CONTROL_TOKEN` in the container), if any."""
        self.url = url.rstrip("/")
        self.control_token = control_token
        self.timeout = timeout

    def call(self, method: str, url: str, body: Optional[dict[str, Any]] = None) -> Any:
        """Sends one control request to `url` and answers its JSON (None for an empty answer); raises ControlError."""
        headers = {"Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if self.control_token is not None:
            headers["Authorization"] = f"Bearer {self.control_token}"
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with _OPENER.open(request, timeout=self.timeout) as response:
                payload = response.read()
        except urllib.error.HTTPError as error:
            text = error.read().decode(errors="replace")
            try:
                answer = json.loads(text)
                code, message = answer.get("error_code", "unknown"), answer.get("message", text)
            except (ValueError, AttributeError):
                code, message = "unknown", text
            raise ControlError(method, url, error.code, code, message) from None
        return json.loads(payload) if payload else None

    def health(self) -> dict[str, Any]:
        """The server's health: its store (kind, location, writable) and tenants, as `GET /_mock/health` answers."""
        answer: dict[str, Any] = self.call("GET", f"{self.url}/_mock/health")
        return answer

    def create_tenant(self, name: Optional[str] = None) -> Tenant:
        """A new tenant, a whole Saturn installation of its own made from the seed; the server names it unless `name` does."""
        created = self.call("POST", f"{self.url}/_mock/tenants", {} if name is None else {"name": name})
        return Tenant(
            control=self,
            name=created["name"],
            base_url=created["base_url"],
            tokens={user["username"]: user["token"] for user in created["users"]},
            refresh_tokens={user["username"]: user["refresh_token"] for user in created["users"]},
        )


@dataclass
class Tenant:
    """One tenant of a server: its name, the base URL to give Saturn's clients, and each seed user's tokens."""

    control: ControlPlane = field(repr=False)
    name: str
    base_url: str
    tokens: dict[str, str]
    refresh_tokens: dict[str, str] = field(repr=False)

    def _control_url(self, path: str, query: Optional[dict[str, str]] = None) -> str:
        url = f"{self.control.url}/t/{self.name}/_mock/{path}"
        return f"{url}?{urllib.parse.urlencode(query)}" if query else url

    def add_fault(
        self,
        *,
        path: str,
        method: Optional[str] = None,
        status: Optional[int] = None,
        body: Optional[Any] = None,
        delay_ms: Optional[int] = None,
        drop_connection: Optional[bool] = None,
        times: Optional[int] = None,
        after: Optional[int] = None,
        caller: Optional[str] = None,
    ) -> dict[str, Any]:
        """Adds a fault rule (`POST /_mock/faults`): requests matching `method` and `path` (`*` for any run of
        characters) from `caller`, past the first `after`, get `status` (and `body`), wait `delay_ms`, or have their
        connection dropped, `times` times (0: every time). Answers the rule with its `id`."""
        rule = {
            "path": path, "method": method, "status": status, "body": body, "delay_ms": delay_ms,
            "drop_connection": drop_connection, "times": times, "after": after, "caller": caller,
        }
        answer: dict[str, Any] = self.control.call(
            "POST", self._control_url("faults"), {key: value for key, value in rule.items() if value is not None}
        )
        return answer

    def requests(
        self,
        *,
        method: Optional[str] = None,
        path: Optional[str] = None,
        status: Optional[Union[int, str]] = None,
        caller: Optional[str] = None,
        since: Optional[Union[str, datetime]] = None,
    ) -> list[dict[str, Any]]:
        """The request journal (`GET /_mock/requests`), oldest first, filtered by method, path (`*` allowed), status
        (`404`, `4xx` or `dropped`), caller (a username) and time."""
        query = {"method": method, "path": path, "status": None if status is None else str(status), "caller": caller,
                 "since": _timestamp(since)}
        answer = self.control.call("GET", self._control_url("requests", {k: v for k, v in query.items() if v is not None}))
        requests: list[dict[str, Any]] = answer["requests"]
        return requests

    def move_clock(
        self,
        *,
        to: Optional[Union[str, datetime]] = None,
        advance_seconds: Optional[int] = None,
        frozen: Optional[bool] = None,
    ) -> dict[str, Any]:
        """Moves the tenant's clock (`POST /_mock/clock`): `to` a time (which freezes it there), by `advance_seconds`,
        or lets it run on with `frozen=False`. Answers `{"now", "frozen"}`."""
        change = {"set": _timestamp(to), "advance_seconds": advance_seconds, "frozen": frozen}
        answer: dict[str, Any] = self.control.call(
            "POST", self._control_url("clock"), {key: value for key, value in change.items() if value is not None}
        )
        return answer

    def mint_token(self, username: str, org: str, role: str, expires_in: Optional[int] = None) -> dict[str, Any]:
        """Mints a token (`POST /_mock/tokens`) for `username` with `role` (`admin` or `member`) in `org`, making the
        user and membership when new; `expires_in=0` gives one already expired. Answers its `token`,
        `refresh_token` and `expires_at`."""
        request: dict[str, Any] = {"username": username, "org": org, "role": role}
        if expires_in is not None:
            request["expires_in"] = expires_in
        answer: dict[str, Any] = self.control.call("POST", self._control_url("tokens"), request)
        return answer

    def delete(self) -> None:
        """Deletes the tenant and everything in it."""
        self.control.call("DELETE", f"{self.control.url}/_mock/tenants/{self.name}")


def _timestamp(value: Optional[Union[str, datetime]]) -> Optional[str]:
    """A time as the control plane reads it, `2026-01-01T00:00:00Z`; a naive datetime is taken as UTC."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc)
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    return value
