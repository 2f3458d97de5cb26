"""Built-in word lists for the normaliser, written for Pantau.

These are the small, hand-written defaults used when no model artifact is loaded (and merged
with the larger dictionaries that `pantau train` derives from the training data into the
artifact). They cover the obfuscation tricks named in the detection issue:

- ``LEET``: digits and symbols that stand for letters inside words (``4nj1ng`` → ``anjing``);
- ``ABUSIVE_WORDS``: insult and profanity stems whose consonant skeletons (``kntl``, ``bgst``,
  ``anjg``) and masked forms (``b*ngsat``) the normaliser restores;
- ``SLANG``: a few very common informal spellings, so the normaliser is useful on its own;
- ``EMOJI_WORDS``: emoji that are used as insults, mapped to the word they stand for.
"""

from __future__ import annotations

# Character substitutions applied only inside tokens that also contain letters.
LEET: dict[str, str] = {
    "4": "a",
    "@": "a",
    "1": "i",
    "!": "i",
    "0": "o",
    "3": "e",
    "5": "s",
    "$": "s",
    "7": "t",
    "9": "g",
    "6": "g",
    "8": "b",
    "|": "l",
}

# Stems of abusive words and insults common in Indonesian social media. Used to undo
# vowel-dropping ("kntl"), masking ("b*ngsat") and to seed lexicon features.
ABUSIVE_WORDS: tuple[str, ...] = (
    "anjing",
    "anjir",
    "anjay",
    "asu",
    "babi",
    "bajingan",
    "bangsat",
    "bedebah",
    "bego",
    "bencong",
    "berengsek",
    "brengsek",
    "bodoh",
    "budek",
    "cebong",
    "kampret",
    "kadrun",
    "keparat",
    "kontol",
    "memek",
    "monyet",
    "ngentot",
    "entot",
    "pantek",
    "pepek",
    "perek",
    "lonte",
    "pelacur",
    "sialan",
    "setan",
    "sinting",
    "tolol",
    "goblok",
    "geblek",
    "dungu",
    "idiot",
    "jancuk",
    "jancok",
    "cuk",
    "jembut",
    "kunyuk",
    "bangke",
    "bangkai",
    "tai",
    "taik",
    "tahi",
    "kafir",
    "laknat",
    "biadab",
    "sampah",
    "bacot",
    "congor",
    "cocot",
    "dongok",
    "kampungan",
    "mampus",
    "modar",
    "najis",
    "sarap",
    "edan",
    "gila",
    "sompret",
    "sontoloyo",
    "keparat",
    "kimak",
    "pukimak",
    "bejat",
    "bangsat",
    "celeng",
    "jablay",
    "kacung",
    "antek",
    "pengkhianat",
    "penjilat",
    "munafik",
    "kecoa",
    "curut",
    "tikus",
)

# Skeletons that collide with frequent ordinary words and must not be expanded.
SKELETON_STOP: frozenset[str] = frozenset(
    {"bgt", "tdk", "dgn", "utk", "yg", "krn", "sm", "tp", "bs", "jg", "kl", "dr", "sy", "gw", "gk"}
)

# A few frequent informal spellings (the artifact carries the full dictionaries).
SLANG: dict[str, str] = {
    "gw": "gue",
    "gue": "gue",
    "lu": "kamu",
    "lo": "kamu",
    "elo": "kamu",
    "elu": "kamu",
    "loe": "kamu",
    "yg": "yang",
    "tdk": "tidak",
    "gak": "tidak",
    "ga": "tidak",
    "nggak": "tidak",
    "enggak": "tidak",
    "gk": "tidak",
    "kaga": "tidak",
    "jgn": "jangan",
    "bgt": "banget",
    "dgn": "dengan",
    "utk": "untuk",
    "krn": "karena",
    "org": "orang",
    "emg": "memang",
    "sdh": "sudah",
    "udh": "sudah",
    "udah": "sudah",
    "dah": "sudah",
    "blm": "belum",
    "aja": "saja",
    "aj": "saja",
    "sm": "sama",
    "tp": "tapi",
    "jd": "jadi",
    "klo": "kalau",
    "kalo": "kalau",
    "pemda": "pemerintah daerah",
    "pemkot": "pemerintah kota",
    "anjg": "anjing",
    "anjr": "anjir",
    "bgst": "bangsat",
    "kntl": "kontol",
    "tlol": "tolol",
    "gblk": "goblok",
    "ngntt": "ngentot",
    "jncuk": "jancuk",
    "bngst": "bangsat",
    "bangsad": "bangsat",
    "anjeng": "anjing",
    "anjink": "anjing",
    "goblog": "goblok",
}

