"""Hand-written Indonesian name pieces for the demo registry, grouped by region.

Each region lists given names by sex, second (family-like) names by sex or neutral, and the
religions common there, so a generated person gets a name, a sex that matches the NIP digit and
a religion that decides which holiday greetings they post. Given names are disjoint between the
sexes, which lets :func:`sex_of_name` read the sex back from a full name (used by the tests).
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Region:
    key: str
    weight: int
    male: tuple[str, ...]
    female: tuple[str, ...]
    family_male: tuple[str, ...]
    family_female: tuple[str, ...]
    family_any: tuple[str, ...]
    religions: tuple[tuple[str, int], ...]


def _t(text: str) -> tuple[str, ...]:
    return tuple(text.split())


REGIONS: tuple[Region, ...] = (
    Region(
        "jawa",
        26,
        _t(
            "Agus Bambang Budi Joko Slamet Sugeng Wahyu Eko Teguh Bayu Arif Yudi Hendro Dimas "
            "Galih Aditya Fajar Heru Sutrisno Gunawan Sigit Priyo Anton Yoga Rizky Danang"
        ),
        _t(
            "Sri Endang Wulan Rini Dewi Retno Indah Nurul Dian Fitri Yuni Novi Anisa Ratna Puji "
            "Sulastri Winarti Kartika Eka Widya Ayu Lilis Tutik Umi"
        ),
        _t(
            "Santoso Wibowo Susanto Prasetyo Nugroho Setiawan Purnomo Hartono Kurniawan Saputra "
            "Wicaksono Pamungkas Hidayanto Raharjo Sulistyo"
        ),
        _t(
            "Rahayu Lestari Wulandari Handayani Kusumawati Puspitasari Rahmawati Astuti Suryani "
            "Ningsih Pratiwi Anggraini Setyowati"
        ),
        (),
        (("islam", 90), ("kristen", 6), ("katolik", 4)),
    ),
    Region(
        "banjar",
        14,
        _t(
            "Muhammad Ahmad Rahmadi Syahrani Fauzi Rusdi Zainal Jailani Masrani Hairil Hamdani "
            "Saukani Anshari Mukhlis Gazali Rizali"
        ),
        _t(
            "Siti Rusmiati Mariana Normah Jamilah Rahmah Aulia Nurhayati Rabiatul Halimah Zahra "
            "Mahmudah Raudah Hafizah"
        ),
        _t("Rahman Hidayat Ansyari Fahrudin Arsyad Hasbullah Saifullah Rasyidi"),
        _t("Adawiyah Hasanah Fitriani Maulida Rahmini Jannah"),
        _t("Noor Effendi"),
        (("islam", 100),),
    ),
    Region(
        "bugis",
        12,
        _t(
            "Syamsul Irwan Hasanuddin Ridwan Syahrir Amiruddin Baharuddin Jufri Akbar Mustari "
            "Sudirman Ilham Arman Basri"
        ),
        _t(
            "Nurhalisa Hasnah Rosmini Nurhaedah Hasmawati Sitti Nurlaela Sumarni Risnawati "
            "Hasriani Musdalifah Nurfadillah"
        ),
        _t("Tahir Rasyid Latif Sanusi Hamzah Hasbi"),
        (),
        _t("Mappiasse Pawelloi Lasinrang"),
        (("islam", 100),),
    ),
    Region(
        "kutai",
        8,
        _t("Awang Syahrul Sofyan Hamdan Jumransyah Erwinsyah Rusliansyah Aswin Hendriansyah"),
        _t("Dayang Masitah Rusmini Nurjannah Salmah Aisyah Juliani Marliana"),
        _t("Syahrani Asmawi Kadrie"),
        _t("Marhamah Rosita"),
        _t("Aji Zulkarnain"),
        (("islam", 100),),
    ),
    Region(
        "dayak",
        8,
        _t(
            "Yohanes Markus Petrus Yulius Agustinus Ferdinand Lukas Dominikus Benediktus Fransiskus"
        ),
        _t("Ingan Lidia Martina Yuliana Maria Elisabet Uyang Bungan Theresia Agnes"),
        (),
        (),
        _t("Lawing Ajang Usat Bilung Lahang Juk Ngau Ding Anyeq Ubang Lejau Ibau"),
        (("kristen", 55), ("katolik", 45)),
    ),
    Region(
        "batak",
        8,
        _t("Parulian Togar Hotman Marolop Johannes Sahat Tigor Bonar Poltak Daniel Rudolf"),
        _t("Rosita Lamria Tiurma Rumondang Sondang Debora Ruth Rotua Lasma Friska"),
        (),
        (),
        _t(
            "Simanjuntak Siregar Nainggolan Sitompul Hutapea Panjaitan Manurung Simatupang Sinaga "
            "Situmorang Tambunan Nasution Lubis Harahap"
        ),
        (("kristen", 70), ("katolik", 10), ("islam", 20)),
    ),
    Region(
        "tionghoa",
        6,
        _t("Hendra Wilson Hengky Steven Kevin Felix Andreas Sugianto Jonathan"),
        _t("Lily Melinda Vivian Cindy Meliana Grace Susanti Juliana Yenny"),
        (),
        (),
        _t("Wijaya Halim Tanjaya Sutanto Salim Kurniadi Hartanto Tjandra Liem Gosal Setiabudi"),
        (("buddha", 35), ("kristen", 30), ("katolik", 20), ("konghucu", 15)),
    ),
    Region(
        "bali",
        4,
        _t("I"),
        _t("Ni"),
        _t("Suarta Sudarsana Wirawan Adnyana Mertha Budiarta Astawa Sudiana"),
        _t("Sukmawati Ariani Puspita Widiastuti Kartini Suryantini Sriasih"),
        (),
        (("hindu", 100),),
    ),
    Region(
        "minang",
        5,
        _t("Rizal Hendri Yusrizal Zulkifli Afrizal Syafri Irfan Fadli Yuhendra"),
        _t("Yusnidar Rosmaniar Desi Yeni Nurmaini Fitria Elvi Yulia Rahmi"),
        _t("Syafei Rasyid Hakim"),
        _t("Yanti Mardiah"),
        _t("Chaniago Piliang Koto Tanjung Sikumbang"),
        (("islam", 100),),
    ),
    Region(
        "manado",
        5,
        _t("Stevanus Jemmy Frangky Ronald Hendrik Rolly Jefry Vecky Noldy"),
        _t("Meiske Vanny Olivia Jeane Deysi Stella Marlyn Novita Ivone"),
        (),
        (),
        _t(
            "Lumenta Pangemanan Rumengan Walangitan Sondakh Tumbelaka Mandagi Tangkilisan Wowor "
            "Kaunang Rondonuwu Lengkong"
        ),
        (("kristen", 85), ("katolik", 15)),
    ),
    Region(
        "sunda",
        3,
        _t("Asep Dadang Ujang Cecep Deden Iwan Ridwan"),
        _t("Euis Neneng Iis Yeni Tati Imas Lina"),
        _t("Supriatna Permana Kusnadi Sumarna Ruhiyat"),
        _t("Nurjanah Rosmayanti Herawati"),
        (),
        (("islam", 100),),
    ),
    Region(
        "ntt",
        1,
        _t("Yosef Fransiskus Kornelis Yakobus Aloysius"),
        _t("Maria Yasinta Florentina Katarina"),
        (),
        (),
        _t("Fernandez da_Costa Tukan Bria Bataona Lamabelawa"),
        (("katolik", 90), ("kristen", 10)),
    ),
)

BALI_ORDER_MALE = _t("Wayan Made Nyoman Ketut Putu Gede Komang Kadek")
BALI_ORDER_FEMALE = _t("Luh Putu Made Komang Kadek Nyoman Ketut")

_BATAK_MUSLIM_MALE = _t("Ahmad Irfan Rizal Fadli Zulkifli")
_BATAK_MUSLIM_FEMALE = _t("Nurhayati Fitria Rahmi Desi")
_NEUTRAL_PREFIXES = {"bugis": ("Andi",), "kutai": ("Aji",), "banjar": ("Gusti",)}


def _family(region: Region, sex: str) -> tuple[str, ...]:
    own = region.family_male if sex == "M" else region.family_female
    return own + region.family_any


def _given_sets() -> tuple[frozenset[str], frozenset[str]]:
    male = {n for r in REGIONS for n in r.male + r.family_male}
    female = {n for r in REGIONS for n in r.female + r.family_female}
    clash = male & female
    return frozenset(male - clash), frozenset(female - clash)


MALE_TOKENS, FEMALE_TOKENS = _given_sets()


@dataclass(frozen=True)
class PersonName:
    full: str
    first: str  # the name people would call them by, used in handles and emails
    last: str
    sex: str
    region: str
    religion: str


def _pick_region(rng: random.Random) -> Region:
    return rng.choices(REGIONS, weights=[r.weight for r in REGIONS])[0]


def make_name(rng: random.Random, sex: str, region_key: str | None = None) -> PersonName:
    """Compose a plausible full name for a person of ``sex`` ("M"/"F")."""
    region = next(r for r in REGIONS if r.key == region_key) if region_key else _pick_region(rng)
    religion = rng.choices(
        [r for r, _ in region.religions], weights=[w for _, w in region.religions]
    )[0]
    if region.key == "bali":
        order = rng.choice(BALI_ORDER_MALE if sex == "M" else BALI_ORDER_FEMALE)
        own = rng.choice(_family(region, sex))
        prefix = "I" if sex == "M" else "Ni"
        full = f"{prefix} {order} {own}"
        return PersonName(full, order, own, sex, region.key, religion)
    givens = region.male if sex == "M" else region.female
    family = _family(region, sex)
    if region.key == "batak":
        muslim = ("Nasution", "Lubis", "Harahap")
        family = muslim if religion == "islam" else tuple(f for f in family if f not in muslim)
        if religion == "islam":
            givens = _BATAK_MUSLIM_MALE if sex == "M" else _BATAK_MUSLIM_FEMALE
    first = rng.choice(givens)
    parts = [first]
    if rng.random() < 0.25:
        second = rng.choice(givens)
        if second != first:
            parts.append(second)
    if family and (not (region.family_male or region.family_female) or rng.random() < 0.9):
        last = rng.choice(family).replace("_", " ")
        if last not in parts:
            parts.append(last)
    prefix = _NEUTRAL_PREFIXES.get(region.key)
    if prefix and rng.random() < 0.2:
        parts.insert(0, prefix[0])
    if len(parts) == 1:
        parts.append(rng.choice(family or ("Saputra",)).replace("_", " "))
    full = " ".join(parts)
    return PersonName(full, first, parts[-1], sex, region.key, religion)


def sex_of_name(full: str) -> str | None:
    """Read the sex back from a generated name: the first token that only one sex uses."""
    for token in full.split():
        if token in MALE_TOKENS:
            return "M"
        if token in FEMALE_TOKENS:
            return "F"
    return None


def slug(text: str) -> str:
    """Lower-case ASCII letters and digits only (for handles and e-mail addresses)."""
    return "".join(ch for ch in text.lower() if ch.isascii() and ch.isalnum())
