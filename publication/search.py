"""German full-text search over stories (PostgreSQL; SQLite falls back to icontains in
selectors.stories_search).

A story's own words (title, teaser, text, what was given) are shown exactly when the story
is, so their search vector is stored on the row (`Story.search_document`) and refreshed when
the story is saved. Names and quotes depend on each partner's consent and are added per
query, so a withdrawn consent takes them out of the search at once.
"""

from django.contrib.postgres.search import SearchVector
from django.db import connection

CONFIG = "german"


def story_document() -> SearchVector:
    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("teaser", weight="B", config=CONFIG)
        + SearchVector("text", "sponsor_gave", "recipient_gave", weight="C", config=CONFIG)
    )


def story_document_refresh(stories) -> None:
    """Store the search vector of `stories` (a queryset); nothing to do without PostgreSQL."""
    if connection.vendor == "postgresql":
        stories.update(search_document=story_document())
