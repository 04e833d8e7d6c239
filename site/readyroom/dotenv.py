"""The local `.env` that `make run` writes, so every README command works as typed.

Only KEY=VALUE lines; a variable already in the environment wins over the file, and
READYROOM_IGNORE_DOTENV=1 (production, the test suite) skips the file altogether.
"""

import os
from pathlib import Path


def load_local_env(path: Path) -> None:
    if os.environ.get("READYROOM_IGNORE_DOTENV", "").strip().lower() in {"1", "true", "yes"}:
        return
    if not path.is_file():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        os.environ.setdefault(key.strip(), value.strip())
