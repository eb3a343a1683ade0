"""One window per database: a second launch hands its files to the running window (a
double-clicked .jzsub is imported there) and brings it to the front, then exits."""

from __future__ import annotations

import getpass
import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

TIMEOUT_MS = 2000


def server_name(db_path: Path) -> str:
    """A name private to this user and database file."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "user"
    key = hashlib.sha256(f"{user}\n{Path(db_path).resolve()}".encode()).hexdigest()[:16]
    return f"jzdesk-{key}"


def hand_off(name: str, files: list[Path]) -> bool:
    """Send ``files`` to the window already running under ``name``; False if none runs."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    message = json.dumps({"files": [str(Path(f).resolve()) for f in files]}).encode() + b"\n"
    socket.write(message)
    socket.waitForBytesWritten(TIMEOUT_MS)
    socket.waitForReadyRead(TIMEOUT_MS)  # the window answers once it has the message
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later launches; ``files_received`` carries what they asked to open."""

    files_received = Signal(list)

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self._server.listen(name):
            # A stale socket left by a crashed window: nobody answered hand_off, so take it.
            QLocalServer.removeServer(name)
            self._server.listen(name)
        self._server.newConnection.connect(self._accept)

    def is_listening(self) -> bool:
        return self._server.isListening()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        try:
            files = json.loads(bytes(socket.readLine()).decode("utf-8")).get("files", [])
        except (ValueError, AttributeError):
            files = []
        socket.write(b"ok\n")
        socket.flush()
        socket.disconnectFromServer()
        self.files_received.emit([Path(f) for f in files if isinstance(f, str)])
