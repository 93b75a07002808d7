"""Datelines: which openings are datelines, what they hold, and where the text starts."""

from __future__ import annotations

import pytest

from communique.mapping.reading.dateline import parse_dateline


@pytest.mark.parametrize(
    ("body", "place", "region", "date_text", "agency", "rest"),
    [
        ("ASTANA – Kazakh Deputy Prime Minister", "ASTANA", None, None, None, "Kazakh"),
        # a dateline on a line of its own, the agency after the date
        (
            "Baku, February 12, AZERTAC\n\nPresident Ilham",
            "Baku",
            None,
            "February 12",
            "AZERTAC",
            "President",
        ),
        ("Islamabad, May 3 (APP):\nForeign Minister", "Islamabad", None, "May 3", "APP", "Foreign"),
        (
            "BISHKEK, Kyrgyzstan, March 14. President of Tajikistan",
            "BISHKEK",
            "Kyrgyzstan",
            "March 14",
            None,
            "President",
        ),
        (
            "MOSCOW, October 9. /TASS/. The authorities",
            "MOSCOW",
            None,
            "October 9",
            "TASS",
            "The authorities",
        ),
        ("MOSCOW, October 6 /TASS/. The", "MOSCOW", None, "October 6", "TASS", "The"),
        # the day as an ordinal before the month, the year after a comma
        (
            "ABU DHABI, 11th February, 2026 (WAM) -- The minister",
            "ABU DHABI",
            None,
            "11th February, 2026",
            "WAM",
            "The minister",
        ),
        ("HÀ NỘI — Việt Nam warmly welcomes", "HÀ NỘI", None, None, None, "Việt Nam"),
        ("Islamabad: On the invitation of", "Islamabad", None, None, None, "On the"),
        ("BISHKEK, Jan 30 (Reuters) - Kyrgyz", "BISHKEK", None, "Jan 30", "Reuters", "Kyrgyz"),
        ("WASHINGTON (AP) — The", "WASHINGTON", None, None, "AP", "The"),
        ("LONDON, March 3 (Reuters) - Britain", "LONDON", None, "March 3", "Reuters", "Britain"),
        ("NEW DELHI: India and", "NEW DELHI", None, None, None, "India"),
        ("BAKU, Azerbaijan, March 15. Azerbaijan", "BAKU", "Azerbaijan", "March 15", None, "Az"),
        ("BEIJING, Jan. 30 (Xinhua) -- China", "BEIJING", None, "Jan. 30", "Xinhua", "China"),
        ("SEOUL, Nov. 15 (Yonhap) -- South", "SEOUL", None, "Nov. 15", "Yonhap", "South"),
        ("ASTANA. KAZINFORM – The", "ASTANA", None, None, "KAZINFORM", "The"),
        ("WASHINGTON, D.C. — The", "WASHINGTON", "D.C.", None, None, "The"),
        ("UNITED NATIONS (AP) — The", "UNITED NATIONS", None, None, "AP", "The"),
        ("KYIV, Ukraine (AP) — Russia", "KYIV", "Ukraine", None, "AP", "Russia"),
        ("HANOI, April 16 (VNA) – Vietnam", "HANOI", None, "April 16", "VNA", "Vietnam"),
        ("ST. PETERSBURG, June 5 (TASS) - The", "ST. PETERSBURG", None, "June 5", "TASS", "The"),
        ("RIO DE JANEIRO — Brazil", "RIO DE JANEIRO", None, None, None, "Brazil"),
        ("Rio de Janeiro: The", "Rio de Janeiro", None, None, None, "The"),
        ("Moscow - The Kremlin", "Moscow", None, None, None, "The"),
        ("Cholpon-Ata, Kyrgyzstan – The", "Cholpon-Ata", "Kyrgyzstan", None, None, "The"),
        (
            "Dushanbe, 5 February 2024 (Asia-Plus) – Tajik",
            "Dushanbe",
            None,
            "5 February 2024",
            "Asia-Plus",
            "Tajik",
        ),
        (
            "Tashkent, Uzbekistan (UzDaily.com) -- The",
            "Tashkent",
            "Uzbekistan",
            None,
            "UzDaily.com",
            "The",
        ),
        ("Mayfield, Kentucky – The", "Mayfield", "Kentucky", None, None, "The"),
        ("ABUJA—Nigeria and Ghana", "ABUJA", None, None, None, "Nigeria"),
        ("  ASTANA – Kazakh", "ASTANA", None, None, None, "Kazakh"),
        # the agency in brackets, and the text right after it without a mark
        ("Lima, Jun 3 (Andes Wire) The minister", "Lima", None, "Jun 3", "Andes Wire", "The"),
        ("QUITO (Noticias) “We will", "QUITO", None, None, "Noticias", "“We"),
        # the agencies and the date in one bracket, after a comma, a colon closing it
        (
            "KARVO, (Zed News / Orvan Wire - 14th Feb, 2021 ) :The minister",
            "KARVO",
            None,
            "14th Feb, 2021",
            "Zed News / Orvan Wire",
            "The",
        ),
        # an agency in capitals, between slashes or bars, and no mark before the text
        ("HANOI. ZEPRESS Vietnamese", "HANOI", None, None, "ZEPRESS", "Vietnamese"),
        ("Hanoi/ZEPRESS/ On November 13", "Hanoi", None, None, "ZEPRESS", "On"),
        (
            "Kampala, Uganda | THE KARVO TIMES | The",
            "Kampala",
            "Uganda",
            None,
            "THE KARVO TIMES",
            "The",
        ),
        # an agency after a hyphen, on the place's line
        ("LUSAKA-Zed News Agency\n\nThe minister", "LUSAKA", None, None, "Zed News Agency", "The"),
        ("LUSAKA-ZNA\n\nThe minister", "LUSAKA", None, None, "ZNA", "The"),
        # the day, and the agency, after the place's dash
        (
            "LUSAKA – Friday, 3 May 2024 (ZNA) – The minister",
            "LUSAKA",
            None,
            "3 May 2024",
            "ZNA",
            "The",
        ),
        # an agency after the date's comma, a hyphen closing it
        ("Lusaka, May 4, ZNA- The minister", "Lusaka", None, "May 4", "ZNA", "The"),
        ("Lusaka, May 4, ZNA - The minister", "Lusaka", None, "May 4", "ZNA", "The"),
        # a date in brackets is the date, no agency
        ("MANILA (Oct 2): The minister", "MANILA", None, "Oct 2", None, "The"),
        ("Lusaka (Sept. 14, 2023): Zambia", "Lusaka", None, "Sept. 14, 2023", None, "Zambia"),
        # a line of its own that gives the date first, then the town
        ("March 3, 2019, Nairobi\n\nThe two", "Nairobi", None, "March 3, 2019", None, "The"),
        ("17 June 2015 Hanoi\n\nPresident", "Hanoi", None, "17 June 2015", None, "President"),
        # the country in brackets, or after a slash
        (
            "Lusaka [Zambia], May 4 (ZNA): The minister",
            "Lusaka",
            "Zambia",
            "May 4",
            "ZNA",
            "The",
        ),
        ("Lusaka/Zambia — The minister", "Lusaka", "Zambia", None, None, "The"),
        # a full stop, then a dash
        ("Lusaka.– The minister", "Lusaka", None, None, None, "The"),
        # the day after the dash, closed by a colon
        ("LUSAKA - 4 May 2024: The minister", "LUSAKA", None, "4 May 2024", None, "The"),
        # a correspondent's byline that names the town filed from
        ("From Ada Obi, Abuja\n\nMinister X met", "Abuja", None, None, None, "Minister"),
        ("By Ada Obi, Lagos\n\nMinister X met", "Lagos", None, None, None, "Minister"),
    ],
)
def test_dateline(body, place, region, date_text, agency, rest) -> None:
    d = parse_dateline(body)
    assert d is not None
    assert (d.place, d.region, d.date_text, d.agency) == (place, region, date_text, agency)
    assert body[d.end :].startswith(rest)


