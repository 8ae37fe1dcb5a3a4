"""The English catalogue is complete, reviewed and compiled."""

import gettext
import re
from pathlib import Path

from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"


def _entries() -> list[str]:
    text = (CATALOGUE / "django.po").read_text(encoding="utf-8")
    return [block for block in text.split("\n\n") if "msgid " in block]


def _msgid(entry: str) -> str:
    match = re.search(r'^msgid "(.*)"$((?:\n".*")*)', entry, re.M)
    return match.group(1) + "".join(re.findall(r'^"(.*)"$', match.group(2), re.M))


def test_every_message_is_translated_and_none_is_a_guess():
    header, *entries = _entries()
    assert 'msgid ""' in header
    # An empty msgstr is one not continued on the next line.
    empty = re.compile(r'^msgstr(\[\d\])? ""\n(?!")', re.M)
    untranslated = [_msgid(e) for e in entries if empty.search(e + "\n")]
    guesses = [_msgid(e) for e in entries if re.search(r"^#,.*\bfuzzy\b", e, re.M)]
    assert not untranslated, f"untranslated: {untranslated[:10]}"
    assert not guesses, f"fuzzy (check and confirm): {guesses[:10]}"


def test_the_compiled_catalogue_holds_every_message():
    with (CATALOGUE / "django.mo").open("rb") as compiled:
        catalog = gettext.GNUTranslations(compiled)._catalog
    # Plural entries count once per form in the compiled file; the header is "" in both.
    expected = sum(len(re.findall(r"^msgstr(?:\[\d\])? ", e, re.M)) for e in _entries())
    assert len(catalog) == expected, "run `make messages` to compile the catalogue"
