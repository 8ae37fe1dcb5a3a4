"""The import's in-memory lookups follow the models' own label and place rules."""

import pytest
from django.core.exceptions import ValidationError

from directory.lookups import Lookups
from places.models import Municipality
from taxonomy.models import Competency, Topic


def test_labels_resolve_like_matching_label(reference):
    lookups = Lookups()
    for model, index in [(Competency, lookups.competencies), (Topic, lookups.topics)]:
        labels = [
            label
            for name, synonyms in model.objects.values_list("name", "synonyms")
            for label in [name, *synonyms]
        ]
        for label in labels[::7]:  # matching_label reads the whole table: a sample will do
            assert index.resolve(label.upper()) == model.objects.matching_label(label).get().pk


def test_places_resolve_like_by_name_or_postcode(reference):
    index = Lookups().municipalities
    for municipality in Municipality.objects.all():
        assert index.resolve(municipality.name) == municipality.pk
        for postcode in municipality.postcode_list:
            matches = Municipality.objects.by_name_or_postcode(postcode)
            if matches.count() == 1:
                assert index.resolve(postcode) == municipality.pk
            else:
                with pytest.raises(ValidationError, match="mehreren Gemeinden"):
                    index.resolve(postcode)


def test_a_name_wins_over_a_synonym_of_another_entry(reference):
    web = Competency.objects.get(name="Webseiten-Erstellung")
    other = Competency.objects.exclude(pk=web.pk).first()
    other.synonyms = [*other.synonyms, "Webseiten-Erstellung"]
    other.save()
    assert Lookups().competencies.resolve("webseiten-erstellung") == web.pk
