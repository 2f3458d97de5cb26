"""Small text and value helpers shared by the parsers.

- `clean_text`: NFC normalisation and mojibake repair (UTF-8 read as Latin-1 or Windows-1252,
  as Facebook and Instagram exports write it, or as a spreadsheet re-saved it);
- `guess_language`: a cheap stop-word guess, "id", "en" or "";
- `html_to_text`: Mastodon and feed HTML to plain text;
- `parse_datetime`, `to_int`, `get_tz`: time stamps (ISO 8601, Unix epoch, RFC 2822, Twitter's
  format, day-first Indonesian dates) and counts ("1.234", "1,2K", "3 rb").
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import unicodedata
from html.parser import HTMLParser
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_CP1252_EXTRA = {
    ch: byte
    for byte in range(0x80, 0xA0)
    if (ch := bytes([byte]).decode("cp1252", errors="ignore"))
}
# A character that starts a UTF-8 sequence in Latin-1, followed by one that is a continuation byte.
_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf" + "".join(_CP1252_EXTRA) + "]")


def _as_bytes(text: str) -> bytes | None:
    out = bytearray()
    for ch in text:
        code = ord(ch)
        if code < 0x100:
            out.append(code)
        elif ch in _CP1252_EXTRA:
            out.append(_CP1252_EXTRA[ch])
        else:
            return None
    return bytes(out)


def fix_mojibake(text: str, *, always: bool = False) -> str:
    """Undo UTF-8 bytes that were decoded as Latin-1/Windows-1252 ("sÃ©" → "sé").

    With ``always`` (Meta exports, which escape every UTF-8 byte) any non-ASCII string is tried;
    otherwise only strings with a tell-tale lead/continuation pair. A string that does not
    round-trip to valid UTF-8 is returned unchanged.
    """
    if text.isascii() or not (always or _MOJIBAKE.search(text)):
        return text
    data = _as_bytes(text)
    if data is None:
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return text


def clean_text(value, *, meta: bool = False) -> str:
    """A record's text as str, mojibake fixed, NFC-normalised, surrounding white space removed."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if not text.isascii():
        text = fix_mojibake(text, always=meta)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
    return text.strip()


_ID_WORDS = frozenset(
    """yang dan di ke dari ini itu untuk dengan tidak ada akan pada juga saya kami kita mereka dia
    sudah belum bisa karena atau dalam oleh jadi kalau sama aja gak nggak ga tak lagi masih harus
    bukan apa kenapa semua orang tapi tetapi seperti hari bagi para telah adalah yg dgn utk sih dong
    banget kok pak bu selamat terima kasih mari ayo kalian kamu aku gue lu udah belum mau sangat
    tentang agar supaya bahwa tersebut serta antara hanya masyarakat kepada sebagai lebih""".split()
)
_EN_WORDS = frozenset(
    """the and of to is in that it for you was with on as are be this have not at by from they we
    but or an will my all your what there can has just so if about do me our their would been
    which who he she were more when how them than its also into after should could these those
    because people very today thank thanks please""".split()
)
_WORD = re.compile(r"[a-z]+")


def guess_language(text: str) -> str:
    """ "id", "en" or "" (undecided, other language or script) from stop-word counts."""
    if not text:
        return ""
    id_hits = en_hits = 0
    for word in _WORD.findall(text[:2000].lower()):
        if word in _ID_WORDS:
            id_hits += 1
        elif word in _EN_WORDS:
            en_hits += 1
    if id_hits > en_hits:
        return "id"
    if en_hits > id_hits:
        return "en"
    return ""


