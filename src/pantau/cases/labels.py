"""Words people see for the ladder's states, steps, deadlines and roles (translated)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from pantau.core.cases import ladder

STATES = {
    "open": _("open"),
    "guidance": _("guidance"),
    "deletion_check": _("deletion check"),
    "summons": _("summons"),
    "examination": _("examination"),
    "recommendation": _("recommendation"),
    "decision": _("decision"),
    "delivered": _("decision delivered"),
    "appeal": _("objection or appeal"),
    "closed": _("closed"),
    # steps the pattern assessment may recommend
    "examination_team": _("examination by a team"),
}

STEPS = {
    "opened": _("Case opened"),
    "add_finding": _("Another confirmed finding added"),
    "start_guidance": _("Start guidance: remind and ask to delete (not a sanction)"),
    "request_deletion_check": _("Check whether the post has been deleted"),
    "close_after_guidance": _("Close: the post is deleted and there is no pattern"),
    "escalate_to_summons": _("Escalate to the first summons (PP 94/2021 Pasal 26)"),
    "issue_second_summons": _("Issue the second summons (Pasal 26 ayat (3))"),
    "start_examination": _("Start the closed examination (Pasal 27)"),
    "finish_examination": _("Finish the examination; the BAP is stored (Pasal 32)"),
    "decide_without_examination": _("Absent twice: decide on the evidence (Pasal 26 ayat (4))"),
    "recommend": _("Forward the recommendation to the decider"),
    "return_recommendation": _("Send the recommendation back for revision"),
    "record_decision": _("Record the disciplinary decision (SK)"),
    "decide_no_sanction": _("Decide that no sanction is imposed"),
    "deliver_decision": _("Deliver the decision (within 14 working days, Pasal 37)"),
    "open_appeal": _("Lodge an objection or appeal (PP 79/2021)"),
    "resolve_appeal": _("Record the objection or appeal outcome and close"),
    "withdraw_appeal": _("The objection is withdrawn"),
    "close_without_appeal": _("Close: no objection within the window"),
    "dismiss_case": _("Dismiss the case with a reason"),
    "confirm_attribution": _("Record that the account is the employee's"),
    "record_guidance": _("Record guidance given (not a sanction, not a strike)"),
    "confirm_deletion": _("The employee confirms the deletion"),
    "record_deletion_check": _("Record the re-check of the post (before and after evidence)"),
    "approve_escalation": _("Approve escalation to a summons (head)"),
    "acknowledge": _("Acknowledge being informed (direct superior, Pasal 26–28)"),
    "record_response": _("The employee's response (hak jawab)"),
    "record_attendance": _("Record attendance at the summons date"),
    "form_examination_team": _("Form the examination team (Pasal 29)"),
    "release_from_duty": _("Temporary release from duty (Pasal 31)"),
    "record_bap": _("Store the examination record (BAP)"),
    "record_refusal_to_sign": _("The employee refuses to sign the BAP (Pasal 32 ayat (2))"),
    "record_recommendation": _("Record the recommended level and legal basis (LHP)"),
    "approve_recommendation": _("Approve the recommendation (head)"),
    "record_receipt": _("Record when the decision was received or sent"),
}

DEADLINES = {
    "deletion": _("delete the post"),
    "supervisor_ack": _("superior acknowledges"),
    "exam": _("examination"),
    "summons_2": _("second summons"),
    "decision_delivery": _("deliver the decision"),
    "objection": _("objection window"),
    "appeal": _("appeal window"),
    "objection_decision": _("decide the objection"),
    "appeal_decision": _("BPASN decides the appeal"),
}

ROLES = {
    "employee": _("employee"),
    "supervisor": _("direct superior"),
    "inspector": _("inspector"),
    "head": _("inspectorate head"),
    "decider": _("decider (PPK)"),
}


def step_label(name: str) -> str:
    return str(STEPS.get(name, name.replace("_", " ")))


assert set(STEPS) >= {t.name for t in ladder.TRANSITIONS} | {e.name for e in ladder.EVENTS}, (
    "every ladder step needs a label"
)
