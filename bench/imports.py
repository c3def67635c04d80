"""The import of an old report on the demo district: reading the seed report into an import
session (extraction, proposals, one bulk insert), and the review page the office then opens
(time and size, warm). Only public entry points are used (`imports.services`, the page's URL).

Run alone with `python -m bench imports`, or with the documents (`python -m bench documents`).
"""

from __future__ import annotations

from bench.timing import best_of

NEEDS_DEMO = True


def measure() -> dict:
    from django.conf import settings
    from django.test import Client, override_settings
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from phoihop.accounts.models import User
    from phoihop.demo.seed import SEED_REPORT
    from phoihop.imports import services
    from phoihop.imports.models import ImportSession

    user = User.objects.get(username="vanphong")
    data = SEED_REPORT.read_bytes()
    sessions = []

    def create() -> None:
        sessions.append(services.create_import_session(user, file_name="seed.txt", data=data))

    (create_ms,) = best_of([create])
    session = sessions[-1]
    ImportSession.objects.exclude(pk=session.pk).filter(file_name="seed.txt").delete()
    try:
        setup_test_environment()
    except RuntimeError:  # already set up by the preview's measure in the same run
        pass
    client = Client()
    client.force_login(user)
    url = reverse("imports:review", args=[session.pk])
    sizes = []

    def review() -> None:
        response = client.get(url)
        assert response.status_code == 200, response.status_code
        sizes.append(len(response.content))

    # Static files from their folders, as in tests: the bench runs no collectstatic.
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        (review_ms,) = best_of([review], rounds=3)
    result = {
        "create_session_ms": create_ms,
        "figures": session.candidates.count(),
        "review_ms": review_ms,
        "review_bytes": sizes[-1],
    }
    print(
        f"  import the seed report: {create_ms:.1f} ms for {result['figures']} figures;"
        f" review page {review_ms:.1f} ms, {sizes[-1] / 1000:.0f} kB",
        flush=True,
    )
    return result


def run() -> list:
    measure()
    return []
