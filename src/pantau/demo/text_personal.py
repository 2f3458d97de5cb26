"""Personal-life posts: family, food, football, travel, hobbies, moods and religious greetings.

Greetings follow the author's religion and the calendar (Friday, Sunday, purnama, Kathina, the
mid-autumn festival…). Regional particles colour the wording. Some posts use hard words in an
innocent sense ("anjing saya sakit", "gila macetnya", "babi panggang") to test false positives.
"""

from __future__ import annotations

import datetime as dt
import random

from .text_kit import join, maybe, pick

FAMILY = (
    "Selamat ulang tahun yang ke-{5|7|10|12|17} {anak} kesayangan. Tumbuhlah jadi anak yang "
    "{pintar dan baik hati|sehat, ceria dan rendah hati|berbakti pada orang tua} {emoji_fun}",
    "Akhirnya {anak} wisuda juga! Perjuangan panjang, terima kasih sudah membuat kami bangga 🎓",
    "Weekend bareng {keluarga} di {taman}. Sederhana tapi bahagia {emoji_fun}",
    "Nganter {anak} sekolah dulu sebelum ngantor. Macet dikit gapapa, demi senyum mereka.",
    "{12|15|20|25} tahun bersama, masih saja kamu yang bikin kopi paling enak. Happy anniversary "
    "sayang ❤️",
    "Family time dulu {di rumah|di {taman}|di rumah mertua|di kebun}, HP dimatikan. Sampai jumpa "
    "hari Senin!",
    "Hari pertama {anak} masuk TK, nangisnya lebih lama emaknya 😂",
    "Ibu baru pulang dari rumah sakit, alhamdulillah sudah membaik. Terima kasih doa teman-teman "
    "semua 🙏",
    "Quality time sama {keluarga}: masak bareng, nonton bareng, ketiduran bareng 😴",
)
FOOD = (
    "Masak {makanan} buat arisan keluarga. Ludes dalam sekejap {emoji_fun}",
    "Warung {makanan} baru di {jalan}, porsinya besar, harganya bersahabat. Cobain!",
    "Makan siang {makanan} di warung langganan dekat kantor. {Nikmatnya pol|Juara|Gak ada lawan} "
    "{emoji_fun}",
    "Sarapan {makanan} + {minuman}, siap tempur menghadapi {hari} 💪",
    "Ada yang tahu {makanan} paling enak di Kecamatan {kec}? Rekomendasi dong!",
    "Bikin {makanan} sendiri di rumah, hasilnya lumayan lah untuk pemula 😅",
    "Self reward habis gajian: {makanan} satu porsi penuh {emoji_fun}",
    "Oleh-oleh dari kampung: {amplang|bingka|dodol|kue bingka|ikan asin|kerupuk ikan}. Siapa "
    "mau, ambil di meja saya ya!",
    "Hujan-hujan begini paling pas {makanan} panas sama {minuman} ☕",
)
SPORT = (
    "{klub} menang lagi! Mantap, pertahankan! ⚽🔥",
    "Nobar {klub} di pos ronda, kalah lagi… sabar, musim masih panjang 😩",
    "Lari pagi 5K keliling {taman}. Pelan-pelan asal konsisten 🏃",
    "Gowes Minggu pagi bareng komunitas sepeda {kec}, {25|40|60|75} km. Paha gemetar 😂",
    "Badminton rutin Rabu malam bareng kawan kantor. Smash saya masih kalah sama Pak Kabid 🏸",
    "Mancing di dermaga {kel} dari subuh, dapatnya cuma dua ekor. Yang penting healing 🎣",
    "Futsal antar-OPD, tim kami masuk {semifinal|final|perempat final}! Doakan ya 🙏",
)
TRAVEL = (
    "Liburan singkat ke {destinasi}. Kerja keras juga butuh jeda {emoji_fun}",
    "On the way {destinasi}, mohon doanya selamat sampai tujuan ✈️",
    "Pulang kampung ke {destinasi}, kangen masakan ibu.",
    "Pemandangan di {destinasi} luar biasa. Indonesia memang indah 🇮🇩",
    "Jalan-jalan ke IKN bareng {keluarga}. Megah juga ya sekarang!",
)
HOBBY = (
    "Ikut kelas {melukis|menjahit|memasak|fotografi} tiap Sabtu. Ternyata seru juga!",
    "Burung {murai|kenari|lovebird} di rumah sudah mulai rajin bunyi. Senang dengarnya 🐦",
    "Nonton konser {band lokal|musik panting|keroncong} di {Dome Teluk Sejahtera|Lapangan Merdeka|Taman Kota Bahari}. Merinding!",
    "Anggrek hitam di teras akhirnya berbunga setelah 2 tahun dirawat 🌸",
    "Baru selesai baca buku tentang {sejarah Kesultanan Kutai|sejarah Kerajaan Banjar|pahlawan "
    "Kalimantan|kebiasaan kecil yang mengubah hidup}. Recommended!",
    "Belajar main gitar lagi setelah 15 tahun vakum. Jari sakit semua 😂",
    "Kebun cabai di belakang rumah panen perdana. Hemat belanja {emoji_fun}",
    "Maraton drama Korea sampai jam 2 pagi, besok apel pagi… nekat 😅",
    "Ikut lomba foto HUT Kota, doakan menang ya {emoji_fun}",
)
MOOD = (
    "Pulang kantor langsung {tidur|rebahan|masak|nganter {anak} les}. Capek tapi bahagia.",
    "Hari ini belajar sabar dari antrean {bank|SPBU|pasar|bengkel}. Sejam lebih 😅",
    "Alhamdulillah motor sudah selesai diservis. Siap antar jemput {anak} lagi.",
    "Kopi ketiga hari ini. Jangan ditiru ya {kawan|gaes|teman-teman} ☕",
    "{Senin|Selasa|Rabu} lagi… semangat walau {kopi|teh|sarapan} belum habis ☕",
    "{Alhamdulillah|Akhirnya} TPP sudah cair. Bayar {cicilan motor|uang sekolah {anak}|arisan|"
    "cicilan rumah} dulu baru senyum 😅",
    "Tanggal tua, makan siang pakai bekal {nasi + telur dadar|sayur bening + tempe|{makanan}} dari "
    "rumah. Hemat pangkal kaya!",
    "Deadline {laporan|SPJ|LKPD|e-kinerja} numpuk, tapi tetap bersyukur masih diberi sehat.",
    "Hujan deras dari subuh, {jalan} sudah mulai tergenang. Hati-hati di jalan kawan-kawan.",
    "Panasnya hari ini luar biasa, {34|35|36} derajat lebih. Jangan lupa minum air putih!",
    "Listrik padam dari jam {jam}, HP tinggal 10%. Doakan kuat sampai sore 🔋",
    "Kadang hidup itu kayak {printer kantor|WiFi kantor|lift gedung sebelah}: macet pas lagi "
    "dibutuhin 😂",
)
HARD_WORDS = (
    "Anjing saya sakit dari kemarin, nggak mau makan. Ada rekomendasi dokter hewan di {kec}? 🐶",
    "Gila macetnya di {simpang} pagi ini! Sudah 40 menit belum gerak 🚗",
    "Sambal bikinan istri pedasnya setan 🔥🔥 tapi nagih!",
    "Mampus, {flashdisk berisi laporan|ID card|laptop kantor|map SPJ} ketinggalan di rumah. Balik "
    "lagi deh 🤦",
    "Semalam babi hutan masuk kebun lagi, habis semua singkong 😩",
    "Bodoh banget saya, kunci motor nyantol di motor dari pagi 🤦 untung aman.",
    "Anjing tetangga menggonggong sampai subuh, mata panda deh hari ini 🐼",
    "Gila, harga cabai sekarang {60|75|80} ribu sekilo. Ibu-ibu menjerit!",
    "Sial, hujan pas sudah nyuci motor. Sudah nasib 😂",
)
PORK = (
    "Makan babi panggang karo sama kawan-kawan punguan, mantap kali! 🔥",
    "Natal masih lama tapi sudah kangen saksang buatan inang 😋",
    "Sore-sore makan bubur manado sama rica babi, nikmat skali 😋",
)
COMMENTS = (
    "Selamat ya {kak|bu|pak|bang|dik}! {emoji_fun}",
    "Mantap, sukses selalu 👍",
    "Aamiin ya Allah 🙏",
    "Ikut senang dengarnya {emoji_fun}",
    "Wah kapan-kapan ajak kami dong!",
    "Sehat selalu ya!",
    "Turut berduka cita, semoga keluarga diberi ketabahan 🙏",
    "Keren! 🔥",
    "Lokasinya di mana itu?",
    "Hahaha sama, saya juga 😂",
    "Semangat terus!",
    "Amin, makasih doanya 🙏",
)
GREETINGS = {
    "islam": (
        "Jumat berkah. Jangan lupa perbanyak shalawat dan sedekah hari ini 🤲",
        "Alhamdulillah bisa shalat Jumat berjamaah di Masjid Agung {kec} 🕌",
        "Selamat Hari Santri! Santri siaga jiwa raga 🇮🇩",
    ),
    "kristen": (
        "Selamat hari Minggu, selamat beribadah. Tuhan Yesus memberkati 🙏",
        "Ibadah pagi di gereja bersama {keluarga}. Diberkati untuk memberkati ✨",
    ),
    "katolik": (
        "Selamat hari Minggu. Misa pagi bersama {keluarga}, berkah Tuhan menyertai 🙏",
        "Doa rosario bersama lingkungan, semoga damai selalu ✝️",
    ),
    "hindu": (
        "Rahajeng rahina Purnama. Semoga kedamaian menyertai semua makhluk 🙏",
        "Om Swastyastu. Sembahyang di pura bersama {keluarga}, hati jadi tenang 🌼",
    ),
    "buddha": (
        "Selamat merayakan Hari Kathina. Semoga semua makhluk berbahagia. Sadhu sadhu sadhu 🙏",
        "Namo Buddhaya. Puja bakti di vihara bersama {keluarga} 🙏",
    ),
    "konghucu": (
        "Selamat merayakan Festival Kue Bulan! Kumpul keluarga makan kue bulan 🥮",
        "Sembahyang di klenteng bersama {keluarga}. Salam kebajikan 🙏",
    ),
}
REGIONAL = {
    "banjar": (
        "Nyaman banar pang! {emoji_fun}",
        "Bubuhan kantor ulun pasti paham 😂",
        "Kada kawa lagi ulun 😂",
    ),
    "jawa": ("Matur nuwun Gusti 🙏", "Wis pokoke mantep 👍", "Monggo mampir rek 😁"),
    "bugis": ("Mantap sekali mi itu 😁", "Iye', sabar-sabar ji 😁"),
    "manado": ("Torang samua basudara 🙏", "Pokoknya so mantap skali 😁"),
    "batak": ("Horas! 🙌", "Mantap kali lah bah! 😁"),
    "bali": ("Suksma semeton 🙏", "Rahajeng 🙏"),
    "minang": ("Rancak bana! 😁", "Alah santiang 😁"),
    "sunda": ("Hatur nuhun 🙏", "Mantap pisan! 😁"),
    "tionghoa": ("Cuan terus 😄",),
    "kutai": ("Mantap banar! 😁",),
}
TAGS = (
    "#weekend",
    "#familytime",
    "#kuliner",
    "#healing",
    "#bersyukur",
    "#kulinerTelukSejahtera",
    "#selfreward",
    "#sehat",
    "#fyp",
    "#throwback",
    "#random",
)

