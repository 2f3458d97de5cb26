"""Official-activity posts: apel, rapat, sosialisasi, posyandu, kerja bakti, layanan, upacara.

Each unit has its own activity sentences; every unit also uses the general ones and, on the right
dates, the commemoration ones (Hari Kesaktian Pancasila, HUT Kota, Sumpah Pemuda, Hari Pahlawan…).
"""

from __future__ import annotations

import random

from .text_events import event_on
from .text_kit import hashtags, join, maybe, pick

OPENERS = {
    "islam": ("Assalamualaikum wr. wb.", "Alhamdulillah,", "Bismillah,"),
    "kristen": ("Salam sejahtera bagi kita semua.", "Puji Tuhan,", "Shalom,"),
    "katolik": ("Salam sejahtera bagi kita semua.", "Puji Tuhan,"),
    "hindu": ("Om Swastyastu.",),
    "buddha": ("Namo Buddhaya.", "Salam sejahtera."),
    "konghucu": ("Salam kebajikan.", "Salam sejahtera."),
    "any": (
        "Selamat {waktu} rekan-rekan semua.",
        "Selamat {waktu} sahabat {unit}.",
        "Hari ini,",
        "Laporan kegiatan hari ini:",
        "[INFO KEGIATAN]",
        "#Repost {akun_pemkot}",
        "Update kegiatan {hari} ini 👇",
        "Dokumentasi kegiatan {unit}.",
    ),
}

GENERAL = (
    "~Apel pagi bersama seluruh pegawai {unit}, dipimpin langsung {atasan}. Pesan beliau: disiplin, "
    "{jaga integritas|jangan main HP saat melayani|layani warga dengan senyum|laporan kinerja "
    "jangan telat diisi}.",
    "~Rapat koordinasi persiapan {program} bersama {mitra} di {tempat}.",
    "~Senam pagi bersama di halaman kantor {unit}, lanjut sarapan {makanan} {emoji_fun}",
    "~Mengikuti bimtek penyusunan laporan kinerja (SAKIP) {|secara daring|di Aula Bappeda} bersama "
    "perwakilan seluruh perangkat daerah.",
    "~Rapat evaluasi capaian kinerja triwulan III {unit}. {Alhamdulillah realisasi sudah {persen}% "
    "di atas target|Masih ada beberapa kegiatan yang harus dikejar sebelum tutup tahun anggaran}.",
    "~Zoom meeting dengan kementerian soal {SPBE|pembangunan Zona Integritas|sinkronisasi data "
    "pegawai|penyusunan RKPD 2027}. Semangat walau sinyal putus-nyambung 😅",
    "~Kerja bakti membersihkan lingkungan kantor {unit} bersama seluruh pegawai. Kantor bersih, "
    "kerja pun nyaman.",
    "Donor darah dalam rangka {HUT Korpri|HUT Kota|Hari Kesehatan Nasional} bekerja sama dengan PMI. "
    "Terkumpul {jumlah} kantong darah. Terima kasih para pendonor!",
    "~Penandatanganan pakta integritas dan komitmen bebas gratifikasi di lingkungan {unit}.",
    "~Menerima kunjungan studi tiru dari {Kabupaten Paser|Kota Bontang|Kabupaten Berau|Kota "
    "Tarakan} terkait {program}.",
    "~Sosialisasi netralitas ASN dan etika bermedia sosial untuk pegawai {unit}. Ingat, jempolmu "
    "harimaumu!",
    "Kunjungan kerja {atasan} meninjau pelayanan di {tempat}.",
    "Monitoring dan evaluasi pelaksanaan {program} di Kelurahan {kel}.",
    "Hari ini kantor {unit} melayani {jumlah} warga. Terima kasih atas kesabarannya mengantre 🙏",
)

