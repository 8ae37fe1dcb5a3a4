"""A seal's state follows from its dates and revocation alone, in Python and in SQL."""

import datetime

import pytest
from django.db import IntegrityError
from django.utils import timezone

from seals.models import CODE_PATTERN, Seal, SealState, is_well_formed_code, new_seal_code
from tests.factories import SealFactory

DAY = datetime.timedelta(days=1)


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (-1, SealState.NOT_YET_VALID),  # the day before the first day
        (0, SealState.VALID),  # the first day
        (180, SealState.VALID),
        (364, SealState.VALID),  # the last day still counts
        (365, SealState.EXPIRED),  # the day after the last day
    ],
)
def test_state_on_boundary_days(db, offset, expected):
    first = datetime.date(2027, 1, 1)
    seal = SealFactory(valid_from=first, valid_until=datetime.date(2027, 12, 31))
    day = first + datetime.timedelta(days=offset)
    assert seal.state_on(day) == expected
    assert seal.is_valid_on(day) is (expected == SealState.VALID)
    # The queryset filters say the same for the same day.
    assert list(Seal.objects.in_state(expected, day)) == [seal]
    for other in set(SealState) - {expected}:
        assert not Seal.objects.in_state(other, day).exists()


def test_revocation_wins_over_dates(db):
    seal = SealFactory(
        valid_from=datetime.date(2027, 1, 1),
        valid_until=datetime.date(2027, 12, 31),
        revoked_at=timezone.now(),
    )
    for day in (datetime.date(2026, 12, 31), datetime.date(2027, 6, 1), datetime.date(2028, 1, 1)):
        assert seal.state_on(day) == SealState.REVOKED
        assert list(Seal.objects.in_state(SealState.REVOKED, day)) == [seal]
        assert not Seal.objects.valid_on(day).exists()


def test_codes_are_long_random_and_url_safe():
    codes = {new_seal_code() for _ in range(2000)}
    assert len(codes) == 2000
    for code in codes:
        # 24 random bytes: 192 bits, far beyond the 128 the programme asks for.
        assert len(code) == 32 and CODE_PATTERN.fullmatch(code)


@pytest.mark.parametrize(
    "code",
    ["", "abc", "1", "../../etc/passwd", "A" * 21, "A" * 65, "Ab3x" * 8 + "!", "Ab3x Ab3x" * 4],
)
def test_malformed_codes_are_recognised(code):
    assert not is_well_formed_code(code)


def test_one_standing_seal_per_holder_and_patronship(seal):
    with pytest.raises(IntegrityError):
        SealFactory(patronship=seal.patronship, holder=seal.holder)


def test_a_revoked_seal_leaves_room_for_a_new_one(seal):
    Seal.objects.filter(pk=seal.pk).update(revoked_at=timezone.now())
    again = SealFactory(patronship=seal.patronship, holder=seal.holder)
    assert again.code != seal.code


def test_year_is_the_first_year_of_validity(db):
    seal = SealFactory(
        valid_from=datetime.date(2026, 10, 1), valid_until=datetime.date(2027, 9, 30)
    )
    assert seal.year == 2026
