"""Post identifiers, URLs, posting times and reach numbers, each in its platform's real form.

X, TikTok and Mastodon ids encode their timestamp the way those platforms do; Facebook comments
carry ``<post>_<comment>`` ids; Instagram and Threads use 11-character shortcodes; YouTube 11-
character video ids and ``Ugx…`` comment ids.
"""

from __future__ import annotations

import datetime as dt
import random
import string

WITA = dt.timezone(dt.timedelta(hours=8), "WITA")
_CODE = string.ascii_letters + string.digits + "_-"
_TWITTER_EPOCH_MS = 1288834974657
TARGET_PAGES = {
    "facebook": (
        "pemkot.teluksejahtera",
        "humas.teluksejahtera",
        "kabarteluk.id",
        "infoteluksejahtera",
        "diskominfo.tsk",
    ),
    "instagram": ("pemkot.teluksejahtera", "kabarteluk.id", "info_teluksejahtera", "kuliner.tsk"),
    "x": ("PemkotTSK", "KabarTeluk", "InfoTSK"),
    "tiktok": ("kabarteluk.id", "pemkot.teluksejahtera", "kuliner.tsk"),
    "youtube": ("PemkotTelukSejahtera", "KabarTelukTV"),
    "threads": ("pemkot.teluksejahtera", "kabarteluk.id"),
    "mastodon": ("kabarteluk@mastodon.social",),
    "other": ("pemkot-teluk-sejahtera",),
}


def _code(rng: random.Random, n: int = 11) -> str:
    return "".join(rng.choice(_CODE) for _ in range(n))


def _digits(rng: random.Random, n: int) -> str:
    return str(rng.randint(10 ** (n - 1), 10**n - 1))


def _time_id(platform: str, when: dt.datetime, rng: random.Random) -> str:
    ms = int(when.timestamp() * 1000)
    if platform == "x":
        return str(((ms - _TWITTER_EPOCH_MS) << 22) | rng.getrandbits(22))
    if platform == "tiktok":
        return str((int(when.timestamp()) << 32) | rng.getrandbits(32))
    return str((ms << 16) | rng.getrandbits(16))  # mastodon


def new_id(platform: str, when: dt.datetime, rng: random.Random) -> str:
    """A fresh id for top-level content on ``platform``."""
    if platform in ("x", "tiktok", "mastodon"):
        return _time_id(platform, when, rng)
    if platform in ("instagram", "threads", "youtube"):
        return _code(rng)
    if platform == "other":
        return _digits(rng, 19)
    return _digits(rng, 16)


def identify(
    platform: str, kind: str, handle: str, when: dt.datetime, rng: random.Random
) -> tuple[str, str]:
    """(post_id, url) for content of ``kind`` posted by ``handle`` at ``when``."""
    target = rng.choice(TARGET_PAGES[platform])
    if kind == "reaction":
        tid = new_id(platform, when - dt.timedelta(hours=rng.randint(1, 30)), rng)
        url = content_url(platform, target, tid)
        return f"{tid}:{handle}:like", url
    if kind == "comment":
        tid = new_id(platform, when - dt.timedelta(minutes=rng.randint(5, 600)), rng)
        if platform == "facebook":
            cid = _digits(rng, 15)
            return f"{tid}_{cid}", f"https://www.facebook.com/{target}/posts/{tid}?comment_id={cid}"
        if platform == "instagram":
            cid = _digits(rng, 17)
            return cid, f"https://www.instagram.com/p/{tid}/c/{cid}/"
        if platform == "youtube":
            cid = "Ugx" + _code(rng, 23)
            return cid, f"https://www.youtube.com/watch?v={tid}&lc={cid}"
        if platform == "tiktok":
            cid = _digits(rng, 19)
            return cid, f"https://www.tiktok.com/@{target}/video/{tid}?comment_id={cid}"
        if platform == "other":
            cid = _digits(rng, 19)
            return cid, (
                f"https://www.linkedin.com/feed/update/urn:li:activity:{tid}"
                f"?commentUrn=urn%3Ali%3Acomment%3A%28activity%3A{tid}%2C{cid}%29"
            )
    pid = new_id(platform, when, rng)
    return pid, content_url(platform, handle, pid)


