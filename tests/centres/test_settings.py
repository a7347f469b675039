"""Settings fail closed: no secret key, no debug; integrations off by default."""

from __future__ import annotations

import os
import subprocess
import sys


def _settings_probe(env: dict[str, str], expr: str) -> subprocess.CompletedProcess[str]:
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


def test_refuses_to_start_without_secret_key():
    result = _settings_probe({}, "s.SECRET_KEY")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_defaults_are_closed():
    result = _settings_probe(
        {"SECRET_KEY": "x" * 50},
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
