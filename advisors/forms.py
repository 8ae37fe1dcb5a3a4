from django import forms
from django.utils.translation import gettext_lazy as _

from parties.models import Party, PartyKind

from .models import Network, NetworkKind, NetworkTie, Recommendation

KIND_GROUPS = {PartyKind.COMPANY: _("Unternehmen"), PartyKind.ORGANISATION: _("Organisationen")}


def grouped_party_choices(queryset, *, empty_label, first_kind=PartyKind.COMPANY):
    """Choices for a plain select of parties, grouped into companies and organisations."""
    parties = list(queryset.only("pk", "name", "kind"))
    order = [first_kind] + [k for k in KIND_GROUPS if k != first_kind]
    groups = [
        (KIND_GROUPS[kind], [(p.pk, p.name) for p in parties if p.kind == kind]) for kind in order
    ]
    return [("", empty_label)] + [group for group in groups if group[1]]


class PartySearchForm(forms.Form):
    """Narrows the party select by name: a plain GET form instead of an autocomplete."""

    q = forms.CharField(label=_("Name enthält"), required=False, max_length=100)

    def narrow(self, queryset):
        if self.is_valid() and self.cleaned_data["q"].strip():
            return queryset.filter(name__icontains=self.cleaned_data["q"].strip())
        return queryset


def _limit_parties(form, name, base, *, search=None, first_kind=PartyKind.COMPANY, selected=None):
    """Offer the parties of `base`, narrowed by a name search but always keeping the
    selected one, grouped by kind."""
    queryset = base if search is None else search.narrow(base)
    if selected is not None:
        queryset = queryset | base.filter(pk=selected.pk)
    field = form.fields[name]
    field.queryset = queryset.distinct().order_by("name")
    field.widget.choices = grouped_party_choices(
        field.queryset, empty_label=field.empty_label, first_kind=first_kind
    )


