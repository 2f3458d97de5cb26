"""A tiny template engine and the shared slot values (places, food, programmes…) for demo posts.

Templates use ``{name}`` for a slot and ``{a|b|c}`` for an inline choice (an empty alternative is
allowed: ``{|!|!!}``). Slots may contain templates themselves; :func:`fill` expands up to four
levels. All place, programme and organisation names are invented for the fictional
Kota Teluk Sejahtera, except national programmes, holidays, clubs and well-known destinations.
"""

from __future__ import annotations

import random
import re

_BRACES = re.compile(r"\{([^{}]*)\}")


def _split(text: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in text.split(";") if s.strip())


SLOTS: dict[str, tuple[str, ...]] = {
    "kel": _split(
        "Telaga Indah; Muara Jaya; Gunung Lestari; Tanjung Batu; Pasir Putih; "
        "Sungai Nangka; Margasari Baru; Damai Bahari; Bukit Kencana; Teluk Indah"
    ),
    "kec": _split("Teluk Timur; Bukit Damai; Pesisir Barat"),
    "jalan": _split(
        "Jl. Jenderal Sudirman; Jl. MT Haryono; Jl. Ahmad Yani; Jl. Soekarno-Hatta; "
        "Jl. Pangeran Antasari; Jl. Mulawarman; Jl. Pelabuhan Lama; "
        "Jl. Telaga Indah Raya; Jl. Bukit Damai II; Jl. Cendana; Jl. Flamboyan; "
        "Jl. Gajah Mada; Jl. Pesisir Indah; Jl. Kenanga Ujung"
    ),
    "simpang": _split(
        "Simpang Empat Pasar Baru; Bundaran Tugu Ikan; Simpang Tiga Bukit Damai; "
        "Simpang Pelabuhan; Tanjakan Gunung Lestari; Simpang Rapak Indah; "
        "depan Terminal Bukit Damai"
    ),
    "tempat": _split(
        "Taman Kota Bahari; Lapangan Merdeka; Pantai Kemala Biru; Pasar Baru Teluk; "
        "Pasar Pagi Muara Jaya; Gedung Serbaguna Pemkot; Aula Kantor Wali Kota; "
        "Dome Teluk Sejahtera; Mal Pelayanan Publik; halaman Balai Kota; "
        "Pelabuhan Rakyat Teluk; Terminal Bukit Damai; Taman Pesisir Barat"
    ),
    "taman": _split(
        "Taman Kota Bahari; Lapangan Merdeka; Pantai Kemala Biru; Taman Pesisir Barat; "
        "Hutan Kota Bukit Damai; Dermaga Teluk Indah; Waduk Gunung Lestari"
    ),
    "makanan": _split(
        "soto Banjar; nasi kuning; coto Makassar; ikan bakar baronang; "
        "kepiting saus padang; bingka kentang; lontong sayur; pisang goreng sambal "
        "roa; nasi padang; bakso urat; mie ayam; gangan asam; pecel; rawon; sate "
        "ayam; nasi campur; es campur; pempek; pallubasa; kapurung; ayam cincane; "
        "nasi bekepor; sop konro; gado-gado; tinutuan; ikan woku; kuetiau goreng; "
        "martabak manis; udang galah bakar; amplang; lalapan ikan nila"
    ),
    "minuman": _split(
        "kopi susu gula aren; es teh manis; teh tarik; kopi tubruk; es kelapa muda; "
        "jus alpukat; wedang jahe; es jeruk"
    ),
    "destinasi": _split(
        "Pulau Derawan; Samarinda; Tenggarong; Banjarmasin; Makassar; Surabaya; "
        "Yogyakarta; Bali; Bromo; Toraja; Manado; Danau Toba; Jakarta; IKN; "
        "Bukittinggi; Labuan Bajo; Berau"
    ),
    "klub": _split(
        "Borneo FC; Persib; Persija; Persebaya; PSM Makassar; Arema; Timnas; "
        "Manchester United; Liverpool; Real Madrid; Barcelona; Arsenal"
    ),
    "program": _split(
        "Teluk Bersih; Kampung Sehat; Gerakan Satu Rumah Satu Jumantik; "
        "Sekolah Ramah Anak; Jemput Bola KTP-el; Smart City Teluk Sejahtera; "
        "Kelurahan Tangguh Bencana; Bank Sampah Berkah; Sapa Warga; Lapor Wali; "
        "Ojek Sampah; Pasar Murah; Posyandu Remaja; Gerakan Cegah Stunting; "
        "Zona Integritas; SPBE; Teluk Sejahtera Mengaji; Kampung KB"
    ),
    "mitra": _split(
        "Polresta; Kodim; BPBD; Baznas; TP PKK; Karang Taruna; Forum Anak; tokoh "
        "agama; Ketua RT se-kelurahan; FKUB; Dharma Wanita Persatuan; pelaku UMKM; "
        "Pramuka; PMI"
    ),
    "warga": _split(
        "warga; masyarakat; ibu-ibu PKK; adik-adik pelajar; para kader; bapak-bapak "
        "Ketua RT; para lansia; pelaku UMKM; pengemudi ojol"
    ),
    "emoji_ok": _split("🙏; 💪; 🇮🇩; ✅; 📍; 📸; 🤝; 👍; 🙏🙏; 💪💪; ✨; 🔥"),
    "emoji_fun": _split("😂; 🤣; 😍; 🥰; 😋; ☕; 🙏; ❤️; 😭; 😅; 🤭; 😁; 🥲; 💕"),
    "emoji_mad": _split("😤; 🤔; 🙄; 😡; ‼️; 😒; 🤦‍♂️; 🤦‍♀️; 😑"),
    "emoji_hate": _split("😡; 🤬; 👎; 💢; 🔥🔥"),
    "tag_city": _split(
        "#TelukSejahtera; #KotaTelukSejahtera; #TelukSejahteraBerbenah; "
        "#PemkotTelukSejahtera; #TelukSejahteraHebat"
    ),
    "tag_asn": _split(
        "#ASNBerAKHLAK; #BanggaMelayaniBangsa; #KerjaNyata; #LayananPrima; "
        "#ASNMelayani; #ZonaIntegritas"
    ),
    "akun_pemkot": _split(
        "@pemkot.teluksejahtera; @humas.teluksejahtera; @diskominfo.tsk; @kotateluksejahtera"
    ),
    "pejabat": _split(
        "Pak Wali; Bu Wakil Wali Kota; Pak Sekda; Pak Kadis; Bu Kadis; Pak Camat; "
        "Bu Lurah; Pak Kabid"
    ),
    "pejabat_tinggi": _split(
        "Pak Wali; Pak Sekda; Bu Wakil Wali Kota; anggota dewan; Pak Kadis; Bu Kaban"
    ),
    "jumlah": _split(
        "23; 35; 40; 48; 50; 62; 75; 80; 96; 110; 120; 150; 180; 200; 250; 300; 340; 415"
    ),
    "jam": _split("07.30; 08.00; 08.30; 09.00; 09.15; 10.00; 13.30; 14.00; 15.30; 19.30; 20.00"),
    "persen": _split("12; 15; 18; 20; 25; 30; 35; 40; 47; 60"),
    "nominal": _split(
        "1,2 miliar; 2,8 miliar; 850 juta; 3,5 miliar; 14 miliar; 600 juta; "
        "4,7 miliar; 9 miliar; 27 miliar"
    ),
    "anak": _split(
        "si sulung; si bungsu; anak wedok; anak lanang; si kecil; adik; kakak; keponakan"
    ),
    "keluarga": _split(
        "keluarga kecil kami; anak-anak; istri dan anak-anak; suami dan anak-anak; "
        "orang tua; mertua; keluarga besar; bapak ibu"
    ),
}