class _TextExtractor(HTMLParser):
    _BREAKS = {"br": "\n", "p": "\n\n", "div": "\n", "li": "\n", "blockquote": "\n\n"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        tag = tag.rsplit(":", 1)[-1]  # xhtml serialised with a prefix (ns0:p)
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag):
        tag = tag.rsplit(":", 1)[-1]
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in self._BREAKS and tag != "br":
            self.parts.append(self._BREAKS[tag])

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment: tags dropped, <br> and paragraphs as new lines."""
    if not html:
        return ""
    if "<" not in html and "&" not in html:
        return html.strip()
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    return _BLANK_LINES.sub("\n\n", text).strip()


_FIXED_ZONES = {"Asia/Jakarta": 7, "Asia/Makassar": 8, "Asia/Jayapura": 9, "UTC": 0}


def get_tz(name: str | dt.tzinfo) -> dt.tzinfo:
    """A tzinfo for an IANA name (with fixed-offset fallbacks for the Indonesian zones)."""
    if isinstance(name, dt.tzinfo):
        return name
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        if name in _FIXED_ZONES:
            return dt.timezone(dt.timedelta(hours=_FIXED_ZONES[name]), name)
        raise ValueError(f"unknown time zone {name!r}") from None


_DAY_FIRST = (
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d",
)
TWITTER_FORMAT = "%a %b %d %H:%M:%S %z %Y"
GRAILBIRD_FORMAT = "%Y-%m-%d %H:%M:%S %z"  # the X archive before 2019 (and its tweets.csv)


def _aware(value: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=tz)
    return value.astimezone(tz)


def from_epoch(value: float, tz: dt.tzinfo) -> dt.datetime:
    if value > 1e11:  # milliseconds
        value /= 1000
    return dt.datetime.fromtimestamp(value, tz)


def parse_datetime(value, tz: dt.tzinfo) -> dt.datetime | None:
    """An aware datetime in ``tz`` (naive values are taken to be in ``tz``); None when empty.

    Raises ValueError for a value that is present but not a date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return _aware(value, tz)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=tz)
    if isinstance(value, bool):
        raise ValueError(f"not a date: {value!r}")
    if isinstance(value, int | float):
        return from_epoch(float(value), tz)
    text = str(value).strip()
    if not text:
        return None
    if text.isdigit() and len(text) in (10, 13):
        return from_epoch(float(text), tz)
    try:
        return _aware(dt.datetime.fromisoformat(text), tz)
    except ValueError:
        pass
    for fmt in (TWITTER_FORMAT, GRAILBIRD_FORMAT, *_DAY_FIRST):
        try:
            return _aware(dt.datetime.strptime(text, fmt), tz)
        except ValueError:
            continue
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is None:
        parsed = _indonesian_date(text)
    if parsed is None:
        raise ValueError(f"not a date: {text[:60]!r}")
    return _aware(parsed, tz)


_ID_MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "pebruari": 2,
    "feb": 2,
    "peb": 2,
    "maret": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "agustus": 8,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "oct": 10,
    "november": 11,
    "nopember": 11,
    "nov": 11,
    "nop": 11,
    "desember": 12,
    "des": 12,
    "dec": 12,
}
_ID_ZONES = {"wib": 7, "wita": 8, "wit": 9}
_ID_DATE = re.compile(
    r"(?P<day>\d{1,2})[\s./-]+(?P<month>[a-z]+)\.?[\s./-]+(?P<year>\d{4})"
    r"(?:[\s,T]+(?:pukul\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:[:.](?P<second>\d{2}))?)?"
    r"\s*(?P<zone>[+-]\d{2}:?\d{2}|wib|wita|wit|gmt|utc|z)?",
    re.IGNORECASE,
)


def _indonesian_date(text: str) -> dt.datetime | None:
    """A date written the Indonesian way: "05 Agustus 2019", "Sen, 05 Agt 2019 10:00:00 +0700",
    "12 Mei 2024 pukul 09.30 WIB" (a day name in front is ignored); None if it is not one."""
    match = _ID_DATE.search(text.lower())
    if not match or match.group("month") not in _ID_MONTHS:
        return None
    try:
        value = dt.datetime(
            int(match.group("year")),
            _ID_MONTHS[match.group("month")],
            int(match.group("day")),
            int(match.group("hour") or 0),
            int(match.group("minute") or 0),
            int(match.group("second") or 0),
        )
    except ValueError:
        return None
    zone = (match.group("zone") or "").lower()
    if zone in _ID_ZONES:
        return value.replace(tzinfo=dt.timezone(dt.timedelta(hours=_ID_ZONES[zone])))
    if zone in ("gmt", "utc", "z"):
        return value.replace(tzinfo=dt.UTC)
    if zone:
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        offset = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        return value.replace(tzinfo=dt.timezone(sign * offset))
    return value


_MULTIPLIERS = {
    "k": 1_000,
    "rb": 1_000,
    "ribu": 1_000,
    "m": 1_000_000,
    "jt": 1_000_000,
    "juta": 1_000_000,
}
_COUNT = re.compile(r"^([0-9]+(?:[.,][0-9]+)*)\s*(k|rb|ribu|m|jt|juta)?$")


def to_int(value) -> int | None:
    """A count from an int, float or text ("1234", "1.234", "1,234", "1,2K", "3 rb"), else None
    (also for what is no finite number: NaN, infinity, "1e999")."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        return _to_int(value)
    except (ValueError, OverflowError):
        return None


def _to_int(value) -> int | None:
    if isinstance(value, float):
        return int(value) if value == value else None
    match = _COUNT.match(str(value).strip().lower())
    if not match:
        return None
    number, suffix = match.groups()
    if suffix:
        return int(float(number.replace(",", ".")) * _MULTIPLIERS[suffix])
    groups = re.split(r"[.,]", number)
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]):
        return int("".join(groups))  # thousands separators
    return int(float(number.replace(",", ".")))
