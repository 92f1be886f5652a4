"""Moving the whole record in and out: a JSON document, CSV tables, batched inserts.

- ``document``: the full record as one JSON document (experts, questions, every
  forecast, every resolution with its history); export → import into an empty
  database → export gives the same document.
- ``tables``: CSV questions, forecasts and wide expert × question matrices, every row
  validated with its file, line and column named.
- ``bulk``: forecasts inserted in batches through SQLAlchemy Core, inside the caller's
  single transaction.

It lives in ``resolutions`` because it carries resolutions on top of forecasts.
"""
