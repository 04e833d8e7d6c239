#!/usr/bin/env python
"""Django's command-line entry point for ReadyRoom."""

import os
import sys
from pathlib import Path

# The stdlib owns the name `site`, so site/ is a source folder, not a package: its packages
# (readyroom, organisation, dashboard) are importable once the folder is on the path.
sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))


def main() -> None:
    from readyroom.dotenv import ensure_local_env

    env_file = Path(os.environ.get("READYROOM_DOTENV", Path(__file__).resolve().parent / ".env"))
    if ensure_local_env(env_file):
        print(
            f"Wrote {env_file.name}: DEBUG on and a secret key for this machine.", file=sys.stderr
        )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "readyroom.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
