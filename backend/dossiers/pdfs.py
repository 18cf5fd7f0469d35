"""Whether bytes are a PDF that staff may safely open: parsed whole by qpdf (through pikepdf), with no
script, no launch action, no embedded file, no encryption, and a bounded number of pages and objects."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from enum import StrEnum

import pikepdf

MAX_PAGES = 100
# A scanned 100-page document has a few hundred objects; far more only makes the check itself costly.
MAX_OBJECTS = 20_000
_SCRIPT_KEYS = frozenset({"/JS", "/JavaScript", "/XFA"})  # XFA forms carry their own scripts
_EMBEDDED_KEYS = frozenset({"/EmbeddedFile", "/EmbeddedFiles", "/EF", "/RichMedia"})


class Refusal(StrEnum):
    """Why a PDF is refused (its `reason` on the wire)."""

    UNREADABLE = "unreadable"
    ENCRYPTED = "encrypted"
    TOO_COMPLEX = "too_complex"
    JAVASCRIPT = "javascript"
    LAUNCH = "launch"
    EMBEDDED_FILE = "embedded_file"


class RefusedPdf(Exception):
    def __init__(self, reason: Refusal) -> None:
        super().__init__(reason.value)
        self.reason = reason


def check(body: bytes) -> None:
    """Nothing for a safe PDF; RefusedPdf saying why otherwise."""
    try:
        # No recovery: a PDF whose cross-reference table is broken is read differently by each reader, and
        # what qpdf would rebuild need not be what a staff member's viewer shows.
        with pikepdf.open(io.BytesIO(body), attempt_recovery=False) as pdf:
            _check_open(pdf)
    except pikepdf.PasswordError as exc:
        raise RefusedPdf(Refusal.ENCRYPTED) from exc
    except (pikepdf.PdfError, ValueError, RecursionError) as exc:
        raise RefusedPdf(Refusal.UNREADABLE) from exc


def _check_open(pdf: pikepdf.Pdf) -> None:
    if pdf.is_encrypted:
        raise RefusedPdf(Refusal.ENCRYPTED)
    objects = pdf.objects
    if len(objects) > MAX_OBJECTS or len(pdf.pages) > MAX_PAGES:
        raise RefusedPdf(Refusal.TOO_COMPLEX)
    if len(pdf.pages) == 0:
        raise RefusedPdf(Refusal.UNREADABLE)
    # Every object in the file, whether a reader would reach it or not: the catalogue's OpenAction and
    # AA, the Names tree, pages' and annotations' actions all sit somewhere in this list.
    _inspect(pdf.trailer)
    for obj in objects:
        _inspect(obj)


def _inspect(obj: pikepdf.Object) -> None:
    """Looks into `obj` and the direct objects inside it; indirect ones are inspected on their own."""
    pending = [obj]
    while pending:
        item = pending.pop()
        if isinstance(item, pikepdf.Stream):
            item = item.stream_dict
        if isinstance(item, pikepdf.Dictionary):
            _judge(item)
            pending.extend(_direct_containers(item.values()))
        elif isinstance(item, pikepdf.Array):
            pending.extend(_direct_containers(item))


def _direct_containers(values: Iterable[object]) -> Iterator[pikepdf.Object]:
    """Dictionaries, arrays and streams written inside their parent (pikepdf hands scalars over as Python
    values)."""
    for value in values:
        if isinstance(value, pikepdf.Dictionary | pikepdf.Array | pikepdf.Stream) and not value.is_indirect:
            yield value


def _judge(dictionary: pikepdf.Dictionary) -> None:
    keys = set(dictionary.keys())
    action = dictionary.get("/S")
    if keys & _SCRIPT_KEYS or action == pikepdf.Name.JavaScript:
        raise RefusedPdf(Refusal.JAVASCRIPT)
    if action == pikepdf.Name.Launch:
        raise RefusedPdf(Refusal.LAUNCH)
    if keys & _EMBEDDED_KEYS or dictionary.get("/Type") == pikepdf.Name.EmbeddedFile:
        raise RefusedPdf(Refusal.EMBEDDED_FILE)
