"""Typed readers for settings taken from the environment.

Each helper fails loudly with the variable's name when a value is malformed, so that a
typo in a deployment stops the start instead of silently falling back to a default.
"""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"Environment variable {name} must be a boolean (1/0, true/false, yes/no, on/off), "
        f"got {raw!r}."
    )


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(
            f"Environment variable {name} must be a whole number, got {raw!r}."
        ) from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(
            f"Environment variable {name} must be at least {minimum}, got {value}."
        )
    return value


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_email(name: str, default: str = "") -> str:
    value = os.environ.get(name, default).strip()
    # "Name <address>" is allowed for sender addresses; only the address part is checked.
    address = value.rsplit("<", 1)[-1].rstrip(">").strip()
    if value and ("@" not in address or " " in address):
        raise ImproperlyConfigured(
            f"Environment variable {name} must be an email address, got {value!r}."
        )
    return value


def env_url(name: str, default: str = "", *, schemes: tuple[str, ...]) -> str:
    value = os.environ.get(name, default).strip()
    if value and not value.startswith(tuple(f"{s}://" for s in schemes)):
        raise ImproperlyConfigured(
            f"Environment variable {name} must be a URL starting with "
            f"{' or '.join(s + '://' for s in schemes)}, got {value!r}."
        )
    return value
