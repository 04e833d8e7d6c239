"""Real mail servers for the sweep to talk to: aiosmtpd that records, refuses or dawdles, and
a listener that accepts connections and never says a word."""

import email
import socket
import threading
import time

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Mailbox:
    """Accepts mail and keeps it; `refuse` answers every recipient with that SMTP reply;
    `refuse_only` with 550 for those addresses; `delay` seconds are spent before accepting."""

    def __init__(self):
        self.refuse: str | None = None
        self.refuse_only: set[str] = set()
        self.delay = 0.0
        self.messages: list[email.message.Message] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse:
            return self.refuse
        if address in self.refuse_only:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            time.sleep(self.delay)  # blocks the server's loop, as a slow server would
        self.messages.append(email.message_from_bytes(envelope.original_content))
        return "250 Message accepted"

    def to(self, address: str) -> list[email.message.Message]:
        return [m for m in self.messages if address in m["To"]]

    def ids(self) -> list[str]:
        return [m["Message-ID"] for m in self.messages]


def start_mailbox(port: int | None = None) -> tuple[Mailbox, Controller]:
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port or free_port())
    controller.start()
    return mailbox, controller


class SilentServer:
    """Accepts TCP connections and never answers: a mail server that hangs."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(50)
        self.port = self.sock.getsockname()[1]
        self.held: list[socket.socket] = []
        self.accepted = 0
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted += 1
            self.held.append(conn)

    def stop(self):
        self.sock.close()
        for conn in self.held:
            conn.close()


def use_smtp(settings, port: int, timeout: float = 5) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = timeout
