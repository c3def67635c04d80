"""The pivot's figures against sums computed by hand from the raw values."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.http import QueryDict

from phoihop.analytics.cells import tidy
from phoihop.analytics.pivot import run_pivot
from phoihop.analytics.pivot_query import parse_pivot_params
from phoihop.indicators.models import Indicator
from phoihop.places.models import Unit
from phoihop.reporting.models import FigureValue, Status

pytestmark = pytest.mark.django_db


def by_hand(code: str, *, path: str, periods: list[str], kinds: list[str] | None = None) -> list:
    values = FigureValue.objects.filter(
        indicator__code=code,
        submission__organisation__unit__path__startswith=path,
        submission__period__in=periods,
        submission__status=Status.ACCEPTED,  # only accepted data leaves the system
        value__isnull=False,
    )
    if kinds:
        values = values.filter(submission__organisation__kind__code__in=kinds)
    return [v.value for v in values]


def pivot(user, query: str):
    q = parse_pivot_params(QueryDict(query), user=user)
    assert q.errors == ()
    return run_pivot(q, user=user)


def test_it_sums_each_commune_and_the_district(personas) -> None:
    result = pivot(personas["quantri"], "chi_tieu=tt_qp_luot&don_vi=698&theo=cap_duoi&ky=2020S1")
    communes = Unit.objects.filter(parent__code="698")
    for row in result.rows:
        if row.is_own:
            continue
        unit = communes.get(code=row.key)
        assert row.cells[0] == sum(by_hand("tt_qp_luot", path=unit.path, periods=["2020S1"]))
    district = Unit.objects.get(code="698")
    assert result.total.cells[0] == sum(
        by_hand("tt_qp_luot", path=district.path, periods=["2020S1"])
    )
    assert sum(r.cells[0] or 0 for r in result.rows) == result.total.cells[0]


def test_it_rolls_two_halves_into_their_year(personas) -> None:
    district = Unit.objects.get(code="698")
    year = pivot(personas["quantri"], "chi_tieu=tt_qp_cuoc&don_vi=698&theo=don_vi&ky=2019")
    halves = by_hand("tt_qp_cuoc", path=district.path, periods=["2019S1", "2019S2"])
    assert year.rows[0].cells[0] == sum(halves)
    assert year.query.periods[0].kind == "year"


def test_it_averages_from_sums_and_counts(personas) -> None:
    code = Indicator.objects.filter(aggregation="average", formula="").values_list(
        "code", flat=True
    )[0]
    district = Unit.objects.get(code="698")
    values = by_hand(code, path=district.path, periods=["2020S1"])
    result = pivot(personas["quantri"], f"chi_tieu={code}&don_vi=698&theo=don_vi&ky=2020S1")
    assert values
    assert result.rows[0].cells[0] == (sum(values) / len(values)).quantize(Decimal("0.01"))


def test_it_computes_ratios_from_their_parts_never_averaging_percentages(personas) -> None:
    ratio = Indicator.objects.get(formula="tt_qp_thanh_nien / tt_qp_luot * 100")
    district = Unit.objects.get(code="698")
    part = sum(by_hand("tt_qp_thanh_nien", path=district.path, periods=["2020S1"]))
    whole = sum(by_hand("tt_qp_luot", path=district.path, periods=["2020S1"]))
    result = pivot(personas["quantri"], f"chi_tieu={ratio.code}&don_vi=698&theo=cap_duoi&ky=2020S1")
    assert result.total.cells[0] == (part / whole * 100).quantize(Decimal("0.01"))
    mean_of_rows = sum(r.cells[0] for r in result.rows if r.cells[0]) / len(result.rows)
    assert result.total.cells[0] != mean_of_rows.quantize(Decimal("0.01"))


def test_it_filters_by_kind_of_organisation(personas) -> None:
    district = Unit.objects.get(code="698")
    result = pivot(
        personas["quantri"], "chi_tieu=tt_qp_luot&don_vi=698&theo=don_vi&ky=2020S1&loai=ctd,nd"
    )
    expected = sum(
        by_hand("tt_qp_luot", path=district.path, periods=["2020S1"], kinds=["ctd", "nd"])
    )
    assert result.rows[0].cells[0] == expected
    by_kind = pivot(
        personas["quantri"], "chi_tieu=tt_qp_luot&don_vi=698&ky=2020S1&hang=to_chuc&loai=ctd,nd"
    )
    assert [r.key for r in by_kind.rows] == ["ctd", "nd"]
    assert by_kind.rows[0].cells[0] == sum(
        by_hand("tt_qp_luot", path=district.path, periods=["2020S1"], kinds=["ctd"])
    )
    assert by_kind.total.cells[0] == expected


def test_it_shows_old_figures_under_the_new_units_only_on_request(personas) -> None:
    new = Unit.objects.get(code="25481")  # Bù Đăng commune of 2025: Đức Phong, Đoàn Kết, Minh Hưng
    olds = Unit.objects.filter(successors=new)
    expected = sum(sum(by_hand("tt_qp_luot", path=u.path, periods=["2020S1"])) for u in olds)
    plain = pivot(personas["quantri"], "chi_tieu=tt_qp_luot&don_vi=25481&theo=don_vi&ky=2020S1")
    assert plain.rows[0].cells[0] is None
    merged = pivot(
        personas["quantri"], "chi_tieu=tt_qp_luot&don_vi=25481&theo=don_vi&ky=2020S1&gop_moi=1"
    )
    assert merged.rows[0].cells[0] == expected
    province = pivot(
        personas["quantri"], "chi_tieu=tt_qp_luot&don_vi=75&theo=cap_duoi&ky=2020S1&gop_moi=1"
    )
    assert len(province.rows) == 6
    district = Unit.objects.get(code="698")
    assert province.total.cells[0] == sum(
        by_hand("tt_qp_luot", path=district.path, periods=["2020S1"])
    )


def test_it_explains_bad_parameters_in_vietnamese(personas) -> None:
    q = parse_pivot_params(
        QueryDict("chi_tieu=khong_co&don_vi=XYZ&ky=2020S9&hang=abc&theo=x&loai=zz"),
        user=personas["vanphong"],
    )
    assert len(q.errors) == 6
    assert q.unit.code == "698"
    run_pivot(q, user=personas["vanphong"])


def test_it_sums_the_units_own_organisations_into_their_own_row(personas) -> None:
    district = Unit.objects.get(code="698")
    own = FigureValue.objects.filter(
        indicator__code="tt_qp_luot",
        submission__organisation__unit=district,
        submission__period__in=["2020S1", "2020S2"],
        submission__status=Status.ACCEPTED,  # only accepted data leaves the system
        value__isnull=False,
    ).values_list("value", flat=True)
    assert own
    for username in ("quantri", "vanphong"):
        result = pivot(personas[username], "chi_tieu=tt_qp_luot&don_vi=698&theo=cap_duoi&ky=2020")
        own_row = next(r for r in result.rows if r.is_own)
        assert own_row.cells[0] == sum(own)
        assert sum(r.cells[0] or 0 for r in result.rows) == result.total.cells[0]


def test_it_sums_only_the_reporters_own_figures_over_a_year(personas) -> None:
    reporter = personas["chuthapdo"]
    values = FigureValue.objects.filter(
        submission__organisation=reporter.organisation,
        submission__period__in=["2020S1", "2020S2"],
        value__isnull=False,
        indicator__aggregation="sum",
    )
    code = values.values_list("indicator__code", flat=True).first()
    mine = [v.value for v in values.filter(indicator__code=code)]
    assert mine
    result = pivot(reporter, f"chi_tieu={code}&don_vi=698&theo=don_vi&ky=2020")
    assert result.rows[0].cells[0] == sum(mine)


def test_it_sees_a_changed_or_new_indicator_at_once(personas) -> None:
    pivot(personas["quantri"], "chi_tieu=tt_qp_luot&don_vi=698&ky=2020S1")  # fills the cache
    indicator = Indicator.objects.get(code="tt_qp_luot")
    indicator.name = "Lượt người nghe tuyên truyền"
    indicator.save()
    result = pivot(personas["quantri"], "chi_tieu=tt_qp_luot&don_vi=698&ky=2020S1")
    assert result.query.indicators[0].name == "Lượt người nghe tuyên truyền"
    # Created without signals (as another process would, unseen by this one): still found.
    Indicator.objects.bulk_create([Indicator(code="moi_tao", name="Mới tạo", unit_label="lượt")])
    result = pivot(personas["quantri"], "chi_tieu=moi_tao&don_vi=698&ky=2020S1")
    assert result.query.indicators[0].code == "moi_tao"
    assert result.rows[0].cells[0] is None


def test_every_summed_cell_is_shown_without_stored_zeros_however_it_was_added(personas) -> None:
    # 0.45 and 0.55 in turn (neither exact in binary, as SQLite sums in floating point), so
    # that adding them (halves into a year, kinds together, the unit's own organisations, a
    # reporter's raw figures) makes whole numbers as well as fractions: each must come out as
    # 1234 or 1234.45, never as 1234.0, 1234.4500 or 1234.45000000000.
    theirs = (
        FigureValue.objects.filter(
            submission__organisation=personas["chuthapdo"].organisation,
            indicator__aggregation="sum",
            indicator__formula="",
            value__isnull=False,
        )
        .values_list("indicator__code", flat=True)
        .first()
    )
    codes = ["tt_qp_luot", theirs]  # the command's, and one the Red Cross reporter sees
    for figure in FigureValue.objects.filter(
        indicator__code__in=codes,
        submission__period__in=["2020S1", "2020S2"],
        value__isnull=False,
    ).order_by("pk"):
        figure.value += Decimal("0.45") if figure.pk % 2 else Decimal("0.55")
        figure.save()
    district = Unit.objects.get(code="698")
    layouts = [
        "theo=cap_duoi&ky=2020",
        "theo=cap_duoi&ky=2020S1,2020S2",
        "theo=cap_duoi&ky=2020&loai=ctd,nd,pn",
        "theo=don_vi&ky=2020S1,2020S2&hang=to_chuc",
        "theo=don_vi&ky=2020S1..2020S2&hang=ky",
        "theo=cap_duoi&ky=2020&gop_moi=1",
    ]
    whole = 0
    for username in ("quantri", "vanphong", "chuthapdo", "tinh"):
        for layout in layouts:
            result = pivot(personas[username], f"chi_tieu={','.join(codes)}&don_vi=698&{layout}")
            if "cap_duoi" in layout and "gop_moi" not in layout:
                # The communes and the district's own organisations add up to the district.
                for i, district_cell in enumerate(result.total.cells):
                    assert sum(r.cells[i] or 0 for r in result.rows) == (district_cell or 0), (
                        username,
                        layout,
                    )
            cells = [c for r in [*result.rows, result.total] if r for c in r.cells]
            assert any(c is not None for c in cells), (username, layout)
            for cell in cells:
                if cell is not None:
                    assert repr(cell) == repr(tidy(cell)), (username, layout, cell)
                    whole += cell == cell.to_integral_value()
    assert whole  # some sums of halves did come out whole
    year = pivot(personas["quantri"], f"chi_tieu={codes[0]}&don_vi=698&theo=don_vi&ky=2020")
    assert year.rows[0].cells[0] == sum(
        by_hand(codes[0], path=district.path, periods=["2020S1", "2020S2"])
    )


def _own_queries(monkeypatch) -> list:
    from phoihop.analytics import pivot as pivot_module

    calls: list = []
    real = pivot_module._Cube.own_cells

    def spy(self, unit, **kwargs):
        calls.append(unit.code)
        return real(self, unit, **kwargs)

    monkeypatch.setattr(pivot_module._Cube, "own_cells", spy)
    return calls


def test_a_unit_without_figures_of_its_own_is_not_asked_for_them(personas, monkeypatch) -> None:
    calls = _own_queries(monkeypatch)
    bare = (
        Unit.objects.filter(children__isnull=False, organisations__isnull=True)
        .order_by("level")
        .first()
    )
    assert bare is not None
    result = pivot(
        personas["quantri"], f"chi_tieu=tt_qp_luot&don_vi={bare.code}&theo=cap_duoi&ky=2020"
    )
    assert result.total.cells[0]  # figures below it...
    assert not any(r.is_own for r in result.rows)  # ...none of its own
    assert calls == []
    assert sum(r.cells[0] or 0 for r in result.rows) == result.total.cells[0]
    # The district has organisations of its own with figures: they are read, and shown.
    result = pivot(personas["vanphong"], "chi_tieu=tt_qp_luot&don_vi=698&theo=cap_duoi&ky=2020")
    assert calls == ["698"] and any(r.is_own for r in result.rows)


def test_a_child_left_out_of_the_rows_does_not_pass_for_the_units_own_figures(
    personas, monkeypatch
) -> None:
    # A child closed before the period still holds figures for it: the unit's counts then
    # exceed those of its listed children, so its own organisations are asked (they have
    # nothing), and the closed child's figures are not shown as the unit's own.
    calls = _own_queries(monkeypatch)
    bare = (
        Unit.objects.filter(children__isnull=False, organisations__isnull=True)
        .order_by("level")
        .first()
    )
    district = Unit.objects.get(code="698")  # the child on the way to the demo's figures
    closed = Unit.objects.get(parent=bare, pk__in=[district.pk, district.parent_id])
    Unit.objects.filter(pk=closed.pk).update(valid_to="2019-12-31")
    result = pivot(
        personas["quantri"], f"chi_tieu=tt_qp_luot&don_vi={bare.code}&theo=cap_duoi&ky=2020S1"
    )
    assert closed.code not in [r.key for r in result.rows]
    assert calls == [bare.code]
    assert not any(r.is_own for r in result.rows)
    assert result.total.cells[0] == sum(by_hand("tt_qp_luot", path=bare.path, periods=["2020S1"]))


def test_the_header_names_each_indicator_once_over_its_periods(personas) -> None:
    result = pivot(
        personas["quantri"],
        "chi_tieu=tt_qp_luot,tt_qp_cuoc&don_vi=698&theo=cap_duoi&ky=2019S1..2020S2",
    )
    assert [(g["indicator"].code, g["span"]) for g in result.column_groups] == [
        ("tt_qp_luot", 4),
        ("tt_qp_cuoc", 4),
    ]
    one_period = pivot(personas["quantri"], "chi_tieu=tt_qp_luot&don_vi=698&ky=2020S1")
    assert one_period.column_groups == []  # one row of headers is enough


def test_it_lists_every_commune_below_a_province_in_one_query(
    personas, django_assert_max_num_queries
) -> None:
    province = Unit.objects.get(code="70")
    communes = Unit.objects.filter(path__startswith=province.path, level=3)
    with django_assert_max_num_queries(6):
        result = pivot(personas["quantri"], "chi_tieu=tt_qp_luot&don_vi=70&theo=cap_xa&ky=2020S1")
    # The communes two levels down (through the district), each summed from its own values.
    assert [row.key for row in result.rows] == [u.code for u in communes.order_by("path")]
    assert len(result.rows) > 1
    for row in result.rows:
        unit = communes.get(code=row.key)
        expected = by_hand("tt_qp_luot", path=unit.path, periods=["2020S1"])
        assert row.cells[0] == (sum(expected) if expected else None)
    assert result.total.cells[0] == sum(
        by_hand("tt_qp_luot", path=province.path, periods=["2020S1"])
    )
    # The district's own organisations count in the total but in no commune's row: said so.
    assert sum(r.cells[0] or 0 for r in result.rows) < result.total.cells[0]
    assert any("tổ chức cấp trên xã" in note for note in result.notes)


def test_the_one_statement_pivot_shows_the_general_paths_table(personas, monkeypatch) -> None:
    """Readers who see everything below the unit get their table from one statement; it must
    show exactly what the general path (several reads) shows: rows, cells, totals, notes."""
    from phoihop.analytics import pivot_sql

    def table(result) -> tuple:
        rows = [(r.key, r.label, r.cells, r.is_own, r.mark) for r in result.rows]
        total = result.total and (result.total.key, result.total.label, result.total.cells)
        columns = [(c["indicator"].code, c["period"], c["mark"]) for c in result.columns]
        return rows, total, columns, result.notes

    layouts = [
        "don_vi=698&theo=cap_duoi&ky=2020",
        "don_vi=698&theo=cap_duoi&ky=2019S1..2020S2",
        "don_vi=70&theo=cap_xa&ky=2020S1,2020S2",
        "don_vi=70&theo=cap_duoi&ky=2020",
        "don_vi=698&theo=don_vi&ky=2020S1..2020S2&hang=ky",
        "don_vi=698&theo=don_vi&ky=2019,2020",
    ]
    codes = "tt_qp_luot,tt_qp_cuoc"
    compared = 0
    for username in ("quantri", "vanphong", "tinh"):
        for layout in layouts:
            query = parse_pivot_params(
                QueryDict(f"chi_tieu={codes}&{layout}"), user=personas[username]
            )
            if query.errors or not pivot_sql.answers(query, personas[username]):
                continue  # a district's office does not see the province
            one = run_pivot(query, user=personas[username])
            with monkeypatch.context() as patched:
                patched.setattr(pivot_sql, "answers", lambda query, user: False)
                general = run_pivot(query, user=personas[username])
            assert table(one) == table(general), (username, layout)
            assert any(c is not None for r in one.rows for c in r.cells), (username, layout)
            compared += 1
    assert compared >= 12


def test_a_pivot_of_every_commune_is_two_queries(personas, django_assert_max_num_queries) -> None:
    """The unit asked for, then one statement for its rows, their figures and its marks (on
    PostgreSQL that statement streams past Django's query log: one is seen there)."""
    user = personas["quantri"]
    query = "chi_tieu=tt_qp_luot,tt_qp_cuoc&don_vi=70&theo=cap_xa&ky=2019..2020"
    pivot(user, query)  # the catalogue of indicators, read once per process
    with django_assert_max_num_queries(2):
        result = pivot(user, query)
    assert len(result.rows) > 1 and result.total is not None
