"""Turn a planned post (intent, kind, platform, author context) into its text.

Adds the platform's habits (short posts and #fyp on TikTok, titles on YouTube, 280 characters on
X, long multi-paragraph posts on Facebook), composes comments, shares (a caption above the shared
content) and reactions (the content reacted to), and buries a hateful paragraph inside some long
posts.
"""

from __future__ import annotations

import random

from . import text_critical as crit
from . import text_hoax as hx
from . import text_official as off
from . import text_personal as per
from . import text_violations as vio
from .text_kit import join, maybe, pick

X_LIMIT = 280
SHORT_PLATFORMS = ("x", "tiktok", "threads", "youtube")

COMMENT_OPENERS = (
    "Selamat ya {kak|bu|pak|bang|dik}!",
    "Mantap {pak|bu|kawan}!",
    "Aamiin 🙏",
    "Wah keren!",
    "Ikut senang dengarnya.",
    "MasyaAllah.",
    "Puji Tuhan.",
    "Hahaha",
    "Setuju.",
    "Sehat selalu ya!",
    "Semangat!",
    "Wih,",
    "Siap!",
    "Mantul!",
    "Hebat!",
)
OFFICIAL_OPENERS = (
    "Mantap {pak|bu}!",
    "Keren!",
    "Siap!",
    "Hebat!",
    "Semangat terus!",
    "Luar biasa.",
    "Terima kasih {pak|bu}.",
    "Salut!",
    "Sukses selalu.",
    "Mantul!",
)
OFFICIAL_REMARKS = (
    "Sukses selalu untuk {unit}.",
    "Di Kelurahan {kel} juga perlu kegiatan begini.",
    "Ditunggu kegiatan berikutnya.",
    "Terima kasih infonya, sangat membantu.",
    "Nanti saya share ke grup RT.",
    "Luar biasa kerjanya.",
    "Besok saya ikut.",
    "Ini baru pelayanan prima.",
    "Salut sama tim di lapangan.",
    "Jadwal berikutnya kapan ya?",
    "Semoga {program} makin bermanfaat.",
    "Kemarin saya ke sana, pelayanannya cepat.",
    "Tetap jaga kesehatan tim!",
)
PERSONAL_REMARKS = (
    "Kapan-kapan ajak kami ya.",
    "Lokasinya di mana itu?",
    "Semoga {anak} sehat selalu.",
    "Jadi pengen {makanan} juga.",
    "Salam untuk keluarga.",
    "Foto ketiga bagus banget.",
    "Saya kemarin juga lewat situ.",
    "Ditunggu oleh-olehnya 😁",
    "Jangan lupa istirahat.",
    "{klub} juara!",
    "Sudah saya coba, memang mantap.",
    "Resepnya dong!",
    "Makin bahagia ya.",
    "Wah sudah besar sekarang.",
    "Kangen kumpul-kumpul lagi.",
)
YOUTUBE_PREFIX = ("VLOG:", "Liputan:", "Shorts |", "Dokumentasi |", "[LIVE]", "Cerita hari ini:")
TIKTOK_TAGS = ("#fyp", "#fypシ", "#viral", "#tiktokindonesia", "#kaltim", "#xyzbca", "#foryou")
LONG_INTRO = (
    "Izin bercerita sedikit, agak panjang.",
    "Catatan akhir pekan.",
    "Refleksi hari ini.",
    "Sekadar berbagi pengalaman.",
    "Tulisan ini agak panjang, mohon maaf.",
)
LONG_OUTRO = (
    "Terima kasih sudah membaca sampai habis 🙏",
    "Semoga bermanfaat.",
    "Salam dari Teluk Sejahtera.",
    "Sekian curhatan malam ini.",
    "Tabik.",
)


def _benign_comment(rng: random.Random, ctx: dict, intent: str) -> str:
    extra = {"unit": ctx["unit_name"]}
    remarks = OFFICIAL_REMARKS if intent == "official" else PERSONAL_REMARKS
    return join(
        pick(rng, COMMENT_OPENERS, extra),
        pick(rng, remarks, extra),
        maybe(rng, 0.4, ("{emoji_fun}",) if intent == "personal" else ("{emoji_ok}",)),
    )


def _violation(rng: random.Random, intent: str, ctx: dict, short: bool) -> tuple[str, dict]:
    """Text and detail (topic / claim key) for a violating post."""
    if intent == "hate_speech":
        text, topic = vio.hate(rng, short, ctx.get("hate_topic"), ctx.get("hate_group"))
        return text, {"topic": topic}
    if intent == "abusive":
        return vio.abusive(rng, ctx, outburst=ctx.get("outburst", False)), {}
    if intent == "hoax":
        text, key = hx.hoax(rng, short)
        return text, {"claim": key}
    return vio.radical(rng), {}


