"""A small register of fictional hoax claims and posts that repeat them (or do not).

All text here was written for these tests: the claims are realistic in form but invented, and the
fact-check links point at ``cekfakta.example``. `POSTS` pairs each post with the id of the claim it
repeats (None for ordinary posts) and the kind of variation it uses.
"""

from __future__ import annotations

import datetime as dt

from pantau.core.claims import Claim

U = "https://cekfakta.example/2026/"

# fmt: off
_CLAIMS = [
    ("ck-01", "Vaksin campak mengandung microchip untuk melacak anak-anak", "hoaks", "kesehatan"),
    ("ck-02", "Minum air rebusan daun sirsak tiga kali sehari menyembuhkan kanker stadium 4", "hoaks", "kesehatan"),
    ("ck-03", "Pemerintah akan memotong gaji ASN 50 persen mulai bulan depan untuk bayar utang negara", "disinformasi", "ekonomi"),
    ("ck-04", "Bendungan Sungai Wain jebol, warga Balikpapan Utara diminta mengungsi malam ini", "hoaks", "bencana"),
    ("ck-05", "BMKG memprediksi gempa magnitudo 9 akan mengguncang Kalimantan Timur besok pagi", "hoaks", "bencana"),
    ("ck-06", "Telur palsu dari plastik beredar di pasar tradisional Samarinda", "hoaks", "pangan"),
    ("ck-07", "Beras sintetis bercampur plastik dijual di minimarket", "hoaks", "pangan"),
    ("ck-08", "Wali Kota Balikpapan ditangkap KPK di bandara Sepinggan", "disinformasi", "politik"),
    ("ck-09", "Bank Kaltimtara bangkrut dan tabungan nasabah tidak bisa ditarik", "hoaks", "ekonomi"),
    ("ck-10", "Pendaftaran CPNS 2026 dipungut biaya Rp 5 juta lewat transfer ke rekening panitia", "hoaks", "kepegawaian"),
    ("ck-11", "Makan mi instan bersama cokelat bisa menyebabkan keracunan dan kematian", "hoaks", "kesehatan"),
    ("ck-12", "Kemenkes melarang masyarakat minum air es karena memicu kanker", "hoaks", "kesehatan"),
    ("ck-13", "Sinyal 5G menyebarkan virus dan membuat burung mati massal", "hoaks", "teknologi"),
    ("ck-14", "Pemadaman listrik total se-Kalimantan selama tiga hari mulai Jumat", "misinformasi", "energi"),
    ("ck-15", "Harga BBM Pertalite naik jadi Rp 15.000 per liter tengah malam nanti", "hoaks", "energi"),
    ("ck-16", "Penculik anak menyamar sebagai penjual balon di sekolah dasar", "hoaks", "keamanan"),
    ("ck-17", "Ikan dari Teluk Balikpapan tercemar merkuri dan beracun jika dimakan", "misinformasi", "lingkungan"),
    ("ck-18", "Presiden menerbitkan perpu yang membubarkan semua organisasi profesi guru", "hoaks", "politik"),
    ("ck-19", "Air kelapa dicampur garam dapat menyembuhkan demam berdarah dalam sehari", "hoaks", "kesehatan"),
    ("ck-20", "Uang kertas pecahan Rp 100.000 edisi lama tidak berlaku lagi mulai 1 Desember", "hoaks", "ekonomi"),
    ("ck-21", "Masjid Agung Balikpapan akan dibongkar untuk dijadikan pusat perbelanjaan", "disinformasi", "agama"),
    ("ck-22", "Aplikasi e-KTP digital mencuri data rekening bank penggunanya", "hoaks", "teknologi"),
    ("ck-23", "Ular king kobra ditemukan bersarang di gorong-gorong kantor gubernur", "hoaks", "lainnya"),
    ("ck-24", "Pesawat jatuh di hutan lindung Bukit Soeharto menewaskan 120 penumpang", "hoaks", "bencana"),
    ("ck-25", "Garam yodium kemasan mengandung serbuk kaca yang merusak ginjal", "hoaks", "pangan"),
    ("ck-26", "Bansos sembako Rp 600 ribu bisa dicairkan dengan mengisi formulir di tautan WhatsApp", "hoaks", "bansos"),
    ("ck-27", "Dinas Pendidikan meliburkan semua sekolah selama dua minggu karena wabah flu burung", "hoaks", "pendidikan"),
    ("ck-28", "Menteri Kesehatan mundur karena skandal pengadaan alat kesehatan", "disinformasi", "politik"),
    ("ck-29", "Mengisi daya ponsel sambil menelepon membuat baterai meledak", "misinformasi", "teknologi"),
    ("ck-30", "Jembatan Pulau Balang retak dan akan ditutup permanen", "hoaks", "infrastruktur"),
    ("ck-31", "Tes PCR menggunakan stik yang mengandung bahan pemandul", "hoaks", "kesehatan"),
    ("ck-32", "Polisi menerapkan denda Rp 2 juta bagi pengendara yang memakai sandal jepit", "hoaks", "lalu lintas"),
    ("ck-33", "Minyak goreng curah bercampur oli bekas beredar di pasar", "hoaks", "pangan"),
    ("ck-34", "Gaji ke-13 ASN tahun ini dibatalkan karena anggaran dialihkan ke proyek ibu kota", "disinformasi", "kepegawaian"),
    ("ck-35", "Sungai Mahakam meluap dan seluruh kota Samarinda terendam banjir dua meter", "misinformasi", "bencana"),
    ("ck-36", "WhatsApp akan mengenakan biaya berlangganan Rp 25 ribu per bulan mulai tahun depan", "hoaks", "teknologi"),
    ("ck-37", "Susu kental manis menyebabkan anak lumpuh otak", "misinformasi", "kesehatan"),
    ("ck-38", "Wali kota umumkan Balikpapan pindah ke Sulawesi demi ibu kota baru", "satire", "satire"),
    ("ck-39", "Pemkot Balikpapan membuka layanan perpanjangan KTP elektronik pada hari Sabtu", "fakta", "layanan"),
    ("ck-40", "Kucing kantor wali kota resmi diangkat menjadi ASN golongan III", "satire", "satire"),
]
# fmt: on

