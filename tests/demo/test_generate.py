"""Tests for the demo-data generator (plain Python, no database)."""

from __future__ import annotations

import collections
import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pantau.core.nip import parse_nip
from pantau.core.post_urls import parse_post_url
from pantau.demo import generate
from pantau.demo.names import sex_of_name
from pantau.demo.structure import GRADES

TODAY = dt.date(2026, 11, 24)
SEED = 20261124
VIOLATIONS = {"hate_speech", "abusive", "hoax", "radicalism"}
INTENTS = VIOLATIONS | {"official", "personal", "criticism", "service_complaint"}
PLATFORMS = {"facebook", "instagram", "x", "tiktok", "youtube", "threads", "mastodon", "other"}


@pytest.fixture(scope="module")
def data():
    return generate(seed=SEED, today=TODAY)


@pytest.fixture(scope="module")
def employees(data):
    return {e["nip"]: e for e in data.employees}


@pytest.fixture(scope="module")
def account_owner(data):
    return {(a["platform"], a["handle"]): a["nip"] for a in data.accounts}


def _violations_by_nip(data, account_owner):
    out = collections.defaultdict(list)
    for post in data.posts:
        nip = account_owner.get((post["platform"], post["handle"]))
        if nip and post["intent"] in VIOLATIONS:
            out[nip].append(post)
    return out


def _digest(data) -> str:
    payload = json.dumps(
        [data.units, data.employees, data.accounts, data.posts, data.personas],
        default=str,
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


# --- determinism and speed -------------------------------------------------------------------


def test_same_seed_same_data(data):
    assert _digest(generate(seed=SEED, today=TODAY)) == _digest(data)


def test_other_seed_other_data(data):
    assert _digest(generate(seed=SEED + 1, today=TODAY)) != _digest(data)


def test_deterministic_across_processes_and_hash_seeds():
    code = (
        "import datetime, hashlib, json; from pantau.demo import generate; "
        f"d = generate(seed={SEED}, today=datetime.date(2026, 11, 24)); "
        "print(hashlib.sha256(json.dumps([d.employees, d.accounts, d.posts], default=str, "
        "sort_keys=True).encode()).hexdigest())"
    )
    src = str(Path(__file__).resolve().parents[2] / "src")
    digests = set()
    for hash_seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=hash_seed, PYTHONPATH=src)
        result = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        digests.add(result.stdout.strip())
    assert len(digests) == 1


def test_fast():
    start = time.perf_counter()
    generate(seed=7, today=TODAY)
    assert time.perf_counter() - start < 2.0


# --- units and employees ---------------------------------------------------------------------


def test_counts_in_range(data):
    assert 15 <= len(data.units) <= 25
    assert 280 <= len(data.employees) <= 320
    assert 350 <= len(data.accounts) <= 450
    assert 1900 <= len(data.posts) <= 2100


def test_unit_tree(data, employees):
    codes = {u["code"] for u in data.units}
    assert len(codes) == len(data.units)
    roots = [u for u in data.units if u["parent_code"] is None]
    assert [r["code"] for r in roots] == ["SETDA"]
    kinds = {"badan", "dinas", "kecamatan", "kelurahan", "sekretariat", "inspektorat", "bagian"}
    for unit in data.units:
        assert unit["kind"] in kinds
        assert unit["parent_code"] is None or unit["parent_code"] in codes
        head = employees[unit["head_nip"]]
        assert head["unit_code"] == unit["code"] and head["active"]
    assert {u["kind"] for u in data.units} == kinds


def test_all_nips_valid_unique_and_sex_matches_name(data):
    nips = [e["nip"] for e in data.employees]
    assert len(set(nips)) == len(nips)
    for employee in data.employees:
        nip = parse_nip(employee["nip"], today=TODAY)
        assert sex_of_name(employee["name"]) == nip.sex, employee["name"]
        age = (TODAY - nip.birth_date).days // 365
        assert 20 <= age <= 60


def test_both_sexes_and_many_regions(data):
    sexes = collections.Counter(employee["nip"][14] for employee in data.employees)
    assert sexes["1"] > 100 and sexes["2"] > 80


def test_grades_titles_positions_emails(data):
    emails = [e["email"] for e in data.employees]
    assert len(set(emails)) == len(emails)
    for employee in data.employees:
        assert employee["grade"] in GRADES
        assert employee["position"]
        assert employee["email"].endswith("@teluksejahterakota.go.id")
    heads = {u["head_nip"] for u in data.units}
    for employee in data.employees:
        if employee["nip"] in heads and employee["unit_code"][:3] not in ("KEL",):
            assert GRADES.index(employee["grade"]) >= GRADES.index("IV/a"), employee
    assert any(e["front_title"] == "dr." for e in data.employees)
    assert any("M." in e["back_title"] for e in data.employees)


