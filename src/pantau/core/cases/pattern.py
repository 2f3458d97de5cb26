"""Pattern versus outburst: which ladder step an employee's record of findings points to.

This is EVIDENCE shown to the examiner with its reasons in plain words, never a verdict: the
inspector and the head choose the step, the decider alone chooses any sanction (DESIGN.md §4).

Rules (numbers in :class:`Weights`, all adjustable):

- Only confirmed findings count; unconfirmed ones are mentioned and ignored.
- A single confirmed finding with no prior record goes to guidance only. Several comments within
  one short episode (``episode_hours``) are one outburst, not a pattern.
- Each finding weighs ``kind × category × severity × reach``: shares and reactions weigh less
  than authored posts (0.5 and 0.25); reach adds modestly (logarithmic, capped).
- Findings in the last ``window_days`` count fully, older ones within a year at half weight.
- Persistence after guidance raises the step to at least a summons.
- The same violation repeated after a sanction raises it further: the next sanction must be
  heavier than the last (PP 94/2021 Pasal 35 ayat (2), no look-back limit), and after a medium
  or heavy sanction that may mean heavy, which requires an examination team (Pasal 29 ayat (2)).
- Reactions alone (likes: SKB 11 item 8) never raise the step above guidance.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from pantau.core.cases.sanctions import Level

STEPS = ("guidance", "summons", "examination_team")
KINDS = ("post", "comment", "share", "reaction")
WINDOWS = (30, 90, 365)
CATEGORY_ID = {
    "hate_speech": "ujaran kebencian",
    "abusive": "ujaran kasar",
    "radicalism": "radikalisme",
    "hoax": "hoaks",
}
CATEGORY_EN = {
    "hate_speech": "hate-speech",
    "abusive": "abusive-language",
    "radicalism": "radicalism",
    "hoax": "hoax",
}
DISCLAIMER_ID = "Penilaian ini bahan pertimbangan bagi pemeriksa, bukan putusan."
DISCLAIMER_EN = "This assessment is evidence for the examiner, not a verdict."


@dataclass(frozen=True)
class Event:
    """One finding on the employee's timeline (any platform, any declared account)."""

    when: dt.datetime
    category: str  # hate_speech, abusive, radicalism, hoax
    severity: float  # 0..1 (e.g. weak 0.33, moderate 0.66, strong 1.0)
    kind: str = "post"  # post, comment, share, reaction
    reach: int = 0
    confirmed: bool = True
    after_reminder: bool = False
    after_sanction_level: Level | None = None


@dataclass(frozen=True)
class Weights:
    kind: dict[str, float] = field(
        default_factory=lambda: {"post": 1.0, "comment": 1.0, "share": 0.5, "reaction": 0.25}
    )
    category: dict[str, float] = field(
        default_factory=lambda: {"hate_speech": 1.0, "radicalism": 1.0, "hoax": 0.8, "abusive": 0.6}
    )
    severity_floor: float = 0.5  # severity 0 still weighs this much, severity 1 weighs 1
    reach_coefficient: float = 0.1  # × log10(1 + reach)
    reach_cap: float = 1.5
    after_reminder_factor: float = 1.5
    after_sanction_factor: float = 2.0
    window_days: int = 90  # counts fully
    older_factor: float = 0.5  # within 365 days but older than window_days
    episode_hours: float = 24.0  # findings this close together form one outburst
    burst_extra: float = 0.2  # each further finding in an episode adds this share of its weight
    summons_threshold: float = 2.5
    team_threshold: float = 6.0


@dataclass(frozen=True)
class PatternAssessment:
    step: str  # "guidance", "summons" or "examination_team"
    score: float
    counts: dict[str, dict[int, int]]
    reasons_id: list[str]
    reasons_en: list[str]
    episodes: int = 0


