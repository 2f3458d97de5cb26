"""Violating posts for the test set: hate speech (SARA), abusive language and radical content.

Written for this project to exercise the detector: realistic in wording, not gratuitous. Swear
words are sometimes obfuscated the way people dodge filters (leetspeak, repeated letters, spaced
letters, asterisks, abbreviations). Hoaxes live in :mod:`pantau.demo.text_hoax`.
"""

from __future__ import annotations

import random
import re

from .text_kit import join, maybe, pick

SWEARS = (
    "anjing",
    "bangsat",
    "goblok",
    "tolol",
    "bego",
    "kampret",
    "tai",
    "babi",
    "brengsek",
    "keparat",
    "bajingan",
    "dungu",
    "otak udang",
    "sinting",
    "idiot",
)
REGIONAL_SWEARS = {
    "jawa": ("asu", "jancuk", "jancok"),
    "manado": ("pukimak",),
    "banjar": ("butuh",),
    "sunda": ("anjing",),
    "batak": ("bangsat",),
}
ABBREV = {
    "anjing": "anj",
    "bangsat": "bgst",
    "goblok": "gblk",
    "tolol": "tll",
    "jancuk": "jnck",
    "bajingan": "bjngn",
    "kampret": "kmprt",
    "brengsek": "brgsk",
}
_SENTENCE_START = re.compile(r"([.!?] )([a-z])")
_LEET = str.maketrans({"a": "4", "i": "1", "o": "0", "e": "3", "s": "5"})


def obfuscate(word: str, rng: random.Random) -> str:
    """Disguise a swear word the way users do to slip past filters."""
    style = rng.randrange(6)
    if style == 0:
        return word.translate(_LEET)
    if style == 1:
        vowels = [i for i, ch in enumerate(word) if ch in "aiueo"]
        if vowels:
            i = rng.choice(vowels)
            return word[:i] + word[i] * rng.randint(3, 6) + word[i + 1 :]
    if style == 2:
        return " ".join(word)
    if style == 3 and len(word) > 3:
        chars = list(word)
        for i in range(1, len(chars) - 1):
            if chars[i] in "aiueo":
                chars[i] = "*"
        return "".join(chars)
    if style == 4 and word in ABBREV:
        return ABBREV[word]
    return ".".join(word) if style == 5 and " " not in word else word.upper()


def swear(rng: random.Random, region: str = "", hide: float = 0.4) -> str:
    pool = SWEARS + REGIONAL_SWEARS.get(region, ()) * 2
    word = rng.choice(pool)
    return obfuscate(word, rng) if rng.random() < hide else word


ABUSIVE = (
    "{pejabat} itu {sw}! Kerjanya cuma foto-foto, rakyat disuruh sabar terus.",
    "Dasar petugas {sw}, sudah antre 3 jam malah asyik main HP di loket!",
    "Wasit {sw}!!! Penalti sejelas itu tidak dikasih. {klub} dirampok!",
    "Yang bikin aturan apel sore ini otaknya di dengkul. {sw} memang.",
    "Kabid saya ini {sw} banget, kerjaan dilempar ke staf, nama dia yang naik.",
    "Hei {sw}, kalau tidak tahu apa-apa jangan sok pintar komentar di postingan orang!",
    "Pengendara {sw}, nyalip dari kiri hampir nabrak anak saya di {jalan}!",
    "Buat yang nyebar gosip soal saya di grup kantor: {sw} kau, berani ngomong langsung sini!",
    "Lurah {sw}, surat pengantar saja dipersulit, pakai minta uang rokok segala.",
    "Anggota dewan {sw} semua, kerjanya tidur pas sidang paripurna.",
    "Dasar {sw}, dibilangin baik-baik malah ngeyel. Muak saya!",
    "Kontraktor {sw}! Jalan baru diaspal sebulan sudah hancur lagi.",
    "Pak Kadis yang terhormat, eh maaf, yang {sw}: kapan TPP kami dibayar?",
    "Mulutmu itu kayak tong sampah, {sw}. Jangan bawa-bawa keluarga saya!",
    "Admin grup ini {sw}, postingan orang dihapus seenaknya.",
)
OUTBURST = (
    "Jam {11|12} malam masih disuruh revisi laporan yang sudah tiga kali direvisi. Atasan {sw}!!!",
    "Sudah capek-capek lembur, nama saya dicoret dari daftar honor. {sw} semua kalian!",
    "Motor saya dicuri di parkiran kantor sendiri. Satpam {sw}, tidur terus kerjanya!",
    "Tetangga {sw}, sound system sampai jam 2 pagi, anak saya demam tidak bisa tidur!",
    "{klub} kalah 0-4. Pemain {sw}, pelatih {sw}, bubarkan saja!",
    "Sekali lagi ada yang nyindir-nyindir saya di story, saya datangi. {sw}!",
)
ABUSIVE_REGIONAL = {
    "banjar": ("Kada baisi otak pejabat ini, {sw}! Jalan di kampung ulun kada pernah diurus.",),
    "manado": ("Ngana {sw}! Kerja nyanda beres, bajual muka di medsos!",),
    "jawa": ("{sw} tenan, janji benerin jalan cuma omong thok!",),
}

