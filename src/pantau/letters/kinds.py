"""The kinds of letter, and per kind: layout, signature, who issues it and who may read it.

One table (:data:`SPECS`) holds every rule that differs between kinds, so the services, the
views and the renderers read the same facts:

- ``layout``: ``"letter"`` is a surat dinas (place and date at the top right, Nomor, Sifat,
  Lampiran and Hal at the left, then "Yth." and the addressee; REGULATIONS.md §3.7);
  ``"titled"`` is a document whose template writes its own centred title and number (surat
  panggilan, BAP, nota dinas, keputusan).
- ``signature``: ``"single"`` (one block on the right), ``"bap"`` (the employee on the left and
  the examiner on the right, PP 94/2021 Pasal 32 ayat (1)) or ``"decree"`` ("Ditetapkan di …
  pada tanggal …" above the PPK's block).
- ``issuers``: the acting roles (:func:`pantau.cases.selectors.acting_role`) that may issue it.
  The inspectorate (inspector, head) issues everything except the draft SK, which the decider
  (PPK) issues once the decision is recorded.
- ``to_employee``: whether the employee concerned may download it. Summonses and the guidance
  letter are addressed to them; the BAP is theirs to keep (Pasal 32 ayat (3)); the SK draft only once
  the decision has been received (``case.receipt_date``, Pasal 37–38). The nota dinas (to the
  direct superior) and the LHP (to the PPK) are internal.
- ``signer``: who signs. ``"summoner"``: the employee's direct superior (atasan langsung, PP
  94/2021 Pasal 26 ayat (1)), or the examination team's chair once a team is formed (Pasal 29);
  ``"decider"``: the PPK who recorded the decision; ``"head"``: the letterhead's signatory
  (the Inspektur). Every block carries name, pangkat/golongan and the formatted NIP.
- ``date_from``: which recorded date the letter carries (the summons date drives the Pasal 26
  window, the examination date is the BAP's own date, the decision date the SK's).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    NOTA_DINAS_TEMUAN = "nota_dinas_temuan", _("memo on a finding (nota dinas temuan)")
    SUMMONS_1 = "summons_1", _("first summons (surat panggilan I)")
    SUMMONS_2 = "summons_2", _("second summons (surat panggilan II)")
    BAP = "bap", _("examination record (BAP)")
    LHP = "lhp", _("examination report (LHP)")
    SK_DRAFT = "sk_draft", _("draft disciplinary decision (SK)")
    # The key "teguran" is kept for the rows already stored; the letter is a guidance letter
    # (surat pembinaan), not the sanction "teguran tertulis" (PP 94/2021 Pasal 8 ayat (2) huruf b).
    GUIDANCE = "teguran", _("guidance letter (surat pembinaan)")


class Language(models.TextChoices):
    ID = "id", "Bahasa Indonesia"
    EN = "en", "English"


INSPECTORATE = frozenset({"inspector", "head"})


@dataclass(frozen=True)
class Spec:
    layout: str = "titled"
    signature: str = "single"
    sign_date: bool = True  # print "Place, date" above a single signature block
    kop: str = "unit"  # "unit" (inspectorate letterhead) or "decider" (the PPK's heading)
    issuers: frozenset[str] = INSPECTORATE
    to_employee: str = "no"  # "no", "yes" or "after_receipt"
    date_from: str = "today"  # "today", "summons", "exam", "decision"
    draft: bool = False
    signer: str = "head"  # "head" (the letterhead's signatory), "summoner", "decider"


SPECS: dict[str, Spec] = {
    Kind.NOTA_DINAS_TEMUAN: Spec(sign_date=False),
    Kind.SUMMONS_1: Spec(to_employee="yes", date_from="summons", signer="summoner"),
    Kind.SUMMONS_2: Spec(to_employee="yes", date_from="summons", signer="summoner"),
    Kind.BAP: Spec(signature="bap", to_employee="yes", date_from="exam"),
    Kind.LHP: Spec(layout="letter", sign_date=False),
    Kind.SK_DRAFT: Spec(
        signature="decree",
        kop="decider",
        issuers=frozenset({"decider"}),
        to_employee="after_receipt",
        date_from="decision",
        draft=True,
        signer="decider",
    ),
    Kind.GUIDANCE: Spec(layout="letter", sign_date=False, to_employee="yes"),
}


def spec(kind: str) -> Spec:
    return SPECS[Kind(kind)]


def employee_may_read(kind: str, *, receipt_recorded: bool) -> bool:
    """May the employee concerned download a letter of this kind (see the module docstring)?"""
    rule = spec(kind).to_employee
    return rule == "yes" or (rule == "after_receipt" and receipt_recorded)
