"""What goes where on a letter, worked out once from its content for the PDF and DOCX writers.

:func:`layout_for` turns a letter's frozen ``content`` into a :class:`Layout`: the letterhead
lines (the inspectorate's kop, or the PPK's heading on a decision), the Nomor/Sifat/Lampiran/Hal
block of a surat dinas with the place and date, the addressee, the parsed body, a correction
note, the signature block(s) and the copies (tembusan). The writers only draw it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pantau.letters import vocab
from pantau.letters.kinds import spec
from pantau.letters.markup import Block, parse


@dataclass
class Signer:
    heading: list[str]  # lines above the signature space ("Place, date", "Inspektur,")
    name: str
    rank: str = ""
    nip: str = ""
    note: str = ""  # printed in the signature space, e.g. "(refused to sign)"


@dataclass
class Layout:
    language: str
    number: str
    kop: list[tuple[str, str]]  # (text, style): org, unit, address, decider
    ruled: bool
    draft: str
    header: list[tuple[str, str]]  # letter layout: (label, value); empty for titled
    place_date: str
    addressee: list[str]
    indent_body: bool
    blocks: list[Block]
    correction: str
    signers: list[Signer]  # one (right) or two (left, right)
    copies_title: str
    copies: list[str] = field(default_factory=list)
    title: str = ""
    translation: str = ""  # "Terjemahan / Translation of letter no. …" on an English copy


def _kop(content: dict, language: str) -> tuple[list[tuple[str, str]], bool]:
    org = content["org"]
    if spec(content["kind"]).kop == "decider":
        return [(org["decider_title"].upper(), "decider")], False
    contact = []
    for key in ("phone", "email", "website"):
        if org.get(key):
            contact.append(f"{vocab.label(language, key)} {org[key]}")
    lines = [(org["organisation"].upper(), "org"), (org["unit_name"].upper(), "unit")]
    if org.get("address"):
        lines.append((org["address"], "address"))
    if contact:
        lines.append((" · ".join(contact), "address"))
    return lines, True


def _signers(content: dict, language: str) -> list[Signer]:
    kind_spec = spec(content["kind"])
    sig = content["signatory"]
    if kind_spec.signature == "bap":
        employee, examiner = content["employee"], content["examiner"]
        refused = content.get("bap", {}).get("refused", False)
        return [
            Signer(
                [vocab.label(language, "examined")],
                employee["name"],
                rank=employee.get("rank", ""),
                nip=employee["nip"],
                note=vocab.label(language, "refused") if refused else "",
            ),
            Signer(
                [content["place_date"], vocab.label(language, "examiner")],
                examiner["name"],
                rank=examiner.get("rank", ""),
                nip=examiner["nip"] if examiner["nip"] != "-" else "",
            ),
        ]
    if kind_spec.signature == "decree":
        heading = [
            f"{vocab.label(language, 'decreed_at')} {content['place']}",
            f"{vocab.label(language, 'decreed_on')} {content['date_text']}",
            "",
            f"{sig['title'].upper()},",
        ]
        return [Signer(heading, sig["name"].upper(), sig.get("rank", ""), sig.get("nip", ""))]
    heading = [content["place_date"]] if kind_spec.sign_date else []
    heading.append(f"{sig['title']},")
    return [Signer(heading, sig["name"], sig.get("rank", ""), sig.get("nip", ""))]


def layout_for(content: dict) -> Layout:
    language = content["language"]
    kind_spec = spec(content["kind"])
    kop, ruled = _kop(content, language)
    header: list[tuple[str, str]] = []
    if kind_spec.layout == "letter":
        header = [
            (vocab.label(language, "number"), content["number"]),
            (vocab.label(language, "sifat"), content.get("sifat", "")),
            (vocab.label(language, "attachment"), content.get("attachment", "")),
            (vocab.label(language, "subject"), content.get("title", "")),
        ]
    correction = ""
    if content.get("correction"):
        c = content["correction"]
        correction = vocab.label(
            language, "correction", number=c["number"], date=c["date_text"], reason=c["reason"]
        )
    translation = ""
    if content.get("translation"):
        t = content["translation"]
        translation = vocab.label(language, "translation", number=t["number"], date=t["date_text"])
    return Layout(
        translation=translation,
        language=language,
        number=content["number"],
        kop=kop,
        ruled=ruled,
        draft=vocab.label(language, "draft") if kind_spec.draft else "",
        header=header,
        place_date=content["place_date"],
        addressee=list(content.get("addressee", [])),
        indent_body=kind_spec.layout == "letter",
        blocks=parse(content.get("body", "")),
        correction=correction,
        signers=_signers(content, language),
        copies_title=vocab.label(language, "copies"),
        copies=list(content.get("copies", [])),
        title=content.get("title", ""),
    )
