//! Gallery filtering, search and sorting over the sample bundle.

use bundle::{check, search, GalleryQuery, ItemKind, Lang, SearchIndex, SortOrder};

const SAMPLE: &str = include_str!("../../../public/data/bundle.json");

fn ids(query: &GalleryQuery, lang: Lang) -> Vec<String> {
    let bundle = check(SAMPLE).unwrap().bundle;
    let index = SearchIndex::new(&bundle);
    search(&bundle, &index, query, lang)
        .into_iter()
        .map(|i| bundle.items[i].id.clone())
        .collect()
}

fn text(q: &str) -> GalleryQuery {
    GalleryQuery {
        text: q.into(),
        ..Default::default()
    }
}

#[test]
fn no_query_lists_every_item_in_bundle_order() {
    let all = ids(&GalleryQuery::default(), Lang::Zh);
    assert_eq!(all.len(), 8);
    assert_eq!(all[0], "student-paintings");
    assert_eq!(all[7], "practice-base-plaque");
}

#[test]
fn filters_by_kind_donor_and_recipient() {
    let covers = GalleryQuery {
        kind: Some(ItemKind::FirstDayCover),
        ..Default::default()
    };
    assert_eq!(ids(&covers, Lang::En), ["aerospace-cover"]);
    let from_elevator = GalleryQuery {
        donor: Some("southeast-elevator".into()),
        ..Default::default()
    };
    assert_eq!(
        ids(&from_elevator, Lang::En),
        [
            "red-ship",
            "meeting-site",
            "aerospace-cover",
            "books-of-love",
            "bronze-plaque"
        ]
    );
    let to_zhutian = GalleryQuery {
        recipient: Some("zhutian-primary".into()),
        ..Default::default()
    };
    assert_eq!(ids(&to_zhutian, Lang::En), ["books-of-love"]);
    let artworks_from_school = GalleryQuery {
        kind: Some(ItemKind::Artwork),
        donor: Some("jiangling-school".into()),
        ..Default::default()
    };
    assert_eq!(ids(&artworks_from_school, Lang::En), ["student-paintings"]);
}

#[test]
fn search_matches_either_language_case_insensitively() {
    assert_eq!(ids(&text("red ship"), Lang::Zh), ["red-ship"]);
    assert_eq!(ids(&text("RED SHIP"), Lang::En), ["red-ship"]);
    assert_eq!(ids(&text("红船"), Lang::En), ["red-ship"]);
}

#[test]
fn chinese_search_matches_substrings() {
    // One character of 首日封 finds the cover; 铜 finds both plaques' bronze and Tongren (铜仁).
    assert_eq!(ids(&text("首日"), Lang::Zh), ["aerospace-cover"]);
    let tong = ids(&text("铜"), Lang::Zh);
    assert!(
        tong.contains(&"bronze-plaque".to_string()) && tong.contains(&"books-of-love".to_string()),
        "{tong:?}"
    );
}

#[test]
fn search_finds_items_by_people_and_units() {
    assert_eq!(ids(&text("zizhong"), Lang::En), ["books-of-love"]);
    // The secretaries appear only in the introductions, which involve no item.
    assert!(ids(&text("qin jiancong"), Lang::En).is_empty());
    assert!(ids(&text("Zhutian"), Lang::En).contains(&"books-of-love".to_string()));
    assert!(ids(&text("湖东社区"), Lang::Zh).contains(&"hudong-books".to_string()));
}

#[test]
fn every_term_must_match() {
    assert_eq!(ids(&text("books tongren"), Lang::En), ["books-of-love"]);
    assert!(ids(&text("ship tongren"), Lang::En).is_empty());
}

#[test]
fn sorts_by_title_in_the_visitors_language_and_by_date() {
    let by_title = GalleryQuery {
        sort: SortOrder::Title,
        kind: Some(ItemKind::Artwork),
        ..Default::default()
    };
    // Leading quotation marks are ignored: "Celebrating…", "Meeting Site", "Red Ship".
    assert_eq!(
        ids(&by_title, Lang::En),
        ["student-paintings", "meeting-site", "red-ship"]
    );
    let mut bundle = check(SAMPLE).unwrap().bundle;
    bundle.items[7].date = "2021-06-09".into();
    bundle.items[0].date = "2021-06-01".into();
    let index = SearchIndex::new(&bundle);
    let newest = search(
        &bundle,
        &index,
        &GalleryQuery {
            sort: SortOrder::DateDesc,
            ..Default::default()
        },
        Lang::En,
    );
    assert_eq!(bundle.items[newest[0]].id, "practice-base-plaque");
    assert_eq!(
        bundle.items[*newest.last().unwrap()].id,
        "student-paintings"
    );
}

#[test]
fn query_round_trips_through_address_parameters() {
    let query = GalleryQuery {
        kind: Some(ItemKind::BookDonation),
        donor: Some("hudong-community".into()),
        recipient: None,
        text: "爱心".into(),
        sort: SortOrder::Title,
    };
    let pairs = query.to_pairs();
    let back = GalleryQuery::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
    assert_eq!(back, query);
    assert!(GalleryQuery::default().to_pairs().is_empty());
}

#[test]
fn unknown_parameters_and_values_are_ignored() {
    let query = GalleryQuery::from_pairs([
        ("kind", "sculpture"),
        ("sort", "price"),
        ("utm", "x"),
        ("q", "  "),
    ]);
    assert_eq!(query, GalleryQuery::default());
    assert!(!query.is_filtered());
}
