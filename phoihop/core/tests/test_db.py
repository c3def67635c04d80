"""`streamed_rows` gives every row of a query, in order, on SQLite and on PostgreSQL alike."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from phoihop.core import db
from phoihop.core.db import STREAM_CHUNK, streamed_rows

pytestmark = pytest.mark.django_db
COUNT = STREAM_CHUNK * 2 + 7  # a few chunks and a part of one
NUMBERS = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %s) "
    "SELECT i, i * 2 FROM n ORDER BY i"
)


def test_it_reads_every_row_in_order() -> None:
    with streamed_rows(NUMBERS, [COUNT]) as rows:
        read = [tuple(row) for row in rows]
    assert read == [(i, i * 2) for i in range(1, COUNT + 1)]
    if connection.vendor == "postgresql":
        assert db._chunked_streams()  # the client library streams in chunks: the fast path ran


def test_a_bad_query_raises_djangos_error_and_the_connection_still_answers() -> None:
    with pytest.raises(DatabaseError), transaction.atomic():
        with streamed_rows("SELECT no_such_column FROM places_unit") as rows:
            list(rows)
    with streamed_rows(NUMBERS, [3]) as rows:
        assert [tuple(row) for row in rows] == [(1, 2), (2, 4), (3, 6)]
