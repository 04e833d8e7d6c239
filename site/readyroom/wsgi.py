"""WSGI entry point (gunicorn readyroom.wsgi, run from the repository root)."""

import os
import sys
from pathlib import Path

# site/ holds named packages; the stdlib owns the module name `site` (see manage.py).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from django.core.wsgi import get_wsgi_application  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "readyroom.settings")
application = get_wsgi_application()
