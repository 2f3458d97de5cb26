"""Hoax chain messages and the debunked claims they come from (a demo fact-check register).

Every claim is invented for Kota Teluk Sejahtera but follows well-known hoax patterns: miracle
cures, vaccine scares, "BMKG predicts" quakes, fake aid links, ASN pay rumours, kidnapping scares.
Each has several wordings so fuzzy matching has something to do, and a clarification URL on the
city's (fictional) fact-check page.
"""

from __future__ import annotations

import random

from .text_kit import join, pick

FACTCHECK = "https://cekfakta.teluksejahterakota.go.id/klarifikasi"

# key, category, title, the false claim, the clarification, wordings
CLAIMS: tuple[tuple[str, str, str, str, str, tuple[str, ...]], ...] = (
    (
        "vaksin-mr-babi",
        "health",
        "Vaksin MR di sekolah mengandung babi dan zat pemandul",
        "Vaksin campak-rubela yang diberikan di sekolah mengandung babi dan zat pemandul.",
        "Dinas Kesehatan: vaksin yang dipakai sudah berizin BPOM, tidak mengandung zat pemandul, "
        "dan telah dinyatakan boleh digunakan.",
        (
            "INFO PENTING!!! Vaksin MR yang disuntikkan di sekolah anak kita mengandung {babi|unsur babi} "
            "dan zat pemandul. Jangan izinkan anak ikut imunisasi!",
            "Ibu-ibu tolong hati2, vaksin campak di SD itu ada zat pemandulnya, ini dari kenalan saya "
            "perawat. Anak saya tidak saya ikutkan.",
            "Program imunisasi di sekolah itu konspirasi untuk memandulkan generasi kita. Vaksinnya "
            "mengandung babi. Tolak!",
        ),
    ),
    (
        "sirsak-kanker",
        "health",
        "Rebusan daun sirsak menyembuhkan kanker dalam 3 hari",
        "Rebusan daun sirsak dan bawang putih menyembuhkan kanker dan diabetes dalam tiga hari.",
        "Tidak ada bukti klinis; pengobatan kanker harus lewat tenaga medis.",
        (
            "Dokter tidak akan memberitahu ini: rebusan {10|7|15} lembar daun sirsak + 3 siung bawang "
            "putih menyembuhkan kanker dan diabetes dalam 3 hari!",
            "Rahasia yang disembunyikan rumah sakit: air rebusan daun sirsak bisa membunuh sel kanker "
            "10.000 kali lebih kuat dari kemoterapi.",
        ),
    ),
    (
        "gempa-bmkg",
        "disaster",
        "BMKG memprediksi gempa 8,9 dan tsunami di pesisir Kaltim",
        "BMKG memprediksi gempa magnitudo 8,9 dan tsunami di pesisir Kalimantan Timur pada tanggal "
        "tertentu.",
        "BMKG: gempa bumi tidak dapat diprediksi tanggal dan jamnya; tidak ada peringatan seperti itu.",
        (
            "PERINGATAN BMKG!!! Akan terjadi gempa M8,9 disusul tsunami di pesisir Kalimantan Timur "
            "tanggal {3|12|17|28} nanti antara jam 1-3 dini hari. Warga pesisir segera mengungsi!",
            "Info dari orang dalam BMKG: tsunami akan menghantam Teluk Sejahtera minggu ini. Siapkan tas "
            "siaga dan jauhi pantai!",
        ),
    ),
    (
        "bantuan-link",
        "scam",
        "Pemkot bagi bantuan Rp2,5 juta per KK lewat tautan",
        "Pemerintah kota membagikan bantuan Rp2,5 juta untuk setiap KK; daftar lewat tautan.",
        "Pemkot tidak pernah membuka pendaftaran bantuan lewat tautan pendek; tautan itu phishing.",
        (
            "ALHAMDULILLAH! Pemkot Teluk Sejahtera bagi-bagi bantuan Rp2.500.000 per KK. Daftar di "
            "{bit.ly/bantuan-tsk2026|bit.ly/BLT-kota-tsk|s.id/bansos-teluk} sebelum besok jam 12!",
            "Bantuan tunai Rp2,5 juta untuk warga ber-KTP Teluk Sejahtera sudah cair. Isi NIK dan nomor "
            "rekening di link ini: s.id/bansos-teluk",
        ),
    ),
    (
        "thr-asn-dihapus",
        "asn",
        "Gaji ke-13 dan THR ASN dihapus mulai 2027",
        "Gaji ke-13 dan THR ASN dihapus mulai Januari 2027.",
        "BKPSDM: tidak ada kebijakan penghapusan; ketentuan THR dan gaji ke-13 ditetapkan setiap tahun.",
        (
            "Rekan-rekan ASN, mulai Januari 2027 gaji ke-13 dan THR resmi DIHAPUS, surat edarannya sudah "
            "ditandatangani menteri. Siap-siap ikat pinggang!",
            "Bocoran dari pusat: THR ASN tahun depan ditiadakan untuk bayar utang negara. Sebarkan ke grup "
            "kantor!",
        ),
    ),
    (
        "nip-nonaktif",
        "asn",
        "NIP dinonaktifkan jika tidak isi formulir daring",
        "NIP ASN yang tidak memperbarui data lewat tautan akan dinonaktifkan dalam 3x24 jam.",
        "BKN dan BKPSDM tidak pernah meminta pemutakhiran data lewat tautan seperti itu.",
        (
            "PENGUMUMAN BKN: NIP ASN yang tidak melakukan pemutakhiran data di link berikut akan "
            "DINONAKTIFKAN dalam 3x24 jam: {bkn-update.site|mysapk-verifikasi.com}",
        ),
    ),
    (
        "penculikan-ambulans",
        "security",
        "Penculikan anak bermodus ambulans",
        "Ada penculikan anak dengan modus mobil ambulans; lima anak hilang di kota ini.",
        "Polresta: tidak ada laporan penculikan; foto yang beredar dari kejadian lain.",
        (
            "WASPADA!!! Penculikan anak pakai mobil ambulans di Kelurahan {kel}. Sudah 5 anak hilang, "
            "organnya dijual. Jaga anak-anak kita!",
            "Hati-hati bapak ibu, ada mobil putih berkeliling di sekitar sekolah {kel} culik anak SD. "
            "Kata polisi sudah 3 korban.",
        ),
    ),
    (
        "pdam-kaporit",
        "health",
        "Air PDAM menyebabkan gagal ginjal",
        "Air PDAM dicampur kaporit berlebih sehingga menyebabkan gagal ginjal.",
        "Hasil uji laboratorium menunjukkan kadar klor memenuhi standar air minum.",
        (
            "Jangan minum air keran! PDAM pakai kaporit 10x lipat, tetangga saya sudah cuci darah gara-gara "
            "ini.",
        ),
    ),
    (
        "ikd-hak-pilih",
        "election",
        "KTP-el belum aktivasi IKD diblokir dan hilang hak pilih",
        "KTP-el yang belum diaktivasi ke IKD akan diblokir dan pemiliknya tidak bisa memilih di "
        "Pemilu 2029.",
        "Disdukcapil: KTP-el tetap berlaku; aktivasi IKD tidak menghapus hak pilih.",
        (
            "KTP-el yang belum aktivasi IKD akan DIBLOKIR akhir tahun ini dan tidak bisa dipakai memilih "
            "di Pemilu 2029. Cepat urus sebelum terlambat!",
            "Ada permainan politik: warga yang tidak aktivasi IKD dihapus dari daftar pemilih 2029. Ini "
            "bocoran dari orang KPU.",
        ),
    ),
    (
        "wa-berbayar",
        "scam",
        "WhatsApp berbayar kecuali pesan disebar ke 10 grup",
        "WhatsApp akan berbayar kecuali pesan ini dikirim ke sepuluh grup.",
        "WhatsApp tidak memberlakukan biaya seperti itu; pesan berantai ini sudah lama beredar.",
        (
            "Mulai besok WhatsApp berbayar Rp{15.000|25.000} per bulan. Kirim pesan ini ke 10 grup supaya "
            "logo berubah biru dan akunmu tetap gratis.",
        ),
    ),
    (
        "fogging-virus",
        "health",
        "Fogging menyebarkan virus baru",
        "Pengasapan (fogging) DBD menyebarkan virus baru dan harus ditolak.",
        "Dinas Kesehatan: fogging memakai insektisida untuk nyamuk dewasa, tidak mengandung virus.",
        (
            "Tolak fogging di rumah anda! Asapnya membawa virus jenis baru, banyak anak sesak napas "
            "setelah fogging di {kel}.",
        ),
    ),
)
HEADS = (
    "Info dari grup sebelah:",
    "Copas dari grup alumni 👇",
    "Mohon maaf kalau sudah dapat.",
    "Barusan dapat kiriman dari saudara:",
    "",
    "",
    "Penting!!",
)
TAILS = (
    "Sebarkan!",
    "Share sebanyak-banyaknya sebelum dihapus!",
    "Jangan berhenti di kamu.",
    "Bagikan ke keluarga dan grup kantor 🙏",
    "Sudah terbukti!",
    "Lebih baik waspada.",
    "Semoga bermanfaat, jangan lupa share.",
)


def claims() -> list[dict]:
    """The debunked-claims register for the demo (one dict per claim)."""
    return [
        {
            "key": key,
            "category": cat,
            "title": title,
            "claim": claim,
            "clarification": clar,
            "url": f"{FACTCHECK}/{key}",
        }
        for key, cat, title, claim, clar, _ in CLAIMS
    ]


def hoax(rng: random.Random, short: bool = False) -> tuple[str, str]:
    """A hoax chain message; returns (text, claim key)."""
    key, *_, wordings = rng.choice(CLAIMS)
    body = pick(rng, wordings)
    if short:
        return join(body, rng.choice(TAILS[:3])), key
    head = rng.choice(HEADS)
    return join(join(head, body, sep="\n"), rng.choice(TAILS)), key
