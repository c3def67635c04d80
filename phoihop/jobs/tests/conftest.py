import pytest


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    settings.PHOIHOP_CACHE_DIR = tmp_path / "cache"
    settings.PHOIHOP_JOBS_DIR = tmp_path / "jobs"
