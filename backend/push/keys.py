"""The server's VAPID key pair: given by the environment, or made on first run and kept in the data folder
(0600); several processes starting at once agree on one key, whichever wrote it first."""

from __future__ import annotations

import base64
import binascii
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from backend.private import PRIVATE_DIR, PRIVATE_FILE, restrict
from backend.settings import Settings


class InvalidVapidKey(ValueError):
    """MOTCUA_PUSH_VAPID_PRIVATE_KEY is neither a P-256 PEM key nor 32 bytes of base64url."""


@dataclass(frozen=True)
class VapidKey:
    private: ec.EllipticCurvePrivateKey

    @property
    def public(self) -> str:
        """The applicationServerKey phones subscribe with: the uncompressed point, base64url without padding."""
        point = self.private.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return base64.urlsafe_b64encode(point).decode().rstrip("=")

    def pem(self) -> bytes:
        return self.private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )


def parse(text: str) -> VapidKey:
    """A key from PEM or from the raw private number (32 bytes, base64url, as web-push tools print it)."""
    text = text.strip()
    try:
        if text.startswith("-----BEGIN"):
            key = serialization.load_pem_private_key(text.encode(), password=None)
        else:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            if len(raw) != 32:
                raise InvalidVapidKey("a raw VAPID private key is 32 bytes")
            key = ec.derive_private_key(int.from_bytes(raw, "big"), ec.SECP256R1())
    except (ValueError, TypeError, binascii.Error) as exc:
        raise InvalidVapidKey(str(exc)) from None
    if not isinstance(key, ec.EllipticCurvePrivateKey) or not isinstance(key.curve, ec.SECP256R1):
        raise InvalidVapidKey("a VAPID key is an EC key on P-256")
    return VapidKey(key)


def load_or_create(settings: Settings) -> VapidKey:
    """The key of the environment, else the one in the data folder, made now if there is none."""
    if settings.push_vapid_private_key is not None:
        return parse(settings.push_vapid_private_key.get_secret_value())
    path = settings.vapid_key_file
    if not path.exists():
        _create(path, VapidKey(ec.generate_private_key(ec.SECP256R1())))
    restrict(path, PRIVATE_FILE)
    return parse(path.read_text(encoding="ascii"))


def _create(path: Path, key: VapidKey) -> None:
    """Writes `key` to `path` unless a key is there already: written whole under another name, then linked
    (a link fails if `path` exists), so no process ever reads half a key or replaces another's."""
    path.parent.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    restrict(path.parent, PRIVATE_DIR)
    draft = path.with_name(f".{path.name}.{secrets.token_hex(8)}")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(key.pem())
            out.flush()
            os.fsync(out.fileno())
        os.link(draft, path)
    except FileExistsError:
        pass  # another process made the key first: theirs is the key
    finally:
        draft.unlink(missing_ok=True)
