"""Word lists of the claim matcher's normaliser (`normalise`): slang, synonyms, stopwords.

Short on purpose and aimed at hoax headlines and the commentary around a shared claim. The main
normaliser of the project lives in ``core.text``; this package keeps its own small lists so that
matching does not change when that one does.
"""

# fmt: off
# slang / abbreviation -> standard form (applied before stemming)
SLANG = {
    "gak": "tidak", "ga": "tidak", "gk": "tidak", "nggak": "tidak", "ngga": "tidak",
    "enggak": "tidak", "kagak": "tidak", "tdk": "tidak", "tak": "tidak", "ndak": "tidak",
    "gaada": "tidak ada", "udah": "sudah", "udh": "sudah", "sdh": "sudah", "dah": "sudah",
    "blm": "belum", "belom": "belum", "bgt": "banget", "bngt": "banget", "yg": "yang",
    "dgn": "dengan", "dg": "dengan", "krn": "karena", "karna": "karena", "utk": "untuk",
    "buat": "untuk", "dr": "dari", "dri": "dari", "jd": "jadi", "aja": "saja", "aj": "saja",
    "kalo": "kalau", "klo": "kalau", "gmn": "bagaimana", "gimana": "bagaimana", "org": "orang",
    "orng": "orang", "skrg": "sekarang", "skrng": "sekarang", "hrs": "harus", "bs": "bisa",
    "bsa": "bisa", "tp": "tapi", "tpi": "tapi", "sm": "sama", "pd": "pada", "dlm": "dalam",
    "sbg": "sebagai", "spt": "seperti", "kyk": "kayak", "kek": "kayak", "sy": "saya",
    "gw": "saya", "gue": "saya", "aku": "saya", "km": "kamu", "lu": "kamu", "lo": "kamu",
    "loe": "kamu", "bener": "benar", "bnr": "benar", "emg": "memang", "emang": "memang",
    "trs": "terus", "trus": "terus", "tau": "tahu", "tahu": "tahu", "ngasih": "kasih",
    "dpt": "dapat", "dapet": "dapat", "jgn": "jangan", "jg": "juga", "lg": "lagi",
    "bikin": "buat", "gede": "besar", "pake": "pakai", "pakek": "pakai", "liat": "lihat",
    "ngeliat": "lihat", "denger": "dengar", "ngomong": "bicara", "bilang": "kata",
    "nyebar": "sebar", "nyebarin": "sebar", "kasi": "kasih", "dikasih": "kasih", "duit": "uang",
    "doi": "dia", "cowok": "pria", "cewek": "wanita", "cewe": "wanita", "cowo": "pria",
    "anak2": "anak", "pemkot": "pemerintah kota", "pemprov": "pemerintah provinsi",
    "pemda": "pemerintah daerah", "pemkab": "pemerintah kabupaten", "presiden": "presiden",
    "jkw": "jokowi", "wapres": "wakil presiden", "gub": "gubernur", "kades": "kepala desa",
    "rs": "rumah sakit", "rsud": "rumah sakit", "ortu": "orang tua", "bapak2": "bapak",
    "ibu2": "ibu", "hp": "ponsel", "handphone": "ponsel", "wa": "whatsapp", "fb": "facebook",
    "ig": "instagram", "medsos": "media sosial", "bbm": "bahan bakar minyak", "pns": "asn",
    "tni": "tni", "napi": "narapidana", "trims": "terima kasih", "makasih": "terima kasih",
    "sampe": "sampai", "ampe": "sampai", "gitu": "begitu", "gini": "begini", "banyakan": "banyak",
    "dikit": "sedikit", "mulu": "melulu", "ntar": "nanti", "tar": "nanti", "abis": "habis",
    "nyampe": "sampai", "dateng": "datang", "masi": "masih", "msh": "masih", "mo": "mau",
    "pengen": "ingin", "pingin": "ingin", "bakal": "akan", "bakalan": "akan", "ntr": "nanti",
    "cuman": "cuma", "doang": "saja", "kl": "kalau", "tlg": "tolong", "sblm": "sebelum",
    "stlh": "setelah", "ilang": "hilang", "pasca": "setelah", "thn": "tahun", "th": "tahun",
    "tahun": "tahun", "bln": "bulan", "hr": "hari", "nyalon": "calon", "diem": "diam", "d": "di",
    "gausah": "tidak usah", "gaes": "guys", "bun": "bunda", "sono": "sana", "situ": "sana",
    "ngaku": "aku", "ngakunya": "akunya", "bantuin": "bantu", "jl": "jalan", "jln": "jalan",
    "kmrn": "kemarin", "kemaren": "kemarin", "ama": "sama", "gimana2": "bagaimana", "dlu": "dulu",
    "dl": "dulu", "ustad": "ustaz", "ustadz": "ustaz", "ust": "ustaz", "sholat": "salat",
    "shalat": "salat", "solat": "salat", "mesjid": "masjid", "alquran": "quran",
    "cewe2": "wanita", "bokap": "ayah", "nyokap": "ibu", "temen": "teman", "kalian": "kamu",
    "lho": "lho", "skg": "sekarang", "sbnrnya": "sebenarnya", "jkt": "jakarta", "bdg": "bandung",
}

