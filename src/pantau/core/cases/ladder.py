"""The case ladder (DESIGN.md §4) as an explicit state machine with ONE transition table.

``open`` → ``guidance`` (remind, ask to delete; recorded, NOT a sanction and not a strike) →
``deletion_check`` → ``closed`` when deleted and no pattern; otherwise → ``summons`` (I, then II
if absent; PP 94/2021 Pasal 26) → ``examination`` (BAP, Pasal 27 and 32; a team for heavy,
Pasal 29) → ``recommendation`` (level, allowed sanctions and legal basis, approved by the head) →
``decision`` (the decider records it; the system never computes a sanction) → ``delivered``
(Pasal 37) → ``appeal`` (keberatan or banding, PP 79/2021) → ``closed``.

Every state change is a :class:`Transition` in :data:`TRANSITIONS`. :func:`check` verifies the
state, the actor's role and the named preconditions; the Django service evaluates each
precondition of :data:`PRECONDITIONS` to a bool, passes them as ``facts``, then applies the change
and writes the audit log in one transaction. Things recorded inside a state (attendance, refusal
to sign the BAP, the employee's response…) are not transitions but :data:`EVENTS`, checked with
:func:`check_event`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum


class State(StrEnum):
    OPEN = "open"
    GUIDANCE = "guidance"
    DELETION_CHECK = "deletion_check"
    SUMMONS = "summons"
    EXAMINATION = "examination"
    RECOMMENDATION = "recommendation"
    DECISION = "decision"
    DELIVERED = "delivered"
    APPEAL = "appeal"
    CLOSED = "closed"


ROLES = ("admin", "inspector", "head", "decider", "supervisor", "employee", "auditor")
NOT_CLOSED = frozenset(s for s in State if s is not State.CLOSED)


class TransitionError(Exception):
    """A refused transition or event: ``code`` for programs, ``message_en`` for people."""

    def __init__(
        self,
        code: str,
        message_en: str,
        *,
        transition: str | None = None,
        precondition: str | None = None,
        failed: tuple[str, ...] = (),
    ) -> None:
        super().__init__(message_en)
        self.code = code
        self.message_en = message_en
        self.transition = transition
        self.precondition = precondition  # the first failed precondition, if any
        self.failed = failed  # every failed precondition


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset[State]
    target: State
    roles: frozenset[str]
    preconditions: tuple[str, ...]
    audit_action: str
    description_id: str
    description_en: str


@dataclass(frozen=True)
class CaseEvent:
    """Something recorded inside a state without changing it."""

    name: str
    states: frozenset[State]
    roles: frozenset[str]
    audit_action: str
    description_en: str


PRECONDITIONS: dict[str, str] = {
    "finding_confirmed": "The case holds at least one finding confirmed by a reviewer.",
    "actor_no_conflict": "The acting person is not the employee, not a target of the post, not "
    "the reporter, not a recorded relative or conflicted party, and for a decision did not review "
    "the finding; being a superior is no conflict (DESIGN.md §4, PP 94/2021 Pasal 26–28).",
    "guidance_recorded": "The guidance (reminder and request to delete, with its deadline) is "
    "recorded.",
    "deletion_due_or_reported": "The deletion deadline has come, or the employee reported the "
    "deletion.",
    "deletion_verified": "The post is checked again and gone; before and after evidence is kept "
    "and hashed.",
    "no_pattern": "The pattern assessment recommends guidance only (no continuing pattern, no "
    "repeat after a sanction).",
    "attribution_confirmed": "The account is confirmed as the employee's (not hacked, not "
    "impersonated).",
    "head_approved": "The inspectorate head's approval is recorded.",
    "exam_date_in_window": "The examination date is at most 7 working days after the date of the "
    "summons letter (PP 94/2021 Pasal 26 ayat (2)).",
    "absent_at_first_summons": "The employee's absence at the first summons is recorded.",
    "no_second_summons_yet": "No second summons has been issued in this case (only one is "
    "allowed).",
    "second_summons_in_window": "The second summons is dated at most 7 working days after the "
    "missed examination date (PP 94/2021 Pasal 26 ayat (3)).",
    "employee_present": "The employee attended the examination (in person or virtually, Pasal 27 "
    "ayat (2)).",
    "team_formed_if_heavy": "If a heavy sanction is possible, an examination team is formed "
    "(PP 94/2021 Pasal 29 ayat (2)).",
    "examiner_not_involved": "No examiner is involved in the violation; an involved direct "
    "superior is replaced by the next superior (Pasal 29 ayat (6)).",
    "bap_recorded": "The examination record (BAP) is stored, signed by the examiner and by the "
    "employee or with the refusal to sign recorded (Pasal 32).",
    "absent_at_second_summons": "The employee was absent at the second summons too and the "
    "non-attendance is recorded (PP 94/2021 Pasal 26 ayat (4)).",
    "recommendation_recorded": "The recommendation (level, allowed sanctions, legal basis, "
    "reasons) is recorded by an inspector.",
    "reason_given": "A written reason is recorded.",
    "decider_authorised": "The decider holds the power to impose this level on this employee "
    "(PP 94/2021 Pasal 16–25).",
    "sanction_in_catalogue": "The sanction is one of the PP 94/2021 Pasal 8 types (or Pasal 42 "
    "medium types) of the chosen level; a departure from the recommended level has a reason.",
    "decision_recorded": "The decider's decision (SK) is recorded with its number and date.",
    "receipt_recorded": "The date the employee received the decision, or the date it was sent "
    "because they were absent, is recorded (Pasal 37 ayat (4), Pasal 38).",
    "appeal_in_window": "The objection or appeal is lodged within 14 working days of receipt "
    "(PP 79/2021 Pasal 4 ayat (2), Pasal 11).",
    "appeal_kind_allowed": "Banding goes to BPASN only against dismissal; other decisions take "
    "keberatan (PP 79/2021 Pasal 1 angka 4–5, Pasal 10).",
    "appeal_in_writing": "The objection or appeal is in writing with its reasons (PP 79/2021 "
    "Pasal 4 ayat (1)).",
    "appeal_outcome_recorded": "The outcome (upheld, lightened, made heavier, changed, revoked, "
    "annulled; PP 79/2021 Pasal 6, 9, 16) is recorded.",
    "not_involved": "The person deciding the appeal did not review the finding.",
    "appeal_window_passed": "The objection/appeal window (14 working days after receipt) has "
    "passed without an objection.",
    "withdrawal_recorded": "The employee's written withdrawal of the objection is recorded.",
}

PRECONDITIONS_ID: dict[str, str] = {
    "finding_confirmed": "Ada temuan yang sudah dikonfirmasi peninjau.",
    "actor_no_conflict": "Pelaksana bukan pegawai yang bersangkutan, bukan sasaran postingan, "
    "bukan pelapor, bukan kerabat atau pihak yang tercatat berkepentingan, dan untuk keputusan "
    "bukan penelaah temuan; kedudukan sebagai atasan bukan benturan kepentingan.",
    "guidance_recorded": "Pembinaan (pengingat dan permintaan hapus beserta batas waktunya) sudah "
    "dicatat.",
    "deletion_due_or_reported": "Batas waktu penghapusan tiba, atau pegawai melaporkan sudah "
    "menghapus.",
    "deletion_verified": "Postingan diperiksa ulang dan sudah terhapus; bukti sebelum dan sesudah "
    "disimpan.",
    "no_pattern": "Penilaian pola menyarankan pembinaan saja.",
    "attribution_confirmed": "Akun dipastikan milik pegawai (bukan diretas atau dipalsukan).",
    "head_approved": "Persetujuan Inspektur sudah dicatat.",
    "exam_date_in_window": "Tanggal pemeriksaan paling lambat 7 hari kerja sejak tanggal surat "
    "panggilan (PP 94/2021 Pasal 26 ayat (2)).",
    "absent_at_first_summons": "Ketidakhadiran pada panggilan pertama sudah dicatat.",
    "no_second_summons_yet": "Belum ada panggilan kedua.",
    "second_summons_in_window": "Panggilan kedua paling lambat 7 hari kerja setelah tanggal "
    "pemeriksaan yang tidak dihadiri (Pasal 26 ayat (3)).",
    "employee_present": "Pegawai hadir dalam pemeriksaan.",
    "team_formed_if_heavy": "Tim pemeriksa dibentuk bila dapat dijatuhi hukuman berat (Pasal 29).",
    "examiner_not_involved": "Pemeriksa tidak terlibat dalam pelanggaran (Pasal 29 ayat (6)).",
    "bap_recorded": "BAP sudah disimpan dan ditandatangani, atau penolakan tanda tangan dicatat "
    "(Pasal 32).",
    "absent_at_second_summons": "Pegawai juga tidak hadir pada panggilan kedua (Pasal 26 ayat (4)).",
    "recommendation_recorded": "Rekomendasi (tingkat, jenis yang dapat dipilih, dasar hukum) sudah "
    "dicatat.",
    "reason_given": "Alasan tertulis sudah dicatat.",
    "decider_authorised": "Pejabat berwenang menjatuhkan tingkat hukuman ini (Pasal 16–25).",
    "sanction_in_catalogue": "Jenis hukuman sesuai Pasal 8 (atau Pasal 42) pada tingkat yang "
    "dipilih.",
    "decision_recorded": "Keputusan (SK) sudah dicatat beserta nomor dan tanggalnya.",
    "receipt_recorded": "Tanggal keputusan diterima, atau dikirim karena pegawai tidak hadir, "
    "sudah dicatat (Pasal 37–38).",
    "appeal_in_window": "Diajukan dalam 14 hari kerja sejak keputusan diterima (PP 79/2021).",
    "appeal_kind_allowed": "Banding ke BPASN hanya terhadap pemberhentian; selain itu keberatan.",
    "appeal_in_writing": "Diajukan secara tertulis dengan alasannya.",
    "appeal_outcome_recorded": "Hasil keberatan atau banding sudah dicatat.",
    "not_involved": "Pemutus keberatan tidak ikut meninjau temuan.",
    "appeal_window_passed": "Batas waktu keberatan/banding sudah lewat tanpa upaya administratif.",
    "withdrawal_recorded": "Pencabutan keberatan secara tertulis sudah dicatat.",
}


def _t(name, sources, target, roles, preconditions, id_, en) -> Transition:
    return Transition(
        name=name,
        sources=frozenset(sources),
        target=target,
        roles=frozenset(roles),
        preconditions=tuple(preconditions),
        audit_action=f"case.{name}",
        description_id=id_,
        description_en=en,
    )


S = State
TRANSITIONS: tuple[Transition, ...] = (
    _t("start_guidance", [S.OPEN], S.GUIDANCE, ["inspector", "head"],
       ["finding_confirmed", "actor_no_conflict"],
       "Mulai pembinaan: ingatkan dan minta hapus; dicatat, bukan hukuman disiplin.",
       "Start guidance: remind and ask to delete; recorded, not a disciplinary sanction."),
    _t("request_deletion_check", [S.GUIDANCE], S.DELETION_CHECK, ["inspector", "head"],
       ["guidance_recorded", "deletion_due_or_reported"],
       "Periksa apakah postingan sudah dihapus.",
       "Check whether the post has been deleted."),
    _t("close_after_guidance", [S.DELETION_CHECK], S.CLOSED, ["inspector", "head"],
       ["deletion_verified", "no_pattern"],
       "Tutup kasus: postingan terhapus dan tidak ada pola.",
       "Close the case: the post is deleted and there is no pattern."),
    _t("escalate_to_summons", [S.OPEN, S.GUIDANCE, S.DELETION_CHECK], S.SUMMONS,
       ["inspector", "head"],
       ["attribution_confirmed", "head_approved", "exam_date_in_window", "actor_no_conflict"],
       "Naikkan ke panggilan I untuk pemeriksaan (PP 94/2021 Pasal 26).",
       "Escalate to the first summons for examination (PP 94/2021 Pasal 26)."),
    _t("issue_second_summons", [S.SUMMONS], S.SUMMONS, ["inspector", "head"],
       ["absent_at_first_summons", "no_second_summons_yet", "second_summons_in_window"],
       "Terbitkan panggilan II karena tidak hadir pada panggilan I (Pasal 26 ayat (3)).",
       "Issue the second summons after absence at the first (Pasal 26(3))."),
    _t("start_examination", [S.SUMMONS], S.EXAMINATION, ["inspector", "head", "supervisor"],
       ["employee_present", "team_formed_if_heavy", "examiner_not_involved"],
       "Mulai pemeriksaan tertutup (Pasal 27 ayat (2)).",
       "Start the closed examination (Pasal 27(2))."),
    _t("finish_examination", [S.EXAMINATION], S.RECOMMENDATION,
       ["inspector", "head", "supervisor"], ["bap_recorded"],
       "Selesaikan pemeriksaan; BAP tersimpan (Pasal 32).",
       "Finish the examination; the BAP is stored (Pasal 32)."),
    _t("decide_without_examination", [S.SUMMONS], S.RECOMMENDATION, ["inspector", "head"],
       ["absent_at_second_summons"],
       "Tidak hadir dua kali: diputus berdasarkan bukti tanpa pemeriksaan (Pasal 26 ayat (4)).",
       "Absent twice: decided on the evidence without examination (Pasal 26(4))."),
    _t("recommend", [S.RECOMMENDATION], S.DECISION, ["inspector", "head"],
       ["recommendation_recorded", "head_approved"],
       "Teruskan rekomendasi (tingkat, jenis yang dapat dipilih, dasar hukum) kepada pejabat "
       "yang berwenang menghukum.",
       "Forward the recommendation (level, allowed sanctions, legal basis) to the decider."),
    _t("return_recommendation", [S.DECISION], S.RECOMMENDATION, ["decider", "head"],
       ["reason_given"],
       "Kembalikan rekomendasi untuk diperbaiki.",
       "Send the recommendation back for revision."),
    _t("record_decision", [S.DECISION], S.DECISION, ["decider"],
       ["decider_authorised", "sanction_in_catalogue", "actor_no_conflict"],
       "Catat keputusan hukuman disiplin (Pasal 33, 37 ayat (1)); dapat diperbaiki sebelum "
       "disampaikan.",
       "Record the disciplinary decision (Pasal 33, 37(1)); may be corrected until delivered."),
    _t("decide_no_sanction", [S.DECISION], S.CLOSED, ["decider"],
       ["decider_authorised", "reason_given", "actor_no_conflict"],
       "Putuskan tidak dijatuhi hukuman (pelanggaran tidak terbukti).",
       "Decide that no sanction is imposed (violation not proven)."),
    _t("deliver_decision", [S.DECISION], S.DELIVERED, ["inspector", "decider"],
       ["decision_recorded", "receipt_recorded"],
       "Sampaikan keputusan paling lambat 14 hari kerja (Pasal 37 ayat (3)–(4)).",
       "Deliver the decision within 14 working days (Pasal 37(3)–(4))."),
    _t("open_appeal", [S.DELIVERED], S.APPEAL, ["employee", "inspector"],
       ["appeal_in_window", "appeal_kind_allowed", "appeal_in_writing"],
       "Ajukan keberatan atau banding administratif (PP 79/2021).",
       "Lodge an objection or administrative appeal (PP 79/2021)."),
    _t("resolve_appeal", [S.APPEAL], S.CLOSED, ["decider", "inspector"],
       ["appeal_outcome_recorded", "not_involved", "actor_no_conflict"],
       "Catat putusan keberatan (PPK) atau banding (BPASN) dan tutup kasus.",
       "Record the objection (PPK) or appeal (BPASN) outcome and close the case."),
    _t("withdraw_appeal", [S.APPEAL], S.CLOSED, ["employee", "inspector"],
       ["withdrawal_recorded"],
       "Keberatan dicabut; keputusan berlaku.",
       "The objection is withdrawn; the decision stands."),
    _t("close_without_appeal", [S.DELIVERED], S.CLOSED, ["inspector", "head"],
       ["appeal_window_passed"],
       "Tutup kasus: tidak ada keberatan dalam batas waktu.",
       "Close the case: no objection within the window."),
    _t("dismiss_case", NOT_CLOSED, S.CLOSED, ["head"], ["reason_given"],
       "Hentikan kasus dengan alasan (mis. akun bukan milik pegawai).",
       "Dismiss the case with a reason (e.g. the account is not the employee's)."),
)  # fmt: skip
del S

_BY_NAME = {t.name: t for t in TRANSITIONS}


def _e(name: str, states: Iterable[State], roles: Iterable[str], en: str) -> CaseEvent:
    return CaseEvent(name, frozenset(states), frozenset(roles), f"case.{name}", en)


_ACTIVE = NOT_CLOSED - {State.OPEN}
EVENTS: tuple[CaseEvent, ...] = (
    _e("add_finding", {State.OPEN, State.GUIDANCE, State.DELETION_CHECK, State.SUMMONS,
                       State.EXAMINATION}, {"inspector", "head"},
       "Add another confirmed finding; several violations get one sanction (Pasal 35(1))."),
    _e("confirm_attribution", {State.OPEN, State.GUIDANCE, State.DELETION_CHECK},
       {"inspector", "head"}, "Record that the account is the employee's."),
    _e("record_guidance", {State.GUIDANCE}, {"inspector", "head", "supervisor"},
       "Record the guidance given (not a sanction, not a strike)."),
    _e("confirm_deletion", {State.GUIDANCE, State.DELETION_CHECK}, {"employee"},
       "The employee confirms that the post is deleted."),
    _e("record_deletion_check", {State.DELETION_CHECK}, {"inspector", "head"},
       "Record the re-check of the post with before and after evidence."),
    _e("approve_escalation", {State.OPEN, State.GUIDANCE, State.DELETION_CHECK}, {"head"},
       "The head approves escalation to a summons."),
    _e("acknowledge", NOT_CLOSED, {"supervisor"},
       "The direct superior acknowledges being informed (Pasal 26–28)."),
    _e("record_response", _ACTIVE, {"employee"}, "The employee's written response (hak jawab)."),
    _e("record_attendance", {State.SUMMONS}, {"inspector", "head", "supervisor"},
       "Record attendance or absence at the summons date."),
    _e("form_examination_team", {State.SUMMONS, State.EXAMINATION}, {"head", "decider"},
       "Form the examination team (Pasal 29(3)–(5))."),
    _e("release_from_duty", {State.EXAMINATION, State.RECOMMENDATION, State.DECISION},
       {"supervisor", "head"}, "Temporary release from duty when heavy is likely (Pasal 31)."),
    _e("record_bap", {State.EXAMINATION}, {"inspector", "head", "supervisor"},
       "Store the examination record (BAP) and its signatures (Pasal 32(1))."),
    _e("record_refusal_to_sign", {State.EXAMINATION, State.RECOMMENDATION},
       {"inspector", "head", "supervisor"},
       "The employee refuses to sign the BAP; it stays the basis (Pasal 32(2))."),
    _e("record_recommendation", {State.RECOMMENDATION}, {"inspector"},
       "Record the recommended level, allowed sanctions and legal basis (LHP)."),
    _e("approve_recommendation", {State.RECOMMENDATION}, {"head"},
       "The head approves the recommendation."),
    _e("record_receipt", {State.DECISION, State.DELIVERED}, {"inspector", "decider"},
       "Record when the decision was received or sent (Pasal 37(4), 38)."),
)  # fmt: skip

_EVENTS_BY_NAME = {e.name: e for e in EVENTS}


def _state(state: State | str) -> State:
    try:
        return State(state)
    except ValueError:
        raise TransitionError("unknown_state", f"Unknown case state {state!r}.") from None


def transition(name: str) -> Transition:
    """The transition called ``name``; :class:`TransitionError` if there is none."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise TransitionError(
            "unknown_transition", f"Unknown transition {name!r}.", transition=name
        ) from None


