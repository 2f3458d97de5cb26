"""ClaimReview JSON-LD import: single items, lists, @graph, feeds, and malformed documents."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from pantau.core.claims import ClaimReviewError, parse_claimreview


def review(n: int = 1, **over) -> dict:
    item = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"https://cekfakta.example/2026/review-{n}",
        "claimReviewed": f"Vaksin campak mengandung microchip nomor {n}",
        "datePublished": f"2026-03-0{n % 9 + 1}",
        "author": {"@type": "Organization", "name": "Cek Fakta Contoh"},
        "reviewRating": {
            "@type": "Rating",
            "alternateName": "Salah",
            "ratingValue": 1,
            "bestRating": 5,
            "worstRating": 1,
        },
        "reviewBody": "Dinas Kesehatan memastikan vaksin tidak berisi microchip.",
        "keywords": "vaksin, microchip",
        "itemReviewed": {"@type": "Claim", "datePublished": "2026-02-27"},
    }
    item.update(over)
    return item


def test_a_single_item():
    [claim] = parse_claimreview(json.dumps(review()))
    assert claim.text == "Vaksin campak mengandung microchip nomor 1"
    assert claim.verdict == "hoaks"
    assert claim.url == "https://cekfakta.example/2026/review-1"
    assert claim.date == dt.date(2026, 3, 2)
    assert claim.keywords == ("vaksin", "microchip")
    assert claim.clarification.startswith("Dinas Kesehatan")
    assert claim.claim_id.startswith("cr-")
    assert parse_claimreview(review())[0].claim_id == claim.claim_id  # stable across imports


def test_a_list_of_items():
    claims = parse_claimreview([review(1), review(2, identifier="cf-2")])
    assert [c.claim_id for c in claims][1] == "cf-2"
    assert len(claims) == 2


def test_a_graph_with_other_nodes_and_references():
    doc = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": "#page", "name": "Cek fakta"},
            {"@type": "Rating", "@id": "#r1", "alternateName": "Satire"},
            review(1, **{"@id": "https://cekfakta.example/#cr1", "reviewRating": {"@id": "#r1"}}),
            review(2, **{"@type": ["ClaimReview"], "@id": "https://cekfakta.example/#cr2"}),
        ],
    }
    claims = parse_claimreview(doc)
    assert [c.claim_id for c in claims] == [
        "https://cekfakta.example/#cr1",
        "https://cekfakta.example/#cr2",
    ]
    assert claims[0].verdict == "satire"


def test_a_data_feed():
    feed = {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "dataFeedElement": [
            {"@type": "DataFeedItem", "item": review(1)},
            review(2, reviewRating={"@type": "Rating", "alternateName": "Misleading"}),
        ],
    }
    claims = parse_claimreview(json.dumps(feed).encode("utf-8"))
    assert [c.verdict for c in claims] == ["hoaks", "misinformasi"]


def test_an_item_list():
    feed = {
        "@type": "ItemList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "item": review(1)},
            {
                "@type": "ListItem",
                "position": 2,
                "item": review(2, reviewRating={"ratingValue": 5}),
            },
        ],
    }
    claims = parse_claimreview(feed)
    assert [c.verdict for c in claims] == ["hoaks", "fakta"]


@pytest.mark.parametrize(
    "broken,expected",
    [
        ({"claimReviewed": ""}, "item 2.claimReviewed"),
        ({"url": None}, "item 2.url"),
        ({"reviewRating": {"alternateName": "Entahlah"}}, "item 2.reviewRating.alternateName"),
        ({"reviewRating": "salah"}, "item 2.reviewRating"),
        ({"datePublished": "kemarin"}, "item 2.datePublished"),
        ({"keywords": {"a": 1}}, "item 2.keywords"),
        ({"reviewRating": {"ratingValue": 9, "bestRating": 5, "worstRating": 1}}, "ratingValue"),
    ],
)
def test_a_malformed_item_fails_the_whole_feed_naming_item_and_field(broken, expected):
    feed = {"@type": "DataFeed", "dataFeedElement": [review(0), review(1), review(2, **broken)]}
    result = None
    with pytest.raises(ClaimReviewError, match=expected.replace(".", r"\.")):
        result = parse_claimreview(feed)
    assert result is None  # all or nothing: no partial list


@pytest.mark.parametrize(
    "document,expected",
    [
        ("{not json", "not valid JSON"),
        ({"@type": "WebPage"}, "no ClaimReview"),
        ({"@graph": [{"@type": "WebPage"}]}, "no ClaimReview"),
        ({"@type": "DataFeed", "dataFeedElement": [{"@type": "Book"}]}, "item 0"),
        ([review(1), review(1)], "repeats the id"),
        (42, "expected a JSON object"),
    ],
)
def test_malformed_documents_raise_a_clear_error(document, expected):
    with pytest.raises(ClaimReviewError, match=expected):
        parse_claimreview(document)