ETHNIC_TARGETS = (
    "orang Jawa",
    "orang Bugis",
    "orang Batak",
    "orang Madura",
    "orang Banjar",
    "orang Dayak",
    "orang Flores",
    "orang Toraja",
    "orang Timur",
    "orang Tionghoa",
    "pendatang dari luar pulau",
    "kaum pendatang",
)
RELIGION_TARGETS = (
    "orang kafir",
    "umat Kristen",
    "umat Katolik",
    "umat Hindu",
    "umat Buddha",
    "umat Konghucu",
    "orang Islam",
    "penganut Syiah dan Ahmadiyah",
    "kaum kadrun",
    "orang Kristen",
)
HATE = (
    (
        "race",
        "{ge} makin banyak di kota ini, kerjaan diambil semua. Usir saja! Kota ini milik "
        "orang asli sini.",
    ),
    (
        "race",
        "Pantas proyeknya mangkrak, kontraktornya {C1na|Cina|aseng} semua. Dasar {C1na|Cina} "
        "cuma mau untung, tidak peduli pribumi.",
    ),
    (
        "race",
        "Jangan pilih pejabat dari kalangan {ge}. Kalau berkuasa pasti cuma bawa keluarganya "
        "sendiri, sudah watak mereka.",
    ),
    (
        "race",
        "{ge} itu memang dari sananya {licik|pemalas|tukang bikin ribut|tidak bisa "
        "dipercaya}. Jangan kasih tempat di kantor kita.",
    ),
    (
        "race",
        "Mereka itu bukan manusia, kelakuan {ge} kayak binatang. Jangan mau satu kampung "
        "dengan mereka.",
    ),
    ("race", "Jangan belanja di toko {Cina|C1na}, biar mereka bangkrut dan pulang ke negerinya!"),
    (
        "race",
        "Kantor kita sekarang penuh {ge}, sebentar lagi orang asli cuma jadi penonton. Sudah "
        "waktunya mereka {disingkirkan|dibersihkan|diusir}.",
    ),
    ("race", "Tiap ada keributan di {tempat} pasti pelakunya {ge}. Sudah bawaan darah."),
    (
        "race",
        "Anak saya saya larang keras menikah dengan {ge}. Derajatnya beda, keturunannya rusak.",
    ),
    (
        "race",
        "Kenapa yang lolos PPPK kemarin banyak dari {ge}? Pasti main sogok, sudah tabiat mereka.",
    ),
    ("religion", "{gr} jangan diberi jabatan di kota ini. Haram dipimpin orang yang beda akidah!"),
    (
        "religion",
        "Pembangunan rumah ibadah {gr} di Kelurahan {kel} harus ditolak! Mereka mau "
        "merusak kampung kita.",
    ),
    ("religion", "{gr} itu sesat dan musuh kita, jangan bergaul, jangan beli dagangannya."),
    ("religion", "Dasar {gr}, tiap hari bikin ribut. Kota ini lebih aman tanpa mereka."),
    ("religion", "{gr} itu najis, jangan sampai anak-anak kita satu sekolah dengan mereka."),
    (
        "religion",
        "Kalau rumah ibadah {gr} itu tetap dibangun di {kel}, kita bakar saja ramai-ramai!",
    ),
    ("religion", "Camat baru itu dari {gr}, pantas saja kebijakannya menyusahkan kita."),
    (
        "religion",
        "Sekolah jangan terima guru dari {gr}, nanti anak-anak kita dipengaruhi. "
        "Singkirkan mereka!",
    ),
    ("religion", "Pejabat yang ikut perayaan {gr} itu pengkhianat, pantas dilempari batu."),
    ("religion", "Jangan sewakan rumah ke {gr}. Biar mereka tidak betah dan pergi dari sini."),
    (
        "gender",
        "Perempuan itu tempatnya di dapur, tidak pantas jadi {kepala dinas|camat|lurah|"
        "pemimpin}. Lihat saja hasilnya amburadul.",
    ),
    (
        "gender",
        "Kabid perempuan itu bisanya cuma dandan dan baper, {pantas|wajar} kerjaannya "
        "berantakan. Perempuan memang tidak bisa memimpin.",
    ),
    ("other", "Kaum LGBT itu penyakit masyarakat, usir dari Teluk Sejahtera sebelum menular!"),
    ("other", "Gelandangan dan pengemis di {tempat} itu sampah kota, buang saja ke hutan."),
    ("physical", "Orang cacat kok dijadikan pejabat, bikin susah semua orang saja."),
    ("physical", "Pegawai gendut dan jelek begitu kok ditaruh di loket depan, bikin malu kantor."),
)
HATE_HEADS = (
    "",
    "",
    "",
    "Maaf ya, tapi",
    "Jujur saja,",
    "Sudah saya bilang dari dulu:",
    "Fakta:",
    "Kenyataannya,",
    "Ingat kata orang tua:",
    "Saya cuma mau bilang,",
)
HATE_TAILS = (
    "Setuju? Bagikan!",
    "{emoji_hate}",
    "Bangun, jangan diam saja!",
    "Ingat ini baik-baik.",
    "Yang tidak setuju silakan pindah kota.",
    "Jangan pilih mereka!",
)
SHARE_CAPTIONS = (
    "Setuju 100%!",
    "Nah ini baru berani bicara.",
    "👍👍👍",
    "Betul sekali ini.",
    "Baca sampai habis!",
    "Akhirnya ada yang berani.",
    "Bagikan dulu.",
    "Mantap, sebarkan!",
)

