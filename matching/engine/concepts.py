"""Recognising taxonomy entries (competencies, topics) in a need's own words."""

from collections import defaultdict
from functools import lru_cache

from .text import MIN_PART, normalise, terms


def words_with_stems(text: str) -> list[tuple[str, str]]:
    """(word as written, stem) for the meaningful words of a text."""
    pairs = []
    for word in text.split():
        pairs += _word_with_stems(word)
    return pairs


@lru_cache(maxsize=200_000)
def _word_with_stems(word: str) -> tuple[tuple[str, str], ...]:
    # Texts share most of their words: each distinct word is read once.
    pairs = []
    for part in normalise(word).split():
        found = terms(part)
        if found:
            pairs.append((word.strip(".,;:!?()\"'„“”"), found[0]))
    return tuple(pairs)


class LabelMatcher:
    """Finds entries whose name or synonyms occur in a text, compound-aware.

    A one-word label matches a word that equals it or contains it as the beginning or end
    of a compound ("dach" in "dachrinne"); a label of several words needs all of them.
    """

    def __init__(self, entries):
        # entries: iterable of (entry id, [labels])
        self.single: dict[str, set[int]] = defaultdict(set)
        self.multi: dict[str, list[tuple[tuple[str, ...], int]]] = defaultdict(list)
        for entry_id, labels in entries:
            for label in labels:
                label_terms = tuple(dict.fromkeys(terms(label)))
                if not label_terms:
                    continue
                if len(label_terms) == 1:
                    self.single[label_terms[0]].add(entry_id)
                else:
                    for term in label_terms:
                        self.multi[term].append((label_terms, entry_id))
        self._hits: dict[str, tuple[tuple[str, float], ...]] = {}

    def find(self, text: str) -> dict[int, tuple[float, str]]:
        """Entry id → (strength 0.8–1.0, the word of the text that named it)."""
        return self.find_in(words_with_stems(text))

    def find_in(self, words: list[tuple[str, str]]) -> dict[int, tuple[float, str]]:
        """Like `find`, for a text already split by `words_with_stems`."""
        found: dict[int, tuple[float, str]] = {}
        reached: dict[str, tuple[float, str]] = {}
        hits_of = self._hits
        for word, term in words:
            hits = hits_of.get(term)
            if hits is None:
                hits = hits_of[term] = self._label_terms_in(term)
            for label_term, strength in hits:
                best = reached.get(label_term)
                if best is None or strength > best[0]:
                    reached[label_term] = (strength, word)
        for label_term, (strength, word) in reached.items():
            for entry_id in self.single.get(label_term, ()):
                if entry_id not in found or strength > found[entry_id][0]:
                    found[entry_id] = (strength, word)
            for label_terms, entry_id in self.multi.get(label_term, ()):
                if all(t in reached for t in label_terms):
                    strength_all = min(reached[t][0] for t in label_terms)
                    if entry_id not in found or strength_all > found[entry_id][0]:
                        words = " ".join(dict.fromkeys(reached[t][1] for t in label_terms))
                        found[entry_id] = (strength_all, words)
        return found

    def _label_terms_in(self, term: str) -> tuple[tuple[str, float], ...]:
        """Label terms a text term names: itself (1.0) or a part of it as a compound (0.8).
        Looked up once per distinct term (see `_hits`)."""
        hits = [(term, 1.0)]
        if len(term) > MIN_PART:
            hits += [(part, 0.8) for part in compound_parts(term)]
        return tuple(
            (label_term, strength)
            for label_term, strength in hits
            if label_term in self.single or label_term in self.multi
        )


def compound_parts(term: str):
    """Parts a compound may be made of: its head at the end ("vereins|webseite") or its
    modifier at the start ("dach|rinne"), each leaving a remainder long enough to be a
    word of its own, so that "wandern" is not read as "wand" + "ern". Three-letter
    modifiers ("bus|fahrt") count too."""
    for n in range(MIN_PART, len(term) - 2):
        yield term[-n:]  # head: the remainder in front is a modifier, at least 3 letters
    for n in range(3, len(term) - MIN_PART + 1):
        yield term[:n]  # modifier: the remainder behind is a head, at least 4 letters
