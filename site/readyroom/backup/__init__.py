"""Backup and restore of everything a clinic would lose with the server: the database and the
files beside it (private card files, Wagtail's media). `manage.py backup DIR` writes a folder
with a manifest of counts and checksums; `manage.py restore DIR` checks it and puts it back."""


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""