BY_UNIT: dict[str, tuple[str, ...]] = {
    "SETDA": (
        "~Rapat pimpinan bersama seluruh kepala perangkat daerah membahas rancangan APBD 2027.",
        "~Pendampingan {Pak Sekda|Bapak Asisten} menerima audiensi {mitra} di ruang rapat lantai 2.",
        "~Finalisasi rancangan Peraturan Wali Kota tentang {program}.",
    ),
    "BAGORG": (
        "~Evaluasi kelembagaan dan analisis jabatan bersama perangkat daerah. Target penyederhanaan "
        "birokrasi tuntas akhir tahun.",
        "~Desk evaluasi pembangunan Zona Integritas menuju WBK untuk {8|12|15|21} unit layanan.",
        "~Asistensi penyusunan SOP pelayanan di Kecamatan {kec}.",
    ),
    "BAGHUK": (
        "~Harmonisasi rancangan perda tentang {retribusi persampahan|bangunan gedung|penyelenggaraan "
        "parkir|perlindungan anak} bersama Kanwil Kemenkum.",
        "Penyuluhan hukum keliling di Kelurahan {kel}: sadar hukum sejak dari rumah.",
        "JDIH Kota Teluk Sejahtera sudah update! {jumlah} produk hukum daerah bisa diunduh gratis.",
    ),
    "INSP": (
        "~Entry meeting pemeriksaan reguler pada {unit_target}. Mohon dukungan dokumen tepat waktu ya "
        "rekan-rekan.",
        "~Reviu Laporan Keuangan Pemerintah Daerah bersama tim BPKAD sebelum diserahkan ke BPK.",
        "~Sosialisasi pengendalian gratifikasi: tolak dengan sopan, laporkan dalam 30 hari kerja.",
        "~Probity audit pengadaan barang/jasa di {unit_target}. Pencegahan lebih baik daripada "
        "penindakan.",
        "~Ekspose hasil pengawasan semester II bersama perangkat daerah.",
    ),
    "BAPPEDA": (
        "Musrenbang Kelurahan {kel} untuk RKPD 2027. {jumlah} usulan warga masuk, prioritas drainase "
        "dan penerangan jalan.",
        "~FGD penyusunan rancangan awal RKPD 2027 bersama akademisi dan {mitra}.",
        "~Forum data statistik sektoral: satu data untuk perencanaan yang lebih tepat.",
    ),
    "BKPSDM": (
        "Seleksi kompetensi PPPK formasi 2026 hari ke-{2|3|4} berjalan lancar. Semangat para peserta!",
        "~Pelatihan dasar CPNS angkatan {III|IV|V} resmi dibuka. Jadilah ASN yang BerAKHLAK!",
        "~Layanan konsultasi kenaikan pangkat periode Desember dibuka di lantai 1. Berkas lengkap, "
        "proses cepat.",
        "~Uji kompetensi jabatan fungsional bagi {jumlah} pegawai.",
    ),
    "BPKAD": (
        "~Rekonsiliasi aset tetap dengan perangkat daerah. Jangan lupa KIB diperbarui ya!",
        "~Sosialisasi percepatan realisasi belanja akhir tahun: SPM paling lambat 15 Desember.",
        "~Asistensi RKA perangkat daerah untuk APBD 2027. Lembur lagi, demi anggaran yang tepat "
        "sasaran 💪",
    ),
    "DISDIK": (
        "Upacara dan pembinaan karakter siswa di {sekolah}. Anak-anak hebat, masa depan Teluk "
        "Sejahtera!",
        "Lomba bercerita dan cerdas cermat tingkat SD se-Kecamatan {kec}. Selamat kepada para juara!",
        "Sosialisasi pencegahan perundungan di {sekolah} bersama {mitra}.",
        "~Pelatihan pembelajaran mendalam bagi {jumlah} guru SD dan SMP.",
        "Kegiatan literasi pagi di {sekolah}: 15 menit membaca sebelum belajar.",
        "Pentas seni budaya {Dayak|Banjar|Kutai|Bugis|Jawa} oleh siswa {sekolah}. Merinding lihatnya!",
    ),
    "DINKES": (
        "Posyandu balita di Kelurahan {kel}: timbang, ukur, imunisasi dan PMT. {jumlah} balita "
        "hadir hari ini.",
        "Pemberantasan sarang nyamuk (PSN) serentak di Kelurahan {kel}. 3M Plus, cegah DBD!",
        "Bulan Imunisasi Anak di {sekolah}: campak-rubela dan DT. Imunisasi aman dan halal.",
        "Skrining kesehatan gratis bagi lansia di {tempat}: tensi, gula darah, kolesterol.",
        "Kelas ibu hamil di Puskesmas {kel}. Cegah stunting sejak 1.000 hari pertama kehidupan.",
        "Pemeriksaan jentik berkala bersama kader jumantik. Angka bebas jentik naik jadi {persen}%!",
    ),
    "DPUPR": (
        "Peninjauan progres pembangunan drainase di {jalan}. Target selesai akhir Desember.",
        "Penanganan jalan berlubang di {jalan} sepanjang {jumlah} meter. Mohon maaf atas "
        "ketidaknyamanannya.",
        "Normalisasi saluran di Kelurahan {kel} untuk antisipasi musim hujan.",
        "Pengukuran ulang rencana jalan lingkungan di Kecamatan {kec} bersama warga dan Ketua RT.",
        "~Rapat teknis perbaikan jembatan kayu di Kelurahan {kel}.",
    ),
    "DISHUB": (
        "Rekayasa lalu lintas di {simpang} mulai hari ini. Mohon pengendara mengikuti rambu.",
        "Pengaturan arus lalu lintas pagi di {simpang}. Tetap tertib, utamakan keselamatan!",
        "Uji KIR kendaraan angkutan barang di UPT Pengujian. {jumlah} kendaraan lulus uji hari ini.",
        "Penertiban parkir liar di sepanjang {jalan} bersama Satpol PP.",
        "Pemasangan lampu lalu lintas baru di {simpang} sudah berfungsi.",
    ),
    "DISKOMINFO": (
        "Pelatihan literasi digital untuk {warga}: kenali hoaks, cek sebelum sebar!",
        "Pemasangan WiFi publik gratis di {tempat}. Silakan dimanfaatkan dengan bijak.",
        "Aplikasi {Lapor Wali|Sapa Warga} versi terbaru sudah bisa diunduh. Aduan langsung "
        "diteruskan ke perangkat daerah terkait.",
        "~Rapat pengelolaan command center {Smart City|Sapa Warga}. Data real time untuk layanan "
        "lebih cepat.",
        "Siaran langsung {podcast Ngopi Bareng Pemkot|Teluk Sejahtera Menjawab} bersama {atasan}. "
        "Tonton di kanal resmi Pemkot!",
    ),
    "DISDUKCAPIL": (
        "Jemput bola perekaman KTP-el di {sekolah} untuk pemilih pemula. {jumlah} siswa terekam.",
        "Pelayanan aktivasi Identitas Kependudukan Digital (IKD) di {tempat}. Cukup bawa HP dan "
        "KTP-el.",
        "Layanan akta kelahiran dan KIA keliling di Kelurahan {kel}. Gratis, tidak dipungut biaya!",
        "Pelayanan adminduk tetap buka hari Sabtu di Mal Pelayanan Publik. Ayo tertib administrasi!",
    ),
    "SATPOLPP": (
        "Patroli wilayah dan penertiban PKL di {Pasar Baru Teluk|Taman Kota Bahari|Pantai Kemala Biru|"
        "Terminal Bukit Damai} secara humanis.",
        "Penegakan perda tentang ketertiban umum di {jalan}. Reklame liar ditertibkan.",
        "Pengamanan kegiatan {event_umum} di {tempat} bersama {mitra}.",
        "Sosialisasi perda larangan berjualan di trotoar kepada pedagang {Pasar Baru Teluk|Pasar "
        "Pagi Muara Jaya}.",
    ),
    "DLH": (
        "Aksi bersih pantai di Pantai Kemala Biru bersama {mitra}. {jumlah} kg sampah plastik "
        "terkumpul!",
        "Penanaman {jumlah} bibit mangrove di pesisir Kelurahan {kel}.",
        "Pembinaan Bank Sampah Berkah di Kelurahan {kel}. Sampah jadi tabungan!",
        "Uji kualitas air sungai di {jumlah} titik pemantauan. Hasil diumumkan pekan depan.",
        "Lomba kampung bersih antar-RT se-Kecamatan {kec}. Yuk pilah sampah dari rumah!",
    ),
    "KEC": (
        "~Rapat minggon kecamatan bersama lurah se-Kecamatan {kec}.",
        "Penyaluran bantuan sembako bagi warga kurang mampu di Kecamatan {kec}.",
        "Mediasi warga soal batas tanah di Kecamatan {kec}. Alhamdulillah berakhir damai.",
        "Siskamling digalakkan lagi di Kecamatan {kec}. Keamanan lingkungan tanggung jawab bersama.",
    ),
    "KEL": (
        "Gotong royong membersihkan parit di RT {03|07|12|15|21} Kelurahan {kel}.",
        "Pelayanan surat keterangan di kantor Kelurahan {kel} tetap buka sampai sore.",
        "Posyandu lansia Kelurahan {kel}. Sehat selalu para ayah bunda kami!",
        "Musyawarah kelurahan membahas {program}. Terima kasih Ketua RT yang hadir.",
    ),
}

