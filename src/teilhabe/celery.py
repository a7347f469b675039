"""The Celery app: ``celery -A teilhabe worker`` finds it here.

Configuration comes from Django's settings (``CELERY_*``, broker and result backend from
``REDIS_URL``); tasks are autodiscovered in the installed apps' ``tasks.py``. The web process
only needs this module to send a task (``teilhabe.exports.dispatch``).
"""

from __future__ import annotations

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "teilhabe.settings")

app = Celery("teilhabe")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Nightly jobs for `celery -A teilhabe beat` (only meaningful with a broker, i.e. REDIS_URL;
# installations without Redis run the same commands from cron, see README).
app.conf.beat_schedule = {
    "apply-retention-nightly": {
        "task": "teilhabe.audit.apply_retention",
        "schedule": crontab(hour=2, minute=30),
    },
}
