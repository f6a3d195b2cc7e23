//! The sample bundle shipped in public/data must stay valid and faithful to the seed article.

use bundle::{check, ItemKind, Lang, Severity, UnitRole};

const SAMPLE: &str = include_str!("../../../public/data/bundle.json");

/// The errors and warnings of a checked bundle, but those of the codes in `expected`.
fn noisy<'a>(checked: &'a bundle::Checked, expected: &[&str]) -> Vec<&'a bundle::Problem> {
    checked
        .problems
        .iter()
        .filter(|p| p.severity != Severity::Info && !expected.contains(&p.code))
        .collect()
}

#[test]
fn sample_bundle_has_no_errors_or_warnings() {
    let checked = check(SAMPLE).expect("sample bundle parses");
    let noisy = noisy(&checked, &[]);
    assert!(noisy.is_empty(), "sample bundle problems: {noisy:#?}");
}

#[test]
fn sample_bundle_lists_the_texts_awaiting_review_with_their_lines() {
    let checked = check(SAMPLE).unwrap();
    let review: Vec<_> = checked
        .problems
        .iter()
        .filter(|p| p.code == "awaiting-review")
        .collect();
    // The four people's names are romanised until their characters are confirmed.
    for person in 0..4 {
        let path = format!("people[{person}].name");
        let problem = review
            .iter()
            .find(|p| p.location.path == path)
            .unwrap_or_else(|| panic!("{path} should await review"));
        assert!(problem.location.line.is_some(), "{path} is located");
    }
}

#[test]
fn sample_bundle_tells_the_story_of_the_article() {
    let b = check(SAMPLE).unwrap().bundle;
    assert_eq!(b.event.date, "2021-06-08");
    let partners = b
        .units
        .iter()
        .filter(|u| u.role == UnitRole::Partner)
        .count();
    assert_eq!(partners, 3);
    let books = b.item("books-of-love").unwrap().books.as_ref().unwrap();
    assert_eq!(books.count, Some(100));
    assert_eq!(books.via.as_deref(), Some("yang-zizhong"));
    assert_eq!(books.to, "zhutian-primary");
    for kind in [
        ItemKind::Artwork,
        ItemKind::FirstDayCover,
        ItemKind::BookDonation,
        ItemKind::Plaque,
    ] {
        assert!(b.items.iter().any(|i| i.kind == kind), "{kind:?} present");
    }
    assert!(b.item("red-ship").is_some() && b.item("meeting-site").is_some());
    // Every image is marked as a sample until replaced, and has alt text in both languages.
    for media in b.items.iter().flat_map(|i| &i.media) {
        assert!(media.sample);
        assert!(media.alt.exact(Lang::Zh).is_some() && media.alt.exact(Lang::En).is_some());
    }
    let totals = b.book_totals();
    assert_eq!(
        (totals.donations, totals.counted, totals.uncounted_donations),
        (2, 100, 1)
    );
}

/// The second event of the tests (tests/fixtures/other-event, the site built with it by `make build`).
const OTHER_EVENT: &str = include_str!("../../../tests/fixtures/other-event/data/bundle.json");

#[test]
fn the_second_event_bundle_is_valid_and_unlike_the_sample() {
    let checked = check(OTHER_EVENT).expect("the second event's bundle parses");
    // Some items have no image on purpose: their placeholder is part of what is tested.
    let noisy = noisy(&checked, &["no-media"]);
    assert!(noisy.is_empty(), "second event's problems: {noisy:#?}");
    let b = checked.bundle;
    let sample = check(SAMPLE).unwrap().bundle;
    assert_eq!(b.default_language, Some(Lang::En));
    assert_eq!(b.map.basemap, None, "uses the site's outlines");
    assert!(b.units.len() >= 6);
    assert!(b.units.iter().all(|u| sample.unit(&u.id).is_none()));
    assert_eq!(b.book_carriers().len(), 2);
    assert!(
        b.book_totals().counted >= 1000,
        "a total whose digits are grouped"
    );
    assert!(b.book_totals().uncounted_donations > 0);
    for kind in ItemKind::ALL {
        assert!(b.items.iter().any(|i| i.kind == kind), "{kind:?}");
    }
}
