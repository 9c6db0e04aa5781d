"""The two kinds of import failure: a bad row (reported, skipped) and a bad file (fatal)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    """One reason a row cannot be imported."""

    field: str
    message: str


class RowInvalid(Exception):  # noqa: N818 - a signal, not an error of the program
    """A row fails validation; it is reported and skipped, the rest of the file imports."""

    def __init__(self, errors, register_id=""):
        self.errors = list(errors)
        #: The row's register ID when it is a valid one, for the report.
        self.register_id = register_id
        super().__init__("; ".join(f"{error.field}: {error.message}" for error in self.errors))

    @classmethod
    def single(cls, field, message):
        return cls([FieldError(field, message)])


class ImportFileError(ValueError):
    """The file (or mapping, or option) cannot be read at all; nothing is written.

    ``line`` names the line of the file where reading failed, when there is one;
    ``report`` is the :class:`~registry.importing.report.ImportReport` of the aborted run.
    """

    def __init__(self, message, *, line=None):
        self.message = str(message)
        self.line = line
        self.report = None
        super().__init__(self.message)


class BadValue(ValueError):
    """A value cannot be read; the caller knows which field it belongs to."""

    def __init__(self, message):
        self.message = str(message)
        super().__init__(self.message)


class WorkerError(RuntimeError):
    """The worker process that reads and checks records stopped before the end of the file.

    The batches written before are complete; running the import again finishes it.
    """

    def __init__(self, message):
        self.message = str(message)
        super().__init__(self.message)
