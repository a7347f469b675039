"""Staff pages under load: median, p95 and requests per second, next to the health check.

Against a server started as in production: gunicorn with ``gunicorn.conf.py`` on
PostgreSQL, without debug. By default the script starts that server itself (``--workers``,
on a free port) against ``DATABASE_URL``, which must already hold the demo, e.g.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/teilhabe_bench TEILHABE_DEBUG=1 \\
        .venv/bin/teilhabe load_demo --force --children 50000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/teilhabe_bench \\
        .venv/bin/python benchmarks/pages.py --workers 4

or measures a running server (``--url http://127.0.0.1:8000``; it must trust
``X-Forwarded-Proto`` (``TEILHABE_TRUSTED_PROXY=1``) and let the demo accounts log in
without a second factor (``TEILHABE_REQUIRE_2FA=0``), as the started one does).

For each page and each number of clients (``--clients 1,20``) every client thread sends
its requests one after another (new connection each time, as gunicorn's sync workers close
them); after a warm-up the script reports the median and p95 latency and the completed
requests per second over the wall time. The health check (``/healthz``: one ``SELECT 1``)
runs in the same way in the same run: on a machine shared with other work the absolute
figures move, the ratio to the health check much less. Any status other than 200 counts as
an error and is reported.

The client is the standard library (threads, http.client): no wrk needed. Python threads
share one core for the client's own work, so at 20 clients the client costs some of the
two cores too; the health check row shows the ceiling that leaves.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from teilhabe.core.crypto import derived_key  # noqa: E402

PASSWORD = "teilhabe-demo"
PROTO = {"X-Forwarded-Proto": "https"}


@dataclass
class Session:
    host: str
    port: int
    cookie: str = ""

    def request(
        self, method: str, path: str, body: str = "", headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        all_headers = {**PROTO, "Host": "localhost", **(headers or {})}
        if self.cookie:
            all_headers["Cookie"] = self.cookie
        conn.request(method, path, body=body or None, headers=all_headers)
        response = conn.getresponse()
        data = response.read()
        conn.close()
        cookies = dict(c.split(";", 1)[0].split("=", 1) for c in _set_cookies(response))
        if cookies:
            jar = dict(p.split("=", 1) for p in self.cookie.split("; ") if "=" in p)
            jar.update(cookies)
            self.cookie = "; ".join(f"{k}={v}" for k, v in jar.items())
        return response.status, dict(response.getheaders()), data

    def get(self, path: str) -> tuple[int, bytes]:
        status, _headers, data = self.request("GET", path)
        return status, data


def _set_cookies(response: http.client.HTTPResponse) -> list[str]:
    return [v for k, v in response.getheaders() if k.lower() == "set-cookie"]


def login(host: str, port: int, username: str) -> Session:
    session = Session(host, port)
    _status, page = session.get("/konto/anmelden/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if token is None:
        raise SystemExit("no login form: is the server up and the demo loaded?")
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token.group(1).decode(), "username": username, "password": PASSWORD}
    )
    status, headers, _data = session.request(
        "POST",
        "/konto/anmelden/",
        body,
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": "https://localhost/konto/anmelden/",
        },
    )
    if status != 302 or "anmelden" in headers.get("Location", ""):
        raise SystemExit(f"login as {username} failed ({status})")
    return session


def measure(
    session: Session, paths: list[str], *, clients: int, requests: int, warmup: int
) -> dict[str, float]:
    """``requests`` per client after ``warmup`` each; latencies in ms and the rate."""
    latencies: list[float] = []
    errors: list[int] = []
    lock = threading.Lock()

    def worker(offset: int) -> None:
        mine: list[float] = []
        bad: list[int] = []
        for n in range(warmup):
            session.get(paths[(offset + n) % len(paths)])
        barrier.wait()
        for n in range(requests):
            start = time.perf_counter()
            status, _data = session.get(paths[(offset + n) % len(paths)])
            mine.append((time.perf_counter() - start) * 1000)
            if status != 200:
                bad.append(status)
        with lock:
            latencies.extend(mine)
            errors.extend(bad)

    barrier = threading.Barrier(clients + 1)
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    barrier.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    latencies.sort()
    return {
        "median": statistics.median(latencies),
        "p95": latencies[min(len(latencies) - 1, int(round(0.95 * (len(latencies) - 1))))],
        "rps": len(latencies) / elapsed,
        "n": len(latencies),
        "errors": len(errors),
    }


def discover(session: Session) -> dict[str, list[str]]:
    """Real ids from the server's own pages: children, families, a deep list page."""
    _status, page = session.get("/seiteneinstieg/warteliste/")
    children = sorted(set(re.findall(rb"/seiteneinstieg/kinder/(\d+)/", page)))[:10]
    pages = re.findall(rb"seite=(\d+)", page)
    last = max((int(p) for p in pages), default=1)
    families: list[bytes] = []
    for child in children[:5]:
        _status, detail = session.get(f"/seiteneinstieg/kinder/{child.decode()}/")
        families += re.findall(rb"/seiteneinstieg/familien/(\d+)/", detail)[:1]
    _status, schools = session.get("/schulen/")
    school_ids = sorted(set(re.findall(rb"/schulen/(\d+)/", schools)))[:5]
    return {
        "children": [f"/seiteneinstieg/kinder/{c.decode()}/" for c in children],
        "families": sorted({f"/seiteneinstieg/familien/{f.decode()}/" for f in families}),
        "deep": [f"/seiteneinstieg/warteliste/?seite={max(1, last // 2 + i)}" for i in range(5)],
        "schools": [f"/schulen/{s.decode()}/" for s in school_ids],
    }