# Emoji used as insults, mapped to the word they replace. Other emoji are kept as tokens.
EMOJI_WORDS: dict[str, str] = {
    "\U0001f437": "babi",  # pig face
    "\U0001f416": "babi",  # pig
    "\U0001f43d": "babi",  # pig nose
    "\U0001f436": "anjing",  # dog face
    "\U0001f415": "anjing",  # dog
    "\U0001f412": "monyet",  # monkey
    "\U0001f435": "monyet",  # monkey face
    "\U0001f4a9": "tai",  # pile of poo
    "\U0001f400": "tikus",  # rat
    "\U0001f401": "tikus",  # mouse
    "\U0001f42d": "tikus",  # mouse face
    "\U0001fab3": "kecoa",  # cockroach
    "\U0001f595": "kurang ajar",  # middle finger
    "\U0001f921": "badut",  # clown face
}

VOWELS = frozenset("aiueo")

# Words naming religious, ethnic, regional, political or other groups: hate speech aimed at a
# group usually names one. Used as a lexicon feature, never alone as a verdict.
GROUP_WORDS: tuple[str, ...] = (
    "cina",
    "china",
    "tionghoa",
    "aseng",
    "asing",
    "pribumi",
    "arab",
    "onta",
    "yahudi",
    "israel",
    "kafir",
    "kristen",
    "katolik",
    "islam",
    "muslim",
    "hindu",
    "budha",
    "buddha",
    "konghucu",
    "syiah",
    "ahmadiyah",
    "wahabi",
    "ateis",
    "murtad",
    "kadrun",
    "cebong",
    "kampret",
    "bani",
    "komunis",
    "pki",
    "antek",
    "rezim",
    "rejim",
    "batak",
    "jawa",
    "papua",
    "madura",
    "ambon",
    "sunda",
    "bugis",
    "dayak",
    "negro",
    "lgbt",
    "gay",
    "lesbi",
    "homo",
    "banci",
    "bencong",
    "transgender",
    "feminis",
    "kaum",
    "umat",
    "etnis",
    "suku",
    "ras",
    "agama",
)

# Radicalism vocabulary whose vowel-dropped skeletons ("khlfh", "thgt") are restored like the
# abusive words, so that watchlist phrases cannot be evaded by dropping vowels.
SKELETON_EXTRA: tuple[str, ...] = (
    "khilafah",
    "thogut",
    "thaghut",
    "pancasila",
    "tegakkan",
    "jihad",
    "bunuh",
    "polisi",
    "daulah",
    "murtad",
    "kafir",
    "bantai",
    "penggal",
    "halal",
    "darahnya",
    "demokrasi",
    "kufur",
    "syirik",
    "gereja",
    "masjid",
    "aparat",
)

# Alay spellings: rewrites tried on unknown words; a rewrite is kept only if it yields a known
# word ("bangsad" -> "bangsat", "kupur" -> "kufur", "petugasx" -> "petugasnya").
ALAY_REWRITES: tuple[tuple[str, str], ...] = (
    (r"x$", "nya"),
    (r"d$", "t"),
    (r"c", "s"),
    (r"p", "f"),
    (r"h$", ""),
    (r"k$", ""),
    (r"z$", "s"),
    (r"z$", ""),
    (r"y$", "l"),
    (r"ch", "c"),
    (r"q", "k"),
    (r"v", "f"),
    (r"f", "p"),
    (r"oe", "u"),
    (r"g$", ""),
    (r"ez$", "ong"),
    (r"it$", "ing"),
    (r"rit$", "ir"),
)
