"""Issue 13, item 9: the PPK is offered the recommended level's sanctions; another level only
with a recorded reason; a lightened objection names its new, lighter sanction."""

from __future__ import annotations

import datetime as dt

import pytest

from pantau.cases.errors import CaseError
from pantau.cases.forms import ActionForm
from pantau.cases.models import Appeal, Case, CaseFinding
from pantau.cases.services import case_act
from pantau.core.cases.sanctions import recommend_level

MEDIUM = ["salary_increment_delay_1y", "promotion_delay_1y", "rank_demotion_1y"]


def _recommendation(impact: str) -> dict:
    rec = recommend_level([("3f", impact)], previous_sanctions=[])
    return {
        "level": rec.level.value,
        "reasons": rec.reasons,
        "reasons_id": rec.reasons_id,
        "legal_basis": rec.legal_basis,
        "team_required": rec.team_required,
        "provisions": [["3f", impact]],
        "note": "",
        "sanctions": [
            {"code": s.code, "name_id": s.name_id, "name_en": s.name_en, "legal_basis": ""}
            for s in rec.sanctions
        ],
    }


@pytest.fixture
def medium_case(make_finding):
    finding = make_finding()
    case = Case.objects.create(
        employee=finding.employee,
        state="decision",
        recommended_level="medium",
        recommendation=_recommendation("instansi"),
    )
    CaseFinding.objects.create(case=case, finding=finding)
    return case


def _codes(field) -> list[str]:
    return [code for code, _label in field.choices if code]


def test_the_decision_form_offers_only_the_recommended_levels_sanctions(medium_case):
    form = ActionForm(case=medium_case)
    assert _codes(form.fields["sanction_code"]) == MEDIUM
    others = _codes(form.fields["other_sanction_code"])
    assert "written_reprimand" in others and "honourable_dismissal" in others
    assert not set(others) & set(MEDIUM) and len(others) == 6
    # Without a case (or a recommendation) every sanction in force stays available.
    assert len(_codes(ActionForm().fields["sanction_code"])) == 9


def _post(case, **data) -> ActionForm:
    base = {"action": "record_decision", "decision_number": "800/1/2026"}
    return ActionForm({**base, **data}, case=case)


def test_another_level_needs_the_tick_and_a_reason(medium_case):
    assert not _post(medium_case, sanction_code="written_reprimand").is_valid()  # not offered
    untick = _post(medium_case, other_sanction_code="written_reprimand")
    assert not untick.is_valid() and "other_level" in untick.errors
    silent = _post(medium_case, other_level="on", other_sanction_code="written_reprimand")
    assert not silent.is_valid() and "reason" in silent.errors
    chosen = _post(
        medium_case,
        other_level="on",
        other_sanction_code="written_reprimand",
        reason="Pegawai mengakui dan segera menghapus unggahan",
    )
    assert chosen.is_valid(), chosen.errors
    data = chosen.action_data()
    assert data["sanction_code"] == "written_reprimand" and "other_sanction_code" not in data
    plain = _post(medium_case, sanction_code="promotion_delay_1y")
    assert plain.is_valid() and plain.action_data()["sanction_code"] == "promotion_delay_1y"


def test_the_service_refuses_another_level_without_a_reason(medium_case, users):
    with pytest.raises(CaseError):
        case_act(
            case_id=medium_case.pk,
            name="record_decision",
            actor=users["decider"],
            data={"sanction_code": "written_reprimand", "decision_number": "800/1/2026"},
        )
    case = case_act(
        case_id=medium_case.pk,
        name="record_decision",
        actor=users["decider"],
        data={
            "sanction_code": "written_reprimand",
            "decision_number": "800/1/2026",
            "decision_date": dt.date.today(),
            "reason": "Pegawai mengakui dan segera menghapus unggahan",
        },
    )
    assert case.sanction_code == "written_reprimand"
    assert case.decision_reason == "Pegawai mengakui dan segera menghapus unggahan"


@pytest.fixture
def objection(medium_case, users):
    medium_case.state = "appeal"
    medium_case.sanction_code = "promotion_delay_1y"
    medium_case.decision_number = "800/1/2026"
    medium_case.decision_date = dt.date.today()
    medium_case.save()
    Appeal.objects.create(
        case=medium_case,
        kind=Appeal.Kind.OBJECTION,
        text="Saya keberatan",
        filed_by=users["employee"],
        decide_by=dt.date.today() + dt.timedelta(days=30),
    )
    return medium_case


def _resolve(case, users, **data):
    return case_act(case_id=case.pk, name="resolve_appeal", actor=users["decider"], data=data)


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("", "lebih ringan"),  # no new sanction
        ("rank_demotion_1y", "tidak lebih ringan"),  # heavier
        ("promotion_delay_1y", "tidak lebih ringan"),  # the same
        ("allowance_cut_6m", "bukan jenis hukuman yang berlaku"),  # not in force (PP 53 now)
        ("no_such_sanction", "bukan jenis hukuman yang berlaku"),
    ],
)
def test_a_lightened_objection_without_a_lighter_sanction_is_refused(
    objection, users, new, message
):
    with pytest.raises(CaseError) as refused:
        _resolve(objection, users, outcome="lightened", new_sanction_code=new, reason="Diperingan")
    assert message in str(refused.value)
    objection.refresh_from_db()
    assert objection.state == "appeal" and objection.sanction_code == "promotion_delay_1y"
    assert objection.appeals.get().outcome == ""  # nothing half-written


def test_a_lightened_objection_records_the_new_sanction(objection, users):
    from pantau.audit.models import AuditEntry

    case = _resolve(
        objection,
        users,
        outcome="lightened",
        new_sanction_code="salary_increment_delay_1y",
        reason="Pertimbangan masa kerja",
    )
    assert case.state == "closed" and case.sanction_code == "salary_increment_delay_1y"
    assert case.appeals.get().outcome == "lightened"
    entry = AuditEntry.objects.filter(action="case.resolve_appeal").latest("pk")
    assert entry.before["sanction"] == "promotion_delay_1y"
    assert entry.after["sanction"] == "salary_increment_delay_1y"


def test_an_upheld_objection_keeps_the_sanction(objection, users):
    case = _resolve(objection, users, outcome="upheld", reason="Tetap")
    assert case.sanction_code == "promotion_delay_1y"


def test_the_case_page_offers_the_decider_the_recommended_levels_sanctions(medium_case, login_as):
    import re

    page = login_as("decider").get(f"/kasus/{medium_case.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    select = re.search(r'<select name="sanction_code"[^>]*>(.*?)</select>', html, re.S)
    assert select, "no decision form on the page"
    offered = re.findall(r'<option value="([a-z_0-9]+)"', select.group(1))
    assert offered == MEDIUM
    assert 'name="other_level"' in html and 'name="other_sanction_code"' in html