def pages_for(found: dict[str, list[str]]) -> list[tuple[str, str, list[str]]]:
    """(label, user, paths): the staff list and detail pages of the issue."""
    wl = "/seiteneinstieg/warteliste/"
    return [
        ("health check", "beratung", ["/healthz"]),
        ("waiting list, first page", "beratung", [wl]),
        (
            "waiting list, filtered",
            "beratung",
            [f"{wl}?language=ar", f"{wl}?level=secondary&sort=name", f"{wl}?status=ready"],
        ),
        ("waiting list, deep page", "beratung", found["deep"]),
        ("child", "beratung", found["children"]),
        ("family", "beratung", found["families"]),
        ("search", "beratung", ["/seiteneinstieg/suche/?q=Alhassan"]),
        ("start page: counsellor", "beratung", ["/"]),
        ("start page: centre admin", "verwaltung", ["/"]),
        ("start page: Schulamt", "schulamt", ["/"]),
        ("start page: school", "schule", ["/"]),
        ("start page: statistics", "statistik", ["/"]),
        ("start page: council office", "geschaeftsstelle", ["/"]),
        ("statistics", "statistik", ["/seiteneinstieg/statistik/"]),
        ("schools", "schulamt", ["/schulen/"]),
        ("school", "schulamt", found["schools"]),
        ("map: schools", "schulamt", ["/zuweisung/karte/schulen.json"]),
        ("map: Stadtteile", "schulamt", ["/zuweisung/karte/stadtteile.geojson"]),
    ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(workers: int, port: int) -> subprocess.Popen[bytes]:
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("set DATABASE_URL to the PostgreSQL database that holds the demo")
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "DJANGO_SETTINGS_MODULE": "teilhabe.settings",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "localhost",
        "TEILHABE_DEBUG": "",
        "TEILHABE_DEMO": "",
        "TEILHABE_REQUIRE_2FA": "0",  # scripted logins; the page costs are the same
        "TEILHABE_TRUSTED_PROXY": "1",  # the client says https like a proxy would
        # load_demo ran in debug mode: its notes are encrypted with the key derived from
        # the development secret key (settings.DEVELOPMENT_SECRET_KEY).
        "TEILHABE_FIELD_KEYS": os.environ.get("TEILHABE_FIELD_KEYS")
        or derived_key("insecure-development-key-only-for-teilhabe-debug-mode"),
        "GUNICORN_WORKERS": str(workers),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_ACCESS_LOG": "/dev/null",
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "-c", str(ROOT / "gunicorn.conf.py"), "teilhabe.wsgi"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    for _ in range(300):
        try:
            if Session("127.0.0.1", port).get("/healthz")[0] == 200:
                return server
        except OSError:
            pass
        time.sleep(0.1)
    server.kill()
    raise SystemExit("gunicorn did not answer /healthz within 30 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", help="a running server instead of starting gunicorn")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers to start")
    parser.add_argument("--clients", default="1,20", help="concurrent clients, comma-separated")
    parser.add_argument("--requests", type=int, default=15, help="timed requests per client")
    parser.add_argument("--warmup", type=int, default=2, help="untimed requests per client")
    parser.add_argument("--only", default="", help="only pages whose label contains this")
    args = parser.parse_args()
    # Stopped from outside (kill PID): still stop the gunicorn this script started.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    server = None
    if args.url:
        parsed = urllib.parse.urlsplit(args.url)
        host, port = parsed.hostname or "127.0.0.1", parsed.port or 80
    else:
        host, port = "127.0.0.1", free_port()
        server = start_server(args.workers, port)
    try:
        sessions: dict[str, Session] = {}

        def session_for(user: str) -> Session:
            if user not in sessions:
                sessions[user] = login(host, port, user)
            return sessions[user]

        pages = pages_for(discover(session_for("beratung")))
        levels = [int(c) for c in args.clients.split(",")]
        load = os.getloadavg()
        print(
            f"server: {'gunicorn, ' + str(args.workers) + ' workers' if server else args.url}; "
            f"{os.cpu_count()} CPUs; load average before: {load[0]:.1f}"
        )
        print()
        header = "| page | " + " | ".join(
            f"{c} client{'s' if c > 1 else ''}: median ms | p95 ms | req/s" for c in levels
        )
        print(header + " |")
        print("|---|" + "---:|---:|---:|" * len(levels))
        for label, user, paths in pages:
            if args.only and args.only not in label and label != "health check":
                continue
            if not paths:
                print(f"| {label} | (no ids found) |")
                continue
            cells = []
            for clients in levels:
                result = measure(
                    session_for(user),
                    paths,
                    clients=clients,
                    requests=args.requests,
                    warmup=args.warmup,
                )
                error = f" ({result['errors']} errors)" if result["errors"] else ""
                cells.append(
                    f"{result['median']:.0f} | {result['p95']:.0f} | {result['rps']:.0f}{error}"
                )
            print(f"| {label} | " + " | ".join(cells) + " |", flush=True)
        print()
        print(f"load average after: {os.getloadavg()[0]:.1f}")
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
