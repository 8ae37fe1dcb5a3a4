from django import forms
from django.utils.translation import gettext_lazy as _

from .models import EmailMode, NotificationKind
from .tokens import SCOPE_ALL, SCOPE_DIGEST

MODE_ERROR = _("Bitte wählen Sie für „%(kind)s“ eine der angebotenen Möglichkeiten.")


class NotificationSettingsForm(forms.Form):
    """One choice per notification kind the user can receive: immediate, digest or off."""

    def __init__(self, *args, kinds: list[str], initial_modes: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for kind in kinds:
            label = NotificationKind(kind).label
            self.fields[kind] = forms.ChoiceField(
                label=label,
                choices=EmailMode.choices,
                initial=initial_modes.get(kind),
                widget=forms.RadioSelect,
                error_messages={
                    "required": MODE_ERROR % {"kind": label},
                    "invalid_choice": MODE_ERROR % {"kind": label},
                },
            )


class UnsubscribeForm(forms.Form):
    """Which emails to switch off: the kind the email was about (or the digest), or all."""

    scope = forms.ChoiceField(
        label=_("Welche E-Mails möchten Sie nicht mehr erhalten?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Bitte wählen Sie aus, welche E-Mails Sie abbestellen möchten."),
            "invalid_choice": _("Bitte wählen Sie eine der angebotenen Möglichkeiten."),
        },
    )

    def __init__(self, *args, scope: str, **kwargs):
        super().__init__(*args, **kwargs)
        choices = []
        if scope == SCOPE_DIGEST:
            choices.append((SCOPE_DIGEST, _("die wöchentliche Zusammenfassung")))
        elif scope != SCOPE_ALL:
            choices.append(
                (
                    scope,
                    _("E-Mails zu „%(kind)s“") % {"kind": NotificationKind(scope).label},
                )
            )
        choices.append((SCOPE_ALL, _("alle Benachrichtigungen per E-Mail")))
        self.fields["scope"].choices = choices
        self.fields["scope"].initial = scope


class ReturnPageForm(forms.Form):
    """The list page to go back to after marking something read."""

    page = forms.IntegerField(min_value=1, required=False)
