"""Backup and restore: a dump restored into a fresh database has every row of every table."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from teilhabe.core.backup import table_checksums
from tests.factories import ChildFactory, FamilyFactory


def _url(db: dict, name: str) -> str:
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return (
        f"postgres://{db['USER']}{password}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{name}"
    )


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)")
@pytest.mark.django_db(transaction=True)  # pg_dump runs in its own session: data committed
def test_restore_into_a_fresh_database_has_the_same_rows(tmp_path: Path, staff):
    family = FamilyFactory(centre=staff.centre, street="Keupstraße 1 ' \\ ; \n")
    for _ in range(3):
        ChildFactory(family=family, notes='Zeile 1\nZeile 2 – ü ß "Zitat"')
    db = connection.settings_dict
    source_url = _url(db, db["NAME"])
    fresh = f"{db['NAME']}_restore_{uuid.uuid4().hex[:8]}"
    dump = tmp_path / "teilhabe.dump"
    call_command("backup", output=dump)
    assert dump.read_bytes().startswith(b"PGDMP")

    admin = psycopg.connect(_url(db, "postgres"), autocommit=True)
    admin.execute(f'CREATE DATABASE "{fresh}"')
    try:
        call_command("restore", str(dump), database_url=_url(db, fresh))
        before = table_checksums(source_url)
        after = table_checksums(_url(db, fresh))
        assert before == after
        assert before["seiteneinstieg_child"][0] == 3
        assert before["centres_user"][0] >= 1
        assert len(before) > 50  # every app's tables, not just a few

        # a second restore into the now filled database is refused, nothing changed
        with pytest.raises(CommandError, match="nicht leer"):
            call_command("restore", str(dump), database_url=_url(db, fresh))
        assert table_checksums(_url(db, fresh)) == after
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')
        admin.close()


@pytest.mark.django_db
def test_backup_refuses_an_existing_file_and_restore_a_foreign_file(tmp_path: Path):
    existing = tmp_path / "alt.dump"
    existing.write_bytes(b"x")
    with pytest.raises(CommandError, match="gibt es schon"):
        call_command("backup", output=existing)
    with pytest.raises(CommandError, match="keine Teilhabe-Sicherung"):
        call_command("restore", str(existing), database_url="sqlite:///" + str(tmp_path / "n.db"))


def test_sqlite_dump_is_refused_by_postgresql_and_restored_into_sqlite(tmp_path: Path):
    source = tmp_path / "source.sqlite3"
    with sqlite3.connect(source) as conn:
        conn.execute("CREATE TABLE t (id integer primary key, name text)")
        conn.executemany("INSERT INTO t (name) VALUES (?)", [("Ayşe",), ("Олена",)])
    conn.close()
    from teilhabe.core.backup import backup, restore

    dump = tmp_path / "sqlite.backup"
    backup({"ENGINE": "django.db.backends.sqlite3", "NAME": str(source)}, dump)
    with pytest.raises(CommandError, match="nur in dieselbe Art"):
        call_command("restore", str(dump), database_url="postgres://u@127.0.0.1:1/none")
    target = tmp_path / "restored.sqlite3"
    restore(dump, f"sqlite:///{target}")
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT name FROM t ORDER BY id").fetchall() == [("Ayşe",), ("Олена",)]
    conn.close()
