//! Gallery filtering, search and sorting over the sample bundle.

use bundle::{
    check, first_in_default_order, search, search_after, Bundle, GalleryQuery, ItemKind, Lang,
    SearchIndex, SortOrder,
};

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

/// The search walks orders precomputed by the index. Against a plain filter-then-stable-sort over a
/// bundle full of equal dates and titles, every sort, language and filter gives the same list.
#[test]
fn precomputed_orders_match_filtering_then_sorting() {
    let bundle = many_items();
    let index = SearchIndex::new(&bundle);
    let reference = |query: &GalleryQuery, lang: Lang| -> Vec<usize> {
        let lowered = query.text.to_lowercase();
        let terms: Vec<&str> = lowered.split_whitespace().collect();
        let mut hits: Vec<usize> = (0..bundle.items.len())
            .filter(|&i| {
                let item = &bundle.items[i];
                query.kind.is_none_or(|k| item.kind == k)
                    && query.donor.as_ref().is_none_or(|d| item.donors.contains(d))
                    && query
                        .recipient
                        .as_ref()
                        .is_none_or(|r| item.recipients.contains(r))
                    && terms.iter().all(|t| {
                        // The same fields the index covers for these items: titles and descriptions.
                        let text = format!(
                            "{}\n{}",
                            item.title.both().collect::<Vec<_>>().join("\n"),
                            item.description.both().collect::<Vec<_>>().join("\n")
                        )
                        .to_lowercase();
                        text.contains(t)
                    })
            })
            .collect();
        let items = &bundle.items;
        match query.sort {
            SortOrder::Date => hits.sort_by(|&a, &b| items[a].date.cmp(&items[b].date)),
            SortOrder::DateDesc => hits.sort_by(|&a, &b| items[b].date.cmp(&items[a].date)),
            SortOrder::Title => hits.sort_by_cached_key(|&i| {
                let t = items[i].title.get(lang);
                t.trim_start_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            }),
        }
        hits
    };
    let mut compared = 0;
    for sort in SortOrder::ALL {
        for lang in [Lang::Zh, Lang::En] {
            for (kind, donor, text) in [
                (None, None, ""),
                (Some(ItemKind::Artwork), None, ""),
                (None, Some("southeast-elevator"), ""),
                (None, None, "红"),
                (None, None, "ship"),
                (Some(ItemKind::BookDonation), None, "书"),
            ] {
                let query = GalleryQuery {
                    kind,
                    donor: donor.map(Into::into),
                    text: text.into(),
                    sort,
                    ..Default::default()
                };
                let got = search(&bundle, &index, &query, lang);
                assert_eq!(got, reference(&query, lang), "{query:?} {lang:?}");
                compared += got.len();
            }
        }
    }
    assert!(
        compared > 1000,
        "the comparison covered too few results: {compared}"
    );
}

/// A stand-in for the browser's collator: longest key first, then reverse code point (an order no
/// code-point sort gives). It checks that it is handed each key once.
fn reverse_collate(_lang: Lang, mut keys: Vec<String>) -> Vec<String> {
    let mut seen = keys.clone();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), keys.len(), "each key is handed over once");
    keys.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(b.cmp(a)));
    keys
}

