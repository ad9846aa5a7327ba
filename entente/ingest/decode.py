"""Bytes -> text: refuse what is not text, then find the encoding.

UTF-8 (with or without BOM) and BOM-marked UTF-16/32 are read directly; anything else goes to
charset-normalizer, which covers cp1251, koi8-r and the other legacy Cyrillic code pages.
"""

from __future__ import annotations

import codecs

from entente.errors import BinaryInput, EmptyInput, TooLarge, UndecodableInput

# Leading bytes of formats people drop into a folder of pages by mistake.
MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (or DOCX/XLSX)",
    b"\x1f\x8b": "a gzip archive",
    b"RIFF": "a RIFF media file",
    b"\x7fELF": "an executable",
    b"SQLite format 3": "an SQLite database",
    b"\xd0\xcf\x11\xe0": "an old MS Office document",
}
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, file: str, max_bytes: int) -> tuple[str, str]:
    """Return (text, encoding) or raise an InputError naming `file` and the reason.

    >>> decode("Привет".encode("cp1251") * 20, "a.txt", 10**6)[1]
    'cp1251'
    """
    if len(data) > max_bytes:
        raise TooLarge(file, f"{len(data):,} bytes is over the limit of {max_bytes:,} (Settings.max_bytes)")
    if not data.strip():
        raise EmptyInput(file, "empty file")
    for magic, kind in MAGIC.items():
        if data.startswith(magic):
            raise BinaryInput(file, f"binary file ({kind}), not text")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), file), encoding
            except UnicodeDecodeError as e:
                raise UndecodableInput(file, f"starts with a {encoding} mark but is not {encoding}: {e.reason}") from e
    try:
        return _checked(data.decode("utf-8"), file), "utf-8"
    except UnicodeDecodeError:
        pass
    if data.count(0) > len(data) // 100:
        raise BinaryInput(file, "binary file (NUL bytes), not text")
    from charset_normalizer import from_bytes  # ≈0.02 s to import: only for bytes that are not UTF-8

    best = from_bytes(data).best()
    if best is None:
        raise UndecodableInput(file, "bytes are not valid UTF-8 and no known encoding reads them")
    return _checked(str(best), file), best.encoding


def _checked(text: str, file: str) -> str:
    if not text.strip():
        raise EmptyInput(file, "empty file")
    if text.count("\x00") > len(text) // 100:
        raise BinaryInput(file, "binary file (NUL characters), not text")
    return text
