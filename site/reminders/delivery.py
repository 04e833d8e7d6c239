"""Talking to the mail server: one connection per sweep, errors sorted into kinds.

A permanent refusal (5xx for the recipient or the message) will not change on retry; a
connection that fails, drops or times out is the server's trouble, not the message's, and
several in a row mean the server is down: the sweep stops trying until its next run.
"""

import smtplib
from enum import Enum

from django.conf import settings
from django.core.mail import EmailMessage, get_connection


class Outcome(Enum):
    SENT = "sent"
    PERMANENT = "permanent"  # the server refused this message for good
    TRANSIENT = "transient"  # worth trying again later
    CONNECTION = "connection"  # transient, and the server itself is unreachable or silent


def classify(error: Exception) -> Outcome:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        return Outcome.PERMANENT if codes and all(c >= 500 for c in codes) else Outcome.TRANSIENT
    if isinstance(error, smtplib.SMTPSenderRefused):
        return Outcome.TRANSIENT  # our own configuration: every message would fail alike
    if isinstance(error, (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, OSError)):
        return Outcome.CONNECTION
    if isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500:
        return Outcome.PERMANENT
    return Outcome.TRANSIENT


def describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:500]


class Mailer:
    """Sends messages over one connection, reopened after any failure."""

    def __init__(self):
        self.timeout = settings.EMAIL_TIMEOUT
        self._connection = None

    def send(self, message: EmailMessage) -> tuple[Outcome, str]:
        try:
            if self._connection is None:
                self._connection = get_connection(timeout=self.timeout)
                # Opened here, so send_messages keeps it open for the next message.
                self._connection.open()
            self._connection.send_messages([message])
        except (smtplib.SMTPException, OSError) as error:
            self.close()
            return classify(error), describe(error)
        return Outcome.SENT, ""

    def close(self) -> None:
        if self._connection is None:
            return
        try:
            self._connection.close()
        except (smtplib.SMTPException, OSError):
            pass  # the connection is already gone; a new one is opened next time
        self._connection = None
