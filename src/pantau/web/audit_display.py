"""The audit log in words a reader follows: event names, people by name, times in the local zone.

Audit entries store codes (``case.start_guidance``), user ids and ISO times in UTC inside their
before/after payloads; these are evidence and stay as they are. This module only renders them:
an event label for each action code (unknown codes made readable rather than hidden), payload
dicts as a list of "field: value" pairs with user ids replaced by names, and datetimes in the
configured time zone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pantau.cases.labels import STATES, STEPS

EVENTS = {
    "auth.login": gettext_lazy("Signed in"),
    "auth.logout": gettext_lazy("Signed out"),
    "auth.login_failed": gettext_lazy("Failed sign-in"),
    "auth.otp_verified": gettext_lazy("Second factor verified"),
    "auth.otp_failed": gettext_lazy("Second factor refused"),
    "user.created": gettext_lazy("User created"),
    "user.totp_enabled": gettext_lazy("Authenticator app set up"),
    "user.totp_replaced": gettext_lazy("Authenticator app replaced"),
    "user.totp_replace_refused": gettext_lazy("Replacing the authenticator app refused"),
    "user.totp_reset": gettext_lazy("Authenticator app reset"),
    "user.api_token_created": gettext_lazy("API token created"),
    "export": gettext_lazy("Data exported"),
    "case.opened": gettext_lazy("Case opened"),
    "review.routed": gettext_lazy("Finding routed to another reviewer (conflict of interest)"),
    "letters.issued": gettext_lazy("Letter issued"),
    "monitoring.complaint.received": gettext_lazy("Complaint received"),
    "monitoring.api.push": gettext_lazy("Posts pushed through the API"),
    "monitoring.claims.imported": gettext_lazy("Fact-checks imported"),
    "monitoring.import.started": gettext_lazy("Post import started"),
    "monitoring.import.resumed": gettext_lazy("Post import resumed"),
    "monitoring.import.done": gettext_lazy("Post import finished"),
    "monitoring.import.failed": gettext_lazy("Post import failed"),
    "monitoring.feed.failed": gettext_lazy("Feed fetch failed"),
    "monitoring.retention.purged": gettext_lazy("Old posts purged (retention)"),
    "monitoring.watchlist.versioned": gettext_lazy("Watch list version saved"),
    "monitoring.watchlist.entry_created": gettext_lazy("Watch list entry added"),
    "monitoring.watchlist.entry_updated": gettext_lazy("Watch list entry changed"),
    "monitoring.watchlist.entry_deleted": gettext_lazy("Watch list entry deleted"),
    "registry.account.state_changed": gettext_lazy("Account verification state changed"),
    "reports.drift_alert.raised": gettext_lazy("Model drift alert raised"),
    "reports.drift_alert.acknowledged": gettext_lazy("Model drift alert acknowledged"),
    "demo.loaded": gettext_lazy("Demo data loaded"),
}

MODEL_VERBS = {
    "created": gettext_lazy("%(thing)s created"),
    "updated": gettext_lazy("%(thing)s changed"),
    "deleted": gettext_lazy("%(thing)s deleted"),
}

# Payload keys that hold a user's id (besides foreign keys to the user model in snapshots).
USER_KEYS = {
    "user",
    "actor",
    "excluded",
    "reviewer",
    "approved_by",
    "acknowledged_by",
    "decided_by",
    "checked_by",
    "created_by",
    "verified_by",
    "opened_by",
    "assigned_to",
    "filed_by",
    "head_approved_by",
    "attribution_confirmed_by",
    "issued_by",
    "routed_to",
}

_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _readable(code: str) -> str:
    text = code.replace(".", " · ").replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def _model(label: str):
    try:
        app_label, model_name = label.split(".", 1)
        return apps.get_model(app_label, model_name)
    except (LookupError, ValueError):
        return None


def event_label(action: str) -> str:
    """The event's name in the reader's language; an unknown code is shown readably."""
    if action in EVENTS:
        return str(EVENTS[action])
    prefix, _sep, rest = action.partition(".")
    if prefix == "case" and rest in STEPS:
        return str(STEPS[rest])
    if prefix == "review" and rest:
        from pantau.cases.models import ReviewDecision

        outcomes = dict(ReviewDecision.Outcome.choices)
        if rest in outcomes:
            return _("Review decision: %(outcome)s") % {"outcome": outcomes[rest]}
    if prefix == "registry" and rest.startswith("import."):
        return _("Registry import: %(kind)s") % {"kind": rest.split(".", 1)[1].replace("_", " ")}
    label, _sep, verb = action.rpartition(".")
    model = _model(label) if verb in MODEL_VERBS else None
    if model is not None:
        thing = str(model._meta.verbose_name)
        return str(MODEL_VERBS[verb]) % {"thing": thing[:1].upper() + thing[1:]}
    return _readable(action)


def local_time(value: dt.datetime) -> str:
    """A time in the configured zone, with the zone's abbreviation (e.g. WITA)."""
    local = timezone.localtime(value)
    return f"{date_format(local, 'j F Y H:i')} {local.tzname() or ''}".strip()