def test_inactive_share(data):
    inactive = sum(not e["active"] for e in data.employees)
    assert 0.01 <= inactive / len(data.employees) <= 0.05


def test_supervisors_exist_without_cycles(data, employees):
    roots = [e for e in data.employees if e["supervisor_nip"] is None]
    assert len(roots) == 1 and roots[0]["position"] == "Sekretaris Daerah"
    depths = []
    for employee in data.employees:
        seen, current, depth = set(), employee, 0
        while current["supervisor_nip"]:
            assert current["supervisor_nip"] in employees
            assert current["nip"] not in seen
            seen.add(current["nip"])
            current = employees[current["supervisor_nip"]]
            depth += 1
        depths.append(depth)
    assert max(depths) <= 6
    # chains of 2-3 levels inside a unit: staff -> boss -> head (-> sekda)
    assert sum(d >= 3 for d in depths) > 100


# --- accounts --------------------------------------------------------------------------------

URL_PREFIX = {
    "facebook": "https://www.facebook.com/",
    "instagram": "https://www.instagram.com/",
    "x": "https://x.com/",
    "tiktok": "https://www.tiktok.com/@",
    "youtube": "https://www.youtube.com/@",
    "threads": "https://www.threads.net/@",
    "other": "https://www.linkedin.com/in/",
}


def test_accounts(data, employees):
    keys = [(a["platform"], a["handle"].lower()) for a in data.accounts]
    assert len(set(keys)) == len(keys)
    states = collections.Counter(a["state"] for a in data.accounts)
    assert set(states) == {"declared", "verified", "disputed", "hacked"}
    assert states["disputed"] + states["hacked"] <= 0.08 * len(data.accounts)
    assert {a["platform"] for a in data.accounts} == PLATFORMS
    for account in data.accounts:
        assert account["nip"] in employees
        if account["platform"] == "mastodon":
            user, _, instance = account["handle"].partition("@")
            assert account["url"] == f"https://{instance}/@{user}"
        else:
            assert account["url"].startswith(URL_PREFIX[account["platform"]] + account["handle"])
        if account["platform"] == "x":
            assert len(account["handle"]) <= 15
    per_person = collections.Counter(a["nip"] for a in data.accounts)
    assert sum(1 for n in per_person.values() if n >= 2) > 50
    assert len(per_person) < len(data.employees)  # some have none


# --- posts -----------------------------------------------------------------------------------


def test_posts_fields_ids_and_handles(data, account_owner):
    unregistered = {(a["platform"], a["handle"]) for a in data.unregistered_accounts}
    assert not unregistered & set(account_owner)
    ids = [(p["platform"], p["post_id"]) for p in data.posts]
    assert len(set(ids)) == len(ids)
    outsiders = 0
    for post in data.posts:
        assert post["platform"] in PLATFORMS
        assert post["kind"] in {"post", "comment", "share", "reaction"}
        assert post["intent"] in INTENTS
        assert post["persona"] in {"repeat", "outburst", "normal"}
        assert post["text"].strip()
        assert set(post["reach"]) == {"likes", "shares", "comments", "views"}
        assert all(isinstance(v, int) and v >= 0 for v in post["reach"].values())
        key = (post["platform"], post["handle"])
        assert key in account_owner or key in unregistered
        outsiders += key in unregistered
        if post["platform"] == "x":
            assert len(post["text"]) <= 280
    assert 0.03 <= outsiders / len(data.posts) <= 0.07
    mostly_bad = [p for p in data.posts if (p["platform"], p["handle"]) in unregistered]
    assert sum(p["intent"] in {"hate_speech", "hoax"} for p in mostly_bad) > len(mostly_bad) / 2


def test_post_urls_read_back(data):
    for post in data.posts:
        if post["kind"] != "post" or post["platform"] == "other":
            continue
        parsed = parse_post_url(post["url"])
        assert parsed.platform == post["platform"]
        assert parsed.post_id == post["post_id"], post["url"]
        if parsed.handle:
            assert parsed.handle == post["handle"].lower()


