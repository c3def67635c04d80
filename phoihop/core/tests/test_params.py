import pytest

from phoihop.core.params import parse_id, parse_year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3", 3),
        (" 42 ", 42),
        ("", None),
        (None, None),
        ("abc", None),
        ("-1", None),
        ("0", None),
        ("1.5", None),
        ("١٢", None),
        ("99999999999999999999999", None),
        (str(2**63 - 1), 2**63 - 1),
    ],
)
def test_it_reads_an_id_or_nothing(text, expected):
    assert parse_id(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020", 2020),
        (" 2021 ", 2021),
        ("", 2019),
        (None, 2019),
        ("1999", 2019),  # before anything phoihop keeps
        ("2100", 2019),
        ("20200", 2019),
        ("٢٠٢٠", 2019),  # digits of another script
        ("2020.0", 2019),
    ],
)
def test_it_reads_a_year_or_the_default(text, expected):
    assert parse_year(text, 2019) == expected


def test_the_year_in_an_address_is_the_year_a_query_string_reads() -> None:
    from django.urls import Resolver404, resolve

    assert resolve("/chuong-trinh/excel/1/2020/").kwargs["year"] == 2020
    for wrong in ("1999", "2100", "99999"):
        with pytest.raises(Resolver404):
            resolve(f"/chuong-trinh/excel/1/{wrong}/")
