"""A local push service for tests, e2e and benchmarks: it checks each request as a real one would (the VAPID
JWT's aud, exp and ES256 signature against the server's key; TTL; aes128gcm) and decrypts it with the keys
of the subscriptions it handed out; it answers as told (201, 404, 410, 413, 429 with Retry-After, 500)."""

from __future__ import annotations

import base64
import json
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import http_ece
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

MAX_JWT_LIFE = 24 * 3600
MAX_BODY = 4096  # what push services accept after encryption


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Phone:
    """A subscription as a browser makes it: an ECDH key pair and an auth secret, known to the emulator."""

    path: str
    key: ec.EllipticCurvePrivateKey
    auth: bytes

    def public(self) -> str:
        return b64(
            self.key.public_key().public_bytes(
                serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
            )
        )


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    claims: dict[str, Any]
    payload: dict[str, Any] | None  # None when the request was refused before decryption
    status: int  # what the emulator answered
    problem: str = ""  # why a request was refused by the checks
    at: float = field(default_factory=time.monotonic)  # when it had been read and checked


@dataclass
class Script:
    status: int
    retry_after: str | None = None
    left: int | None = None  # requests it still answers; None: all of them


@dataclass
class _State:
    vapid_key: str | None
    phones: dict[str, Phone] = field(default_factory=dict)
    received: list[Received] = field(default_factory=list)
    scripts: dict[str, deque[Script]] = field(default_factory=dict)  # per path; "" for any
    max_ttl: int = 28 * 24 * 3600
    check: bool = True  # the checks and decryption (off to measure the bare HTTP ceiling)
    holding: bool = False
    meeting: threading.Barrier | None = None  # the first requests wait for each other (see `meet`)
    lock: threading.Lock = field(default_factory=threading.Lock)
    arrived: threading.Condition = field(default_factory=threading.Condition)
    released: threading.Event = field(default_factory=threading.Event)
    tokens: dict[tuple[str, str, str], dict[str, Any]] = field(default_factory=dict)  # verified JWTs

    def verified(self, token: str, key: str, audience: str) -> tuple[dict[str, Any], str]:
        """As push services do, a token verified once is trusted until it expires (checked every time)."""
        claims = self.tokens.get((token, key, audience))
        if claims is not None and claims["exp"] > time.time():
            return claims, ""
        claims, problem = _verify_jwt(token, key, audience, time.time())
        if not problem:
            self.tokens[(token, key, audience)] = claims
        return claims, problem