# (month, day, religion) -> greeting for the festivals that fall inside the demo window
FESTIVALS = (
    (
        9,
        25,
        "konghucu",
        "Selamat Festival Kue Bulan / Tiong Chiu! Kumpul keluarga, pasang lampion 🏮🥮",
    ),
    (9, 25, "buddha", "Selamat Festival Kue Bulan, semoga keluarga selalu rukun 🥮"),
    (10, 26, "hindu", "Rahajeng rahina Purnama Kapat. Damai di hati, damai di bumi 🙏"),
    (11, 8, "buddha", "Anumodana untuk umat Buddha yang merayakan Kathina Dana. Sadhu 🙏"),
    (11, 24, "hindu", "Rahajeng rahina Purnama Kalima 🙏🌕"),
    (11, 12, "*", "Selamat Hari Ayah untuk semua ayah hebat. Kangen almarhum bapak {🥲|😭|🙏}"),
    (11, 12, "*", "Selamat Hari Ayah! Terima kasih sudah jadi ayah terbaik buat {anak} ❤️"),
)


def greeting(rng: random.Random, religion: str, day: dt.date) -> str | None:
    """A religious greeting that fits the author's religion and the day, or None."""
    matches = [
        text
        for month, d, rel, text in FESTIVALS
        if rel in (religion, "*") and (day.month, day.day) == (month, d)
    ]
    if matches:
        return rng.choice(matches)
    weekday = day.weekday()
    if religion == "islam" and weekday == 4:
        return rng.choice(GREETINGS["islam"][:2])
    if religion == "islam" and (day.month, day.day) == (10, 22):
        return GREETINGS["islam"][2]
    if religion in ("kristen", "katolik") and weekday == 6:
        return rng.choice(GREETINGS[religion])
    if religion in ("hindu", "buddha", "konghucu") and rng.random() < 0.3:
        return rng.choice(GREETINGS[religion][1:]) if len(GREETINGS[religion]) > 1 else None
    return None