UNIT_TARGETS = (
    "Dinas Perhubungan",
    "Dinas PUPR",
    "Dinas Kesehatan",
    "Kecamatan Bukit Damai",
    "Dinas Lingkungan Hidup",
    "Kelurahan Muara Jaya",
    "Dinas Pendidikan",
)
SCHOOLS = (
    "SD Negeri 004 Teluk Timur",
    "SD Negeri 012 Bukit Damai",
    "SD Negeri 021 Pesisir Barat",
    "SMP Negeri 3 Teluk Sejahtera",
    "SMP Negeri 7 Teluk Sejahtera",
    "SMP Negeri 11 Teluk Sejahtera",
)

DETAILS = (
    "Kegiatan diikuti {jumlah} peserta dari {mitra} dan {warga}.",
    "Terima kasih kepada {mitra} atas dukungan dan kerja samanya.",
    "Semoga bermanfaat bagi {warga} Kota Teluk Sejahtera.",
    "Alhamdulillah berjalan lancar walaupun sempat {gerimis|mati lampu sebentar|molor 30 menit}.",
    "Kegiatan dimulai pukul {jam} WITA dan selesai tepat waktu.",
    "Informasi lebih lanjut silakan hubungi kantor {unit} pada jam kerja.",
    "Pelayanan tidak dipungut biaya apa pun. Jika ada pungutan, laporkan lewat Lapor Wali!",
    "Dokumentasi lengkap ada di akun {akun_pemkot}.",
    "Sinergi dan kolaborasi adalah kunci.",
    "{Hadir|Turut hadir} pula perwakilan {mitra}.",
)
INTERNAL_DETAILS = (
    "Diikuti {jumlah} pegawai dari seluruh bidang.",
    "Kegiatan dimulai pukul {jam} WITA dan selesai tepat waktu.",
    "Sinergi dan kolaborasi adalah kunci.",
    "Semoga kinerja kita makin baik ke depan.",
    "Terima kasih narasumber atas ilmunya.",
    "Alhamdulillah berjalan lancar walaupun sempat {gerimis|mati lampu sebentar|molor 30 menit}.",
    "Bahan paparan bisa diminta ke sekretariat.",
    "Catatan rapat segera dibagikan lewat grup kantor.",
)
CEREMONY_PLACES = (
    "Lapangan Merdeka",
    "halaman Balai Kota",
    "halaman kantor {unit}",
    "Taman Kota Bahari",
)
CLOSERS = (
    "Salam sehat!",
    "Tetap semangat melayani!",
    "Mari bersama wujudkan Teluk Sejahtera yang "
    "{bersih|maju|ramah|berdaya saing|nyaman ditinggali}!",
    "Wassalam.",
    "Kerja ikhlas, kerja tuntas.",
    "Bangga melayani bangsa!",
    "#SalamSehat",
    "ASN berAKHLAK, melayani sepenuh hati.",
    "Terima kasih {warga} yang sudah hadir {emoji_ok}",
)
UNIT_TAGS = {
    "DINKES": ("#CegahStunting", "#GerakanPSN", "#SalamSehat", "#ImunisasiLengkap"),
    "DLH": ("#TelukBersih", "#PilahSampahDariRumah", "#BersihPantai"),
    "DISKOMINFO": ("#CekSebelumSebar", "#SmartCityTelukSejahtera", "#LiterasiDigital"),
    "DISDUKCAPIL": ("#DukcapilMelayani", "#AktivasiIKD", "#TertibAdminduk"),
    "DISDIK": ("#MerdekaBelajar", "#GuruHebat", "#SekolahRamahAnak"),
    "DISHUB": ("#TertibLaluLintas", "#KeselamatanNomorSatu"),
    "INSP": ("#CegahKorupsi", "#TolakGratifikasi", "#PengawasanBerkualitas"),
    "BAPPEDA": ("#Musrenbang2027", "#SatuData"),
    "SATPOLPP": ("#SatpolPPHumanis", "#TegakkanPerda"),
}


