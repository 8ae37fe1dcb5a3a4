"""German-aware text handling for matching needs written in people's own words.

Needs say "unser Dach ist undicht" or "Vereinswebseite", not "Dachdeckerei" or
"Webseiten-Erstellung". Three things bridge that gap:

- normalisation: lower case, umlauts folded to their base vowel, ß to ss;
- a light stemmer that strips common inflection endings ("Dächer" → "dach");
- compound matching: a term matches another when one is the beginning or the end of the
  other, so "vereinswebseite" reaches "webseite" and "dachrinne" reaches "dach" (and
  "dach" reaches "dachdeckerei"), with a minimum part length against accidents.
"""

import re
from functools import lru_cache

MIN_PART = 4
_FOLD = (("ä", "a"), ("ö", "o"), ("ü", "u"), ("ß", "ss"), ("é", "e"), ("è", "e"))
_NON_LETTERS = re.compile(r"[^a-z]+")
_SUFFIXES = ("ungen", "ern", "em", "en", "er", "es", "e", "s", "n")

# Words that say nothing about what is needed or offered.
_STOPWORDS_TEXT = """
    aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei beim
    bereits bin bis bisher bitte brauchen brauche braucht bräuchten brauchten da dabei dafur
    dafür damit dann darf darum das dass dem den denn der deren des dessen die dies diese
    diesem diesen dieser dieses doch dort du durch eher ein eine einem einen einer eines
    einfach einige einmal er es etwa etwas euch euer fur für gern gerne gibt gut habe haben hat
    hatte hatten hier hilfe hin hinter ich ihr ihre ihrem ihren ihrer im immer in ist ja jahr
    jahre jedem jeden jeder jemand jetzt kann kein keine keinen konnen können konnte könnte
    könnten leider machen man mehr mein meine mit mochten möchten muss mussen müssen nach nicht
    noch nun nur ob oder ohne sehr sein seine sich sie sind so soll sollen sowie suchen suche
    sucht um und uns unser unsere unseren unserem unserer unter viel vom von vor wann war waren
    was weil welche wenn wer werden wie wieder wir wird wo wollen wurde wurden würde würden zu
    zum zur zwei uber über eure ab neue neuen neuer verein vereins vereine mitglied mitglieder
    leute menschen jemanden jemandem ganz schon mal wirklich richtig gerade bald oft meist
    meiste meisten groß große großen großer großes klein kleine kleinen alt alte alten alter
    altes gute guten neu oben unten außen innen seit seitdem stellen halten geben nehmen
    bringen finden bekommen helfen hilft geht gehen kommen kommt lassen tun wäre hätten paar
    mehrere mehreren außerdem bevor
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


def normalise(text: str) -> str:
    text = text.lower()
    if not text.isascii():  # a few replaces beat a translation table by far
        for letter, plain in _FOLD:
            text = text.replace(letter, plain)
    return _NON_LETTERS.sub(" ", text).strip()


_STOP = frozenset(normalise(s) for s in STOPWORDS)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_PART:
            return word[: -len(suffix)]
    return word


def terms(text: str) -> list[str]:
    """Stems of the meaningful words of a text, in order (duplicates kept)."""
    return [term for term in map(_term, normalise(text).split()) if term]


@lru_cache(maxsize=200_000)
def _term(word: str) -> str:
    """A normalised word's stem, or "" for a word too short or saying nothing."""
    return stem(word) if len(word) >= 3 and word not in _STOP else ""


class Vocabulary:
    """Candidate-side terms, indexed so that compound matches are dictionary look-ups."""

    def __init__(self, vocabulary):
        self.terms = sorted(set(vocabulary))
        self.index = {term: i for i, term in enumerate(self.terms)}
        self._by_part: dict[str, list[str]] = {}
        for term in self.index:
            for part in _edges(term):
                self._by_part.setdefault(part, []).append(term)

    def __len__(self):
        return len(self.index)

    @lru_cache(maxsize=100_000)  # noqa: B019 - one vocabulary lives as long as its index
    def expand(self, term: str) -> tuple[tuple[int, float], ...]:
        """Vocabulary entries a need term reaches, with the strength of each match."""
        found: dict[str, float] = {}
        if term in self.index:
            found[term] = 1.0
        for part in _edges(term):  # parts of the need's compound that are vocabulary terms
            if part in self.index and part != term:
                found[part] = max(found.get(part, 0.0), 0.8)
        if len(term) >= MIN_PART:  # vocabulary compounds that contain the need's term
            for bigger in self._by_part.get(term, ()):
                if bigger != term:
                    found[bigger] = max(found.get(bigger, 0.0), 0.7)
        return tuple((self.index[t], w) for t, w in found.items())


def _edges(term: str):
    """Prefixes and suffixes of a term that are long enough to be words of their own."""
    for n in range(MIN_PART, len(term)):
        yield term[:n]
        yield term[-n:]