def content_url(platform: str, handle: str, pid: str) -> str:
    if platform == "facebook":
        return f"https://www.facebook.com/{handle}/posts/{pid}"
    if platform == "instagram":
        return f"https://www.instagram.com/p/{pid}/"
    if platform == "x":
        return f"https://x.com/{handle}/status/{pid}"
    if platform == "tiktok":
        return f"https://www.tiktok.com/@{handle}/video/{pid}"
    if platform == "youtube":
        return f"https://www.youtube.com/watch?v={pid}"
    if platform == "threads":
        return f"https://www.threads.net/@{handle}/post/{pid}"
    if platform == "mastodon":
        user, _, instance = handle.partition("@")
        return f"https://{instance}/@{user}/{pid}"
    return f"https://www.linkedin.com/feed/update/urn:li:activity:{pid}/"


# hour-of-day weights (0..23) by intent family
_HOURS = {
    "official": [0, 0, 0, 0, 0, 1, 2, 6, 10, 10, 9, 8, 5, 5, 6, 6, 4, 2, 1, 1, 1, 1, 0, 0],
    "personal": [1, 0, 0, 0, 1, 2, 4, 4, 3, 2, 2, 3, 6, 4, 2, 2, 3, 5, 6, 8, 9, 8, 5, 2],
    "other": [2, 1, 0, 0, 0, 1, 2, 3, 4, 4, 4, 4, 5, 4, 4, 4, 4, 5, 5, 6, 7, 7, 5, 3],
    "outburst": [4, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4, 6, 6],
}


def timestamp(rng: random.Random, day: dt.date, family: str) -> dt.datetime:
    """A time on ``day`` (WITA) drawn from the family's hour profile."""
    hour = rng.choices(range(24), weights=_HOURS[family])[0]
    return dt.datetime(
        day.year, day.month, day.day, hour, rng.randint(0, 59), rng.randint(0, 59), tzinfo=WITA
    )


_RATE = {
    "official": 0.035,
    "personal": 0.06,
    "criticism": 0.09,
    "service_complaint": 0.07,
    "hate_speech": 0.07,
    "abusive": 0.05,
    "hoax": 0.06,
    "radicalism": 0.04,
}
_VIEWS = {
    "tiktok": (10, 40),
    "youtube": (8, 30),
    "instagram": (4, 12),
    "facebook": (3, 10),
    "x": (6, 20),
    "threads": (3, 8),
    "mastodon": (2, 5),
    "other": (5, 15),
}


def reach(
    rng: random.Random, platform: str, kind: str, intent: str, followers: int, viral: bool = False
) -> dict[str, int]:
    """Plausible engagement numbers for one piece of content."""
    if kind == "reaction":
        return {"likes": 0, "shares": 0, "comments": 0, "views": 0}
    if kind == "comment":
        return {
            "likes": int(rng.paretovariate(1.6)) - 1 + rng.randint(0, 6),
            "shares": 0,
            "comments": rng.randint(0, 3),
            "views": 0,
        }
    rate = _RATE[intent] * rng.lognormvariate(0, 0.6)
    if kind == "share":
        rate *= 0.3
    likes = max(0, int(followers * rate))
    if viral:
        likes = int(likes * rng.uniform(25, 120)) + rng.randint(800, 3000)
    share_rate = {"hoax": (0.3, 1.2), "criticism": (0.1, 0.5), "hate_speech": (0.1, 0.6)}.get(
        intent, (0.01, 0.12)
    )
    lo, hi = _VIEWS[platform]
    return {
        "likes": likes,
        "shares": int(likes * rng.uniform(*share_rate)),
        "comments": int(likes * rng.uniform(0.04, 0.35)),
        "views": int(max(likes, 1) * rng.uniform(lo, hi)) + rng.randint(0, 40),
    }
