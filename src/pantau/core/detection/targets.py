"""Word lists for explanations and for the hate-speech target rule, written for Pantau.

Three small lexicons over *normalised* tokens (lower case, slang expanded):

- ``STOP_WORDS``: Indonesian function words (particles, pronouns, prepositions, conjunctions,
  fillers). A span made only of these never counts as evidence: it says nothing about hostility
  or its target, however much weight the model happened to give it.
- ``IDENTITY_GROUP_WORDS``: words naming a group protected as SARA (suku, agama, ras,
  antargolongan), by kind. Hate speech in the sense of SKB 11 item 2 and UU ITE Pasal 28 ayat (2)
  is aimed at such a group, so one of these words in the text is what makes ``target: group``.
- ``STATE_WORDS``: the state entities of SKB 11 item 1 and PP 94/2021 Pasal 3 huruf a — Pancasila,
  UUD 1945, NKRI, the Government and its institutions (``target: state``). Named politicians are
  deliberately *not* here: insulting a person is abusive language (PP 94 Pasal 3 huruf f), and
  criticising a policy is neither.

The lists are lists of words, never verdicts: a word here only says *who* a hostile post is aimed
at; whether the post is hostile is the model's and the watchlist's call.
"""

from __future__ import annotations

import re

# Function words: a span made only of these carries no meaning a reviewer can weigh.
STOP_WORDS: frozenset[str] = frozenset(
    """
    yang dan di ke dari si sang saja aja itu ini dong kok sih nya deh lah kah pun tah
    ya yah yuk ayo nah loh lho kan tuh nih gitu gini begitu begini sangat amat lebih
    paling agak juga pula lagi masih sudah udah telah sedang akan bakal baru belum
    tidak tak nggak gak enggak bukan jangan ada adalah ialah merupakan yaitu yakni
    untuk buat bagi pada kepada oleh dengan sama tentang terhadap dalam atas bawah
    antara sejak hingga sampai seperti bagai bagaikan daripada karena sebab agar
    supaya jika kalau kalo bila apabila maka tetapi tapi namun walau meski serta
    atau ataupun sedangkan lalu kemudian terus setelah sebelum ketika saat waktu
    aku saya gue gua gw kamu kau lu lo elo anda dia ia beliau kami kita mereka
    kalian mu ku apa siapa mana kapan bagaimana gimana mengapa kenapa berapa
    semua setiap tiap para banyak sedikit beberapa segala seluruh sini situ sana
    hal cara orang mas mbak pak bu bapak ibu kak bang om tante
    ah eh oh wah wow hmm hm ha haha hahaha wkwk wkwkwk kwkw xixi hehe
    """.split()
)

# Identity groups protected as SARA, by kind (polite names and common slurs as they are written
# after normalisation). Each kind is a separate list so the reason for every word is visible.
ETHNIC_GROUPS = (  # suku: ethnic and regional peoples of Indonesia
    "jawa batak sunda madura bugis makassar minang minangkabau padang dayak ambon papua "
    "betawi aceh bali sasak toraja flores timor nias melayu banjar"
)
RELIGIONS = (  # agama dan kepercayaan: religions, beliefs, denominations, their followers and slurs
    "islam muslim muslimin muslimah kristen kristiani nasrani katolik protestan hindu "
    "buddha budha konghucu khonghucu kepercayaan penghayat syiah sunni ahmadiyah wahabi "
    "salafi yahudi ateis kafir murtad gereja masjid pura vihara klenteng umat"
)
RACES = (  # ras: races and descent as named, and slurs for them
    "tionghoa cina china cindo aseng arab onta keturunan pribumi negro bule ras etnis suku"
)
ORIGINS = (  # asal-usul: national or foreign origin, migrants and refugees as groups
    "asing rohingya pendatang imigran pengungsi"
)
GOLONGAN = (  # antargolongan: social groups by gender, orientation, ideology, political camp
    "lgbt gay lesbi lesbian homo banci bencong waria transgender feminis perempuan wanita "
    "komunis pki cebong kampret kadrun kaum golongan"
)
IDENTITY_GROUP_WORDS: frozenset[str] = frozenset(
    " ".join((ETHNIC_GROUPS, RELIGIONS, RACES, ORIGINS, GOLONGAN)).split()
)

# State entities (SKB 11 item 1, PP 94/2021 Pasal 3 huruf a): the founding texts, the unitary
# state and the Government with its institutions, named as institutions, not as persons.
STATE_WORDS: frozenset[str] = frozenset(
    """
    pancasila uud konstitusi nkri negara pemerintah pemerintahan rezim rejim presiden
    istana kabinet menteri kementerian dpr dprd mpr polri polisi tni aparat
    bhinneka
    """.split()
)
# Left out on purpose: "indonesia", "republik" and "garuda" name the country, a hashtag
# (#tiktokindonesia) or an airline far more often than the state as the object of hostility.

_LETTER = re.compile(r"[^\W\d_]")


def has_letter(text: str) -> bool:
    """True when `text` holds at least one letter (so not only punctuation, digits or emoji)."""
    return _LETTER.search(text) is not None


def is_content_token(token: str) -> bool:
    """A normalised token that can carry meaning on its own: has a letter, is no stop word."""
    return has_letter(token) and token not in STOP_WORDS


def target_kind(tokens) -> str | None:
    """``"group"`` when a SARA identity word is among `tokens`, else ``"state"`` for a state
    entity, else None (an individual or no one)."""
    toks = set(tokens)
    if not IDENTITY_GROUP_WORDS.isdisjoint(toks):
        return "group"
    if not STATE_WORDS.isdisjoint(toks):
        return "state"
    return None
