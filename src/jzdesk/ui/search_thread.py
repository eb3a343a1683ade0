"""A thread of the window for the ledger's slow reads: a search's pages and a 合计 that
needs a pass over the records arrive by signal, and the window takes keys meanwhile."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal, Slot

from jzdesk.usecases.search_reader import SearchReader

_ATTEMPTS = 3  # a stop meant for the read before may still catch the next one's start


class _Reads(QObject):
    """Lives on the reading thread and answers one ask at a time, in the order asked;
    an ask already superseded when its turn comes is skipped."""

    page_read = Signal(int, object, object, int, object)  # ticket, spec, page, offset, records
    totals_read = Signal(int, object)  # ticket, the 合计
    failed = Signal(int, object)  # ticket, the exception

    def __init__(self, reader: SearchReader, newest):
        super().__init__()
        self._reader = reader
        self._newest = newest  # the newest ticket, read from this thread

    @Slot(int, object, object, int, bool)
    def read(self, ticket, spec, page, offset, totals) -> None:
        try:
            every_match = None
            if page is not None:
                sort, descending, limit = page
                rows = self._wanted(
                    ticket,
                    lambda: self._reader.page(
                        spec, sort=sort, descending=descending, limit=limit, offset=offset
                    ),
                )
                if rows is None:
                    return
                self.page_read.emit(ticket, spec, page, offset, rows)
                every_match = rows if offset == 0 and len(rows) < limit else None
            if totals:
                answer = self._wanted(ticket, lambda: self._reader.totals(spec, every_match))
                if answer is not None:
                    self.totals_read.emit(ticket, answer)
        except Exception as error:  # the window reports it as its own error
            self.failed.emit(ticket, error)

    def _wanted(self, ticket, read):
        """``read()``'s answer while ``ticket`` is the newest ask, else None. A read cut
        short though still wanted was caught by a stop meant for the one before: again."""
        for _ in range(_ATTEMPTS):
            if ticket != self._newest():
                return None
            answer = read()
            if answer is not None:
                return answer
        return None


class SearchThread(QObject):
    """Asks for the ledger's slow reads on a thread with its own read-only connection to
    the database at ``path``; only what was asked since the newest ``ask`` is answered.

    Each ask (or ``forget``) stops the read running for an earlier one, so the thread is
    free at once. ``close`` must be called before the window lets go of the database.
    """

    # The RecordFilter, the page (sort key, descending, how many), its offset, the records.
    page_read = Signal(object, object, int, object)
    totals_read = Signal(object)  # the 合计 of the RecordFilter asked about
    _asked = Signal(int, object, object, int, bool)

    def __init__(self, path, parent=None):
        super().__init__(parent)
        self._ticket = 0
        self._closed = False
        self._reader = SearchReader(path)
        self._thread = QThread(self)
        self._thread.setObjectName("ledger reads")
        self._reads = _Reads(self._reader, lambda: self._ticket)
        self._reads.moveToThread(self._thread)
        self._asked.connect(self._reads.read)
        self._reads.page_read.connect(self._page_read)
        self._reads.totals_read.connect(self._totals_read)
        self._reads.failed.connect(self._failed)

    def ask(self, spec, *, page: tuple[str, bool, int] | None = None) -> None:
        """Read the 合计 of ``spec`` (RecordFilter), after its first records when ``page``
        (sort key, descending, how many) is given: page_read, then totals_read."""
        self.forget()
        self._send(spec, page, 0, totals=True)

    def read_more(self, spec, page: tuple[str, bool, int], offset: int) -> None:
        """Read the page of ``spec`` that starts at ``offset`` (the list scrolled down to
        it), after what was asked before: page_read."""
        self._send(spec, page, offset, totals=False)

    def _send(self, spec, page, offset: int, *, totals: bool) -> None:
        if self._closed:  # a search timer firing as the window closes asks for nothing
            return
        if not self._thread.isRunning():
            self._thread.start()
        self._asked.emit(self._ticket, spec, page, offset, totals)

    def forget(self) -> None:
        """Drop whatever was asked before (the user typed on, or the window read it itself)."""
        self._ticket += 1
        self._reader.stop()

    def close(self) -> None:
        """Stop the running read and end the thread; returns once its connection is closed.
        Nothing asked afterwards is read (the thread is never started again)."""
        self._closed = True
        self.forget()
        self._thread.quit()
        self._thread.wait()
        self._reader.close()

    def _page_read(self, ticket, spec, page, offset, rows) -> None:
        if ticket == self._ticket:
            self.page_read.emit(spec, page, offset, rows)

    def _totals_read(self, ticket, totals) -> None:
        if ticket == self._ticket:
            self.totals_read.emit(totals)

    def _failed(self, ticket, error) -> None:
        if ticket == self._ticket:
            raise error  # on the window's thread: a KnownError's message or the bug report
