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


@pytest.fixture
def streams(monkeypatch) -> list:
    """Calls to psycopg's `stream`, on PostgreSQL; the list stays empty elsewhere."""
    calls: list = []
    if connection.vendor != "postgresql":
        return calls
    import psycopg

    real = psycopg.Cursor.stream

    def spy(self, *args, **kwargs):
        calls.append(kwargs.get("size"))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(psycopg.Cursor, "stream", spy)
    return calls


def test_it_reads_every_row_in_order(streams) -> None:
    with streamed_rows(NUMBERS, [COUNT]) as rows:
        read = [tuple(row) for row in rows]
    assert read == [(i, i * 2) for i in range(1, COUNT + 1)]
    if connection.vendor == "postgresql" and db._chunked_streams():
        assert streams == [STREAM_CHUNK]  # read in chunks, not fetched whole


def test_a_reader_that_stops_half_way_leaves_the_connection_usable() -> None:
    class Enough(Exception):
        pass

    with pytest.raises(Enough), transaction.atomic():
        with streamed_rows(NUMBERS, [COUNT]) as rows:
            for number, _double in rows:
                if number == 10:
                    raise Enough
    with streamed_rows(NUMBERS, [2]) as rows:
        assert [tuple(row) for row in rows] == [(1, 2), (2, 4)]


def test_a_bad_query_raises_djangos_error_and_the_connection_still_answers() -> None:
    with pytest.raises(DatabaseError), transaction.atomic():
        with streamed_rows("SELECT no_such_column FROM places_unit") as rows:
            list(rows)
    with streamed_rows(NUMBERS, [3]) as rows:
        assert [tuple(row) for row in rows] == [(1, 2), (2, 4), (3, 6)]