def _verify_jwt(token: str, key: str, audience: str, now: float) -> tuple[dict[str, Any], str]:
    """The claims, and "" or what is wrong with the token (checked independently of py_vapid)."""
    try:
        head, body, signature = token.split(".")
        header, claims = json.loads(unb64(head)), json.loads(unb64(body))
        raw = unb64(signature)
        public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64(key))
    except ValueError as exc:
        return {}, f"malformed token: {exc}"
    if header.get("alg") != "ES256" or len(raw) != 64:
        return claims, "not an ES256 token"
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    try:
        public.verify(der, f"{head}.{body}".encode(), ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        return claims, "bad signature"
    if claims.get("aud") != audience:
        return claims, f"aud {claims.get('aud')!r} is not {audience!r}"
    exp = claims.get("exp")
    if not isinstance(exp, int) or exp <= now or exp - now > MAX_JWT_LIFE:
        return claims, f"exp {exp!r} is not within 24 hours"
    if not str(claims.get("sub", "")).startswith(("mailto:", "https:")):
        return claims, "sub is not a mailto: or https: contact"
    return claims, ""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # connections kept alive, as a real push service does
    disable_nagle_algorithm = True  # headers and body go out at once, not 40 ms apart (delayed ACK)
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        state = self.server.state
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        headers = {k.lower(): v for k, v in self.headers.items()}
        received = self._check(state, headers, body) if state.check else Received(self.path, headers, {}, None, 201)
        if received.status == 201:
            script = self._script(state)
            received.status = script.status
            extra = {"Retry-After": script.retry_after} if script.retry_after else {}
        else:
            extra = {}
        with state.lock:
            state.received.append(received)
            index = len(state.received)
        if state.meeting is not None and index <= state.meeting.parties:
            state.meeting.wait(60)
        with state.arrived:
            state.arrived.notify_all()
        if state.holding:
            state.released.wait(60)
        ttl = min(int(headers.get("ttl", "0") or 0), state.max_ttl)
        self._answer(
            received.status, {"TTL": str(ttl), "Location": f"/m/{secrets.token_hex(4)}", **extra}, received.problem
        )

    def _script(self, state: _State) -> Script:
        with state.lock:
            for key in (self.path, ""):
                queue = state.scripts.get(key)
                if queue:
                    script = queue[0]
                    if script.left is not None:
                        script.left -= 1
                        if script.left == 0:
                            queue.popleft()
                    return script
        return Script(201)

    def _check(self, state: _State, headers: dict[str, str], body: bytes) -> Received:
        phone = state.phones.get(self.path)
        if phone is None:
            return Received(self.path, headers, {}, None, 404, "no such subscription")
        scheme, _, params = headers.get("authorization", "").partition(" ")
        parts = dict(p.strip().split("=", 1) for p in params.split(",") if "=" in p)
        if scheme.lower() != "vapid" or "t" not in parts or "k" not in parts:
            return Received(self.path, headers, {}, None, 401, "no VAPID authorization")
        if state.vapid_key is not None and parts["k"] != state.vapid_key:
            return Received(self.path, headers, {}, None, 403, "another VAPID key")
        claims, problem = state.verified(parts["t"], parts["k"], f"http://{headers.get('host')}")
        if problem:
            return Received(self.path, headers, claims, None, 403, problem)
        if not headers.get("ttl", "").isdigit():
            return Received(self.path, headers, claims, None, 400, "no TTL")
        if headers.get("content-encoding") != "aes128gcm" or len(body) > MAX_BODY:
            return Received(self.path, headers, claims, None, 413 if len(body) > MAX_BODY else 400, "body")
        plain = http_ece.decrypt(body, private_key=phone.key, auth_secret=phone.auth, version="aes128gcm")
        return Received(self.path, headers, claims, json.loads(plain), 201)

    def _answer(self, status: int, headers: dict[str, str], problem: str) -> None:
        content = problem.encode()
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    state: _State


class PushEmulator:
    """`with PushEmulator(vapid_public_key) as push:` a push service at push.origin until the block ends."""

    def __init__(self, vapid_key: str | None = None) -> None:
        self.state = _State(vapid_key)
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.state = self.state
        self.origin = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> PushEmulator:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
        self._server.shutdown()
        self._server.server_close()

    def subscription(self) -> dict[str, Any]:
        """A new subscription, as PushSubscription.toJSON() gives it to the page."""
        phone = Phone(
            f"/push/{secrets.token_urlsafe(12)}", ec.generate_private_key(ec.SECP256R1()), secrets.token_bytes(16)
        )
        self.state.phones[phone.path] = phone
        return {"endpoint": self.origin + phone.path, "keys": {"p256dh": phone.public(), "auth": b64(phone.auth)}}

    def answer(
        self, status: int, *, retry_after: str | None = None, endpoint: str | None = None, times: int = 0
    ) -> None:
        """Answer `status` from now on (`times` > 0: to that many requests, then as before), at one endpoint
        or at all."""
        key = endpoint.removeprefix(self.origin) if endpoint else ""
        with self.state.lock:
            queue = self.state.scripts.setdefault(key, deque())
            if times:
                queue.appendleft(Script(status, retry_after, times))
            else:
                queue.clear()
                queue.append(Script(status, retry_after))

    def hold(self) -> None:
        """Requests are recorded (the service has the notice) but not answered until `release()`."""
        self.state.released.clear()
        self.state.holding = True

    def meet(self, parties: int) -> None:
        """The first `parties` requests are answered only once all of them have arrived: a client that sends
        one request at a time can never pass alone, so passing proves that many clients sent at once."""
        self.state.meeting = threading.Barrier(parties)

    def release(self) -> None:
        self.state.holding = False
        self.state.released.set()

    def wait_for(self, count: int, timeout: float = 30) -> list[Received]:
        with self.state.arrived:
            if not self.state.arrived.wait_for(lambda: len(self.state.received) >= count, timeout):
                raise TimeoutError(f"{len(self.state.received)} of {count} requests arrived in {timeout} s")
        return self.received

    @property
    def received(self) -> list[Received]:
        with self.state.lock:
            return list(self.state.received)

    def delivered(self) -> list[dict[str, Any]]:
        """The decrypted payloads the emulator accepted (answered 201)."""
        return [r.payload for r in self.received if r.status == 201 and r.payload is not None]
