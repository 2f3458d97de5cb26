"""Sharp but legitimate criticism of policies, budgets and officials, and service complaints.

These texts may be angry, sarcastic and name officials by office, but they argue about decisions
and services and never insult a person or a group: they are what the reviewers must protect.
"""

from __future__ import annotations

import random

from .text_kit import join, maybe, pick

HOOKS = (
    "Maaf, saya harus bicara.",
    "Sampai kapan begini terus?!",
    "Ini keterlaluan.",
    "Saya ASN, tapi saya juga warga kota ini.",
    "Malu kita sebagai kota yang katanya 'smart city'.",
    "Kritik ini bentuk sayang, bukan benci.",
    "Izin bertanya kepada yang terhormat {pejabat_tinggi}.",
    "Coba kita pikir pakai logika sederhana.",
    "Ngelus dada lihat berita pagi ini.",
    "Jujur saya kecewa.",
    "Tolong jangan baper, ini soal uang rakyat.",
)
CRITICISM = (
    "Anggaran mobil dinas baru Rp{nominal} disetujui, sementara {jalan} berlubang sudah dua tahun "
    "tidak diperbaiki. Prioritasnya di mana?",
    "Biaya perjalanan dinas naik {persen}% di APBD 2027, tapi honor guru honorer dan PPPK paruh "
    "waktu telat tiga bulan. Ini tidak adil.",
    "Drainase di {jalan} sudah tiga kali dibongkar pasang dalam dua tahun. Siapa yang "
    "merencanakan, siapa yang mengawasi?",
    "Relokasi Pasar Baru Teluk diputuskan tanpa dialog dengan pedagang. Pedagang kecil yang "
    "menanggung rugi, bukan yang tanda tangan SK.",
    "TPP pegawai dipotong dengan alasan efisiensi, tapi anggaran seremoni dan baliho pejabat jalan "
    "terus. Efisiensi kok cuma untuk bawahan?",
    "Baliho wajah pejabat di setiap simpang itu dibayar pakai apa? Lebih baik uangnya untuk lampu "
    "jalan yang mati di {jalan}.",
    "Seleksi terbuka jabatan harus benar-benar terbuka: umumkan nilai setiap peserta, jangan cuma "
    "nama pemenangnya.",
    "Aplikasi absensi wajib dipakai tapi servernya tumbang tiap pagi. Pegawai dipotong tunjangan "
    "karena kesalahan sistem, itu tidak masuk akal.",
    "Taman ikon kota Rp{nominal}, sementara Puskesmas {kel} cuma punya satu dokter untuk puluhan "
    "ribu warga. Kita butuh layanan, bukan swafoto.",
    "Program {program} menghabiskan Rp{nominal} tapi aplikasinya sepi pengguna. Mana evaluasinya? "
    "Mana laporan manfaatnya?",
    "Tarif retribusi sampah naik {persen}% tapi sampah di Kelurahan {kel} tetap diangkut seminggu "
    "sekali. Naikkan layanan dulu baru naikkan tarif.",
    "PKL di {tempat} digusur tanpa tempat pengganti. Menata kota itu perlu, tapi jangan "
    "mematikan dapur orang kecil.",
    "Data penerima bansos di Kelurahan {kel} masih banyak yang salah sasaran. Yang mampu dapat, "
    "janda tua tetangga saya tidak. Tolong diverifikasi ulang.",
    "Dokumen APBD dan DPA seharusnya bisa diakses publik. Keterbukaan informasi itu perintah "
    "undang-undang, bukan kebaikan hati pejabat.",
    "Kunjungan kerja dewan ke luar negeri lagi, hasilnya untuk warga apa? Tolong laporan "
    "perjalanannya dipublikasikan.",
    "Banjir tiap tahun di {jalan}, master plan drainase katanya sudah ada sejak 2019. Realisasinya "
    "berapa persen?",
    "Izin perumahan baru di daerah resapan Bukit Damai itu keputusan yang keliru. Nanti yang "
    "kebanjiran warga di bawahnya.",
    "Rotasi pegawai mendadak tanpa analisis jabatan bikin pelayanan kacau. Orang teknis ditaruh "
    "di administrasi, orang administrasi disuruh urus teknis.",
    "Proyek revitalisasi {tempat} molor {3|5|8} bulan tapi tidak ada denda keterlambatan yang "
    "diumumkan. Kontraktornya siapa? Pengawasnya siapa?",
    "Kebijakan wajib apel sore jam 16.30 untuk semua pegawai tidak memikirkan pegawai yang harus "
    "jemput anak. Produktivitas tidak diukur dari lamanya duduk di kantor.",
    "Janji kampanye 'jalan mulus se-kota' tinggal dua tahun lagi. Kenyataannya {jalan} masih "
    "seperti kubangan kerbau.",
)
DEMANDS = (
    "Mohon {Inspektorat|DPRD|BPK} turun tangan.",
    "Buka datanya ke publik!",
    "Kami menunggu penjelasan resmi, bukan klarifikasi di grup WA.",
    "Jangan cuma pencitraan, rakyat butuh bukti.",
    "Evaluasi total, jangan tambal sulam.",
    "Tolong dijawab dengan data, bukan dengan marah.",
    "Silakan diperdebatkan, asal pakai argumen.",
    "Semoga {pejabat} membaca ini.",
    "Rakyat bukan sapi perah.",
    "Yang salah kebijakannya, bukan orangnya. Perbaiki kebijakannya.",
    "Kalau saya salah, silakan koreksi dengan data.",
)
CRIT_TAGS = (
    "#TransparansiAnggaran",
    "#RakyatBertanya",
    "#SaveTelukSejahtera",
    "#LaporWali",
    "#KawalAPBD",
    "#KritikItuSehat",
    "#UangRakyat",
)

