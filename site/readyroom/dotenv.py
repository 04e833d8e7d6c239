"""The local `.env` (DEBUG on, a secret key of this machine's own), so every README command
works as typed on a fresh clone.

`manage.py` writes it the first time it runs without one, unless the environment already
gives a SECRET_KEY (production always does) or says READYROOM_IGNORE_DOTENV=1 (production,
the test suite). Only KEY=VALUE lines; a variable already in the environment wins over the
file.
"""

import os
import secrets
from pathlib import Path


def _ignored() -> bool:
    return os.environ.get("READYROOM_IGNORE_DOTENV", "").strip().lower() in {"1", "true", "yes"}


def ensure_local_env(path: Path) -> bool:
    """Write the local .env when there is none and nothing says this is not a local machine.

    Returns whether it wrote one. A SECRET_KEY in the environment means settings come from
    there: a file with DEBUG on must never appear beside a production deployment.
    """
    if _ignored() or os.environ.get("SECRET_KEY") or path.exists():
        return False
    path.write_text(
        "# Written by manage.py for local use only (git ignores it).\n"
        "DEBUG=1\n"
        f"SECRET_KEY={secrets.token_urlsafe(50)}\n",
        encoding="utf-8",
    )
    path.chmod(0o600)
    return True


def load_local_env(path: Path) -> None:
    if _ignored():
        return
    if not path.is_file():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        os.environ.setdefault(key.strip(), value.strip())
