"""A tiny SMTP server on 127.0.0.1 that keeps every message it is given (aiosmtpd), for the
worker test and the sending bench. Nothing leaves the machine."""

import asyncio
import email
import email.policy
import socket
import threading
from collections import Counter

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Handler:
    def __init__(self, sink: "SmtpSink"):
        self.sink = sink

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        if self.sink.delay:
            await asyncio.sleep(self.sink.delay)
        self.sink.received(list(envelope.rcpt_tos), envelope.content)
        return "250 Message accepted for delivery"


class SmtpSink:
    """Start with `start()`, stop with `stop()`; `keep=False` only counts (for benches)."""

    def __init__(self, *, delay: float = 0.0, keep: bool = True):
        self.delay = delay
        self.keep = keep
        self.port = free_port()
        self.messages: list[email.message.Message] = []
        self.per_address: Counter = Counter()
        self._lock = threading.Lock()
        self._controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)

    def received(self, recipients: list[str], content: bytes) -> None:
        with self._lock:
            self.per_address.update(recipients)
            if self.keep:
                self.messages.append(email.message_from_bytes(content, policy=email.policy.default))

    @property
    def count(self) -> int:
        with self._lock:
            return sum(self.per_address.values())

    def start(self) -> "SmtpSink":
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()
