#!/usr/bin/env python
"""Django's command-line entry point for ReadyRoom."""

import os
import sys
from pathlib import Path

# The stdlib owns the name `site`, so site/ is a source folder, not a package: its packages
# (readyroom, organisation, dashboard) are importable once the folder is on the path.
sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "readyroom.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
