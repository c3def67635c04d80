"""The audit on a submission's page: every change, who, when, old → new, and why."""

from __future__ import annotations

import pytest
from django.urls import reverse

from phoihop.organisations.models import Organisation
from phoihop.reporting import services, workflow
from phoihop.reporting.models import Submission
from phoihop.reporting.selectors import audit_trail

pytestmark = pytest.mark.django_db


@pytest.fixture
def worked(personas) -> Submission:
    """The Red Cross's 2020S2: entered, corrected, submitted, returned, submitted, accepted."""
    reporter, office = personas["chuthapdo"], personas["vanphong"]
    organisation = Organisation.objects.get(unit__code="698", kind__code="ctd")
    s = services.start_submission(user=reporter, organisation=organisation, period="2020S2")
    s = services.save_submission(
        s,
        user=reporter,
        figures={"tt_duong_loi_luot": "7.286"},
        narratives={"tuyen_truyen": "Tổ chức nhiều buổi tuyên truyền."},
    )
    s = workflow.submit_submission(s, user=reporter)
    s = workflow.return_submission(s, user=office, reason="Số lượt người chưa khớp.")
    s = services.save_submission(
        s,
        user=reporter,
        figures={"tt_duong_loi_luot": "7.826"},
        narratives={"tuyen_truyen": "Tổ chức 27 buổi tuyên truyền."},
        reason="Sửa theo yêu cầu",
    )
    s = workflow.submit_submission(s, user=reporter)
    return workflow.accept_submission(s, user=office)


def test_it_records_every_figure_change_old_and_new(worked) -> None:
    figures = [e for e in audit_trail(worked) if e.what.startswith("Tuyên truyền đường lối")]
    assert [(e.old, e.new, e.who) for e in figures] == [
        ("", "7.286", "Nguyễn Thị Hồng"),
        ("7.286", "7.826", "Nguyễn Thị Hồng"),
    ]
    assert figures[1].reason == "Sửa theo yêu cầu"


def test_it_records_narrative_changes_as_excerpts(worked) -> None:
    texts = [e for e in audit_trail(worked) if e.what.startswith("Thuyết minh")]
    assert len(texts) == 2
    assert "nhiều" in texts[1].old and "27" in texts[1].new


def test_it_records_every_workflow_step(worked) -> None:
    steps = [e.what for e in audit_trail(worked) if not e.old and not e.new]
    assert steps == ["Tạo báo cáo", "Gửi", "Trả lại", "Gửi", "Duyệt"]
    returned = next(e for e in audit_trail(worked) if e.what == "Trả lại")
    assert returned.reason == "Số lượt người chưa khớp." and returned.who == "Trần Minh Đức"


def test_it_shows_the_audit_to_the_office(client_for, worked) -> None:
    html = (
        client_for("vanphong")
        .get(reverse("reporting:submission_detail", args=[worked.pk]))
        .content.decode()
    )
    assert "Lịch sử thay đổi" in html
    assert '7.286</span> → <span class="new">7.826' in html
    assert "Số lượt người chưa khớp." in html


def test_it_hides_the_audit_from_the_reporter(client_for, worked) -> None:
    html = (
        client_for("chuthapdo")
        .get(reverse("reporting:submission_detail", args=[worked.pk]))
        .content.decode()
    )
    assert "Lịch sử thay đổi" not in html


def test_it_reads_the_audit_in_a_fixed_number_of_queries(
    worked, django_assert_max_num_queries
) -> None:
    with django_assert_max_num_queries(6):
        audit_trail(worked)
