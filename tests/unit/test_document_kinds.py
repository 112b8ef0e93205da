"""A file's kind is found from its bytes: what people send as evidence passes, anything else not."""

from __future__ import annotations

import io
import zipfile

import pytest

from portal.documents.kinds import identify


def zipped(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT = zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"})


@pytest.mark.parametrize("content, kind", [
    (b"%PDF-1.7\n...", "application/pdf"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png"),
    (b"GIF89a\x01\x00", "image/gif"),
    (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "image/webp"),
    (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", "image/heic"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "application/msword"),
    (DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    (ODT, "application/vnd.oasis.opendocument.text"),
])
def test_evidence_people_send_is_recognised(tmp_path, content, kind):
    path = tmp_path / "upload"
    path.write_bytes(content)
    assert identify(path)[0] == kind


@pytest.mark.parametrize("content", [
    b"MZ\x90\x00\x03\x00\x00\x00",  # a Windows program, whatever it is called
    b"<!DOCTYPE html><script>alert(1)</script>",
    b"#!/bin/sh\nrm -rf /\n",
    b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
    zipped({"payload.exe": b"MZ"}),  # a zip that is not a document
    b"PK\x03\x04 broken zip",
    b"",
])
def test_anything_else_is_refused(tmp_path, content):
    path = tmp_path / "upload.pdf"
    path.write_bytes(content)
    assert identify(path) is None
