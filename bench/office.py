"""What the office waits for besides pivots, on the demo district: the report preview (as the
browser asks for it, warm) and saving one figure through the entry service (time and queries).

Only public entry points are used (the preview's URL, `reporting.services.save_submission`), so
this keeps measuring whatever they become. Run through `python -m bench`.
"""

from __future__ import annotations

import datetime as dt
import re

from bench.timing import best_of

NEEDS_DEMO = True
# Inside 2020S2's own entry window: a save asks no extension.
IN_THE_WINDOW = dt.datetime(2020, 12, 20, 10, 0, tzinfo=dt.UTC)
_TRANSACTION = re.compile(r"\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT)\b", re.I)


def preview() -> dict:
    """The report preview of Bù Đăng 2020S1 for its office, warm: best time and size."""
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from phoihop.accounts.models import User
    from phoihop.documents.pdf import soffice_available
    from phoihop.places.models import Unit

    if not soffice_available():
        print("  (LibreOffice is not installed: no preview measure)")
        return {"preview_ms": None, "preview_bytes": None}
    try:
        setup_test_environment()
    except RuntimeError:
        pass  # already set up by the documents' own measures in this process
    client = Client()
    client.force_login(User.objects.get(username="vanphong"))
    url = reverse("documents:preview", args=[Unit.objects.get(code="698").pk, "2020S1"])
    sizes = []

    def ask() -> None:
        # The preview is asked with a POST (it may start a job); a cached one answers at once.
        response = client.post(url, HTTP_HX_REQUEST="true")
        assert response.status_code == 200, response.status_code
        sizes.append(len(response.content))

    (ms,) = best_of([ask], rounds=2, repeats=2)
    return {"preview_ms": ms, "preview_bytes": sizes[-1]}


def save_one() -> dict:
    """One figure of a draft saved through the entry service: best time and its queries, the
    transaction's own BEGIN (which Django logs on SQLite) and COMMIT left out and printed."""
    import time_machine
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from phoihop.accounts.models import User
    from phoihop.organisations.models import Organisation
    from phoihop.reporting import services

    user = User.objects.get(username="chuthapdo")
    organisation = Organisation.objects.get(unit__code="698", kind__code="ctd")
    with time_machine.travel(IN_THE_WINDOW, tick=True):
        submission = services.start_submission(
            user=user, organisation=organisation, period="2020S2"
        )
        value = [0]

        def save() -> None:
            value[0] += 1
            services.save_submission(submission, user=user, figures={"so_cuu_ca": str(value[0])})

        (ms,) = best_of([save])
        with CaptureQueriesContext(connection) as context:
            save()
    queries = [q["sql"] for q in context.captured_queries]
    statements = [q for q in queries if not _TRANSACTION.match(q)]
    print(
        f"  save one figure: {ms:.2f} ms, {len(statements)} queries "
        f"(+{len(queries) - len(statements)} of transaction control: BEGIN, COMMIT)",
        flush=True,
    )
    return {"save_one_ms": ms, "save_one_queries": len(statements)}
