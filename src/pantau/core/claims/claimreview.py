"""Parse schema.org ClaimReview JSON-LD, as fact-checkers publish it, into register `Claim`s.

Accepted shapes: a single ClaimReview object, a JSON list of them, a document with ``@graph``
(other node types such as WebPage or Organization are skipped, ``{"@id": ...}`` references are
resolved inside the graph), and feeds: ``DataFeed`` with ``dataFeedElement`` (items directly or
wrapped in ``DataFeedItem.item``) and ``ItemList`` with ``itemListElement`` (``ListItem.item``).

Fields used: ``claimReviewed`` (the claim text, required), ``reviewRating.alternateName`` or
``name`` (mapped to a verdict; numeric ``ratingValue`` within ``worstRating..bestRating`` is the
fallback), ``url`` (the debunk, required), ``@id``/``identifier`` (the claim id; otherwise a
stable id derived from url and claim), ``datePublished`` (or ``itemReviewed.datePublished``),
``reviewBody``/``description``/``reviewRating.ratingExplanation`` (clarification), ``keywords``
and ``about`` (topic).

Everything is validated before anything is returned: one malformed item makes the whole document
fail with a `ClaimReviewError` naming the item index and the field.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from pantau.core.claims.model import Claim, normalise_verdict


class ClaimReviewError(ValueError):
    """A ClaimReview document that cannot be imported; the message says which item and field."""


def _types(node: dict) -> set[str]:
    raw = node.get("@type", ())
    raw = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    return {str(t).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for t in raw}


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@value") or "")
    if isinstance(value, list) and value:
        return _text(value[0])
    return ""


def _collect(doc: Any) -> tuple[list[dict], dict[str, dict]]:
    """ClaimReview nodes of a document, in order, and the ``@id`` map of a graph."""
    if isinstance(doc, list):
        items: list[dict] = []
        ids: dict[str, dict] = {}
        for i, node in enumerate(doc):
            if not isinstance(node, dict):
                raise ClaimReviewError(
                    f"item {i}: expected a JSON object, got {type(node).__name__}"
                )
            sub, sub_ids = _collect(node)
            items.extend(sub)
            ids.update(sub_ids)
        return items, ids
    if not isinstance(doc, dict):
        raise ClaimReviewError(f"expected a JSON object or list, got {type(doc).__name__}")
    if "@graph" in doc:
        graph = doc["@graph"]
        if not isinstance(graph, list):
            raise ClaimReviewError("@graph: expected a list of nodes")
        ids = {n["@id"]: n for n in graph if isinstance(n, dict) and isinstance(n.get("@id"), str)}
        return [n for n in graph if isinstance(n, dict) and "ClaimReview" in _types(n)], ids
    kinds = _types(doc)
    for key in ("dataFeedElement", "itemListElement"):
        if key in doc and "ClaimReview" not in kinds:
            elements = doc[key]
            if not isinstance(elements, list):
                raise ClaimReviewError(f"{key}: expected a list")
            items = []
            for i, el in enumerate(elements):
                node = el.get("item", el) if isinstance(el, dict) else el
                if not isinstance(node, dict) or "ClaimReview" not in _types(node):
                    raise ClaimReviewError(f"item {i}: {key}[{i}] is not a ClaimReview")
                items.append(node)
            return items, {}
    if "ClaimReview" in kinds:
        return [doc], {}
    raise ClaimReviewError("no ClaimReview found (expected @type ClaimReview, @graph or a feed)")


def _resolve(value: Any, ids: dict[str, dict]) -> Any:
    if isinstance(value, dict) and set(value) == {"@id"} and value["@id"] in ids:
        return ids[value["@id"]]
    return value


def _date(value: Any, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ClaimReviewError(f"{where}: expected an ISO date string")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as exc:
        raise ClaimReviewError(f"{where}: {value!r} is not an ISO date") from exc


def _verdict(rating: Any, where: str) -> str:
    if not isinstance(rating, dict):
        raise ClaimReviewError(f"{where}.reviewRating: missing or not an object")
    for key in ("alternateName", "name"):
        label = _text(rating.get(key))
        if label:
            verdict = normalise_verdict(label)
            if verdict:
                return verdict
    try:
        value = float(rating["ratingValue"])
        best = float(rating.get("bestRating", 5))
        worst = float(rating.get("worstRating", 1))
    except (KeyError, TypeError, ValueError):
        label = _text(rating.get("alternateName")) or _text(rating.get("name"))
        raise ClaimReviewError(
            f"{where}.reviewRating.alternateName: rating {label!r} is not a known verdict"
            if label
            else f"{where}.reviewRating: no alternateName and no numeric ratingValue"
        ) from None
    if best <= worst or not worst <= value <= best:
        raise ClaimReviewError(f"{where}.reviewRating.ratingValue: {value} outside {worst}..{best}")
    share = (value - worst) / (best - worst)
    return "hoaks" if share < 0.25 else "misinformasi" if share < 0.75 else "fakta"


def _keywords(value: Any, where: str) -> tuple[str, ...]:
    if value in (None, ""):
        return ()
    if isinstance(value, str):
        return tuple(k.strip() for k in value.split(",") if k.strip())
    if isinstance(value, list) and all(isinstance(k, str) for k in value):
        return tuple(k.strip() for k in value if k.strip())
    raise ClaimReviewError(f"{where}.keywords: expected a string or a list of strings")


def _claim(node: dict, i: int, ids: dict[str, dict]) -> Claim:
    where = f"item {i}"
    text = node.get("claimReviewed")
    if not isinstance(text, str) or not text.strip():
        raise ClaimReviewError(f"{where}.claimReviewed: missing or empty")
    url = node.get("url")
    if not isinstance(url, str) or not url.strip().startswith(("http://", "https://")):
        raise ClaimReviewError(f"{where}.url: missing or not an http(s) URL")
    verdict = _verdict(_resolve(node.get("reviewRating"), ids), where)
    reviewed = _resolve(node.get("itemReviewed"), ids)
    date = _date(node.get("datePublished"), f"{where}.datePublished")
    if date is None and isinstance(reviewed, dict):
        date = _date(reviewed.get("datePublished"), f"{where}.itemReviewed.datePublished")
    rating = _resolve(node.get("reviewRating"), ids)
    clarification = (
        _text(node.get("reviewBody"))
        or _text(node.get("description"))
        or _text(rating.get("ratingExplanation"))
    )
    claim_id = node.get("@id") or node.get("identifier")
    if claim_id is not None and not isinstance(claim_id, str | int):
        raise ClaimReviewError(f"{where}.identifier: expected a string")
    if not claim_id:
        digest = hashlib.sha256(f"{url.strip()}\n{text.strip()}".encode()).hexdigest()
        claim_id = "cr-" + digest[:16]
    return Claim(
        claim_id=str(claim_id),
        text=" ".join(text.split()),
        verdict=verdict,
        url=url.strip(),
        clarification=clarification,
        keywords=_keywords(node.get("keywords"), where),
        topic=_text(_resolve(node.get("about"), ids)),
        date=date,
        source=_author(node, ids),
    )


def _author(node: dict, ids: dict[str, dict]) -> str:
    """The fact-checker: ``author`` (an object, an @id reference or a list of them) by name."""
    author = node.get("author")
    if isinstance(author, list):
        author = author[0] if author else None
    author = _resolve(author, ids)
    if isinstance(author, dict):
        return _text(author.get("name"))
    return author.strip() if isinstance(author, str) else ""


def parse_claimreview(document: str | bytes | dict | list) -> list[Claim]:
    """Claims of a ClaimReview JSON-LD document (text or parsed JSON); all or nothing."""
    if isinstance(document, bytes | bytearray):
        document = document.decode("utf-8-sig")
    if isinstance(document, str):
        try:
            document = json.loads(document)
        except ValueError as exc:
            raise ClaimReviewError(f"not valid JSON: {exc}") from exc
    nodes, ids = _collect(document)
    if not nodes:
        raise ClaimReviewError("no ClaimReview found in the document")
    claims = [_claim(node, i, ids) for i, node in enumerate(nodes)]
    seen: dict[str, int] = {}
    for i, c in enumerate(claims):
        if c.claim_id in seen:
            raise ClaimReviewError(
                f"item {i}.@id: {c.claim_id!r} repeats the id of item {seen[c.claim_id]}"
            )
        seen[c.claim_id] = i
    return claims
