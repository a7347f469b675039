"""Settings for the test suite: the production settings with a test key and fast hashing."""

import os

os.environ.setdefault(
    "SECRET_KEY", "test-only-secret-key-not-for-production-0123456789-abcdefghijklmnop"
)
os.environ.setdefault("TEILHABE_REQUIRE_2FA", "0")
# Tests run without debug mode, so they name their field key: the development one derived
# from the test secret key (teilhabe.core.crypto.derived_key).
from teilhabe.core.crypto import derived_key

os.environ.setdefault("TEILHABE_FIELD_KEYS", derived_key(os.environ["SECRET_KEY"]))

from teilhabe.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "exports": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}
# The Celery worker test (tests/exports/test_celery_worker.py) starts a worker with these
# settings: it and the test process then share job files through this directory.
if os.environ.get("TEILHABE_TEST_EXPORTS_DIR"):
    STORAGES["exports"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": os.environ["TEILHABE_TEST_EXPORTS_DIR"], "base_url": None},
    }
# Jobs run synchronously when their transaction commits; Celery only where a test asks.
TEILHABE_CELERY = False
TEILHABE_JOBS_EAGER = True
TEILHABE_JOBS_PROGRESS_INTERVAL = 0.0
TEILHABE_SITE_URL = "http://testserver"
# The test client and the browser tests' live server speak plain http.
SECURE_SSL_REDIRECT = False
# Start-page tiles computed on every request, so that a test sees its own changes at once
# (tests/core/test_shared_tiles.py switches the sharing on).
TEILHABE_SHARED_TILES = False