def unit_group(unit_code: str) -> str:
    if unit_code.startswith("KEC-"):
        return "KEC"
    if unit_code.startswith("KEL-"):
        return "KEL"
    return unit_code


def _capitalise_after(opener: str, body: str) -> str:
    if opener.endswith(",") and body[:1].isupper() and not body[1:2].isupper():
        return body[:1].lower() + body[1:]
    return body


def official(rng: random.Random, ctx: dict, short: bool = False) -> str:
    """One official-activity post for the employee described by ``ctx``."""
    group = unit_group(ctx["unit_code"])
    hour = ctx.get("hour", 9)
    waktu = "pagi" if hour < 11 else "siang" if hour < 15 else "sore" if hour < 18 else "malam"
    extra = {
        "unit": ctx["unit_name"],
        "atasan": ctx["atasan"],
        "hari": ctx["weekday"],
        "waktu": waktu,
        "unit_target": UNIT_TARGETS,
        "sekolah": SCHOOLS,
        "tempat_upacara": CEREMONY_PLACES,
        "event_umum": ("HUT Kota", "jalan sehat", "pasar murah", "festival kuliner"),
    }
    if group in ("KEC", "KEL"):  # their own kelurahan / kecamatan, not a random one
        extra[group.lower()] = ctx["unit_name"].split(" ", 1)[1]
    event = event_on(ctx["day"], group)
    event_tag = ""
    if event and rng.random() < 0.6:
        extra["event"] = event[0]
        event_tag = event[1]
        template = rng.choice(event[2])
    else:
        own = BY_UNIT.get(group, ())
        template = rng.choice(own if own and rng.random() < 0.65 else GENERAL)
    internal = template.startswith("~")
    body = pick(rng, (template.lstrip("~"),), extra)
    details = INTERNAL_DETAILS if internal else DETAILS
    if short:
        return join(
            body,
            event_tag or hashtags(rng, UNIT_TAGS.get(group, ()), k=1),
            maybe(rng, 0.5, ("{emoji_ok}",)),
        )
    opener = maybe(rng, 0.55, OPENERS.get(ctx["religion"], ()) + OPENERS["any"], extra)
    first, second = rng.sample(details, 2)
    text = join(
        opener,
        _capitalise_after(opener, body),
        pick(rng, (first,), extra) if rng.random() < 0.7 else "",
        pick(rng, (second,), extra) if rng.random() < 0.3 else "",
        maybe(rng, 0.45, CLOSERS, extra),
        maybe(rng, 0.5, ("{emoji_ok}", "{emoji_ok}{emoji_ok}")),
    )
    if rng.random() < 0.75:
        pool = UNIT_TAGS.get(group, ()) + ("#ASNBerAKHLAK", "#BanggaMelayaniBangsa", "#KerjaNyata")
        tags = join(event_tag, pick(rng, ("{tag_city}",)), hashtags(rng, pool, k=rng.randint(1, 3)))
        text = join(text, tags, sep="\n\n")
    return text