def body(rng: random.Random, intent: str, ctx: dict, short: bool) -> tuple[str, dict]:
    """The core text for ``intent`` (no platform decoration)."""
    if intent == "official":
        return off.official(rng, ctx, short), {}
    if intent == "personal":
        text, hard = per.personal(rng, ctx, short)
        return text, {"hard_words": hard}
    if intent == "criticism":
        return crit.criticism(rng, short), {}
    if intent == "service_complaint":
        return crit.complaint(rng, short), {}
    return _violation(rng, intent, ctx, short)


def comment(rng: random.Random, intent: str, ctx: dict) -> tuple[str, dict]:
    if intent in ("official", "personal"):
        return _benign_comment(rng, ctx, intent), {}
    if intent == "criticism":
        return join(crit.critical_comment(rng), maybe(rng, 0.5, crit.DEMANDS)), {}
    if intent == "service_complaint":
        return crit.complaint(rng, short=True), {}
    return _violation(rng, intent, ctx, short=True)


def decorate(rng: random.Random, text: str, platform: str, intent: str) -> str:
    """Apply the platform's habits to a finished text."""
    if platform == "tiktok":
        text = join(text, " ".join(rng.sample(TIKTOK_TAGS, rng.randint(1, 3))))
    elif platform == "youtube" and intent in ("official", "personal"):
        text = join(rng.choice(YOUTUBE_PREFIX), text)
    elif platform == "mastodon":
        text = join(text, "#Indonesia #KalimantanTimur", sep="\n\n")
    if platform == "x" and len(text) > X_LIMIT:
        cut = text[: X_LIMIT - 1].rsplit(" ", 1)[0]
        text = cut + "…"
    return text


def long_post(rng: random.Random, intent: str, ctx: dict, buried: bool = False) -> tuple[str, dict]:
    """A multi-paragraph Facebook post; with ``buried`` one paragraph is hate speech."""
    paragraphs = [rng.choice(LONG_INTRO)]
    detail: dict = {"long": True}
    if intent == "criticism":
        one, two = rng.sample(crit.CRITICISM, 2)
        demands = rng.sample(crit.DEMANDS, 2)
        paragraphs += [
            join(pick(rng, crit.HOOKS), pick(rng, (one,))),
            pick(rng, (two,)),
            join(pick(rng, demands[:1]), pick(rng, demands[1:])),
        ]
    elif intent == "official":
        wanted = rng.randint(2, 3)
        for _ in range(10):
            text = off.official(rng, ctx, short=True)
            if all(text[:18] != p[:18] for p in paragraphs):
                paragraphs.append(text)
            if len(paragraphs) > wanted:
                break
    else:
        quiet = dict(ctx, region="")  # the regional sign-off only once, at the end
        wanted, starts = rng.randint(2, 4), set()
        for _ in range(12):
            text = per.personal(rng, quiet, short=True)[0]
            if text[:18] not in starts:
                starts.add(text[:18])
                paragraphs.append(text)
            if len(paragraphs) > wanted:
                break
        paragraphs[-1] = join(paragraphs[-1], maybe(rng, 0.5, per.REGIONAL.get(ctx["region"], ())))
    if buried:
        at = rng.randint(2, len(paragraphs))
        paragraphs.insert(at, vio.hate_passage(rng, ctx.get("hate_topic"), ctx.get("hate_group")))
        detail["buried"] = True
    paragraphs.append(rng.choice(LONG_OUTRO))
    return "\n\n".join(paragraphs), detail


def share(rng: random.Random, original: str) -> str:
    """A share of violating content: the sharer's caption (sometimes none) above it."""
    caption = vio.share_caption(rng) if rng.random() < 0.8 else ""
    return join(caption, original, sep="\n\n")


BENIGN_CAPTIONS = {
    "official": (
        "Info penting 👇",
        "Ayo ikut!",
        "Bantu sebarkan ya.",
        "Mantap, sukses terus!",
        "Ini kegiatan kami kemarin.",
        "Yuk manfaatkan.",
        "Catat tanggalnya!",
        "",
    ),
    "criticism": (
        "Setuju.",
        "Ini perlu dibaca.",
        "Semoga didengar.",
        "Suara kita juga.",
        "Tolong dijawab.",
        "",
    ),
    "service_complaint": (
        "Sama, di tempat saya juga.",
        "Tolong ditindaklanjuti.",
        "Ini sudah lama sekali.",
        "",
    ),
}


def benign_share(rng: random.Random, original: str, intent: str) -> str:
    captions = BENIGN_CAPTIONS.get(intent, BENIGN_CAPTIONS["official"])
    return join(rng.choice(captions), original, sep="\n\n")
