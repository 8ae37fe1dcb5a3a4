from parties.models import Party


def helper_parties(user, need):
    """The approved parties a user may say "we could help" for (never the need's owner)."""
    return Party.objects.approved().of_user(user).exclude(pk=need.party_id)