/// What a title sorts by: its words, lower-cased, without the quotation marks before them.
fn sort_key(bundle: &Bundle, i: usize, lang: Lang) -> String {
    let title = bundle.items[i].title.get(lang);
    title
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// The title order comes from the collation when there is one: items follow their keys' places in
/// its answer, items with the same key keep the bundle's order, and filters keep that order. Without
/// one, titles go by code point. A key the collation drops goes last rather than losing its items.
#[test]
fn titles_follow_the_collation_and_equal_titles_keep_the_bundle_order() {
    let bundle = many_items();
    let by_title = GalleryQuery {
        sort: SortOrder::Title,
        ..Default::default()
    };
    let index = SearchIndex::new(&bundle).with_collation(reverse_collate);
    for lang in [Lang::Zh, Lang::En] {
        let hits = search(&bundle, &index, &by_title, lang);
        assert_eq!(hits.len(), bundle.items.len());
        for pair in hits.windows(2) {
            let (a, b) = (
                sort_key(&bundle, pair[0], lang),
                sort_key(&bundle, pair[1], lang),
            );
            let (la, lb) = (a.chars().count(), b.chars().count());
            assert!(
                la > lb || (la == lb && a >= b),
                "{lang:?}: {a:?} before {b:?}"
            );
            if a == b {
                assert!(pair[0] < pair[1], "equal titles keep the bundle's order");
            }
        }
        let artworks = GalleryQuery {
            kind: Some(ItemKind::Artwork),
            ..by_title.clone()
        };
        let expected: Vec<usize> = (hits.iter().copied())
            .filter(|&i| bundle.items[i].kind == ItemKind::Artwork)
            .collect();
        assert_eq!(search(&bundle, &index, &artworks, lang), expected);
    }

    let plain = SearchIndex::new(&bundle);
    let hits = search(&bundle, &plain, &by_title, Lang::En);
    for pair in hits.windows(2) {
        let (a, b) = (
            sort_key(&bundle, pair[0], Lang::En),
            sort_key(&bundle, pair[1], Lang::En),
        );
        assert!(a < b || (a == b && pair[0] < pair[1]), "{a:?} before {b:?}");
    }

    fn drops_the_first(_lang: Lang, mut keys: Vec<String>) -> Vec<String> {
        keys.remove(0);
        keys
    }
    let lossy = SearchIndex::new(&bundle).with_collation(drops_the_first);
    let hits = search(&bundle, &lossy, &by_title, Lang::En);
    let mut all = hits.clone();
    all.sort_unstable();
    assert_eq!(all, (0..bundle.items.len()).collect::<Vec<_>>());
    let dropped = (0..bundle.items.len())
        .map(|i| sort_key(&bundle, i, Lang::En))
        .min()
        .unwrap();
    let first_dropped = (hits.iter())
        .position(|&i| sort_key(&bundle, i, Lang::En) == dropped)
        .unwrap();
    assert!(first_dropped > 0);
    assert!(hits[first_dropped..]
        .iter()
        .all(|&i| sort_key(&bundle, i, Lang::En) == dropped));
}

/// The sample's items copied twelve times, full of equal dates and titles.
fn many_items() -> Bundle {
    let mut bundle = check(SAMPLE).unwrap().bundle;
    let originals = bundle.items.clone();
    let dates = ["2021-06-08", "2020-01-01", "2021-06-08", "2022-12-31"];
    for copy in 0..12 {
        for (n, item) in originals.iter().enumerate() {
            let mut item = item.clone();
            item.id = format!("{}-{copy}", item.id);
            item.date = dates[(copy + n) % dates.len()].into();
            if copy % 3 == 0 {
                item.title = originals[0].title.clone();
            }
            bundle.items.push(item);
        }
    }
    bundle
}

/// The first card of the unfiltered gallery, known without the index (the app preloads its picture),
/// is the one the index puts first: over the sample, over many equal dates, with the earliest date
/// last in the bundle, and for no items at all.
#[test]
fn the_first_item_without_an_index_is_the_first_the_gallery_shows() {
    let sample = check(SAMPLE).unwrap().bundle;
    let mut latest_first = sample.clone();
    latest_first.items.reverse();
    latest_first.items[0].date = "2030-01-01".into();
    let last = latest_first.items.len() - 1;
    latest_first.items[last].date = "1999-12-31".into();
    let mut empty = sample.clone();
    empty.items.clear();
    for bundle in [sample, many_items(), latest_first, empty] {
        let index = SearchIndex::new(&bundle);
        for lang in [Lang::Zh, Lang::En] {
            let shown = search(&bundle, &index, &GalleryQuery::default(), lang);
            assert_eq!(first_in_default_order(&bundle), shown.first().copied());
        }
    }
}

/// Typing on at the end of the box scans only the previous hits; every step must give what a fresh
/// search gives, including when a step does not narrow (deleting, a new word, another language).
#[test]
fn searching_on_from_the_previous_result_equals_a_fresh_search() {
    let bundle = many_items();
    let index = SearchIndex::new(&bundle);
    let typed = [
        "", "r", "re", "red", "red ", "red s", "red sh", "red ship", "red shi", "ship red", "红",
        "红船", "书", "书 ", "书 b", "b", "bo", "book", "books", "社", "社区", "",
    ];
    for sort in SortOrder::ALL {
        for kind in [None, Some(ItemKind::Artwork)] {
            let mut previous: Option<(GalleryQuery, Lang, Vec<usize>)> = None;
            for (step, text) in typed.iter().enumerate() {
                let lang = if step == 15 { Lang::En } else { Lang::Zh };
                let query = GalleryQuery {
                    text: (*text).into(),
                    kind,
                    sort,
                    ..Default::default()
                };
                let fresh = search(&bundle, &index, &query, lang);
                let got = match &previous {
                    Some((q, l, hits)) => {
                        search_after(&bundle, &index, &query, lang, (q, *l, hits))
                    }
                    None => search(&bundle, &index, &query, lang),
                };
                assert_eq!(
                    got,
                    fresh,
                    "{query:?} {lang:?} after {:?}",
                    previous.map(|p| p.0)
                );
                previous = Some((query, lang, got));
            }
        }
    }
}

#[test]
fn a_query_narrows_another_only_when_it_can_only_lose_results() {
    let q = |text: &str| GalleryQuery {
        text: text.into(),
        ..Default::default()
    };
    assert!(q("red").narrows(&q("re")));
    assert!(q("red ship").narrows(&q("red")));
    assert!(q("ship red").narrows(&q("red s")));
    assert!(q("RED").narrows(&q("re")));
    assert!(q("红船").narrows(&q("红")));
    assert!(q("red").narrows(&q("")));
    assert!(!q("re").narrows(&q("red")));
    assert!(!q("ship").narrows(&q("red")));
    assert!(!q("").narrows(&q("red")));
    let sorted = GalleryQuery {
        sort: SortOrder::Title,
        ..q("red")
    };
    assert!(!sorted.narrows(&q("re")));
    let artworks = GalleryQuery {
        kind: Some(ItemKind::Artwork),
        ..q("red")
    };
    assert!(!artworks.narrows(&q("re")));
}

/// The index keeps unit and people names apart from the items' own text. Against the plain way (one
/// lower-cased text per item with every name copied in), every word gives the same items.
#[test]
fn names_kept_apart_match_like_names_copied_into_each_item() {
    let bundle = many_items();
    let index = SearchIndex::new(&bundle);
    let text_of = |item: &bundle::Item| -> String {
        let mut parts: Vec<&str> = item.title.both().chain(item.description.both()).collect();
        for id in item.donors.iter().chain(&item.recipients) {
            let unit = bundle.unit(id).unwrap();
            parts.extend(unit.name.both());
            parts.extend(unit.short_name.iter().flat_map(|t| t.both()));
        }
        if let Some(artwork) = &item.artwork {
            parts.extend(artwork.artists.iter().flat_map(|t| t.both()));
        }
        if let Some(books) = &item.books {
            if let Some(person) = books.via.as_deref().and_then(|id| bundle.person(id)) {
                parts.extend(person.name.both());
            }
            parts.extend(books.titles.iter().flat_map(|t| t.both()));
        }
        for activity in bundle
            .timeline
            .iter()
            .filter(|a| a.items.contains(&item.id))
        {
            for person in activity.people.iter().filter_map(|id| bundle.person(id)) {
                parts.extend(person.name.both());
            }
        }
        parts.join("\n").to_lowercase()
    };
    let texts: Vec<String> = bundle.items.iter().map(text_of).collect();
    let mut words: Vec<String> = vec![
        "湖东".into(),
        "zizhong".into(),
        "zhutian".into(),
        "电梯 红".into(),
        "branch".into(),
    ];
    words.extend(
        bundle
            .units
            .iter()
            .map(|u| u.name.get(Lang::En).to_lowercase()),
    );
    words.extend(
        bundle
            .people
            .iter()
            .flat_map(|p| p.name.both().map(str::to_lowercase).collect::<Vec<_>>()),
    );
    let mut nonempty = 0;
    for word in &words {
        let query = GalleryQuery {
            text: word.clone(),
            ..Default::default()
        };
        let terms: Vec<&str> = word.split_whitespace().collect();
        let expected: Vec<usize> = index_order(&bundle)
            .into_iter()
            .filter(|&i| terms.iter().all(|t| texts[i].contains(t)))
            .collect();
        assert_eq!(
            search(&bundle, &index, &query, Lang::Zh),
            expected,
            "{word}"
        );
        nonempty += usize::from(!expected.is_empty());
    }
    assert!(nonempty >= 5, "too few words found anything: {nonempty}");
}

/// The default order: by date, bundle order among equals.
fn index_order(bundle: &Bundle) -> Vec<usize> {
    let mut order: Vec<usize> = (0..bundle.items.len()).collect();
    order.sort_by(|&a, &b| bundle.items[a].date.cmp(&bundle.items[b].date));
    order
}

/// The ids `q` finds in Chinese, before and after the index is given pinyin spellings.
fn before_and_after_pinyin(q: &str) -> (Vec<String>, Vec<String>) {
    let bundle = check(SAMPLE).unwrap().bundle;
    let index = SearchIndex::new(&bundle);
    let find = |index: &SearchIndex| -> Vec<String> {
        search(&bundle, index, &text(q), Lang::Zh)
            .into_iter()
            .map(|i| bundle.items[i].id.clone())
            .collect()
    };
    let before = find(&index);
    assert!(!index.is_spelled());
    index.spell(&bundle, bundle::spell::spellings);
    assert!(index.is_spelled());
    (before, find(&index))
}

#[test]
fn pinyin_whole_and_by_initials_finds_chinese_titles() {
    // "hc" and "hongchuan": 红船, the Red Ship, and the items whose text names it.
    for q in ["hc", "hongchuan", "HongChuan"] {
        let (before, after) = before_and_after_pinyin(q);
        assert!(before.is_empty(), "{q}: {before:?}");
        assert!(after.contains(&"red-ship".to_owned()), "{q}: {after:?}");
    }
    // 首日封, the first-day cover.
    let (_, after) = before_and_after_pinyin("shourifeng");
    assert!(after.contains(&"aerospace-cover".to_owned()), "{after:?}");
}

#[test]
fn pinyin_finds_units_by_name() {
    // 竹田小学 (Zhutian Primary School) is the recipient of the books: found by its pinyin.
    let (before, after) = before_and_after_pinyin("zhutian");
    assert!(
        before.is_empty() || before == ["books-of-love"],
        "{before:?}"
    );
    assert!(after.contains(&"books-of-love".to_owned()), "{after:?}");
}

#[test]
fn pinyin_spellings_keep_english_and_chinese_search() {
    for q in ["red ship", "红船"] {
        let (before, after) = before_and_after_pinyin(q);
        assert!(before.contains(&"red-ship".to_owned()), "{q}: {before:?}");
        assert_eq!(before, after, "{q}");
    }
}

#[test]
fn pinyin_and_english_words_together() {
    // Every word must match: one in pinyin, one in English.
    let (_, after) = before_and_after_pinyin("hongchuan ship");
    assert!(after.contains(&"red-ship".to_owned()), "{after:?}");
    let (_, none) = before_and_after_pinyin("hongchuan zzzz");
    assert!(none.is_empty(), "{none:?}");
}