CLAIMS = [
    Claim(
        claim_id=cid,
        text=text,
        verdict=verdict,
        url=f"{U}{cid}",
        clarification=f"Klarifikasi: {text.lower()} tidak sesuai fakta.",
        topic=topic,
        date=dt.date(2026, 1, 1) + dt.timedelta(days=i * 7),
    )
    for i, (cid, text, verdict, topic) in enumerate(_CLAIMS)
]

# (post id, text, claim id or None, variation)
# fmt: off
POSTS = [
    ("p01", "Katanya vaksin campak ada microchip buat ngelacak anak2, bener gak sih?", "ck-01", "slang"),
    ("p02", "Microchip dalam vaksin campak dipakai untuk melacak anak-anak kita", "ck-01", "paraphrase"),
    ("p03", "Rebusan daun sirsak diminum 3x sehari bisa nyembuhin kanker stadium 4, udah banyak buktinya", "ck-02", "slang"),
    ("p04", "Minum air rebusan daun sirsak lima kali sehari menyembuhkan kanker stadium 3", "ck-02", "numbers"),
    ("p05", "Gaji ASN akan dipotong 30 persen mulai bulan depan buat bayar utang negara!!", "ck-03", "numbers"),
    ("p06", "Cek dulu ini bener gak? Pemerintah akan memotong gaji ASN 50 persen mulai bulan depan untuk bayar utang negara", "ck-03", "commentary"),
    ("p07", "Bendungan Sungai Wain jebol, warga diminta mengungsi", "ck-04", "truncation"),
    ("p08", "Share sebelum dihapus!! Bendungan Sungai Wain jebol, warga Balikpapan Utara disuruh ngungsi malam ini", "ck-04", "commentary"),
    ("p09", "BMKG prediksi gempa magnitudo 8 bakal guncang Kaltim besok pagi", "ck-05", "numbers"),
    ("p10", "Hati-hati telur palsu dari plastik sudah beredar di pasar tradisional Tenggarong", "ck-06", "names"),
    ("p11", "Telur plastik palsu beredar di pasar Samarinda", "ck-06", "truncation"),
    ("p12", "Beras sintetis campur plastik dijual di minimarket, cek beras di rumah kalian", "ck-07", "paraphrase"),
    ("p13", "Wali Kota Samarinda ditangkap KPK di bandara APT Pranoto", "ck-08", "names"),
    ("p14", "Pagi ini grup kantor heboh. Katanya Wali Kota Balikpapan ditangkap KPK di bandara Sepinggan. Saya belum lihat beritanya di TV, tapi semua sudah ramai membahas dan minta kami siaga.", "ck-08", "embedded"),
    ("p15", "Bank Kaltimtara bangkrut, tabungan nasabah gak bisa ditarik, buruan ambil duit kalian", "ck-09", "slang"),
    ("p16", "Daftar CPNS 2026 harus transfer Rp 3 juta ke rekening panitia", "ck-10", "numbers"),
    ("p17", "Jangan makan mi instan barengan cokelat, bisa keracunan sampai meninggal", "ck-11", "paraphrase"),
    ("p18", "Kemenkes larang minum air es karena memicu kanker", "ck-12", "truncation"),
    ("p19", "sinyal 5g nyebarin virus dan bikin burung mati massal, ngeri bgt", "ck-13", "slang"),
    ("p20", "Pemadaman listrik total se-Kalimantan selama 5 hari mulai Senin", "ck-14", "numbers"),
    ("p21", "Isi bensin sekarang! Harga Pertalite naik jadi Rp 17.500 per liter tengah malam nanti", "ck-15", "numbers"),
    ("p22", "Waspada bunda, penculik anak menyamar jadi penjual balon di SD", "ck-16", "slang"),
    ("p23", "Ikan dari Teluk Balikpapan tercemar merkuri, beracun kalau dimakan", "ck-17", "truncation"),
    ("p24", "Presiden terbitkan perpu bubarkan semua organisasi profesi guru", "ck-18", "paraphrase"),
    ("p25", "Air kelapa campur garam bisa sembuhkan DBD dalam sehari, tolong sebarkan", "ck-19", "paraphrase"),
    ("p26", "Uang kertas Rp 100.000 edisi lama gak berlaku lagi mulai 1 Desember, cepat tukarkan", "ck-20", "slang"),
    ("p27", "Astagfirullah, Masjid Agung Balikpapan mau dibongkar dijadikan mal", "ck-21", "paraphrase"),
    ("p28", "Aplikasi KTP digital mencuri data rekening bank penggunanya, jangan diinstal", "ck-22", "truncation"),
    ("p29", "Ada ular king kobra bersarang di gorong-gorong kantor bupati", "ck-23", "names"),
    ("p30", "Pesawat jatuh di Bukit Soeharto, 150 penumpang tewas", "ck-24", "numbers"),
    ("p31", "Garam yodium kemasan ada serbuk kacanya, bisa rusak ginjal", "ck-25", "slang"),
    ("p32", "Yang belum dapat: bansos sembako Rp 600 ribu bisa dicairkan dengan mengisi formulir di tautan WhatsApp ini. Buruan sebelum kuota habis!", "ck-26", "commentary"),
    ("p33", "Dinas Pendidikan liburkan semua sekolah dua minggu karena wabah flu burung", "ck-27", "paraphrase"),
    ("p34", "Menteri Kesehatan mundur gara-gara skandal pengadaan alkes", "ck-28", "slang"),
    ("p35", "Jangan ngecas HP sambil nelpon, baterainya bisa meledak", "ck-29", "slang"),
    ("p36", "Jembatan Pulau Balang retak, katanya bakal ditutup permanen", "ck-30", "paraphrase"),
    ("p37", "Stik tes PCR mengandung bahan pemandul, tolak tes PCR", "ck-31", "paraphrase"),
    ("p38", "Mulai besok polisi denda Rp 500 ribu pengendara yang pakai sandal jepit", "ck-32", "numbers"),
    ("p39", "Minyak goreng curah dicampur oli bekas sudah beredar di pasar", "ck-33", "paraphrase"),
    ("p40", "Tadi siang rapat di kantor lama sekali, makan siang sampai telat. Lalu ada yang bilang gaji ke-13 ASN tahun ini dibatalkan karena anggaran dialihkan ke proyek ibu kota. Semoga tidak benar, cicilan rumah masih panjang.", "ck-34", "embedded"),
    ("p41", "Sungai Mahakam meluap, seluruh Samarinda terendam banjir 3 meter", "ck-35", "numbers"),
    ("p42", "WA bakal bayar 25 ribu sebulan mulai tahun depan, siap2 pindah aplikasi", "ck-36", "slang"),
    ("p43", "Susu kental manis bikin anak lumpuh otak", "ck-37", "paraphrase"),
    ("p44", "Selamat pagi semua. Semalam saya baca di grup keluarga: vaksin campak mengandung microchip untuk melacak anak-anak. Anak saya jadwal imunisasi minggu depan, jadi bingung.", "ck-01", "embedded"),
    ("p45", "Pemadaman listrik total se-Kalimantan tiga hari mulai Jumat, siapkan lilin dan genset", "ck-14", "commentary"),
    ("p46", "BMKG: gempa magnitudo 9 akan mengguncang Kalimantan Timur", "ck-05", "truncation"),
    ("p47", "Minyak goreng curah bercampur oli bekas beredar di pasar Tenggarong", "ck-33", "names"),
]

