"""The English catalogue is complete, reviewed and compiled."""

import ast
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


def _unquote(block: str) -> str:
    return "".join(
        ast.literal_eval(part) for part in re.findall(r'^(?:\w+(?:\[\d\])? )?(".*")$', block, re.M)
    )


def _messages() -> dict:
    """msgid (with its context, as gettext keys it) to msgstr, of the singular entries."""
    messages = {}
    for entry in _entries()[1:]:
        if "msgid_plural" in entry:
            continue
        parts = re.split(r"^(msgctxt|msgid|msgstr) ", entry, flags=re.M)
        fields = {parts[i]: _unquote(f"{parts[i]} {parts[i + 1]}") for i in range(1, len(parts), 2)}
        key = fields["msgid"]
        if "msgctxt" in fields:
            key = f"{fields['msgctxt']}\x04{key}"
        messages[key] = fields["msgstr"]
    return messages


def test_the_compiled_catalogue_says_what_the_catalogue_says():
    with (CATALOGUE / "django.mo").open("rb") as compiled:
        catalog = gettext.GNUTranslations(compiled)._catalog
    expected = _messages()
    assert len(expected) > 1000
    stale = [key for key, text in expected.items() if catalog.get(key) != text]
    assert not stale, f"run `make messages` to compile the catalogue; stale: {stale[:5]}"
