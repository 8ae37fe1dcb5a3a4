"""The labelled evaluation set: the engine must not fall below the level it reached.

Weights were tuned on the "dev" cases only; the "test" cases are reported, never tuned on.
"""

from matching.quality import evaluate


def test_dev_split_keeps_its_level():
    figures, _ = evaluate("dev")
    assert figures.needs >= 25
    assert figures.ndcg5 >= 0.84
    assert figures.precision3 >= 0.88
    assert figures.unservable_without_strong >= 0.5


def test_held_out_split_keeps_its_level():
    figures, _ = evaluate("test")
    assert figures.needs >= 25
    assert figures.ndcg5 >= 0.88
    assert figures.precision3 >= 0.92
    assert figures.unservable_without_strong >= 0.99


def test_every_suggestion_is_explained():
    _figures, details = evaluate()
    for _raw, _need, ranking, _grades in details:
        for suggestion in ranking:
            assert suggestion.reasons, suggestion
            assert 0 <= suggestion.score <= 100
            assert suggestion.band in ("strong", "possible", "weak")
