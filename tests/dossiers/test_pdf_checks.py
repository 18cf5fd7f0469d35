"""PDFs are opened by staff, so only plain documents are kept: parsed whole, with no script, no launch
action, no embedded file, no encryption, and a bounded number of pages; the refusal says why."""

from __future__ import annotations

import io
from collections.abc import Callable

import httpx
import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name, String

from backend.dossiers.tables import Upload
from tests.factories import pdf_bytes, put_file, submission

pytestmark = pytest.mark.usefixtures("db")

PdfChange = Callable[[pikepdf.Pdf], None]
SCRIPT = String("app.alert('xin chào')")


def built(change: PdfChange, **save: object) -> bytes:
    """A one-page PDF, changed by `change` before it is written."""
    with pikepdf.new() as pdf:
        pdf.add_blank_page(page_size=(595, 842))
        change(pdf)
        out = io.BytesIO()
        pdf.save(out, **save)  # type: ignore[arg-type]
    return out.getvalue()


def js_action(pdf: pikepdf.Pdf) -> Dictionary:
    return Dictionary(Type=Name.Action, S=Name.JavaScript, JS=SCRIPT)


def open_action(pdf: pikepdf.Pdf) -> None:
    pdf.Root.OpenAction = pdf.make_indirect(js_action(pdf))


def catalogue_aa(pdf: pikepdf.Pdf) -> None:
    pdf.Root.AA = Dictionary(WC=js_action(pdf))  # when the document closes


def names_tree(pdf: pikepdf.Pdf) -> None:
    pdf.Root.Names = Dictionary(JavaScript=Dictionary(Names=Array([String("chào"), pdf.make_indirect(js_action(pdf))])))


def link_annotation(pdf: pikepdf.Pdf) -> None:
    link = Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array([0, 0, 100, 100]), A=js_action(pdf))
    pdf.pages[0].Annots = Array([pdf.make_indirect(link)])


def page_aa(pdf: pikepdf.Pdf) -> None:
    pdf.pages[0].AA = Dictionary(O=js_action(pdf))  # when the page opens


def launch(pdf: pikepdf.Pdf) -> None:
    pdf.Root.OpenAction = Dictionary(S=Name.Launch, F=String("cmd.exe"))


def embedded(pdf: pikepdf.Pdf) -> None:
    pdf.attachments["ghi-chu.txt"] = pikepdf.AttachedFileSpec(pdf, b"not a document", mime_type="text/plain")


def nothing(pdf: pikepdf.Pdf) -> None:
    return None


async def _refusal(client: httpx.AsyncClient, body: bytes) -> dict[str, object]:
    response = await put_file(client, submission(), body, **{"Content-Type": "application/pdf"})
    assert response.status_code == 415, response.text
    problem: dict[str, object] = response.json()
    assert problem["code"] == "pdf_refused"
    assert await Upload.count() == 0
    return problem


@pytest.mark.parametrize("change", [open_action, catalogue_aa, names_tree, link_annotation, page_aa])
async def test_a_pdf_with_javascript_anywhere_is_refused_saying_so(
    client: httpx.AsyncClient, change: PdfChange
) -> None:
    problem = await _refusal(client, built(change))
    assert problem["reason"] == "javascript"
    assert problem["message"] == {
        "vi": "Tệp PDF có chứa mã chạy tự động (JavaScript), không được nhận.",
        "en": "The PDF contains code that runs by itself (JavaScript); it is not accepted.",
    }


async def test_javascript_packed_in_an_object_stream_is_found_too(client: httpx.AsyncClient) -> None:
    body = built(link_annotation, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)
    assert b"JavaScript" not in body  # invisible to a search of the bytes
    assert (await _refusal(client, body))["reason"] == "javascript"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (built(launch), "launch"),
        (built(embedded), "embedded_file"),
        (built(nothing, encryption=pikepdf.Encryption(owner="chủ", user="")), "encrypted"),
        (built(nothing, encryption=pikepdf.Encryption(owner="chủ", user="mở")), "encrypted"),
        (b"%PDF-1.7\n<html><script>alert(1)</script></html>", "unreadable"),
        (pdf_bytes()[:-200], "unreadable"),
        (pdf_bytes(pages=101), "too_complex"),
    ],
    ids=["launch", "embedded", "owner-password", "user-password", "html", "cut", "101-pages"],
)
async def test_a_pdf_staff_should_not_open_is_refused_with_its_reason(
    client: httpx.AsyncClient, body: bytes, reason: str
) -> None:
    problem = await _refusal(client, body)
    assert problem["reason"] == reason
    message = problem["message"]
    assert isinstance(message, dict) and "PDF" in message["vi"] and "PDF" in message["en"]


async def test_a_plain_pdf_of_a_hundred_pages_with_a_web_link_is_accepted(client: httpx.AsyncClient) -> None:
    def web_link(pdf: pikepdf.Pdf) -> None:
        action = Dictionary(S=Name.URI, URI=String("https://dichvucong.gov.vn"))
        link = Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array([0, 0, 9, 9]), A=action)
        pdf.pages[0].Annots = Array([pdf.make_indirect(link)])
        for _ in range(99):
            pdf.add_blank_page()

    response = await put_file(client, submission(), built(web_link), **{"Content-Type": "application/pdf"})
    assert response.status_code == 201, response.text
    assert response.json()["contentType"] == "application/pdf"
