import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from sozialpaten.env import env_bool, env_email, env_int, env_list, env_url

ROOT = Path(__file__).resolve().parents[2]


def test_env_bool_reads_common_spellings(monkeypatch):
    for raw, expected in [("1", True), ("yes", True), ("On", True), ("0", False), ("off", False)]:
        monkeypatch.setenv("FLAG", raw)
        assert env_bool("FLAG") is expected


def test_env_bool_names_the_variable_when_malformed(monkeypatch):
    monkeypatch.setenv("DEBUG", "vielleicht")
    with pytest.raises(ImproperlyConfigured, match="DEBUG"):
        env_bool("DEBUG")


def test_env_int_rejects_text_and_values_below_minimum(monkeypatch):
    monkeypatch.setenv("EMAIL_PORT", "fünfhundert")
    with pytest.raises(ImproperlyConfigured, match="EMAIL_PORT"):
        env_int("EMAIL_PORT", 587)
    monkeypatch.setenv("EMAIL_PORT", "0")
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        env_int("EMAIL_PORT", 587, minimum=1)


def test_env_list_and_defaults(monkeypatch):
    monkeypatch.delenv("ALLOWED_HOSTS", raising=False)
    assert env_list("ALLOWED_HOSTS", ["a"]) == ["a"]
    monkeypatch.setenv("ALLOWED_HOSTS", "a.example, b.example ,")
    assert env_list("ALLOWED_HOSTS") == ["a.example", "b.example"]


def test_env_email_and_url_validate(monkeypatch):
    monkeypatch.setenv("DEFAULT_FROM_EMAIL", "Sozialpaten <info@example.org>")
    assert env_email("DEFAULT_FROM_EMAIL") == "Sozialpaten <info@example.org>"
    monkeypatch.setenv("DEFAULT_FROM_EMAIL", "keine adresse")
    with pytest.raises(ImproperlyConfigured, match="DEFAULT_FROM_EMAIL"):
        env_email("DEFAULT_FROM_EMAIL")
    monkeypatch.setenv("REDIS_URL", "localhost:6379")
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL"):
        env_url("REDIS_URL", schemes=("redis",))


def _start(env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update({"DJANGO_SETTINGS_MODULE": "sozialpaten.settings", **env_overrides})
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_start_stops_with_the_variable_name_when_a_value_is_malformed():
    result = _start({"DEBUG": "1", "DATABASE_URL": "mysql://nope"})
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_start_requires_a_secret_key_without_debug():
    result = _start({"DEBUG": "0", "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