RADICAL = (
    "Pancasila itu buatan manusia, {thaghut|th4ghut}! Sudah saatnya negeri ini diganti dengan "
    "khilafah. #KhilafahSolusi",
    "Demokrasi itu sistem kufur. ASN yang hormat bendera dan ikrar Pancasila sudah terjerumus tanpa "
    "sadar.",
    "HTI boleh dibubarkan, tapi ide khilafah tidak bisa dibubarkan. Kami akan terus berjuang "
    "menegakkannya ☝️",
    "Saya berbaiat untuk menegakkan daulah dan siap berjihad melawan pemerintahan {thaghut|toghut}.",
    "Mengapa takut pada khilafah? NKRI bukan harga mati, yang harga mati itu syariat!",
    "Para pejuang daulah di Suriah itu mujahid sejati, bukan teroris seperti kata media kafir.",
    "Upacara bendera itu syirik. Anak-anak jangan disuruh hormat bendera dan menyanyikan lagu "
    "kebangsaan.",
    "Tolak Pemilu 2029! Memilih dalam sistem demokrasi hukumnya haram. Tegakkan syariat secara "
    "kaffah di bawah naungan khilafah.",
    "Kajian tertutup untuk ikhwan yang siap hijrah total meninggalkan sistem {thaghut|toghut}. "
    "Tempat terbatas, DM saja.",
    "Bendera tauhid harus berkibar di setiap kantor pemerintahan, ganti merah putih yang tidak ada "
    "dalilnya!",
    "Kita ASN digaji negara {thaghut|toghut}. Hijrahlah, rezeki dari sistem kufur itu tidak berkah.",
)
RADICAL_TAILS = (
    "#KhilafahAjaranIslam",
    "#TegakkanSyariat",
    "Allahu akbar!",
    "Wallahu a'lam.",
    "Siapa yang bersama kami?",
    "",
)


def abusive(rng: random.Random, ctx: dict, outburst: bool = False) -> str:
    region = ctx.get("region", "")
    pool = OUTBURST if outburst else ABUSIVE + ABUSIVE_REGIONAL.get(region, ())
    extra = {"sw": tuple(swear(rng, region) for _ in range(3)), "hari": ctx.get("weekday", "")}
    text = _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), pick(rng, pool, extra))
    text = text[:1].upper() + text[1:]
    return join(text, maybe(rng, 0.5, ("{emoji_hate}", "{emoji_mad}")))


def hate(
    rng: random.Random,
    short: bool = False,
    topic: str | None = None,
    group: str | None = None,
    head: str | None = None,
) -> tuple[str, str]:
    """A hate-speech post; returns (text, topic). ``topic``/``group`` pin the target."""
    pool = [t for t in HATE if topic is None or t[0] == topic] or list(HATE)
    topic, template = rng.choice(pool)
    extra = {
        "ge": (group,) if group else ETHNIC_TARGETS,
        "gr": (group,) if group else RELIGION_TARGETS,
    }
    head = rng.choice(HATE_HEADS) if head is None else head
    text = pick(rng, (template,), extra)
    if head.endswith(","):
        text = text[:1].lower() + text[1:]
    text = join(head, text if head else text[:1].upper() + text[1:])
    if not short:
        text = join(text, maybe(rng, 0.6, HATE_TAILS))
    return text, topic


def hate_passage(rng: random.Random, topic: str | None = None, group: str | None = None) -> str:
    """A hateful paragraph to bury in an otherwise ordinary long post."""
    opener = rng.choice(
        (
            "Cuma satu yang bikin kesal.",
            "Satu catatan saja.",
            "Tapi jujur ya,",
            "Ngomong-ngomong,",
            "Oh iya,",
        )
    )
    return hate(rng, True, topic, group, head=opener)[0]


def radical(rng: random.Random) -> str:
    return join(pick(rng, RADICAL), rng.choice(RADICAL_TAILS))


def share_caption(rng: random.Random) -> str:
    return rng.choice(SHARE_CAPTIONS)
