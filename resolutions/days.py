"""``day_number(date)``: a date as a whole number of days, computed by the database.

Scoring needs dates as numbers (to order forecasts and count days). Returning them as
integers from SQL avoids building a million Python ``date`` objects. The expression is
compiled per dialect: ``julianday`` on SQLite, date subtraction on PostgreSQL and others.
Only differences between day numbers are meaningful.
"""

from __future__ import annotations

from sqlalchemy import Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class day_number(FunctionElement):  # noqa: N801 - reads as an SQL function
    type = Integer()
    inherit_cache = True
    name = "day_number"


@compiles(day_number)
def _day_number_default(element, compiler, **kw):
    (date,) = element.clauses
    return f"({compiler.process(date, **kw)} - DATE '1970-01-01')"


@compiles(day_number, "sqlite")
def _day_number_sqlite(element, compiler, **kw):
    (date,) = element.clauses
    return f"CAST(julianday({compiler.process(date, **kw)}) - 2440587.5 AS INTEGER)"
