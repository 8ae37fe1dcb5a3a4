"""Service refusals reach people in their own language."""

import pytest
from django.utils import translation

from parties.services import PartyError, party_approve
from tests.factories import CompanyFactory


def test_refusals_speak_the_reader_s_language(coordinator):
    party = CompanyFactory()  # approved already
    with translation.override("en"), pytest.raises(PartyError) as refused:
        party_approve(party=party, by=coordinator)
    assert str(refused.value) == "This registration has already been approved."
    with pytest.raises(PartyError) as refused:
        party_approve(party=party, by=coordinator)
    assert str(refused.value) == "Diese Registrierung ist bereits freigegeben."
