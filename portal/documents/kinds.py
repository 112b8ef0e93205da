"""What a file is, from its bytes: never from its name or what the browser said.

Only kinds people send us as evidence are taken: PDF, photos and scans (JPEG, PNG, GIF, WebP,
HEIC from phones), and Word or OpenDocument text. Anything else (a program, a web page, a
script renamed .pdf) is refused.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

PDF = ("application/pdf", "pdf")
JPEG = ("image/jpeg", "jpg")
PNG = ("image/png", "png")
GIF = ("image/gif", "gif")
WEBP = ("image/webp", "webp")
HEIC = ("image/heic", "heic")
DOC = ("application/msword", "doc")
DOCX = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx")
ODT = ("application/vnd.oasis.opendocument.text", "odt")

HEIC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"mif1", b"msf1"}
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def identify(path: Path) -> tuple[str, str] | None:
    """(content type, extension) of the file at `path`, or None if it is not a kind we take."""
    with path.open("rb") as handle:
        head = handle.read(16)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[4:8] == b"ftyp" and head[8:12] in HEIC_BRANDS:
        return HEIC
    if head.startswith(OLE):
        return DOC  # Word 97-2003 (the same container holds old Excel; staff open it in Office)
    if head.startswith(b"PK\x03\x04"):
        return _zipped_document(path)
    return None


def _zipped_document(path: Path) -> tuple[str, str] | None:
    """Word's .docx and OpenDocument's .odt are zip files: tell them by what they hold.

    Only the zip's directory and the 100-byte mimetype entry are read, never the documents
    themselves, so a zip made to expand enormously costs nothing here.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names and "[Content_Types].xml" in names:
                return DOCX
            if "mimetype" in names and archive.getinfo("mimetype").file_size < 100:
                if archive.read("mimetype").strip() == ODT[0].encode():
                    return ODT
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return None
