//! Gallery queries: filter by kind, donor and recipient, free-text search in both languages, sort.
//! Pure functions over the bundle, so the browser and the tests run the same logic. The query's
//! text form (`kind=artwork&q=红船&sort=title`) is what the gallery keeps in its address.

use crate::model::{Bundle, Item, ItemKind};
use crate::text::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// Oldest first, bundle order among equal dates (the order the maintainer chose).
    #[default]
    Date,
    /// Newest first.
    DateDesc,
    /// By title in the visitor's language.
    Title,
}

impl SortOrder {
    pub const ALL: [SortOrder; 3] = [SortOrder::Date, SortOrder::DateDesc, SortOrder::Title];

    pub fn as_str(self) -> &'static str {
        match self {
            SortOrder::Date => "date",
            SortOrder::DateDesc => "date-desc",
            SortOrder::Title => "title",
        }
    }

    pub fn parse(s: &str) -> Option<SortOrder> {
        SortOrder::ALL.into_iter().find(|o| o.as_str() == s)
    }
}

/// What the visitor asked the gallery for. The default shows everything in date order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GalleryQuery {
    pub kind: Option<ItemKind>,
    pub donor: Option<String>,
    pub recipient: Option<String>,
    /// Free text; every whitespace-separated term must occur (case-insensitive, substrings, so one
    /// Chinese character finds every word containing it).
    pub text: String,
    pub sort: SortOrder,
}

impl GalleryQuery {
    /// Reads the query from address parameters; unknown keys and values are ignored, so an old or
    /// hand-edited link still opens the gallery.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut query = GalleryQuery::default();
        for (key, value) in pairs {
            if value.trim().is_empty() {
                continue;
            }
            // The search text is kept as typed (a trailing space is the start of the next word).
            let raw = value;
            let value = value.trim();
            match key {
                "kind" => query.kind = ItemKind::ALL.into_iter().find(|k| k.as_str() == value),
                "donor" => query.donor = Some(value.to_owned()),
                "recipient" => query.recipient = Some(value.to_owned()),
                "q" => query.text = raw.to_owned(),
                "sort" => query.sort = SortOrder::parse(value).unwrap_or_default(),
                _ => {}
            }
        }
        query
    }

    /// The address parameters for this query, defaults left out (so the plain gallery has none).
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(kind) = self.kind {
            pairs.push(("kind", kind.as_str().to_owned()));
        }
        if let Some(donor) = &self.donor {
            pairs.push(("donor", donor.clone()));
        }
        if let Some(recipient) = &self.recipient {
            pairs.push(("recipient", recipient.clone()));
        }
        if !self.text.trim().is_empty() {
            pairs.push(("q", self.text.clone()));
        }
        if self.sort != SortOrder::default() {
            pairs.push(("sort", self.sort.as_str().to_owned()));
        }
        pairs
    }

    pub fn is_filtered(&self) -> bool {
        self.kind.is_some()
            || self.donor.is_some()
            || self.recipient.is_some()
            || !self.text.trim().is_empty()
    }
}

/// Lower-cased searchable text of every item, built once per bundle so each keystroke only scans.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    haystacks: Vec<String>,
}

impl SearchIndex {
    pub fn new(bundle: &Bundle) -> Self {
        let haystacks = bundle
            .items
            .iter()
            .map(|item| haystack(bundle, item))
            .collect();
        SearchIndex { haystacks }
    }
}

fn haystack(bundle: &Bundle, item: &Item) -> String {
    let mut parts: Vec<&str> = Vec::new();
    parts.extend(item.title.both());
    parts.extend(item.description.both());
    for id in item.donors.iter().chain(&item.recipients) {
        if let Some(unit) = bundle.unit(id) {
            parts.extend(unit.name.both());
            parts.extend(unit.short_name.iter().flat_map(|t| t.both()));
        }
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
    // People named by the timeline for this item (e.g. the secretaries at the plaque's unveiling).
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
}

/// Indexes (into `bundle.items`) of the items matching `query`, in the query's order.
pub fn search(
    bundle: &Bundle,
    index: &SearchIndex,
    query: &GalleryQuery,
    lang: Lang,
) -> Vec<usize> {
    let lowered = query.text.to_lowercase();
    let terms: Vec<&str> = lowered.split_whitespace().collect();
    let mut hits: Vec<usize> = bundle
        .items
        .iter()
        .enumerate()
        .filter(|(_, item)| query.kind.is_none_or(|k| item.kind == k))
        .filter(|(_, item)| query.donor.as_ref().is_none_or(|d| item.donors.contains(d)))
        .filter(|(_, item)| {
            query
                .recipient
                .as_ref()
                .is_none_or(|r| item.recipients.contains(r))
        })
        .filter(|(i, _)| {
            let haystack = index.haystacks.get(*i).map_or("", String::as_str);
            terms.iter().all(|term| haystack.contains(term))
        })
        .map(|(i, _)| i)
        .collect();
    let items = &bundle.items;
    match query.sort {
        // Stable sorts keep the bundle's order among equals.
        SortOrder::Date => hits.sort_by(|&a, &b| items[a].date.cmp(&items[b].date)),
        SortOrder::DateDesc => hits.sort_by(|&a, &b| items[b].date.cmp(&items[a].date)),
        SortOrder::Title => hits.sort_by_cached_key(|&i| title_key(items[i].title.get(lang))),
    }
    hits
}

/// Titles sort by their words, not by the quotation marks or 《》 around them.
fn title_key(title: &str) -> String {
    title
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}