def test_posts_within_90_days_timezone_aware_waking_hours(data):
    end = dt.datetime(2026, 11, 24, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    start = end - dt.timedelta(days=90)
    for post in data.posts:
        created = post["created_at"]
        assert created.tzinfo is not None
        assert created.utcoffset() == dt.timedelta(hours=8)
        assert start <= created < end
    awake = sum(6 <= p["created_at"].hour <= 22 for p in data.posts)
    assert awake / len(data.posts) > 0.85
    weeks = {p["created_at"].isocalendar()[:2] for p in data.posts}
    assert len(weeks) >= 13


def test_intent_mix(data):
    share = collections.Counter(p["intent"] for p in data.posts)
    n = len(data.posts)
    assert 0.40 <= share["official"] / n <= 0.50
    assert 0.20 <= share["personal"] / n <= 0.30
    assert 0.12 <= (share["criticism"] + share["service_complaint"]) / n <= 0.18
    violations = sum(share[i] for i in VIOLATIONS)
    assert 0.08 <= violations / n <= 0.14
    assert all(share[i] > 0 for i in VIOLATIONS)
    assert share["radicalism"] == min(share[i] for i in VIOLATIONS)


def test_text_uniqueness(data):
    texts = [p["text"] for p in data.posts]
    assert len(set(texts)) / len(texts) >= 0.90


def test_repeat_posters(data, account_owner):
    by_nip = _violations_by_nip(data, account_owner)
    repeats = {
        account_owner[(p["platform"], p["handle"])]
        for p in data.posts
        if p["persona"] == "repeat" and (p["platform"], p["handle"]) in account_owner
    }
    assert len(repeats) == 5
    for nip in repeats:
        dates = sorted(p["created_at"] for p in by_nip[nip])
        assert len(dates) >= 6
        assert (dates[-1] - dates[0]).days >= 42  # spread over weeks
        assert sum(d.date() >= TODAY - dt.timedelta(days=45) for d in dates) >= 2  # after reminder


def test_outbursts(data, account_owner):
    by_nip = _violations_by_nip(data, account_owner)
    outbursts = {
        account_owner[(p["platform"], p["handle"])]
        for p in data.posts
        if p["persona"] == "outburst" and (p["platform"], p["handle"]) in account_owner
    }
    assert len(outbursts) == 10
    for nip in outbursts:
        assert [p["intent"] for p in by_nip[nip]] == ["abusive"]
        assert any(
            p["intent"] not in VIOLATIONS
            for p in data.posts
            if account_owner.get((p["platform"], p["handle"])) == nip
        )


def test_personas(data, employees, account_owner):
    personas = data.personas
    assert set(personas) == {
        "employee",
        "supervisor",
        "inspector",
        "head",
        "decider",
        "admin",
        "auditor",
    }
    assert len(set(personas.values())) == 7
    assert all(employees[nip]["active"] for nip in personas.values())
    employee = employees[personas["employee"]]
    assert employee["supervisor_nip"] == personas["supervisor"]
    assert len(_violations_by_nip(data, account_owner)[employee["nip"]]) >= 5
    units = {u["code"]: u for u in data.units}
    assert units["INSP"]["head_nip"] == personas["head"]
    assert units["SETDA"]["head_nip"] == personas["decider"]
    inspector = employees[personas["inspector"]]
    assert inspector["unit_code"] == "INSP" and inspector["nip"] != personas["head"]
    admin = employees[personas["admin"]]
    assert admin["unit_code"] == "DISKOMINFO" and admin["position"].startswith("Pranata Komputer")
    auditor = employees[personas["auditor"]]
    assert auditor["unit_code"] in {"INSP", "BAGORG"} and "Auditor" in auditor["position"]
    clean = {
        personas[k] for k in ("supervisor", "inspector", "head", "decider", "admin", "auditor")
    }
    assert not clean & set(_violations_by_nip(data, account_owner))


def test_hard_words_long_posts_shares_and_virals(data):
    notes = [data.post_notes[f"{p['platform']}:{p['post_id']}"] for p in data.posts]
    pairs = list(zip(data.posts, notes, strict=True))
    hard = [p for p, n in pairs if n.get("hard_words")]
    assert len(hard) >= 10 and all(p["intent"] not in VIOLATIONS for p in hard)
    assert any("anjing" in p["text"].lower() for p in hard)
    long_posts = [p for p, n in pairs if n.get("long")]
    assert len(long_posts) >= 10
    assert all(p["platform"] == "facebook" and p["text"].count("\n\n") >= 3 for p in long_posts)
    buried = [p for p, n in pairs if n.get("buried")]
    assert len(buried) >= 3 and {p["intent"] for p in buried} == {"hate_speech"}
    bad_kinds = collections.Counter(p["kind"] for p in data.posts if p["intent"] in VIOLATIONS)
    assert bad_kinds["share"] >= 10 and bad_kinds["reaction"] >= 5
    assert sum(p["reach"]["likes"] >= 1000 for p in data.posts) >= 5
    claim_keys = {c["key"] for c in data.claims}
    for post, note in pairs:
        if post["intent"] == "hoax" and "claim" in note:
            assert note["claim"] in claim_keys