def test_dateline_at_end_of_text() -> None:
    d = parse_dateline("LONDON, March 3 (Reuters) -")
    assert d is not None and d.end == len("LONDON, March 3 (Reuters) -")


@pytest.mark.parametrize(
    "body",
    [
        "Kazakhstan\n\nThe president spoke on Monday.",  # a heading line, no dateline
        "The Prime Minister welcomed the President of Peru",
        "Foreign Minister Han Ji-seok and his Japanese counterpart",
        "On March 9, 2015, Foreign Minister Zhou Lianfeng held",
        "Azerbaijan’s Foreign Minister Elnur Gasimzade on Friday met",
        "For the first time in decades the two leaders",
        "The Acting President, Tunde Olasehinde, and the President of Togo",
        "Deputy Prime Minister – Minister of Finance Yerlan Tasbolatov",
        "Kyrgyz Deputy Prime Minister – Minister of Economy",
        "Update: the ministry said",
        "NATO – The alliance said",
        "US – China talks resumed",
        "UN: talks resumed",
        "Kazakhstan. The country",
        "President Aitkaliyev: We will",
        "In Moscow – the talks",
        "Tamura: We will",  # a surname that a small Japanese town shares
        "Davis – The senator",
        "ASEAN – The bloc",
        "",
        "   ",
        "Trade between Russia and Kazakhstan – a record",
        "Paris (France) The capital",  # no date or agency: a bracket of the sentence
        "HANOI Vietnamese officials said",  # capitals, then the text: no agency between
        "US-China Relations\n\nThe talks",  # a heading, no place and agency
        "Minister Tamsin Reeve (Orvania) The talks",
        "By Ada Obi, Reuters\n\nMinister X met",  # an agency, no town
        "From the start, the minister said\n",
        "March 3, 2019, the day after\n",  # a date, then no town
        "Lusaka/Kafue – the two towns",  # a town after the slash, no country
        "Talks [in Lusaka] ended",
    ],
)
def test_not_a_dateline(body: str) -> None:
    assert parse_dateline(body) is None


def test_dev_corpus_datelines(dev_corpus) -> None:
    """The dev articles that open with a dateline, and only those, get one."""
    expected = {
        "000_seed": "ASTANA",
        "004_tj-rahmon-kulubaev": "BISHKEK",
        "006_uz-mirziyoyev-putin-trade": "MOSCOW",
        "016_vn-benin-phone-call": "HÀ NỘI",
        "019_pk-bilawal-germany-visit": "Islamabad",
        "033_pl-fr-strategic-partnership": "WARSAW",
        "037_id-au-retno-bishop-bali-process": "Jakarta",
        "039_jo-de-king-steinmeier-call": "AMMAN",
        "043_tm-gb-cameron-meredov-documents": "ASHGABAT",
        "045_ru-in-lavrov-jaishankar-moscow": "MOSCOW",
        "056_ao-ci-lourenco-message-ouattara": "Luanda",
        "060_sb-au-manele-marles-honiara": "SYDNEY",
    }
    for path in sorted((dev_corpus / "articles").glob("*.txt")):
        body = path.read_text("utf-8").split(" ", 3)[3]
        d = parse_dateline(body)
        assert (d.place if d else None) == expected.get(path.stem), path.stem
