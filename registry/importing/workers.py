"""Reading and checking the rows of a file, in the importing process or in a worker process.

Reading, normalising and checking a record and hashing its content touch no database, so for
a large file a worker process does them while the importing process writes the batches:
on a machine with two or more cores the two halves of the work run at the same time. The
worker is forked from the importing process (it has the same settings, language and
mapping), sends the checked rows in file order, a chunk at a time, through a bounded queue
(memory stays flat however far ahead it is), and never touches the database. Whatever goes
wrong in it (a whole-file error, a bug, the process being killed) stops the import with an
error in the importing process; batches written before are complete, as after any crash.
"""

import multiprocessing
import os
import queue
import sys
import threading
import traceback
from dataclasses import dataclass

from django.utils.translation import gettext as _

from search.documents import analysed

from .errors import ImportFileError, RowInvalid, WorkerError

#: Files with fewer records are checked in the importing process: a worker would not pay off.
MIN_WORKER_ROWS = 2000
#: Rows sent per message, and messages waiting in the queue at most.
CHUNK_ROWS = 250
QUEUE_CHUNKS = 16
#: Seconds between checks that the process at the other end of the queue is still alive.
POLL_SECONDS = 1.0
#: The worker's thread switch interval (see _check_in_worker).
SWITCH_SECONDS = 0.0002


@dataclass
class Checked:
    """One row of the file after the checks: a record, or the reasons it is skipped."""

    row: int
    line: int
    register_id: str
    record: object = None  # a records.Record, when the row passed every check
    errors: tuple = ()  # (field, message) pairs, when it did not
    columns: tuple = ()  # every column the reader knows, when this row added some


def check_rows(reader, builder, *, analyse=False):
    """The rows of the file, checked one by one in this process, in file order.

    With ``analyse``, each record also carries the search terms of its texts
    (``Record.terms``, see :func:`analyse_texts`).
    """
    known = 0
    for raw in reader:
        columns = ()
        if len(reader.columns) > known:
            columns = tuple(reader.columns)
            known = len(columns)
        try:
            record = builder.build(raw)
        except RowInvalid as invalid:
            errors = tuple((error.field, error.message) for error in invalid.errors)
            yield Checked(raw.row, raw.line, invalid.register_id, errors=errors, columns=columns)
            continue
        if analyse:
            record.terms = analyse_texts(record)
        yield Checked(raw.row, raw.line, record.register_id, record=record, columns=columns)


def analyse_texts(record):
    """The readers' search terms of every text of ``record``, by text.

    Analysing text (word forms, transliterations) is most of the work of building the search
    documents of new records, and needs no database: done here, in the checking process, it
    runs beside the writing. The documents are still built from the rows as stored
    (search.documents.known_terms); a text this misses is analysed there.
    """
    texts = [record.register_id, record.fields.get("inventory_number")]
    for values in record.texts.values():
        texts += values
    for maker in record.makers:
        texts += [*maker["names"].values(), *maker["roles"].values()]
    for inscription in record.inscriptions:
        texts += [inscription["transcription"], *inscription["translations"].values()]
    return {text: analysed(text) for text in texts if isinstance(text, str) and text}


def use_worker(workers, total):
    """Whether to check in a worker process: ``workers`` is 0, 1 or None (decide)."""
    if workers == 0 or "fork" not in multiprocessing.get_all_start_methods():
        return False
    if workers is None:
        # Forking a process that runs other threads could copy a lock some thread holds.
        return total >= MIN_WORKER_ROWS and _cpus() > 1 and threading.active_count() == 1
    return True


def _cpus():
    """The number of processors this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class CheckingProcess:
    """Checks the rows of a file in a worker process; iterating yields them in file order."""

    def __init__(self, reader, builder, *, analyse=False):
        # Forked, so that the worker has this process's settings, language and mapping.
        context = multiprocessing.get_context("fork")
        self.queue = context.Queue(maxsize=QUEUE_CHUNKS)
        self.process = context.Process(
            target=_check_in_worker,
            args=(reader, builder, self.queue, os.getpid(), analyse),
            name="import-checks",
            daemon=True,
        )

    def __enter__(self):
        self.process.start()
        return self

    def __exit__(self, *exc_info):
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self.queue.close()

    def __iter__(self):
        while True:
            kind, payload = self._receive()
            if kind == "rows":
                yield from payload
            elif kind == "end":
                return
            elif kind == "fatal":
                message, line = payload
                raise ImportFileError(message, line=line)
            else:
                raise WorkerError(
                    _("The worker process that checks the records failed:\n%(error)s")
                    % {"error": payload}
                )

    def _receive(self):
        while True:
            try:
                return self.queue.get(timeout=POLL_SECONDS)
            except queue.Empty:
                if self.process.is_alive():
                    continue
            try:
                # Everything the worker sent is in the pipe before it exits.
                return self.queue.get(block=False)
            except queue.Empty:
                raise WorkerError(
                    _(
                        "The worker process that checks the records stopped unexpectedly "
                        "(exit code %(code)s). The batches written so far are complete; "
                        "run the import again to finish it."
                    )
                    % {"code": self.process.exitcode}
                ) from None


def _check_in_worker(reader, builder, channel, parent, analyse):
    """The worker's whole life: send chunks of checked rows, then how the file ended."""

    def send(kind, payload=None):
        while True:
            try:
                channel.put((kind, payload), timeout=POLL_SECONDS)
                return
            except queue.Full:
                if os.getppid() != parent:  # the importing process is gone
                    os._exit(1)

    # The queue's feeder thread writes each chunk to the pipe a pipe buffer at a time, and
    # needs the interpreter lock for every write: with the default switch interval (5 ms) it
    # waits behind the checking for most of them, and the importing process with it.
    sys.setswitchinterval(SWITCH_SECONDS)
    try:
        chunk = []
        for checked in check_rows(reader, builder, analyse=analyse):
            chunk.append(checked)
            if len(chunk) >= CHUNK_ROWS:
                send("rows", chunk)
                chunk = []
        send("rows", chunk)
        send("end")
    except ImportFileError as error:
        send("fatal", (error.message, error.line))
    except KeyboardInterrupt:
        pass  # the importing process was interrupted too, and stops the import
    except Exception:
        send("error", traceback.format_exc())
