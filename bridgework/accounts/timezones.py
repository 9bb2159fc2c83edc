"""The time zones offered in the picker: the common ones, grouped by region and named by a
city people know, instead of the ~600 raw tz database names ("Factory", "W-SU", …).

Validation still accepts every real zone (imports, and people who chose one before), and a
zone already chosen that is not listed here is shown in the picker too.
"""

from __future__ import annotations

import zoneinfo
from functools import cache

# (region, [(zone, label), ...]); labels say the city and, where it helps, the country.
CURATED: list[tuple[str, list[tuple[str, str]]]] = [
    ("Universal", [("UTC", "UTC (universal time)")]),
    (
        "Europe",
        [
            ("Europe/London", "London, Edinburgh, Cardiff"),
            ("Europe/Dublin", "Dublin"),
            ("Europe/Lisbon", "Lisbon"),
            ("Atlantic/Canary", "Canary Islands"),
            ("Europe/Madrid", "Madrid"),
            ("Europe/Paris", "Paris"),
            ("Europe/Brussels", "Brussels"),
            ("Europe/Amsterdam", "Amsterdam"),
            ("Europe/Luxembourg", "Luxembourg"),
            ("Europe/Berlin", "Berlin"),
            ("Europe/Zurich", "Zurich"),
            ("Europe/Vienna", "Vienna"),
            ("Europe/Rome", "Rome"),
            ("Europe/Malta", "Malta"),
            ("Europe/Copenhagen", "Copenhagen"),
            ("Europe/Oslo", "Oslo"),
            ("Europe/Stockholm", "Stockholm"),
            ("Europe/Helsinki", "Helsinki"),
            ("Europe/Tallinn", "Tallinn"),
            ("Europe/Riga", "Riga"),
            ("Europe/Vilnius", "Vilnius"),
            ("Europe/Warsaw", "Warsaw"),
            ("Europe/Prague", "Prague"),
            ("Europe/Budapest", "Budapest"),
            ("Europe/Bratislava", "Bratislava"),
            ("Europe/Ljubljana", "Ljubljana"),
            ("Europe/Zagreb", "Zagreb"),
            ("Europe/Belgrade", "Belgrade"),
            ("Europe/Bucharest", "Bucharest"),
            ("Europe/Sofia", "Sofia"),
            ("Europe/Athens", "Athens"),
            ("Asia/Nicosia", "Nicosia (Cyprus)"),
            ("Europe/Istanbul", "Istanbul"),
            ("Europe/Kyiv", "Kyiv"),
            ("Europe/Chisinau", "Chișinău"),
            ("Europe/Minsk", "Minsk"),
            ("Europe/Moscow", "Moscow"),
            ("Atlantic/Reykjavik", "Reykjavík"),
        ],
    ),
    (
        "North America",
        [
            ("America/St_Johns", "St. John's, Newfoundland"),
            ("America/Halifax", "Halifax (Atlantic)"),
            ("America/New_York", "New York, Toronto (Eastern)"),
            ("America/Toronto", "Toronto"),
            ("America/Chicago", "Chicago (Central)"),
            ("America/Winnipeg", "Winnipeg"),
            ("America/Mexico_City", "Mexico City"),
            ("America/Denver", "Denver (Mountain)"),
            ("America/Edmonton", "Edmonton, Calgary"),
            ("America/Phoenix", "Phoenix (Arizona)"),
            ("America/Los_Angeles", "Los Angeles, Seattle (Pacific)"),
            ("America/Vancouver", "Vancouver"),
            ("America/Anchorage", "Anchorage (Alaska)"),
            ("Pacific/Honolulu", "Honolulu (Hawaii)"),
            ("America/Puerto_Rico", "Puerto Rico"),
        ],
    ),
    (
        "Central and South America",
        [
            ("America/Guatemala", "Guatemala"),
            ("America/Costa_Rica", "Costa Rica"),
            ("America/Panama", "Panama"),
            ("America/Bogota", "Bogotá"),
            ("America/Lima", "Lima"),
            ("America/Caracas", "Caracas"),
            ("America/Santiago", "Santiago"),
            ("America/Argentina/Buenos_Aires", "Buenos Aires"),
            ("America/Montevideo", "Montevideo"),
            ("America/Sao_Paulo", "São Paulo, Rio de Janeiro"),
            ("America/Jamaica", "Jamaica"),
        ],
    ),
    (
        "Africa",
        [
            ("Africa/Casablanca", "Casablanca"),
            ("Africa/Lagos", "Lagos"),
            ("Africa/Accra", "Accra"),
            ("Africa/Cairo", "Cairo"),
            ("Africa/Nairobi", "Nairobi"),
            ("Africa/Addis_Ababa", "Addis Ababa"),
            ("Africa/Kampala", "Kampala"),
            ("Africa/Johannesburg", "Johannesburg, Cape Town"),
            ("Africa/Harare", "Harare"),
        ],
    ),
    (
        "Middle East and Asia",
        [
            ("Asia/Jerusalem", "Jerusalem"),
            ("Asia/Beirut", "Beirut"),
            ("Asia/Amman", "Amman"),
            ("Asia/Riyadh", "Riyadh"),
            ("Asia/Dubai", "Dubai"),
            ("Asia/Tehran", "Tehran"),
            ("Asia/Karachi", "Karachi"),
            ("Asia/Kolkata", "India (Kolkata, Mumbai, Delhi)"),
            ("Asia/Colombo", "Colombo"),
            ("Asia/Kathmandu", "Kathmandu"),
            ("Asia/Dhaka", "Dhaka"),
            ("Asia/Bangkok", "Bangkok"),
            ("Asia/Jakarta", "Jakarta"),
            ("Asia/Ho_Chi_Minh", "Ho Chi Minh City"),
            ("Asia/Singapore", "Singapore"),
            ("Asia/Kuala_Lumpur", "Kuala Lumpur"),
            ("Asia/Manila", "Manila"),
            ("Asia/Hong_Kong", "Hong Kong"),
            ("Asia/Shanghai", "China (Beijing, Shanghai)"),
            ("Asia/Taipei", "Taipei"),
            ("Asia/Seoul", "Seoul"),
            ("Asia/Tokyo", "Tokyo"),
        ],
    ),
    (
        "Australia and the Pacific",
        [
            ("Australia/Perth", "Perth"),
            ("Australia/Darwin", "Darwin"),
            ("Australia/Adelaide", "Adelaide"),
            ("Australia/Brisbane", "Brisbane"),
            ("Australia/Sydney", "Sydney, Canberra"),
            ("Australia/Melbourne", "Melbourne"),
            ("Australia/Hobart", "Hobart"),
            ("Pacific/Auckland", "Auckland, Wellington"),
            ("Pacific/Fiji", "Fiji"),
        ],
    ),
]


@cache
def curated_zones() -> frozenset[str]:
    return frozenset(zone for _, zones in CURATED for zone, _ in zones)


def label_for(zone: str) -> str:
    for _, zones in CURATED:
        for name, label in zones:
            if name == zone:
                return label
    return zone.replace("_", " ")


def grouped_choices(current: str = "") -> list[tuple[str, list[tuple[str, str]]]]:
    """The picker's option groups; ``current`` is added if it is a real zone not listed."""
    groups = list(CURATED)
    if current and current not in curated_zones() and current in zoneinfo.available_timezones():
        groups = [("Your current choice", [(current, current.replace("_", " "))]), *groups]
    return groups
