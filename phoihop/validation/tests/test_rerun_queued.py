"""Reruns off the request: the office's "Kiểm tra lại toàn bộ", and the stored verdicts computed
again after a rule or the catalogue changes."""

from __future__ import annotations

import pytest
import yaml
from django.core.management import call_command
from django.urls import reverse

from phoihop.jobs.models import Job, JobState
from phoihop.places.models import Unit
from phoihop.validation import services
from phoihop.validation.models import Rule, ValidationRun
from phoihop.validation.runs import is_stale, latest_run
from phoihop.validation.tests.helpers import rule_form

pytestmark = pytest.mark.django_db

RERUN_ALL = "validation:rerun_all"


@pytest.fixture
def district():
    return Unit.objects.get(code="698")


def _stale(unit) -> None:
    """A figure-free change every run reads: a rule edited (its mark moves)."""
    rule = Rule.objects.filter(unit__isnull=True).first() or Rule.objects.first()
    rule.save()
    assert is_stale(latest_run(unit, "2020S1"))


# Who may ask for it: the standing office (its unit) and the administrator (everything).
ROLES = {
    "vanphong": 302,
    "quantri": 302,
    "chuthapdo": 403,
    "nongdan": 403,
    "ducphong": 403,
    "thanhvien": 403,
    "tinh": 403,
}


@pytest.mark.parametrize(("persona", "status"), ROLES.items())
def test_only_an_office_may_validate_everything_again(client_for, district, persona, status):
    _stale(district)
    response = client_for(persona).post(reverse(RERUN_ALL))
    assert response.status_code == status
    assert Job.objects.filter(kind="validation.all").exists() == (status == 302)
    assert is_stale(latest_run(district, "2020S1")) == (status != 302)


def test_it_is_refused_to_the_anonymous_and_to_a_get(client, client_for):
    response = client.post(reverse(RERUN_ALL))
    assert response.status_code == 302 and "/dang-nhap/" in response.url
    assert client_for("vanphong").get(reverse(RERUN_ALL)).status_code == 405
    assert not Job.objects.exists()


def test_the_office_revalidates_its_own_unit_and_says_so(client_for, district):
    _stale(district)
    province = Unit.objects.get(code="70")
    province_before = latest_run(province, "2020S1")
    client = client_for("vanphong")
    index = client.get(reverse("validation:index")).content.decode()
    assert f'action="{reverse(RERUN_ALL)}"' in index and "Kiểm tra lại toàn bộ" in index

    page = client.post(reverse(RERUN_ALL), follow=True).content.decode()

    job = Job.objects.get(kind="validation.all")
    assert job.state == JobState.DONE and job.unit == district and job.owner.username == "vanphong"
    assert job.message in page and "Đã kiểm tra lại" in job.message
    assert not is_stale(latest_run(district, "2020S1"))
    # The province above is not the district office's to recompute.
    assert latest_run(province, "2020S1") == province_before
    # Nothing changed since: a second click has nothing to do.
    again = client.post(reverse(RERUN_ALL), follow=True).content.decode()
    assert "Mọi kết quả kiểm tra đều đã theo số liệu mới nhất." in again


def test_a_queued_rerun_is_not_queued_twice_and_waits_for_the_worker(
    client_for, district, monkeypatch
):
    from phoihop.validation import tasks

    monkeypatch.setattr(
        services, "validate_everything", tasks.validate_everything.using(backend="database")
    )
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    _stale(district)
    client = client_for("vanphong")
    first = client.post(reverse(RERUN_ALL))
    second = client.post(reverse(RERUN_ALL))
    job = Job.objects.get(kind="validation.all")
    assert first.url == second.url == reverse("jobs:status", args=[job.pk])
    assert job.state == JobState.QUEUED and is_stale(latest_run(district, "2020S1"))

    call_command("db_worker", "--batch", "--backend", "database", "--no-startup-delay", "-v", "0")

    job.refresh_from_db()
    assert job.state == JobState.DONE, job.message
    assert not is_stale(latest_run(district, "2020S1"))


def test_a_saved_rule_recomputes_the_stored_verdicts_in_the_background(client_for, district):
    runs = ValidationRun.objects.count()
    response = client_for("vanphong").post(
        reverse("validation:rule_create"),
        rule_form(save="1"),
        follow=True,
    )
    assert "các kết quả kiểm tra đã có được tính lại" in response.content.decode()
    job = Job.objects.get(kind="validation.rules")
    assert job.state == JobState.DONE and job.owner.username == "vanphong"
    run = latest_run(district, "2020S1")
    assert not is_stale(run) and ValidationRun.objects.count() > runs
    assert run.results.filter(message="Sơ cứu: 118 > 98").exists()


def test_loading_a_changed_catalogue_recomputes_every_stored_verdict(tmp_path, capsys):
    path = tmp_path / "danh-muc.yaml"
    call_command("catalogue", "export", str(path))
    call_command("catalogue", "load", str(path))
    assert "không thay đổi gì" in capsys.readouterr().out
    assert not Job.objects.exists()

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["indicators"][0]["name"] += " (sửa)"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    pairs = set(ValidationRun.objects.values_list("unit_id", "period"))
    before = ValidationRun.objects.count()

    call_command("catalogue", "load", str(path))

    job = Job.objects.get(kind="validation.rules")
    assert job.state == JobState.DONE and job.parameters["every"] is True
    assert ValidationRun.objects.count() == before + len(pairs)


def test_waiting_recomputations_are_shared_but_not_a_stronger_one(personas, monkeypatch):
    from phoihop.validation import tasks

    monkeypatch.setattr(
        services,
        "revalidate_after_rules",
        tasks.revalidate_after_rules.using(backend="database"),
    )
    office = personas["vanphong"]
    after_rule = services.start_revalidation_after_rules(office)
    assert services.start_revalidation_after_rules(office) == after_rule
    after_catalogue = services.start_revalidation_after_rules(office, every=True)
    assert after_catalogue != after_rule and after_catalogue.parameters["every"] is True
    assert services.start_revalidation_after_rules(office, every=True) == after_catalogue
    assert services.start_revalidation_after_rules(personas["quantri"]) != after_rule