def personal(rng: random.Random, ctx: dict, short: bool = False) -> tuple[str, bool]:
    """One personal post; returns (text, uses_hard_words)."""
    day: dt.date = ctx["day"]
    extra = {"hari": ctx["weekday"]}
    hard = False
    greet = greeting(rng, ctx["religion"], day)
    roll = rng.random()
    if greet and roll < 0.5:
        body = pick(rng, (greet,), extra)
    elif roll < 0.07:
        body, hard = pick(rng, HARD_WORDS, extra), True
    elif (
        roll < 0.09
        and ctx["religion"] in ("kristen", "katolik")
        and ctx["region"] in ("batak", "manado", "dayak")
    ):
        body, hard = pick(rng, PORK, extra), True
    else:
        pools = (FAMILY, FOOD, SPORT, TRAVEL, HOBBY, MOOD)
        body = pick(rng, rng.choices(pools, weights=(24, 22, 14, 12, 10, 18))[0], extra)
    regional = REGIONAL.get(ctx["region"], ())
    if short:
        return join(body, maybe(rng, 0.3, regional)), hard
    text = join(body, maybe(rng, 0.3, regional, extra))
    if rng.random() < 0.35:
        text = join(text, " ".join(rng.sample(TAGS, rng.randint(1, 3))), sep="\n")
    if ctx.get("mention") and ctx.get("platform") != "other" and rng.random() < 0.25:
        text = join(text, f"{rng.choice(('bareng', 'with', 'sama', 'cc'))} {ctx['mention']}")
    return text, hard


def comment(rng: random.Random) -> str:
    return pick(rng, COMMENTS)
