"""A TCP proxy between the browser and the app server that a test can cut, stall and restore: a phone
that still believes it is online while its weak signal reaches nothing (no `offline` event, no `online`)."""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager


def _reset(sock: socket.socket) -> None:
    """Closes with a TCP reset, as a dropped link looks to the browser (no orderly goodbye)."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()
    except OSError:
        pass


class Proxy:
    """Listens on 127.0.0.1 (a port of its own) and forwards each connection to `target_port`.

    - `cut()`: open connections are reset, and new ones are reset as soon as they are accepted;
    - `stall()`: new connections are accepted and read, and never answered (a link that hangs);
    - `restore()`: stalled connections are reset (the hanging request fails), new ones are forwarded."""

    def __init__(self, target_port: int) -> None:
        self._target = ("127.0.0.1", target_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self._mode = "forward"
        self._lock = threading.Lock()
        self._open: set[socket.socket] = set()
        threading.Thread(target=self._accept, daemon=True).start()

    def cut(self) -> None:
        self._switch("cut")

    def stall(self) -> None:
        self._switch("stall")

    def restore(self) -> None:
        self._switch("forward")

    def close(self) -> None:
        self._switch("closed")
        self._listener.close()

    def _switch(self, mode: str) -> None:
        with self._lock:
            self._mode = mode
            dropped, self._open = self._open, set()
        for sock in dropped:
            _reset(sock)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # Closed.
            with self._lock:
                mode = self._mode
                if mode == "stall":
                    self._open.add(client)
            if mode in ("cut", "closed"):
                _reset(client)
            elif mode == "forward":
                threading.Thread(target=self._connect, args=(client,), daemon=True).start()

    def _connect(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(self._target, timeout=10)
        except OSError:
            _reset(client)
            return
        upstream.settimeout(None)
        with self._lock:
            if self._mode != "forward":
                _reset(client)
                _reset(upstream)
                return
            self._open.update((client, upstream))
        threading.Thread(target=self._pump, args=(upstream, client), daemon=True).start()
        self._pump(client, upstream)

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
            sink.shutdown(socket.SHUT_WR)
        except OSError:
            pass  # Reset by a cut, or by the other side.


@contextmanager
def proxy_to(target_port: int) -> Iterator[Proxy]:
    running = Proxy(target_port)
    try:
        yield running
    finally:
        running.close()
