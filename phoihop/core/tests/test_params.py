import pytest

from phoihop.core.params import parse_id


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