@dataclass(frozen=True)
class Pair:
    key: str
    value: str


class Renderer:
    """Renders the payloads of a page of entries; user names come from one query for the page."""

    def __init__(self, entries: Iterable):
        self.entries = list(entries)
        ids: set[int] = set()
        for entry in self.entries:
            if entry.actor_id:
                ids.add(entry.actor_id)
            model = _model(entry.object_type)
            for payload in (entry.before, entry.after):
                ids |= self._user_ids(payload, model)
        User = get_user_model()
        self.names = {
            u.pk: (u.get_full_name() or u.get_username()) for u in User.objects.filter(pk__in=ids)
        }

    @staticmethod
    def _user_field(model, key: str) -> bool:
        if key in USER_KEYS:
            return True
        if model is None:
            return False
        try:
            field = model._meta.get_field(key)
        except Exception:  # noqa: BLE001 - any unknown key is simply not a user field
            return False
        return getattr(field, "related_model", None) is get_user_model()

    def _user_ids(self, payload, model) -> set[int]:
        found: set[int] = set()
        if isinstance(payload, dict):
            for key, value in payload.items():
                if self._user_field(model, key):
                    if isinstance(value, int) and not isinstance(value, bool):
                        found.add(value)
                    elif isinstance(value, list):
                        found |= {v for v in value if isinstance(v, int)}
        return found

    def person(self, user_id) -> str:
        name = self.names.get(user_id)
        return name if name else _("user #%(id)s") % {"id": user_id}

    def value(self, value, *, user: bool = False) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if user and isinstance(value, int):
            return self.person(value)
        if isinstance(value, list):
            return ", ".join(self.value(v, user=user) for v in value) or "—"
        if isinstance(value, dict):
            return "; ".join(f"{_key(k)}: {self.value(v)}" for k, v in value.items())
        if isinstance(value, str):
            if _DATETIME.match(value):
                parsed = parse_datetime(value)
                if parsed is not None:
                    if timezone.is_naive(parsed):
                        parsed = timezone.make_aware(parsed, dt.UTC)
                    return local_time(parsed)
            if _DATE.match(value):
                parsed_date = parse_date(value)
                if parsed_date is not None:
                    return date_format(parsed_date, "j F Y")
        return str(value)

    def pairs(self, payload, object_type: str) -> list[Pair]:
        if payload in (None, {}, []):
            return []
        if not isinstance(payload, dict):
            return [Pair("", self.value(payload))]
        model = _model(object_type)
        return [
            Pair(_field_label(model, key), self._keyed(model, key, value))
            for key, value in payload.items()
        ]

    def _keyed(self, model, key: str, value) -> str:
        if (
            key in ("state", "from_state", "to_state")
            and isinstance(value, str)
            and value in STATES
        ):
            return str(STATES[value])
        return self.value(value, user=self._user_field(model, key))

    def rows(self) -> list[dict]:
        return [
            {
                "entry": e,
                "event": event_label(e.action),
                "actor": self.person(e.actor_id) if e.actor_id else e.actor_repr,
                "time": local_time(e.created_at),
                "before": self.pairs(e.before, e.object_type),
                "after": self.pairs(e.after, e.object_type),
            }
            for e in self.entries
        ]


def _key(key) -> str:
    text = str(key).replace("_", " ")
    return text[:1].upper() + text[1:]


def _field_label(model, key: str) -> str:
    if model is not None:
        try:
            name = str(model._meta.get_field(key).verbose_name)
            return name[:1].upper() + name[1:]
        except Exception:  # noqa: BLE001 - a key that is no field keeps a readable form
            pass
    return _key(key)