def slot(name: str, rng: random.Random) -> str:
    return rng.choice(SLOTS[name])


def fill(
    template: str, rng: random.Random, extra: dict[str, str | tuple[str, ...]] | None = None
) -> str:
    """Expand ``{slot}`` and ``{a|b}`` in ``template`` using ``rng`` (and ``extra`` slots)."""
    extra = extra or {}

    def repl(match: re.Match[str]) -> str:
        body = match.group(1)
        if "|" in body:
            return rng.choice(body.split("|"))
        if body in extra:
            value = extra[body]
            return value if isinstance(value, str) else rng.choice(value)
        if body in SLOTS:
            return rng.choice(SLOTS[body])
        return match.group(0)

    text = template
    for _ in range(4):
        new = _BRACES.sub(repl, text)
        if new == text:
            break
        text = new
    return tidy(text)


_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_PUNCT = re.compile(r" +([,.!?])")


def tidy(text: str) -> str:
    """Collapse double spaces and spaces before punctuation left by empty choices."""
    lines = [_SPACE_PUNCT.sub(r"\1", _SPACES.sub(" ", line)).strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def pick(rng: random.Random, items: tuple[str, ...] | list[str], extra: dict | None = None) -> str:
    """Choose one template and fill it."""
    return fill(rng.choice(items), rng, extra)


def maybe(
    rng: random.Random, p: float, items: tuple[str, ...] | list[str], extra: dict | None = None
) -> str:
    """``pick`` with probability ``p``, else the empty string."""
    return pick(rng, items, extra) if items and rng.random() < p else ""


def hashtags(rng: random.Random, *pools: tuple[str, ...], k: int = 2) -> str:
    """Up to ``k`` distinct hashtags drawn from the given pools."""
    tags: list[str] = []
    flat = [t for pool in pools for t in pool]
    for _ in range(k * 3):
        if len(tags) >= k or not flat:
            break
        tag = rng.choice(flat)
        if tag not in tags:
            tags.append(tag)
    return " ".join(tags)


def join(*parts: str, sep: str = " ") -> str:
    return tidy(sep.join(p for p in parts if p))
