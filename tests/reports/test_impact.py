"""The impact figures against the small programme of conftest.py, worked out by hand."""

import datetime
from decimal import Decimal

import pytest

from patronships.models import Direction
from reports.impact import (
    ClosingEvent,
    ContributionRow,
    ImpactData,
    PartyRow,
    PatronshipRow,
    Period,
    Share,
    impact_data_load,
    impact_for,
    impact_for_years,
)
from tests.reports.conftest import TODAY


@pytest.fixture
def data(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(7):
        return impact_data_load(today=TODAY)


def year(data, number):
    return impact_for(data, Period.for_year(number, today=TODAY))


def test_loading_takes_seven_queries_whatever_the_size(world, django_assert_num_queries):
    # patronships, transitions, topics, parties, contributions, introductions, needs
    with django_assert_num_queries(7):
        impact_data_load(today=TODAY)


def test_patronship_figures_2024(data):
    figures = year(data, 2024)
    assert figures.started == 3  # P1, P2, P3; P5 is a renewal
    assert figures.active == 4  # P1, P2, P3 and the partnership P4/P5 once
    assert figures.running_at_end == 2  # P1 and P5 on 31.12.2024
    assert figures.completed == 1  # P2
    assert figures.renewed == 0  # P4 was renewed in 2023
    assert figures.ended_early == 1  # P3


def test_patronship_figures_2023_count_a_renewed_partnership_once(data):
    figures = year(data, 2023)
    assert figures.started == 1  # P4
    assert figures.active == 1  # P4 and its renewal P5 are one partnership
    assert figures.running_at_end == 1  # P5
    assert figures.renewed == 1
    assert figures.completed == figures.ended_early == 0


def test_partners_places_and_topics_2024(data):
    figures = year(data, 2024)
    assert (figures.partners, figures.companies, figures.organisations) == (5, 2, 3)
    assert figures.sectors == (Share("Beratung", 1), Share("Handwerk", 1))  # not Handel (P6)
    assert figures.municipalities == (
        Share("Weißwasser/O.L.", 3),  # P1, P3, P4/P5
        Share("Rietschen", 2),  # P2, P4/P5
        Share("Bad Muskau", 1),  # P3
    )
    assert figures.municipalities_reached == 3
    assert figures.topics == (Share("Jugend", 2), Share("Senioren", 2), Share("Sport", 1))


def test_hours_and_values_in_both_directions_count_confirmed_only(data):
    figures = year(data, 2024)
    assert figures.hours_to_recipient == Decimal("18.5")  # 10,5 + 8 (not the unconfirmed 100)
    assert figures.hours_to_sponsor == Decimal("6.5")  # 4 + 2,5
    assert figures.value_to_recipient == Decimal("350.50")
    assert figures.value_to_sponsor == Decimal("50")
    assert figures.contributions == 4
    assert figures.hours_total == Decimal("25.0")
    earlier = year(data, 2023)
    assert (earlier.hours_to_recipient, earlier.value_to_recipient) == (Decimal("6"), Decimal("80"))


def test_introductions_and_median_time_from_need_to_patronship(data):
    figures = year(data, 2024)
    assert figures.introductions == 5
    assert figures.introductions_to_patronships == 3  # P1, P2, P3 (P6 declined, P7 waits)
    assert figures.introduction_percent == pytest.approx(60.0)
    assert figures.median_days_need_to_patronship == pytest.approx(20.0)  # of 10, 20, 40
    assert figures.needs_created == 3
    assert year(data, 2023).median_days_need_to_patronship is None  # P4 had no need


def test_overall_figures(data):
    figures = impact_for(data, Period.overall(today=TODAY))
    assert figures.started == 4
    assert figures.active == 4
    assert figures.running_at_end == 2  # P1 and P5 still run today
    assert (figures.completed, figures.renewed, figures.ended_early) == (1, 1, 1)
    assert figures.introductions == 6
    assert figures.introductions_to_patronships == 4
    assert figures.hours_to_recipient == Decimal("24.5")
    assert figures.median_days_need_to_patronship == pytest.approx(20.0)


def test_years_and_series(data):
    assert data.years() == [2023, 2024, 2025]
    series = impact_for_years(data, [2023, 2024])
    assert [f.started for f in series] == [1, 3]
    current = Period.for_year(2025, today=TODAY)
    assert current.end == TODAY and not current.is_complete
    assert Period.for_year(2024, today=TODAY).is_complete
    with pytest.raises(ValueError):
        Period.for_year(2026, today=TODAY)


# --- the rules on plain rows (no database) ------------------------------------------------


def row(pk, *, start, end=None, root=None, renewal=False, sponsor=1, recipient=2, topics=()):
    return PatronshipRow(
        id=pk,
        root_id=root or pk,
        is_renewal=renewal,
        status="active",
        sponsor_id=sponsor,
        recipient_id=recipient,
        start=start,
        end=end,
        agreed_at=None,
        need_created_at=None,
        topics=topics,
    )


def test_a_patronship_is_active_on_its_first_and_last_day():
    day = datetime.date
    data = ImpactData(
        today=day(2025, 6, 1),
        patronships=(
            row(1, start=day(2024, 12, 31), end=day(2025, 3, 1)),  # runs one day of 2024
            row(2, start=day(2023, 1, 1), end=day(2024, 1, 1)),  # ends on 1 January
            row(3, start=day(2025, 1, 1)),  # starts after 2024
            row(4, start=None),  # never agreed
        ),
        parties={
            1: PartyRow(1, "company", "", ""),
            2: PartyRow(2, "organisation", "", "Rietschen"),
        },
    )
    figures = impact_for(data, Period.for_year(2024, today=data.today))
    assert figures.active == 2
    assert figures.running_at_end == 1  # only row 1 goes on after 31.12.2024
    # A company without a sector and a party without a place are still counted.
    assert figures.sectors == (Share("ohne Angabe", 1),)
    assert figures.municipalities == (Share("Rietschen", 2), Share("ohne Ort", 2))
    assert figures.municipalities_reached == 1


def test_closing_events_and_contributions_outside_the_period_do_not_count():
    day = datetime.date
    data = ImpactData(
        today=day(2025, 6, 1),
        closings=(
            ClosingEvent(1, "completed", day(2024, 12, 31)),
            ClosingEvent(2, "completed", day(2025, 1, 1)),
        ),
        contributions=(
            ContributionRow(Direction.TO_RECIPIENT, day(2024, 12, 31), Decimal("3"), Decimal(0)),
            ContributionRow(Direction.TO_RECIPIENT, day(2025, 1, 1), Decimal("5"), Decimal(0)),
        ),
    )
    figures = impact_for(data, Period.for_year(2024, today=data.today))
    assert figures.completed == 1
    assert figures.hours_to_recipient == Decimal("3")
    assert figures.introduction_rate is None
    assert figures.median_days_need_to_patronship is None


def test_a_closed_patronship_without_transitions_counts_on_its_end(world):
    # Imported rows may lack transitions: P2 then counts as completed on its end date.
    world.p2.transitions.all().delete()
    data = impact_data_load(today=TODAY)
    figures = impact_for(data, Period.for_year(2024, today=TODAY))
    assert figures.completed == 1
    assert figures.started == 3  # P2 starts on its agreed start date all the same
