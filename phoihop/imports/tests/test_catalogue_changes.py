"""An import proposes from the catalogue as it is now, though imports reuse what they read of it."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from phoihop.imports import selectors, services
from phoihop.imports.models import ImportCandidate
from phoihop.indicators.models import Indicator, SectionIndicator

pytestmark = pytest.mark.django_db

REPORT = (
    "BAN CHQS HUYỆN BÙ ĐĂNG\n\nBÁO CÁO\nKết quả phối hợp 6 tháng đầu năm 2021\n\n"
    "II. KẾT QUẢ THỰC HIỆN\n"
    "- Hội Chữ thập đỏ phối hợp tổ chức 21 bếp cơm tình thương tại các trường học; "
    "tuyên truyền được 14 buổi với 1.250 lượt người nghe.\n"
)


def kitchens(user) -> ImportCandidate:
    session = services.create_import_session(user, file_name="bc.txt", data=REPORT.encode())
    return session.candidates.get(text="21 bếp")


def offered(candidate: ImportCandidate) -> list[str]:
    return [code for code, _score in candidate.ranked]


def test_the_next_import_reads_a_changed_catalogue(personas) -> None:
    vanphong = personas["vanphong"]
    before = kitchens(vanphong)
    assert before.proposed_code == "bep_com_so" and before.included

    # Changed without saving a model (no signal): the kitchens' count becomes a computed
    # indicator, which is never imported.
    Indicator.objects.filter(code="bep_com_so").update(formula="bep_com_gia_tri")
    computed = kitchens(vanphong)
    assert computed.proposed_code != "bep_com_so"
    assert "bep_com_so" not in offered(computed)

    Indicator.objects.filter(code="bep_com_so").update(formula="")
    assert kitchens(vanphong).proposed_code == "bep_com_so"

    # The Red Cross's form no longer collects it: it cannot be saved for the Red Cross.
    SectionIndicator.objects.filter(indicator__code="bep_com_so").delete()
    assert "bep_com_so" not in offered(kitchens(vanphong))


def test_a_reworded_indicator_is_read_by_the_next_import(personas) -> None:
    vanphong = personas["vanphong"]
    before = kitchens(vanphong)
    assert before.proposed_code == "bep_com_so"
    indicator = Indicator.objects.get(code="bep_com_so")
    indicator.keywords, indicator.unit_label = "bữa ăn nhân đạo", "suất"
    indicator.save()
    after = kitchens(vanphong)
    assert after.proposed_code != "bep_com_so"
    assert dict(after.ranked).get("bep_com_so", 0) < before.score


def test_an_unchanged_catalogue_is_reused_and_a_changed_one_made_again(personas) -> None:
    first = selectors.import_catalogue([])
    assert selectors.import_catalogue([]).indicators["bep_com_so"] is first.indicators["bep_com_so"]
    Indicator.objects.filter(code="bep_com_so").update(keywords="bếp cơm\nbếp ăn")
    with CaptureQueriesContext(connection) as queries:
        changed = selectors.import_catalogue([])
    assert changed.indicators["bep_com_so"] is not first.indicators["bep_com_so"]
    assert next(k for k in changed.keywords if k.code == "bep_com_so").keywords == [
        "bếp cơm",
        "bếp ăn",
    ]
    # Made again from the rows compared: no more queries than when it is reused.
    with CaptureQueriesContext(connection) as reused:
        selectors.import_catalogue([])
    assert len(queries) == len(reused) == 3


def test_the_catalogue_offers_each_organisation_the_indicators_of_the_form_it_reports(
    personas,
) -> None:
    """The catalogue, read as plain rows, picks for each organisation the form the model says
    it reports (Form.is_reported_by), and offers that form's indicators."""
    from phoihop.indicators.models import Form
    from phoihop.organisations.models import Organisation

    forms = list(
        Form.objects.filter(is_active=True).prefetch_related(
            "organisation_kinds", "sections__indicator_links__indicator"
        )
    )
    organisations = list(Organisation.objects.select_related("unit"))
    catalogue = selectors.import_catalogue(organisations)
    offered = 0
    for organisation in organisations:
        form = next((f for f in forms if f.is_reported_by(organisation)), None)
        expected = {i.code for i in form.indicators()} if form is not None else set()
        assert catalogue.reportable[organisation.pk] == expected, organisation
        offered += bool(expected)
    assert offered  # some organisation reports some form
