"""Core statements compiled once for a dialect, with the values turned into the driver's parameters the way
SQLAlchemy would: for code that runs a few fixed statements very often past SQLAlchemy's execution (the unit of
work's direct writers, ``db.direct``)."""

from __future__ import annotations

from typing import Any

# The statements are module-level constants (db.repositories): a few, each compiled once. A caller building its
# statements per call would otherwise grow the cache without end.
MOST_STATEMENTS = 64


class Compiled:
    """One statement compiled: its SQL, and how to turn named values into its positional parameters (defaults of
    literal values filled in, each value through its type's bind processor)."""

    def __init__(self, statement: Any, dialect: Any) -> None:
        compiled = statement.compile(dialect=dialect)
        self.sql = str(compiled)
        self._compiled = compiled
        self._names = tuple(compiled.positiontup or ())
        processors = compiled._bind_processors  # what SQLAlchemy applies to each value (dates as text, blobs)
        self._processors = tuple(processors.get(name) for name in self._names)

    def parameters(self, values: dict[str, Any]) -> tuple[Any, ...]:
        named = self._compiled.construct_params(values)
        return tuple(
            process(named[name]) if process is not None else named[name]
            for name, process in zip(self._names, self._processors, strict=True)
        )


class Statements:
    """Compiled statements by statement, at most ``MOST_STATEMENTS`` of them."""

    def __init__(self, dialect: Any) -> None:
        self._dialect = dialect
        self._compiled: dict[int, tuple[Any, Compiled]] = {}

    def __len__(self) -> int:
        return len(self._compiled)

    def prepare(self, statement: Any, values: dict[str, Any]) -> tuple[str, tuple[Any, ...]]:
        """The SQL and positional parameters for ``statement`` with ``values``."""
        # The statement is kept beside its compiled form so that its id cannot be reused by another object.
        entry = self._compiled.get(id(statement))
        if entry is None or entry[0] is not statement:
            if len(self._compiled) >= MOST_STATEMENTS:
                self._compiled.clear()
            entry = self._compiled[id(statement)] = (statement, Compiled(statement, self._dialect))
        compiled = entry[1]
        return compiled.sql, compiled.parameters(values)
