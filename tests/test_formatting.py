"""Dutch number and date formats."""

from datetime import date

import pandas as pd
import pytest

from core.tekst import formatting as fmt


@pytest.mark.parametrize(
    "text, expected",
    [
        (fmt.euro(2_379_949.37), "€ 2.379.949"),
        (fmt.euro(2_379_949.37, 2), "€ 2.379.949,37"),
        (fmt.euro(-415_583), "€ -415.583"),
        (fmt.procent(12.5), "12,5%"),
        (fmt.procent(3.0), "3%"),
        (fmt.procent(20, 0, signed=True), "+20%"),
        (fmt.aandeel(0.125, 1), "12,5%"),
        (fmt.getal(1234567), "1.234.567"),
        (fmt.getal(-52, signed=True), "-52"),
        (fmt.datum(date(2027, 1, 1)), "1 januari 2027"),
        (fmt.datum(pd.Timestamp("2026-05-20")), "20 mei 2026"),
        (fmt.periode("2026-H2"), "2e helft 2026"),
        (fmt.periode_zin("2027-H1"), "de eerste helft van 2027"),
        (fmt.getal(pd.NA), "–"),
        (fmt.euro(None), "–"),
    ],
)
def test_dutch_formats(text, expected):
    assert text == expected
