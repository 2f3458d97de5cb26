"""Real concurrent transactions for race tests: each call in its own thread and connection.

``at_once`` starts the calls together behind a barrier. ``overlapping`` forces the interleaving
that loses updates: ``first`` runs in a transaction that stays open until ``second`` has read the
same rows and is waiting for a lock (PostgreSQL) or has finished (SQLite refuses a second writer
at once). ``second`` therefore reads what was committed before ``first`` wrote, as two people
who opened the same page do.

A call's outcome is its return value or the exception it raised. Thread-local state (the active
language, the database connection) starts fresh in each thread; connections are closed at the
end so the test database can be dropped.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from django.db import connection, connections, transaction

TIMEOUT = 30.0


def _close() -> None:
    for conn in connections.all():
        conn.close()


def at_once(*calls: Callable[[], Any]) -> list[Any]:
    """Run the calls in parallel threads released together; their outcomes, in order."""
    barrier = threading.Barrier(len(calls))
    outcomes: list[Any] = [None] * len(calls)

    def run(index: int, call: Callable[[], Any]) -> None:
        try:
            barrier.wait(timeout=TIMEOUT)
            outcomes[index] = call()
        except Exception as exc:  # noqa: BLE001 - the outcome under test
            outcomes[index] = exc
        finally:
            _close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=TIMEOUT * 2)
    assert not any(t.is_alive() for t in threads), "a racing call never finished"
    return outcomes


def _someone_waits_for_a_lock() -> bool:
    """Whether another session of this test database is blocked on a lock (PostgreSQL)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")  # fresh figures inside a transaction
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0] > 0


def overlapping(
    first: Callable[[], Any],
    second: Callable[[], Any],
    *,
    then: Callable[[], Any] | None = None,
) -> tuple[Any, Any]:
    """Outcomes of ``first`` and ``second``, ``second`` reading while ``first`` is uncommitted.

    ``then`` runs in ``first``'s transaction once ``second`` is waiting, before the commit (an
    exception there rolls ``first`` back and is its outcome).
    """
    first_done, second_done = threading.Event(), threading.Event()
    outcomes: list[Any] = [None, None]

    def run_first() -> None:
        try:
            with transaction.atomic():
                outcomes[0] = first()
                first_done.set()
                deadline = time.monotonic() + TIMEOUT
                while not second_done.is_set() and time.monotonic() < deadline:
                    if connection.vendor == "postgresql" and _someone_waits_for_a_lock():
                        time.sleep(0.05)  # let the waiter settle on the lock, then commit
                        break
                    time.sleep(0.01)
                if then is not None:
                    then()
        except Exception as exc:  # noqa: BLE001 - the outcome under test
            outcomes[0] = exc
        finally:
            first_done.set()
            _close()

    def run_second() -> None:
        try:
            first_done.wait(timeout=TIMEOUT)
            outcomes[1] = second()
        except Exception as exc:  # noqa: BLE001 - the outcome under test
            outcomes[1] = exc
        finally:
            second_done.set()
            _close()

    threads = [threading.Thread(target=run_first), threading.Thread(target=run_second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=TIMEOUT * 2)
    assert not any(t.is_alive() for t in threads), "a racing call never finished"
    return outcomes[0], outcomes[1]