def allowed(state: State | str, role: str) -> list[Transition]:
    """Transitions leaving ``state`` that ``role`` may perform (preconditions not evaluated)."""
    state = _state(state)
    return [t for t in TRANSITIONS if state in t.sources and role in t.roles]


def check(
    transition_name: str, *, state: State | str, role: str, facts: Mapping[str, bool]
) -> Transition:
    """Return the transition if ``role`` may take it from ``state`` with these ``facts``.

    Checked in order: the transition exists, the case is in one of its source states, the role
    is allowed, every precondition is supplied and true. All failed preconditions are named.
    """
    t = transition(transition_name)
    state = _state(state)
    if state not in t.sources:
        sources = ", ".join(sorted(s.value for s in t.sources))
        raise TransitionError(
            "wrong_state",
            f"'{t.name}' is not possible while the case is '{state.value}' (only from: {sources}).",
            transition=t.name,
        )
    if role not in t.roles:
        roles = ", ".join(sorted(t.roles))
        raise TransitionError(
            "role_not_allowed",
            f"The role '{role}' may not perform '{t.name}' (allowed: {roles}).",
            transition=t.name,
        )
    missing = tuple(p for p in t.preconditions if p not in facts)
    if missing:
        raise TransitionError(
            "missing_fact",
            f"'{t.name}' cannot be checked: no value given for {', '.join(missing)}.",
            transition=t.name,
            precondition=missing[0],
            failed=missing,
        )
    failed = tuple(p for p in t.preconditions if not facts[p])
    if failed:
        why = " ".join(f"[{p}] {PRECONDITIONS[p]}" for p in failed)
        raise TransitionError(
            "precondition_failed",
            f"'{t.name}' needs what is not yet true: {why}",
            transition=t.name,
            precondition=failed[0],
            failed=failed,
        )
    return t


def check_event(name: str, *, state: State | str, role: str) -> CaseEvent:
    """Return the event if ``role`` may record it while the case is in ``state``."""
    try:
        event = _EVENTS_BY_NAME[name]
    except KeyError:
        raise TransitionError("unknown_event", f"Unknown case event {name!r}.") from None
    state = _state(state)
    if state not in event.states:
        raise TransitionError(
            "wrong_state", f"'{name}' cannot be recorded while the case is '{state.value}'."
        )
    if role not in event.roles:
        roles = ", ".join(sorted(event.roles))
        raise TransitionError(
            "role_not_allowed", f"The role '{role}' may not record '{name}' (allowed: {roles})."
        )
    return event