# ordinary posts: same topic as a claim but a different statement, everyday posts, debunks
ORDINARY = [
    ("n01", "Jadwal imunisasi campak dan rubela untuk balita di posyandu Kamis pagi, bawa buku KIA", "same_topic"),
    ("n02", "Daun sirsak di kebun belakang rumah lebat, ada yang mau minta?", "same_topic"),
    ("n03", "Slip gaji ASN bulan ini sudah bisa diunduh di aplikasi kepegawaian", "same_topic"),
    ("n04", "Debit air Bendungan Sungai Wain normal, PDAM memastikan pasokan air aman", "same_topic"),
    ("n05", "BMKG mengimbau warga Kalimantan Timur waspada hujan lebat disertai angin kencang sore ini", "same_topic"),
    ("n06", "Harga telur ayam di pasar tradisional Samarinda turun jadi Rp 26 ribu per kilo", "same_topic"),
    ("n07", "Wali Kota Balikpapan meresmikan terminal baru di bandara Sepinggan", "same_topic"),
    ("n08", "Pendaftaran CPNS 2026 dibuka, seluruh proses gratis melalui portal resmi", "same_topic"),
    ("n09", "Pemadaman listrik terencana di Balikpapan Selatan Jumat jam 9-12 untuk perawatan gardu", "same_topic"),
    ("n10", "SPBU dekat kantor antre panjang, Pertalite sempat kosong tadi pagi", "same_topic"),
    ("n11", "Ikan bakar Teluk Balikpapan di warung langganan memang juara", "same_topic"),
    ("n12", "Masjid Agung Balikpapan menggelar kajian Ramadan setiap ba'da Subuh", "same_topic"),
    ("n13", "Perpanjangan SIM sekarang bisa di gerai mal, cepat dan nyaman", "same_topic"),
    ("n14", "Jembatan Pulau Balang ramai dikunjungi warga saat libur panjang", "same_topic"),
    ("n15", "Gaji ke-13 ASN sudah cair hari ini, alhamdulillah", "same_topic"),
    ("n16", "Sungai Mahakam sore ini indah sekali dilihat dari tepian", "same_topic"),
    ("n17", "Minyak goreng kemasan sederhana dijual Rp 15 ribu di operasi pasar kelurahan", "same_topic"),
    ("n18", "Selamat pagi rekan-rekan, semangat bekerja hari Senin", "everyday"),
    ("n19", "Macet panjang di Jalan Soekarno Hatta, pilih jalan alternatif", "everyday"),
    ("n20", "Terima kasih tim TI yang sudah lembur memperbaiki jaringan kantor", "everyday"),
    ("n21", "Nasi kuning depan kantor naik jadi 15 ribu, tetap enak", "everyday"),
    ("n22", "Hoaks! Vaksin campak tidak mengandung microchip, kata Dinkes", "debunk"),
    ("n23", "Klarifikasi: Bank Kaltimtara tidak bangkrut, tabungan nasabah aman dan bisa ditarik", "debunk"),
]
# fmt: on
