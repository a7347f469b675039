"""Settings fail closed: no secret key, no debug; integrations off by default."""

from __future__ import annotations

import os
import subprocess
import sys

# A production field key (teilhabe.core.crypto); probes get it unless they say otherwise, so
# each test about one setting does not fail for want of another.
FIELD_KEY = "x3Hq0b7mJ0rR0m1JcZ2l8s1w9XqkQ0V4Yq6mA2tB5nE="


def _settings_probe(
    env: dict[str, str], expr: str, *, field_keys: bool = True
) -> subprocess.CompletedProcess[str]:
    if field_keys:
        env = {"TEILHABE_FIELD_KEYS": FIELD_KEY, **env}
    code = f"import teilhabe.settings as s; print({expr})"
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TEILHABE_", "SECRET_KEY", "EMAIL_", "REDIS_URL", "DATABASE_URL"))
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


STRONG_KEY = "kq3-Zt9_vB7wXe2LmN4pR8sT1uY6iO0aS5dF9gH3jK7lQ2zX4cV8bN1mW6eR0tY5u"


def test_refuses_to_start_without_secret_key():
    result = _settings_probe({}, "s.SECRET_KEY")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_defaults_are_closed():
    result = _settings_probe(
        {"SECRET_KEY": STRONG_KEY},
        "s.DEBUG, s.TEILHABE_REQUIRE_2FA, s.ALLOWED_HOSTS, s.EMAIL_BACKEND.rsplit('.', 2)[-2], "
        "s.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False True [] console LocMemCache"


def test_demo_switches_two_factor_off_only_when_asked():
    result = _settings_probe(
        {"TEILHABE_DEBUG": "1", "TEILHABE_DEMO": "1"}, "s.TEILHABE_REQUIRE_2FA"
    )
    assert result.stdout.strip() == "False"
    result = _settings_probe(
        {"TEILHABE_DEBUG": "1", "TEILHABE_DEMO": "1", "TEILHABE_REQUIRE_2FA": "1"},
        "s.TEILHABE_REQUIRE_2FA",
    )
    assert result.stdout.strip() == "True"


def test_refuses_short_or_known_secret_keys():
    for weak in ["x", "changeme", "secret", "a" * 60, "kurz-aber-zufaellig-9f8e7d", "x" * 50]:
        result = _settings_probe({"SECRET_KEY": weak}, "s.SECRET_KEY")
        assert result.returncode != 0, weak
        assert "SECRET_KEY is too weak" in result.stderr
    dev = _settings_probe(
        {"SECRET_KEY": "insecure-development-key-only-for-teilhabe-debug-mode"}, "1"
    )
    assert dev.returncode != 0
    # in development a weak key is allowed
    assert _settings_probe({"SECRET_KEY": "x", "TEILHABE_DEBUG": "1"}, "1").returncode == 0


def test_demo_without_debug_is_printed_at_start():
    result = _settings_probe({"SECRET_KEY": STRONG_KEY, "TEILHABE_DEMO": "1"}, "1")
    assert result.returncode == 0, result.stderr
    assert "TEILHABE_DEMO=1 ohne TEILHABE_DEBUG=1" in result.stderr


def _check_deploy(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(
            ("TEILHABE_", "SECRET_KEY", "EMAIL_", "REDIS_URL", "DJANGO_", "SECURE_")
        )
    }
    return subprocess.run(
        [sys.executable, "-m", "teilhabe.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env={
            **clean,
            "SECRET_KEY": STRONG_KEY,
            "TEILHABE_FIELD_KEYS": FIELD_KEY,
            "ALLOWED_HOSTS": "ki.example.org",
            "DJANGO_SETTINGS_MODULE": "teilhabe.settings",
            "TEILHABE_DATA_DIR": os.environ.get("TMPDIR", "/tmp") + "/teilhabe-check",
            **env,
        },
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = _check_deploy({})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_about_demo_without_debug():
    result = _check_deploy({"TEILHABE_DEMO": "1"})
    assert result.returncode != 0
    assert "teilhabe.W001" in result.stdout + result.stderr


def test_refuses_to_start_without_field_keys():
    result = _settings_probe({"SECRET_KEY": STRONG_KEY}, "s.SECRET_KEY", field_keys=False)
    assert result.returncode != 0
    assert "TEILHABE_FIELD_KEYS must be set" in result.stderr


def test_refuses_a_field_key_that_is_not_one():
    result = _settings_probe(
        {"SECRET_KEY": STRONG_KEY, "TEILHABE_FIELD_KEYS": f"{FIELD_KEY},geheim"}, "1"
    )
    assert result.returncode != 0
    assert "TEILHABE_FIELD_KEYS: key 2 is not a Fernet key" in result.stderr


def test_field_keys_in_order_and_derived_only_in_debug():
    other = "Vn1o3Dq3rJ8m0nZ8m2m4Qb6c1V7v3wVJc8cQnS3dZ0E="
    result = _settings_probe(
        {"SECRET_KEY": STRONG_KEY, "TEILHABE_FIELD_KEYS": f" {other}, {FIELD_KEY} "},
        "s.TEILHABE_FIELD_KEYS",
    )
    assert result.stdout.strip() == str([other, FIELD_KEY]), result.stderr
    debug = _settings_probe({"TEILHABE_DEBUG": "1"}, "s.TEILHABE_FIELD_KEYS", field_keys=False)
    from teilhabe.core.crypto import derived_key
    from teilhabe.settings import DEVELOPMENT_SECRET_KEY

    assert debug.stdout.strip() == str([derived_key(DEVELOPMENT_SECRET_KEY)]), debug.stderr


def test_check_deploy_warns_about_the_derived_field_key():
    from teilhabe.core.crypto import derived_key

    result = _check_deploy({"TEILHABE_FIELD_KEYS": derived_key(STRONG_KEY)})
    assert result.returncode != 0
    assert "teilhabe.W002" in result.stdout + result.stderr
