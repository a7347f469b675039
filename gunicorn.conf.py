"""gunicorn settings for Teilhabe (read from the working directory: ``gunicorn teilhabe.wsgi``).

Every value can be overridden with an environment variable or on the command line. Measured
figures behind the defaults: docs/benchmarks.md ("Staff pages under load").

- Workers: pages are CPU-bound Python (templates, ORM), so more processes than cores only
  queue on the same cores; ``2 × cores`` (at least 2) keeps a core busy while the other
  worker of the pair waits for PostgreSQL. 2 cores → 4 workers.
- Long work never runs in a request: exports and engine runs are background jobs (Celery
  with ``REDIS_URL``; otherwise a thread of the web worker). Requests therefore stay short,
  and ``timeout`` can be strict.
- ``max_requests`` restarts a worker after that many requests (against slow memory growth).
  A restart ends the in-process job threads of that worker, so without Celery it stays off
  (0); with ``REDIS_URL`` (jobs in Celery) it defaults to 2,000 with jitter.
"""

from __future__ import annotations

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", str(max(2, 2 * multiprocessing.cpu_count()))))
worker_class = "sync"
# A page answers in well under a second; 30 s only catches a stuck worker.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On a restart (deploy), running requests and in-process job threads get this long.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "60"))
keepalive = 5  # behind a proxy that reuses connections
_jobs_in_celery = bool(os.environ.get("REDIS_URL"))
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000" if _jobs_in_celery else "0"))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
# Import the application once before forking: the workers start faster and share memory.
# Database connections are opened per worker after the fork (Django opens them lazily).
preload_app = True