def event_weight(event: Event, weights: Weights | None = None) -> float:
    """The weight of one finding, before recency, reminders and sanctions."""
    w = weights or Weights()
    if event.kind not in w.kind:
        raise ValueError(f"unknown kind {event.kind!r}; expected one of {KINDS}")
    if event.category not in w.category:
        raise ValueError(f"unknown category {event.category!r}")
    severity = min(max(float(event.severity), 0.0), 1.0)
    severity_factor = w.severity_floor + (1 - w.severity_floor) * severity
    reach_factor = min(1 + w.reach_coefficient * math.log10(1 + max(event.reach, 0)), w.reach_cap)
    return w.kind[event.kind] * w.category[event.category] * severity_factor * reach_factor


def assess(
    events: Iterable[Event], *, now: dt.datetime, weights: Weights | None = None
) -> PatternAssessment:
    """Assess an employee's timeline at ``now`` (see the module docstring for the rules)."""
    w = weights or Weights()
    events = list(events)
    for e in events:
        event_weight(e, w)  # validates kind and category
    confirmed = sorted((e for e in events if e.confirmed), key=lambda e: e.when)
    unconfirmed = len(events) - len(confirmed)
    rid: list[str] = []
    ren: list[str] = []

    def age_days(e: Event) -> float:
        return max((now - e.when).total_seconds() / 86400, 0.0)

    counts: dict[str, dict[int, int]] = {}
    for e in confirmed:
        row = counts.setdefault(e.category, dict.fromkeys(WINDOWS, 0))
        for days in WINDOWS:
            row[days] += age_days(e) <= days

    if not confirmed:
        rid.append("Belum ada temuan yang dikonfirmasi: belum ada dasar untuk langkah apa pun.")
        ren.append("No confirmed finding yet: no basis for any step.")
        _unconfirmed(unconfirmed, rid, ren)
        return PatternAssessment("guidance", 0.0, counts, rid, ren, 0)

    def scored(e: Event) -> float:
        age = age_days(e)
        if age <= w.window_days:
            recency = 1.0
        elif age <= 365 or e.after_sanction_level is not None:
            recency = w.older_factor
        else:
            recency = 0.0
        factor = w.after_sanction_factor if e.after_sanction_level is not None else 1.0
        factor = max(factor, w.after_reminder_factor if e.after_reminder else 1.0)
        return event_weight(e, w) * recency * factor

    episodes: list[list[Event]] = []
    for e in confirmed:
        if episodes and (e.when - episodes[-1][0].when).total_seconds() <= w.episode_hours * 3600:
            episodes[-1].append(e)
        else:
            episodes.append([e])
    score = 0.0
    for ep in episodes:
        values = sorted((scored(e) for e in ep), reverse=True)
        score += values[0] + w.burst_extra * sum(values[1:])
    score = round(score, 2)

    step = 0
    if score >= w.team_threshold:
        step = 2
    elif score >= w.summons_threshold:
        step = 1
    authored = [e for e in confirmed if e.kind != "reaction"]
    after_reminder = [e for e in authored if e.after_reminder]
    after_sanction = [e for e in authored if e.after_sanction_level is not None]
    first_only = len(episodes) == 1 and not after_reminder and not after_sanction

    if first_only:
        step = 0
        if len(confirmed) == 1:
            rid.append("Temuan pertama tanpa catatan sebelumnya: cukup pembinaan.")
            ren.append("First finding with no prior record: guidance is enough.")
        else:
            n = len(confirmed)
            rid.append(
                f"{n} temuan dalam satu rentang {w.episode_hours:g} jam tanpa catatan sebelumnya: "
                "luapan sesaat, bukan pola; cukup pembinaan."
            )
            ren.append(
                f"{n} findings within one {w.episode_hours:g}-hour span and no prior record: an "
                "outburst, not a pattern; guidance is enough."
            )
    else:
        for category in counts:
            n = sum(1 for e in confirmed if e.category == category and age_days(e) <= w.window_days)
            if n < 2:
                continue
            late = sum(
                1 for e in after_reminder if e.category == category and age_days(e) <= w.window_days
            )
            label_id, label_en = CATEGORY_ID[category], CATEGORY_EN[category]
            tail_id = f", {late} di antaranya setelah pembinaan" if late else ""
            tail_en = f", {late} of them after guidance" if late else ""
            rid.append(
                f"{n} temuan {label_id} dalam {w.window_days} hari{tail_id}: "
                + ("pola yang berlanjut." if late else "pola berulang.")
            )
            ren.append(
                f"{n} {label_en} findings in {w.window_days} days{tail_en}: "
                + ("a continuing pattern." if late else "a repeated pattern.")
            )
        if after_reminder:
            step = max(step, 1)
            rid.append(
                f"{len(after_reminder)} temuan terjadi setelah pembinaan: pembinaan belum "
                "berhasil; langkah berikutnya pemanggilan."
            )
            ren.append(
                f"{len(after_reminder)} finding(s) came after guidance: guidance "
                "has not worked; the next step is a summons."
            )
        if after_sanction:
            last = max(
                (Level(e.after_sanction_level) for e in after_sanction), key=lambda x: x.rank
            )
            step = max(step, 2 if last is not Level.LIGHT else 1)
            rid.append(
                f"Pelanggaran berulang setelah hukuman disiplin {last.name_id}: hukuman berikutnya "
                "harus lebih berat dari yang terakhir (PP 94/2021 Pasal 35 ayat (2), tanpa batas "
                "waktu)."
                + (
                    " Bila tingkat berat, pemeriksaan wajib oleh tim (Pasal 29 ayat (2))."
                    if step == 2
                    else ""
                )
            )
            ren.append(
                f"Repeated after a {last.value} sanction: the next sanction must be heavier than "
                "the last (PP 94/2021 Pasal 35(2), no look-back limit)."
                + (" If heavy, a team must examine (Pasal 29(2))." if step == 2 else "")
            )
    if not authored and step > 0:
        step = 0
        rid.append(
            "Hanya reaksi (suka, love, dan sejenisnya): tidak boleh menjadi dasar hukuman secara "
            "otomatis (SKB 11 butir 8); cukup pembinaan."
        )
        ren.append(
            "Reactions only (likes and the like): never an automatic basis for a sanction (SKB 11 "
            "item 8); guidance at most."
        )
    shares = sum(e.kind == "share" for e in confirmed)
    reactions = sum(e.kind == "reaction" for e in confirmed)
    if shares or reactions:
        parts_id = [f"{shares} bagikan"] * bool(shares) + [f"{reactions} reaksi"] * bool(reactions)
        parts_en = [f"{shares} share(s)"] * bool(shares) + [f"{reactions} reaction(s)"] * bool(
            reactions
        )
        rid.append(
            f"{' dan '.join(parts_id)} dihitung lebih ringan daripada tulisan sendiri (bobot "
            f"{_id_num(w.kind['share'])} dan {_id_num(w.kind['reaction'])})."
        )
        ren.append(
            f"{' and '.join(parts_en)} weigh less than authored posts (weights "
            f"{w.kind['share']:g} and {w.kind['reaction']:g})."
        )
    top = max(e.reach for e in confirmed)
    if top >= 1000:
        rid.append(f"Jangkauan terbesar {top:,} akun menambah skor sedikit.".replace(",", "."))
        ren.append(f"The largest reach, {top:,} accounts, adds modestly to the score.")
    rid.append(
        f"Skor {_id_num(score)} (panggilan mulai {_id_num(w.summons_threshold)}, tim pemeriksa "
        f"mulai {_id_num(w.team_threshold)})."
    )
    ren.append(
        f"Score {score:g} (summons from {w.summons_threshold:g}, examination team from "
        f"{w.team_threshold:g})."
    )
    _unconfirmed(unconfirmed, rid, ren)
    return PatternAssessment(STEPS[step], score, counts, rid, ren, len(episodes))


def _id_num(x: float) -> str:
    """A number in Indonesian notation (decimal comma)."""
    return f"{x:g}".replace(".", ",")


def _unconfirmed(n: int, rid: list[str], ren: list[str]) -> None:
    if n:
        rid.append(f"{n} temuan belum dikonfirmasi tidak dihitung.")
        ren.append(f"{n} unconfirmed finding(s) not counted.")
