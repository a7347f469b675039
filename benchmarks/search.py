"""How fast is the case search with 50,000 cases, next to the waiting list's first page?

Fills a throwaway database with synthetic cases whose names come in the spellings
counsellors meet (Mohammed/Muhammad/Mohamad, Al-Hassan/Al Hassan/Alhassan, Oleksandr/
Aleksandr, ...), with guardians and phone numbers, and the search keys the services would
write. Then times, through Django's test Client logged in as a counsellor, the search page
for typical terms (a name in another spelling, two names, a birth date, a case number, a
phone number, a guardian's name) and the waiting list's first page in the same run.
PostgreSQL when DATABASE_URL points at one (a throwaway database ``<name>_searchbench`` is
created and dropped), else a temporary SQLite file. Prints a markdown table.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python benchmarks/search.py
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]

FIRST = {
    "ar": [
        "Mohammed",
        "Muhammad",
        "Mohamad",
        "Ahmad",
        "Ahmed",
        "Omar",
        "Yusuf",
        "Youssef",
        "Khaled",
        "Lina",
        "Rana",
        "Fatima",
        "Mariam",
        "Hassan",
        "Ali",
        "Jamal",
        "Nour",
    ],
    "uk": [
        "Oleksandr",
        "Aleksandr",
        "Mykola",
        "Dmytro",
        "Sofiia",
        "Olena",
        "Yuliia",
        "Andriy",
        "Serhiy",
        "Kateryna",
        "Taras",
        "Iryna",
    ],
    "fa": ["Fatemeh", "Zahra", "Reza", "Mohammad Reza", "Hossein", "Maryam", "Ali"],
    "tr": ["Yusuf", "Ayşe", "Mehmet", "Elif", "Emre", "Zeynep", "Can", "Deniz"],
    "ti": ["Tesfaye", "Yohannes", "Haile", "Berhane", "Senait", "Mehret", "Filmon"],
}
LAST = {
    "ar": [
        "Al-Hassan",
        "Al Hassan",
        "Alhassan",
        "Haddad",
        "Khalil",
        "Al-Ahmad",
        "Darwish",
        "Hamdan",
        "Saleh",
        "Yassin",
        "Mansour",
        "Nasser",
        "Abdulrahman",
    ],
    "uk": [
        "Kovalenko",
        "Shevchenko",
        "Bondarenko",
        "Tkachenko",
        "Kravchenko",
        "Melnyk",
        "Oliinyk",
        "Lysenko",
        "Moroz",
        "Savchenko",
    ],
    "fa": ["Hosseini", "Ahmadi", "Rezaei", "Mohammadi", "Jafari", "Karimi", "Ghasemi"],
    "tr": ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan"],
    "ti": ["Gebremedhin", "Tesfay", "Haile", "Berhane", "Kidane", "Tekle", "Ghebreyesus"],
}
QUERIES = (
    ("name, other spelling", "Alhassan"),
    ("first + last name", "Muhammad Alhasan"),
    ("Ukrainian ↔ Russian", "Aleksandr Kowalenko"),
    ("birth date", "03.05.2015"),
    ("name + birth date", "Yusuf 03.05.2015"),
    ("case number", "B-2026-00123"),
    ("phone", "0176 5550123"),
    ("common surname", "Ghebreyesus"),
)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _setup_django(workdir: Path) -> str:
    os.environ["SECRET_KEY"] = "benchmark-only-secret-key"
    os.environ["TEILHABE_REQUIRE_2FA"] = "0"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["TEILHABE_DATA_DIR"] = str(workdir)
    (workdir / "static").mkdir(exist_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "teilhabe.settings"
    backend = "postgres" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    if backend == "sqlite":
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    return backend


def _fill(*, centre: Any, cases: int, rng: random.Random) -> None:
    """``cases`` children, about two per family, one or two guardians per family."""
    from django.utils import timezone

    from teilhabe.geo import koeln
    from teilhabe.seiteneinstieg.choices import Status
    from teilhabe.seiteneinstieg.matching import phone_digits, search_fields
    from teilhabe.seiteneinstieg.models import Child, Family, Guardian

    keys = lru_cache(maxsize=None)(search_fields)
    stadtteile = koeln.all_stadtteile()
    statuses = [*Status.values]
    weights = [20, 15, 15, 12, 12, 11, 9, 3, 3]
    now = timezone.now()
    batch = 5000
    for first in range(0, cases, batch):
        count = min(batch, cases - first)
        families, guardians, languages = [], [], []
        for i in range((count + 1) // 2):
            part = rng.choice(stadtteile)
            language = rng.choice(list(FIRST))
            languages.append(language)
            family = Family(
                centre=centre,
                reference=f"B-2026-{(first // 2) + i:05d}",
                street="Musterstraße 1",
                postcode="50667",
                lat=50.94,
                lon=6.96,
                stadtteil_number=part.number,
                stadtteil_name=part.name,
                stadtbezirk_number=part.bezirk_number,
                stadtbezirk_name=part.bezirk_name,
            )
            families.append(family)
        Family.objects.bulk_create(families)
        children = []
        for index, family in enumerate(families):
            language = languages[index]
            last = rng.choice(LAST[language])
            for _parent in range(rng.choice((1, 2))):
                name = rng.choice(FIRST[language])
                phone = f"0176 {rng.randint(0, 9_999_999):07d}"
                guardians.append(
                    Guardian(
                        family=family,
                        first_name=name,
                        last_name=last,
                        phone=phone,
                        phone_digits=phone_digits(phone),
                        language=language,
                        **keys(name, last),
                    )
                )
            for _child in range(2):
                if len(children) >= count:
                    break
                registered = now - dt.timedelta(
                    days=rng.randint(0, 365), minutes=rng.randint(0, 600)
                )
                status = rng.choices(statuses, weights)[0]
                name = rng.choice(FIRST[language])
                children.append(
                    Child(
                        centre=centre,
                        family=family,
                        first_name=name,
                        last_name=last,
                        birth_date=dt.date.today()
                        - dt.timedelta(days=rng.randint(6 * 365, 19 * 365)),
                        first_language=language,
                        arrived_in_germany_on=registered.date() - dt.timedelta(days=30),
                        arrived_in_city_on=registered.date() - dt.timedelta(days=10),
                        status=status,
                        registered_at=registered,
                        **keys(name, last),
                    )
                )
        Guardian.objects.bulk_create(guardians)
        Child.objects.bulk_create(children)


def _time(client: Any, url: str, repeat: int) -> dict[str, float]:
    client.get(url)  # warm-up
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return {"median": statistics.median(samples), "p95": _percentile(samples, 0.95), "n": repeat}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="teilhabe-search-bench-") as tmp:
        backend = _setup_django(Path(tmp))
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        from teilhabe.centres.models import Centre, User
        from teilhabe.seiteneinstieg.selectors.search import search_children

        old_name = None
        if backend == "postgres":
            old_name = connection.settings_dict["NAME"]
            connection.settings_dict.setdefault("TEST", {})["NAME"] = f"{old_name}_searchbench"
            connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        else:
            call_command("migrate", verbosity=0)
        try:
            centre = Centre.objects.create(
                name="KI Benchmark", slug="bench", area_keys=["05315"], city="Köln"
            )
            user = User.objects.create(
                username="bench", centre=centre, role="counsellor", first_name="B"
            )
            started = time.perf_counter()
            _fill(centre=centre, cases=args.cases, rng=random.Random(1))
            fill_s = time.perf_counter() - started
            if backend == "postgres":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
                version = f"{connection.pg_version // 10000}.{connection.pg_version % 10000}"
            else:
                import sqlite3

                version = sqlite3.sqlite_version
            client = Client()
            client.force_login(user)
            rows = []
            for label, term in QUERIES:
                hits = search_children(user=user, text=term).count()
                url = "/seiteneinstieg/suche/?" + urlencode({"q": term})
                rows.append((f"search: {label} (`{term}`)", hits, _time(client, url, args.repeat)))
            rows.append(
                (
                    "waiting list, first page",
                    None,
                    _time(client, "/seiteneinstieg/warteliste/", args.repeat),
                )
            )
        finally:
            connection.close()
            if old_name is not None:
                connection.creation.destroy_test_db(old_name, verbosity=0)

    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}; {backend} {version}; "
        f"{args.cases:,} cases filled in {fill_s:.0f} s"
    )
    print()
    print("| request | matches | median ms | p95 ms | timed runs |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label, hits, figures in rows:
        shown = "" if hits is None else f"{hits:,}"
        print(
            f"| {label} | {shown} | {figures['median']:,.0f} | {figures['p95']:,.0f} "
            f"| {figures['n']} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