COMPLAINTS = (
    "PDAM mati sudah {2|3|4} hari di Kelurahan {kel}. Mandi pakai air galon, anak mau sekolah "
    "bingung. Tolong kepastian jadwalnya!",
    "Air PDAM keruh kecoklatan sejak kemarin di {jalan}. Ini layak pakai atau tidak?",
    "Antre di Disdukcapil dari jam 6 pagi, jam 10 dibilang blanko KTP habis. Kenapa tidak "
    "diumumkan dari awal?",
    "Jalan berlubang di {jalan} sudah saya laporkan {3|4|5} kali lewat Lapor Wali, statusnya masih "
    "'diproses'. Tunggu ada korban dulu?",
    "Lampu PJU di {jalan} mati sebulan. Gelap gulita, rawan jambret.",
    "Sampah di TPS Kelurahan {kel} menumpuk seminggu, baunya sampai ke masjid. Truknya ke mana?",
    "Antre di Puskesmas {kel} 3 jam, dokternya baru datang jam 10. Kasihan lansia yang menunggu.",
    "Bus kota koridor {1|2|3} makin jarang lewat, nunggu 45 menit di halte. Katanya mau "
    "transportasi publik yang andal?",
    "Jukir liar di {tempat} minta Rp10.000 untuk motor. Dishub, tolong ditertibkan!",
    "WiFi publik di {tempat} sudah sebulan tidak bisa konek. Percuma dipasang kalau tidak dirawat.",
    "Drainase di depan rumah tersumbat, hujan sebentar saja air masuk rumah. Sudah lapor RT dan "
    "kelurahan, belum ada tindak lanjut.",
    "Gila, macet di {simpang} tiap sore makin parah sejak rekayasa lalu lintas. Tolong dievaluasi.",
    "Pengurusan IMB/PBG saya sudah {2|3|4} bulan belum selesai, tiap ditanya jawabannya 'sabar "
    "ya'. Transparansi prosesnya di mana?",
    "Lapor Wali sudah saya isi dua minggu lalu soal pohon tumbang di {jalan}, belum ada respons.",
    "Mati lampu bergilir tanpa jadwal, kulkas warung rusak. Yang ganti rugi siapa?",
)
COMPLAINT_ENDS = (
    "Mohon perhatiannya {akun_pemkot} 🙏",
    "Terima kasih.",
    "Semoga cepat ditangani.",
    "Tolong jangan cuma dijawab 'akan kami tindak lanjuti'.",
    "{emoji_mad}",
    "Kami bayar pajak, kami berhak dilayani dengan baik.",
)
CRIT_COMMENTS = (
    "Setuju, anggarannya harus dibuka ke publik!",
    "Betul, jalan di tempat saya juga begitu.",
    "Ini yang perlu disuarakan. Semoga didengar.",
    "Data Anda benar, saya lihat sendiri di lapangan.",
    "Tolong dibaca Pak Wali.",
    "Saya sependapat. Kritik membangun bukan musuh.",
    "Kita butuh lebih banyak ASN yang berani bicara begini.",
)


def criticism(rng: random.Random, short: bool = False) -> str:
    body = pick(rng, CRITICISM)
    if short:
        return join(body, maybe(rng, 0.5, DEMANDS), maybe(rng, 0.5, ("{emoji_mad}",)))
    first, second = rng.sample(DEMANDS, 2)
    text = join(
        maybe(rng, 0.55, HOOKS),
        body,
        pick(rng, (first,)) if rng.random() < 0.8 else "",
        pick(rng, (second,)) if rng.random() < 0.3 else "",
        maybe(rng, 0.5, ("{emoji_mad}",)),
    )
    if rng.random() < 0.45:
        text = join(text, " ".join(rng.sample(CRIT_TAGS, rng.randint(1, 2))), sep="\n")
    return text


def complaint(rng: random.Random, short: bool = False) -> str:
    body = pick(rng, COMPLAINTS)
    if short:
        return join(body, maybe(rng, 0.4, ("{emoji_mad}",)))
    return join(body, maybe(rng, 0.75, COMPLAINT_ENDS), maybe(rng, 0.25, ("#LaporWali",)))


def critical_comment(rng: random.Random) -> str:
    return pick(rng, CRIT_COMMENTS)
