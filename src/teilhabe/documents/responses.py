"""Serving a stored file: always with a safe name, never sniffed, never cached."""

from __future__ import annotations

import unicodedata
from typing import IO
from urllib.parse import quote

from django.http import FileResponse, HttpResponse


def content_disposition(filename: str, *, inline: bool = False) -> str:
    """``attachment; filename="…"`` with an ASCII fallback and, for other names, ``filename*``.

    RFC 6266 / RFC 5987: old clients read ``filename``, the others prefer ``filename*``
    (UTF-8, percent-encoded). Quotes, backslashes, slashes and control characters never reach
    the header.
    """
    kind = "inline" if inline else "attachment"
    name = "".join(ch for ch in filename if ch.isprintable()).replace("/", "_").replace("\\", "_")
    name = name.strip() or "datei"
    fallback = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    fallback = "".join(ch if ch.isalnum() or ch in " ._-()" else "_" for ch in fallback).strip()
    stem, dot, extension = fallback.rpartition(".") if "." in fallback else (fallback, "", "")
    if not stem.strip("._- "):  # nothing readable left (a Cyrillic or Arabic name)
        fallback = f"datei{dot}{extension}"
    header = f'{kind}; filename="{fallback}"'
    if fallback != name:
        header += f"; filename*=UTF-8''{quote(name, safe='')}"
    return header


def file_response(
    file: IO[bytes] | bytes, filename: str, content_type: str, *, inline: bool = False
) -> HttpResponse:
    """The response for a stored or generated file.

    Sets ``Content-Disposition`` (attachment unless ``inline``), ``X-Content-Type-Options:
    nosniff`` (the browser takes the type we checked at upload, not its own guess) and
    ``Cache-Control: no-store, private`` (no copy of a family's papers in shared caches or
    the browser cache). An open file is streamed and closed by Django.
    """
    if isinstance(file, bytes):
        response: HttpResponse = HttpResponse(file, content_type=content_type)
    else:
        response = FileResponse(file, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename, inline=inline)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store, private"
    return response
