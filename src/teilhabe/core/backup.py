"""Backup and restore of the whole database: ``teilhabe backup`` and ``teilhabe restore``.

PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore`` into an *empty* database, in one
transaction (a failed restore leaves nothing half-restored). SQLite (development): the
sqlite3 online backup API, which copies a consistent snapshot while the server runs.
A dump of one kind is refused by the other with a clear message. Uploaded documents and
export files live in ``TEILHABE_DATA_DIR/media``: back that directory up with the dump.

``table_checksums`` (PostgreSQL) gives each table's row count and an md5 over its rows in a
fixed order, so a restore can be checked against the source.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import dj_database_url

PG_MAGIC = b"PGDMP"
SQLITE_MAGIC = b"SQLite format 3\x00"
POSTGRES = "django.db.backends.postgresql"
SQLITE = "django.db.backends.sqlite3"


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why, for the operator."""


def _pg_args(db: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    """Connection arguments for pg_dump/pg_restore; the password only in the environment."""
    args = []
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    sslmode = (db.get("OPTIONS") or {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = str(sslmode)
    return args, env


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} nicht gefunden: bitte die PostgreSQL-Client-Programme installieren "
            f"(Debian/Ubuntu: postgresql-client, in der Version des Servers oder neuer)."
        )
    return path


def _run(cmd: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{Path(cmd[0]).name} ist fehlgeschlagen: {result.stderr.strip()}")


def backup(db: dict[str, Any], output: Path) -> str:
    """Write a dump of the database ``db`` (Django DATABASES entry) to ``output``."""
    output = Path(output)
    if output.exists():
        raise BackupError(f"{output} gibt es schon; bitte eine neue Datei angeben.")
    engine = db["ENGINE"]
    if engine == POSTGRES:
        args, env = _pg_args(db)
        cmd = [_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges"]
        _run([*cmd, *args, "--file", str(output), str(db["NAME"])], env)
        return "PostgreSQL (pg_dump, custom format)"
    if engine == SQLITE:
        source = sqlite3.connect(str(db["NAME"]))
        target = sqlite3.connect(str(output))
        try:
            source.backup(target)  # a consistent snapshot, also while the server writes
        finally:
            target.close()
            source.close()
        return "SQLite (backup API)"
    raise BackupError(f"Datenbank {engine} wird nicht unterstützt.")


def _kind(path: Path) -> str:
    with open(path, "rb") as handle:
        head = handle.read(16)
    if head.startswith(PG_MAGIC):
        return POSTGRES
    if head == SQLITE_MAGIC:
        return SQLITE
    raise BackupError(f"{path} ist keine Teilhabe-Sicherung (weder pg_dump noch SQLite).")


def _pg_is_empty(db: dict[str, Any]) -> bool:
    import psycopg

    with psycopg.connect(**_psycopg_params(db)) as conn:
        row = conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()
    return row is not None and row[0] == 0


def _psycopg_params(db: dict[str, Any]) -> dict[str, Any]:
    params = {"dbname": db["NAME"], "user": db.get("USER") or None}
    params.update({"host": db.get("HOST") or None, "port": db.get("PORT") or None})
    params["password"] = db.get("PASSWORD") or None
    return {k: v for k, v in params.items() if v is not None}


def restore(path: Path, database_url: str) -> str:
    """Restore the dump at ``path`` into the empty database at ``database_url``."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} gibt es nicht.")
    kind = _kind(path)
    db = dj_database_url.parse(database_url)
    engine = db["ENGINE"]
    if kind != engine:
        source = "PostgreSQL" if kind == POSTGRES else "SQLite"
        raise BackupError(
            f"Die Sicherung stammt aus {source}; die Zieldatenbank ist {engine.rsplit('.', 1)[1]}."
            " Eine Sicherung lässt sich nur in dieselbe Art Datenbank zurückspielen."
        )
    if engine == POSTGRES:
        if not _pg_is_empty(db):
            raise BackupError(
                f"Die Zieldatenbank {db['NAME']} ist nicht leer. Bitte in eine neu angelegte, "
                "leere Datenbank zurückspielen (createdb …) und danach DATABASE_URL umstellen."
            )
        args, env = _pg_args(db)
        cmd = [_tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error"]
        _run([*cmd, "--single-transaction", *args, "--dbname", str(db["NAME"]), str(path)], env)
        return f"PostgreSQL-Datenbank {db['NAME']}"
    target = Path(db["NAME"])
    if target.exists() and target.stat().st_size > 0:
        raise BackupError(f"{target} gibt es schon; bitte eine neue Datei als Ziel angeben.")
    source = sqlite3.connect(str(path))
    destination = sqlite3.connect(str(target))
    try:
        source.backup(destination)
    finally:
        destination.close()
        source.close()
    return f"SQLite-Datei {target}"


def table_checksums(database_url: str) -> dict[str, tuple[int, str]]:
    """Each table's (row count, md5 of its rows in text order) in a PostgreSQL database."""
    import psycopg
    from psycopg import sql

    db = dj_database_url.parse(database_url)
    if db["ENGINE"] != POSTGRES:
        raise BackupError("Prüfsummen je Tabelle gibt es nur für PostgreSQL.")
    result: dict[str, tuple[int, str]] = {}
    with psycopg.connect(**_psycopg_params(db)) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"
            )
        ]
        for table in tables:
            query = sql.SQL(
                "SELECT count(*), coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '')"
                " FROM {} AS t"
            ).format(sql.Identifier(table))
            count, digest = conn.execute(query).fetchone()  # type: ignore[misc]
            result[table] = (count, digest)
    return result