# words used interchangeably in headlines and posts -> one canonical form
SYNONYMS = {
    "wafat": "meninggal", "tewas": "meninggal", "mati": "meninggal", "mangkat": "meninggal",
    "gugur": "meninggal", "dibunuh": "bunuh", "palsu": "palsu", "bohong": "palsu",
    "abal": "palsu", "polri": "polisi", "kepolisian": "polisi", "aparat": "polisi",
    "dana": "uang", "fulus": "uang", "mengandung": "kandung", "berisi": "kandung",
    "terdapat": "kandung", "ditemukan": "temu", "dilarang": "larang", "larangan": "larang",
    "cip": "chip", "mikrocip": "microchip", "mikrochip": "microchip", "cina": "china",
    "tiongkok": "china", "wni": "warga", "masyarakat": "warga", "rakyat": "warga",
    "penduduk": "warga", "beredar": "sebar", "viral": "viral", "kabar": "berita",
    "info": "informasi", "informasi": "informasi", "gratis": "gratis", "cuma-cuma": "gratis",
    "korona": "corona", "covid": "corona", "vaksinasi": "vaksin", "imunisasi": "vaksin",
    "suntikan": "suntik", "disuntik": "suntik", "presiden": "presiden", "jokowi": "jokowi",
    "istana": "istana", "lockdown": "karantina", "pemblokiran": "blokir", "diblokir": "blokir",
    "ditutup": "tutup", "penutupan": "tutup", "umur": "usia", "berusia": "usia",
    "berumur": "usia", "punya": "milik", "memiliki": "milik", "kepemilikan": "milik",
    "dimiliki": "milik", "pemilik": "milik", "bos": "milik", "sopir": "supir",
    "angkot": "angkutan", "jenazah": "jasad", "mayat": "jasad", "jendela": "kaca", "ponsel": "hp",
    "telepon": "hp", "smartphone": "hp", "bikin": "sebab", "menyebabkan": "sebab",
    "sebabkan": "sebab", "mengakibatkan": "sebab", "akibatkan": "sebab",
}

# function words and the usual commentary around a shared claim: never content
STOPWORDS = frozenset(
    """
    ada adalah admin agar akan anda apa apakah astaga astagfirullah astaghfirullah atas atau
    bagaimana bagikan bahwa banget begini begitu belum benar benarkah beneran berantai berita
    bisa bukan bunda buruan cek coba cuma dalam dan dapat dari deh dengan di dia dihapus dong
    dulu eh forward gaes gimana group grup guys haha hal hanya hapus harus hati hehe hoaks hoax
    ia info informasi ingin ini innalillahi itu japri jika juga kabarnya kah kalau kami kamu
    kan karena kata katanya kawan kayak ke kenapa kita klarifikasi kok lagi lah lho link loh
    maka mana masih masyaallah mau melulu mengapa mereka nah namun nanti ngeri nih nya oh ok
    oke oleh pada para parah pesan pun saat saja sama sang sangat saya sebagai sebar sebarkan
    sebelum sedang segera sekali semua seperti setelah setiap share si siapa sih subhanallah
    sudah sumber supaya tapi telah teman tersebut terus terusan tetapi tidak tolong tuh untuk
    viral wah waspada wkwk wkwkwk wow ya yah yang yg
    """.split()
)

# words that merely end in -in (colloquial -in verbs become -kan)
NOT_IN_SUFFIX = frozenset(
    """
    admin amin angin arifin batin begin bensin cermin dingin dominan ingin insulin jamin kabin
    kain kemarin kotin lain latin lilin login lupin main margin mesin miskin mualimin muhaimin
    mukmin musin muslimin online pin pinguin popin protein terpin toksin vaksin yakin yasin
    """.split()
)
# fmt: on
