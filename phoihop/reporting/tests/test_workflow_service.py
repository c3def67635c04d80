"""The one workflow, called directly: what submitting refuses, and returned is never a dead end."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied

from phoihop.accounts import permissions
from phoihop.indicators.models import Section
from phoihop.organisations.models import Organisation
from phoihop.reporting import services, workflow
from phoihop.reporting.models import EntryWindow, Explanation, Status, Submission
from phoihop.reporting.tests.conftest import AFTER_THE_WINDOW

pytestmark = pytest.mark.django_db


def test_it_refuses_a_large_change_without_an_explanation(personas, red_cross) -> None:
    with pytest.raises(workflow.SubmitRefused) as refused:
        workflow.submit_submission(red_cross, user=personas["chuthapdo"])
    (blocker,) = [b for b in refused.value.blockers if b.code == "bien_dong.so_cuu_ca"]
    assert "987.654 ca" in blocker.message and "so với 6 tháng cuối năm 2019" in blocker.message
    assert "biến động lớn, cần giải trình" in refused.value.message
    red_cross.refresh_from_db()
    assert red_cross.status == Status.DRAFT


def test_it_submits_once_the_change_is_explained(personas, red_cross) -> None:
    submitted = workflow.submit_submission(
        red_cross,
        user=personas["chuthapdo"],
        explanations={"bien_dong.so_cuu_ca": "Đợt sơ cứu lũ lụt tháng 10."},
    )
    assert submitted.status == Status.SUBMITTED
    stored = Explanation.objects.get(submission=red_cross, rule_code="bien_dong.so_cuu_ca")
    assert stored.text == "Đợt sơ cứu lũ lụt tháng 10."


def test_it_lists_every_reason_at_once(personas, red_cross) -> None:
    section = red_cross.form.sections.filter(has_narrative=True).order_by("order").first()
    Section.objects.filter(pk=section.pk).update(narrative_required=True)
    with pytest.raises(workflow.SubmitRefused) as refused:
        workflow.submit_submission(red_cross, user=personas["chuthapdo"])
    codes = {b.code for b in refused.value.blockers}
    assert {"bien_dong.so_cuu_ca", f"thuyet_minh.{section.code}"} <= codes
    assert f"«{section.heading}» bắt buộc có thuyết minh" in refused.value.message


def test_a_change_within_the_threshold_needs_no_explanation(personas) -> None:
    organisation = Organisation.objects.get(unit__code="698", kind__code="ctd")
    submission = services.start_submission(
        user=personas["chuthapdo"], organisation=organisation, period="2020S2"
    )
    submission = services.save_submission(
        submission, user=personas["chuthapdo"], figures={"so_cuu_ca": "100"}
    )
    assert workflow.large_changes(submission, {"so_cuu_ca": 100}) == []


def test_only_the_office_reviews(personas, red_cross) -> None:
    workflow.submit_submission(
        red_cross, user=personas["chuthapdo"], explanations={"bien_dong.so_cuu_ca": "Lũ."}
    )
    for name in ("chuthapdo", "nongdan", "thanhvien", "tinh"):
        with pytest.raises(PermissionDenied):
            workflow.accept_submission(red_cross, user=personas[name])


def test_returned_stays_open_for_its_reporter_after_the_window(personas, red_cross) -> None:
    reporter, office = personas["chuthapdo"], personas["vanphong"]
    workflow.submit_submission(
        red_cross, user=reporter, explanations={"bien_dong.so_cuu_ca": "Lũ."}
    )
    EntryWindow.objects.filter(period="2020S2").delete()
    with time_machine.travel(AFTER_THE_WINDOW, tick=False):
        returned = workflow.return_submission(red_cross, user=office, reason="Sai số ca.")
        assert returned.reopened_until == dt.date(2026, 12, 13)  # a week by default
        assert permissions.write_refusal(reporter, returned) is None
        corrected = services.save_submission(
            returned, user=reporter, figures={"so_cuu_ca": "98"}, reason="Sửa số ca"
        )
        assert workflow.submit_submission(corrected, user=reporter).status == Status.SUBMITTED
    with time_machine.travel(AFTER_THE_WINDOW + dt.timedelta(days=8), tick=False):
        again = workflow.return_submission(
            red_cross, user=office, reason="Thiếu thuyết minh.", open_until=dt.date(2026, 12, 20)
        )
        assert again.reopened_until == dt.date(2026, 12, 20)
    with time_machine.travel(AFTER_THE_WINDOW + dt.timedelta(days=20), tick=False):
        refusal = permissions.write_refusal(reporter, again)
        assert refusal is not None and "hết thời gian nhập liệu" in refusal
        with pytest.raises(services.WorkflowError):
            services.save_submission(again, user=reporter, figures={"so_cuu_ca": "99"})


def test_accepted_is_locked_for_everyone_until_reopened(personas, red_cross) -> None:
    office, admin = personas["vanphong"], personas["quantri"]
    workflow.submit_submission(
        red_cross, user=personas["chuthapdo"], explanations={"bien_dong.so_cuu_ca": "Lũ."}
    )
    accepted = workflow.accept_submission(red_cross, user=office)
    for user in (office, admin, personas["chuthapdo"]):
        with pytest.raises(services.WorkflowError, match="đang khoá"):
            services.save_submission(accepted, user=user, figures={"so_cuu_ca": "1"})
    with pytest.raises(services.WorkflowError, match="lý do"):
        workflow.reopen_submission(accepted, user=office, reason="  ")
    reopened = workflow.reopen_submission(accepted, user=office, reason="Sửa số ca.")
    assert reopened.status == Status.RETURNED and reopened.reopened_until is not None


def test_a_unit_that_did_not_exist_in_the_period_cannot_start(personas) -> None:
    district = Organisation.objects.get(unit__code="698", kind__code="ctd")
    with pytest.raises(services.WorkflowError, match="không tồn tại trong 6 tháng cuối năm 2026"):
        services.start_submission(user=personas["vanphong"], organisation=district, period="2026S2")
    assert not Submission.objects.filter(organisation=district, period="2026S2").exists()


def test_entry_is_offered_only_for_units_that_exist_in_the_period(personas) -> None:
    from phoihop.reporting.selectors import open_entries

    district = Organisation.objects.select_related("unit").get(unit__code="698", kind__code="ctd")
    # On 20/12/2020 the district reports 2020S2; after the 2025 merger it reports nothing.
    offered = open_entries([district], today=dt.date(2020, 12, 20))
    assert "2020S2" in {e["period"].id for e in offered}
    later = {e["period"].id for e in open_entries([district], today=dt.date(2026, 12, 20))}
    assert not later & {"2026S1", "2026S2"}  # only the demo's extension of 2020S2 is left
    EntryWindow.objects.filter(period="2020S2").delete()
    assert open_entries([district], today=dt.date(2026, 12, 20)) == []


def test_the_matrix_of_a_merged_away_unit_says_so(client_for) -> None:
    from django.urls import reverse

    html = client_for("vanphong").get(reverse("reporting:matrix") + "?ky=2026S2").content.decode()
    assert "không tồn tại trong 6 tháng cuối năm 2026" in html
    assert '<th scope="row">Huyện Bù Đăng</th>' not in html


def test_a_returned_report_is_offered_on_the_home_page_after_its_window(personas, red_cross):
    from phoihop.reporting.selectors import open_entries

    workflow.submit_submission(
        red_cross, user=personas["chuthapdo"], explanations={"bien_dong.so_cuu_ca": "Lũ."}
    )
    EntryWindow.objects.filter(period="2020S2").delete()
    day = dt.date(2026, 12, 6)
    assert "2020S2" not in {
        e["period"].id for e in open_entries([red_cross.organisation], today=day)
    }
    with time_machine.travel(AFTER_THE_WINDOW, tick=False):
        workflow.return_submission(red_cross, user=personas["vanphong"], reason="Sai số ca.")
    offered = open_entries([red_cross.organisation], today=day)
    assert [(e["period"].id, e["submission"]) for e in offered if e["period"].id == "2020S2"] == [
        ("2020S2", red_cross)
    ]
    assert open_entries([red_cross.organisation], today=dt.date(2026, 12, 14)) == []
