import pytest


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    settings.PHOIHOP_CACHE_DIR = tmp_path / "cache"
    settings.PHOIHOP_JOBS_DIR = tmp_path / "jobs"


@pytest.fixture(autouse=True)
def worker_keeps_the_test_connection(monkeypatch):
    """The worker closes old database connections between tasks, as a process of its own
    should; run inside a test, that would close the test's transaction on PostgreSQL."""
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