class NetworkForm(forms.ModelForm):
    class Meta:
        model = Network
        fields = ["name", "kind", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        labels = {"name": _("Name des Netzwerks")}
        help_texts = {
            "name": _("Zum Beispiel: „Rotary Club Weißwasser“ oder „Gewerbeverein Weißwasser“."),
            "description": _("Wer sich dort trifft, wie oft, wer den Kontakt hält."),
        }
        error_messages = {
            "name": {"required": _("Bitte geben Sie den Namen des Netzwerks an.")},
            "kind": {"required": _("Bitte wählen Sie, was für ein Netzwerk es ist.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("– bitte wählen –"))] + list(
            self.fields["kind"].choices
        )[1:]

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        clash = Network.objects.filter(name__iexact=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(
                _("Ein Netzwerk „%(name)s“ gibt es schon."), params={"name": name}
            )
        return name

    def validate_constraints(self, exclude=None):
        # clean_name says it in plain words; the database constraint is the backstop.
        pass


class NetworkFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Art"), required=False, choices=[("", _("alle"))] + NetworkKind.choices
    )

    def apply(self, queryset):
        if self.is_bound and self.is_valid() and self.cleaned_data["kind"]:
            return queryset.filter(kind=self.cleaned_data["kind"])
        return queryset


class TiePreselectForm(forms.Form):
    """Where the tie form was opened from: a network's page, or a party's."""

    network = forms.ModelChoiceField(queryset=Network.objects.all(), required=False)
    party = forms.ModelChoiceField(queryset=Party.objects.approved(), required=False)

    def initial_values(self) -> dict:
        if not self.is_valid():
            return {"back": "network"}
        network, party = self.cleaned_data["network"], self.cleaned_data["party"]
        values = {"back": "party" if party and not network else "network"}
        values.update({k: v for k, v in (("network", network), ("party", party)) if v})
        return values


class TieForm(forms.Form):
    network = forms.ModelChoiceField(
        label=_("Netzwerk"),
        queryset=Network.objects.all(),
        empty_label=_("– bitte wählen –"),
        error_messages={"required": _("Bitte wählen Sie das Netzwerk.")},
    )
    party = forms.ModelChoiceField(
        label=_("Unternehmen oder Organisation"),
        queryset=Party.objects.approved(),
        empty_label=_("– bitte wählen –"),
        error_messages={
            "required": _("Bitte wählen Sie das Unternehmen oder die Organisation."),
            "invalid_choice": _("Bitte wählen Sie eine freigegebene Partei aus der Liste."),
        },
    )
    note = forms.CharField(
        label=_("Notiz"),
        required=False,
        max_length=300,
        help_text=NetworkTie._meta.get_field("note").help_text,
    )
    back = forms.ChoiceField(
        choices=[("network", "network"), ("party", "party")],
        required=False,
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, search=None, selected_party=None, **kwargs):
        super().__init__(*args, **kwargs)
        _limit_parties(
            self, "party", Party.objects.approved(), search=search, selected=selected_party
        )

    def clean(self):
        cleaned = super().clean()
        network, party = cleaned.get("network"), cleaned.get("party")
        if network and party and NetworkTie.objects.filter(network=network, party=party).exists():
            self.add_error(
                "party",
                _("„%(party)s“ ist dem Netzwerk „%(network)s“ bereits zugeordnet.")
                % {"party": party.name, "network": network.name},
            )
        return cleaned


class RecommendationFilterForm(forms.Form):
    warm = forms.BooleanField(label=_("nur mit Angebot einer warmen Vorstellung"), required=False)

    def apply(self, queryset):
        if self.is_bound and self.is_valid() and self.cleaned_data["warm"]:
            return queryset.filter(offers_warm_introduction=True)
        return queryset


class RecommendPreselectForm(forms.Form):
    """The candidate and the page a recommendation form was opened from."""

    candidate = forms.ModelChoiceField(queryset=Party.objects.approved(), required=False)
    back = forms.ChoiceField(
        choices=[("need", "need"), ("suggestions", "suggestions")], required=False
    )

    def value(self, name):
        return self.cleaned_data.get(name) if self.is_valid() else None


NOTE_REQUIRED = _("Bitte schreiben Sie kurz, warum Sie empfehlen.")


class RecommendationForm(forms.ModelForm):
    """An advisor recommends a party for a need. The party list holds every approved party
    except the need's owner, the other kind first (companies for a club's need)."""

    class Meta:
        model = Recommendation
        fields = ["candidate", "note", "offers_warm_introduction"]
        labels = {"candidate": _("Wen empfehlen Sie?"), "note": _("Warum passt es?")}
        widgets = {"note": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "note": _(
                "Was Sie wissen, was nicht im Profil steht: zum Beispiel „kennt den Inhaber, "
                "Jugendfußball liegt ihm am Herzen“."
            ),
        }
        error_messages = {
            "candidate": {
                "required": _("Bitte wählen Sie, wen Sie empfehlen."),
                "invalid_choice": _("Bitte wählen Sie eine freigegebene Partei aus der Liste."),
            },
            "note": {"required": NOTE_REQUIRED},
        }

    def __init__(self, *args, need, advisor, search=None, selected=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.need, self.advisor = need, advisor
        owner_kind = need.party.kind
        first = PartyKind.ORGANISATION if owner_kind == PartyKind.COMPANY else PartyKind.COMPANY
        self.fields["candidate"].empty_label = _("– bitte wählen –")
        _limit_parties(
            self,
            "candidate",
            Party.objects.approved().exclude(pk=need.party_id),
            search=search,
            first_kind=first,
            selected=selected,
        )

    def clean_note(self):
        note = self.cleaned_data["note"].strip()
        if not note:
            raise forms.ValidationError(NOTE_REQUIRED)
        return note

    def clean_candidate(self):
        candidate = self.cleaned_data["candidate"]
        if candidate.pk == self.need.party_id:
            raise forms.ValidationError(_("Niemand kann für den eigenen Bedarf empfohlen werden."))
        duplicate = Recommendation.objects.active().filter(
            need=self.need, candidate=candidate, advisor=self.advisor
        )
        if duplicate.exists():
            raise forms.ValidationError(
                _("Sie haben „%(party)s“ für diesen Bedarf bereits empfohlen."),
                params={"party": candidate.name},
            )
        return candidate

    def validate_unique(self):
        # The service brings a withdrawn recommendation back; clean_candidate refuses an
        # active duplicate in plain words.
        pass


class RecommendationEditForm(forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = ["note", "offers_warm_introduction"]
        labels = {"note": _("Warum passt es?")}
        widgets = {"note": forms.Textarea(attrs={"rows": 4})}
        error_messages = {"note": {"required": NOTE_REQUIRED}}

    def clean_note(self):
        note = self.cleaned_data["note"].strip()
        if not note:
            raise forms.ValidationError(NOTE_REQUIRED)
        return note
