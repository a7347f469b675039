"""CPU time per request of one staff page, in-process, with the top of a profile.

On a machine shared with other work, throughput moves with everyone else's load; the
CPU time this process spends on a request (``time.process_time()``) much less. The script
runs Django in this process with production settings (no debug, no demo, the same
environment ``benchmarks/pages.py`` gives gunicorn), logs in as a demo account with the
test client and sends ``--requests`` GETs of each URL after ``--warmup`` untimed ones:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ops_bench \\
        .venv/bin/python benchmarks/profile_page.py --user beratung \\
        /seiteneinstieg/warteliste/ '/seiteneinstieg/warteliste/?language=ar'

``--profile N`` prints the N most expensive functions (cumulative and own time) of one
more round of requests under cProfile. Process CPU time is Python's share of a request
(including the database driver), not PostgreSQL's; wall time is shown beside it.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import secrets
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup() -> None:
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("set DATABASE_URL to the PostgreSQL database that holds the demo")
    sys.path.insert(0, str(ROOT / "src"))
    from teilhabe.core.crypto import derived_key

    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "teilhabe.settings",
            "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "testserver",
            "TEILHABE_DEBUG": "",
            "TEILHABE_DEMO": "",
            "TEILHABE_REQUIRE_2FA": "0",
            "TEILHABE_TRUSTED_PROXY": "1",
            # load_demo ran in debug mode: its notes are encrypted with the key derived
            # from the development secret key (settings.DEVELOPMENT_SECRET_KEY).
            "TEILHABE_FIELD_KEYS": os.environ.get("TEILHABE_FIELD_KEYS")
            or derived_key("insecure-development-key-only-for-teilhabe-debug-mode"),
        }
    )
    import django

    django.setup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--user", default="beratung", help="demo account (username)")
    parser.add_argument("--requests", type=int, default=20, help="timed requests per URL")
    parser.add_argument("--warmup", type=int, default=3, help="untimed requests per URL")
    parser.add_argument("--profile", type=int, default=0, help="print the top N functions")
    parser.add_argument(
        "--dump", default="", help="write each URL's page to DIR/<n>.html (to compare versions)"
    )
    args = parser.parse_args()
    setup()

    from django.contrib.auth import get_user_model
    from django.test import Client

    user = get_user_model().objects.get(username=args.user)
    client = Client(HTTP_X_FORWARDED_PROTO="https")
    client.force_login(user)

    def get(url: str) -> bytes:
        response = client.get(url, secure=True)
        if response.status_code != 200:
            raise SystemExit(f"{url}: status {response.status_code}")
        return response.content

    for number, url in enumerate(args.urls):
        if args.dump:
            Path(args.dump).mkdir(parents=True, exist_ok=True)
            Path(args.dump, f"{number}.html").write_bytes(get(url))
        for _ in range(args.warmup):
            get(url)
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in range(args.requests):
            get(url)
        cpu = (time.process_time() - cpu) * 1000 / args.requests
        wall = (time.perf_counter() - wall) * 1000 / args.requests
        print(f"{url} as {args.user}: {cpu:.1f} ms CPU, {wall:.1f} ms wall per request")
        if args.profile:
            profiler = cProfile.Profile(time.process_time)  # CPU, not waiting for PostgreSQL
            profiler.enable()
            for _ in range(args.requests):
                get(url)
            profiler.disable()
            stats = pstats.Stats(profiler).strip_dirs()
            if args.dump:
                stats.dump_stats(Path(args.dump, f"{number}.prof"))
            stats.sort_stats("cumulative").print_stats(args.profile)
            stats.sort_stats("tottime").print_stats(args.profile)


if __name__ == "__main__":
    main()
