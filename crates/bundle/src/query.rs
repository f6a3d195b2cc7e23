//! Gallery queries: filter by kind, donor and recipient, free-text search in both languages, sort.
//! Pure functions over the bundle, so the browser and the tests run the same logic. The query's
//! text form (`kind=artwork&q=风筝&sort=title`) is what the gallery keeps in its address.

use std::sync::OnceLock;

use memchr::memmem;

use crate::model::{Bundle, ItemKind};
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

    /// The gallery of what the unit `id` gave.
    pub fn given_by(id: &str) -> GalleryQuery {
        GalleryQuery {
            donor: Some(id.to_owned()),
            ..GalleryQuery::default()
        }
    }

    /// The gallery of what the unit `id` received.
    pub fn received_by(id: &str) -> GalleryQuery {
        GalleryQuery {
            recipient: Some(id.to_owned()),
            ..GalleryQuery::default()
        }
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

    /// Whether every item this query matches is also matched by `before`, in the same order: same
    /// filters and sort, and every word searched before is part of a word searched now ("re" → "red",
    /// "red" → "red ship").
    pub fn narrows(&self, before: &GalleryQuery) -> bool {
        let (now, then) = (self.text.to_lowercase(), before.text.to_lowercase());
        self.kind == before.kind
            && self.donor == before.donor
            && self.recipient == before.recipient
            && self.sort == before.sort
            && then
                .split_whitespace()
                .all(|old| now.split_whitespace().any(|new| new.contains(old)))
    }
}

/// Built once per bundle so that a keystroke only scans: the lower-cased searchable text of every item,
/// and the items in each sort order (a search walks one of these and keeps the matches, so it never sorts).
///
/// The names of units and people are kept once, not copied into the text of every item that names
/// them: a search tests each name once, then an item matches a word if its own text or one of its
/// names contains it. (Unit names were most of the text scanned.)
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Per item: titles, descriptions, artists and book titles, both languages, lower-cased.
    own: Vec<String>,
    /// Per item: indexes into `names`.
    refs: Vec<Vec<u32>>,
    /// Units (names and short names) and people, both languages, lower-cased.
    names: Vec<String>,
    by_date: Vec<u32>,
    by_date_desc: Vec<u32>,
    /// By title, Chinese then English: sorted on the first search that asks for it (sorting titles
    /// by a collator is the dearest part of the index, and the gallery opens sorted by date).
    by_title: [OnceLock<Vec<u32>>; 2],
    /// How titles are put in order; `None`: by code point, after case folding.
    collate: Option<Collate>,
    /// Other spellings of the same texts (pinyin), once [`SearchIndex::spell`] has been given them.
    spelled: OnceLock<Spelled>,
}

/// The other spellings of an index's texts, one string per item and per name as in the index, each
/// spelling on a line of its own.
#[derive(Debug, Clone, Default)]
struct Spelled {
    own: Vec<String>,
    names: Vec<String>,
}

/// Other spellings of a text, one per line (e.g. `spell::spellings`, pinyin).
pub type Spell = fn(&str) -> Vec<String>;

/// Puts title keys in a language's alphabetical order: takes the keys, each once, and returns them
/// sorted. In the app it is the browser's `Intl.Collator` (pinyin for Chinese, numbers by value), which
/// no Rust crate in this build provides without shipping its own collation data.
pub type Collate = fn(Lang, Vec<String>) -> Vec<String>;

impl SearchIndex {
    pub fn new(bundle: &Bundle) -> Self {
        let items = &bundle.items;
        let lowered = |parts: Vec<&str>| parts.join("\n").to_lowercase();
        let names: Vec<String> = name_texts(bundle).map(lowered).collect();
        let unit_ref = |id: &str| bundle.units.iter().position(|u| u.id == id);
        let person_ref = |id: &str| {
            (bundle.people.iter().position(|p| p.id == id)).map(|i| bundle.units.len() + i)
        };
        let mut own = Vec::with_capacity(items.len());
        let mut refs = Vec::with_capacity(items.len());
        for item in items {
            let mut named: Vec<usize> = Vec::new();
            named.extend(
                item.donors
                    .iter()
                    .chain(&item.recipients)
                    .filter_map(|id| unit_ref(id)),
            );
            if let Some(books) = &item.books {
                named.extend(books.via.as_deref().and_then(person_ref));
            }
            // People named by the timeline for this item (e.g. the secretaries at the plaque's unveiling).
            for activity in bundle
                .timeline
                .iter()
                .filter(|a| a.items.contains(&item.id))
            {
                named.extend(activity.people.iter().filter_map(|id| person_ref(id)));
            }
            named.sort_unstable();
            named.dedup();
            own.push(lowered(item_texts(item)));
            refs.push(named.into_iter().map(|i| i as u32).collect());
        }
        let all = || (0..items.len() as u32).collect::<Vec<u32>>();
        // Stable sorts keep the bundle's order among equals (the order the maintainer chose).
        let mut by_date = all();
        by_date.sort_by(|&a, &b| items[a as usize].date.cmp(&items[b as usize].date));
        let mut by_date_desc = all();
        by_date_desc.sort_by(|&a, &b| items[b as usize].date.cmp(&items[a as usize].date));
        SearchIndex {
            own,
            refs,
            names,
            by_date,
            by_date_desc,
            by_title: Default::default(),
            collate: None,
            spelled: OnceLock::new(),
        }
    }

    /// Adds the other spellings `spell` gives of every text, so that a search finds them too (pinyin:
    /// "beijing" and "bj" find 北京). Once per index: later calls change nothing. The spellings are
    /// matched as the texts are, so [`GalleryQuery::narrows`] still holds; a search made before they
    /// came may have missed items and must be made again.
    pub fn spell(&self, bundle: &Bundle, spell: Spell) {
        let spelled = |parts: Vec<&str>| {
            let lines: Vec<String> = parts.into_iter().flat_map(spell).collect();
            lines.join("\n").to_lowercase()
        };
        self.spelled.get_or_init(|| Spelled {
            own: bundle
                .items
                .iter()
                .map(|item| spelled(item_texts(item)))
                .collect(),
            names: name_texts(bundle).map(spelled).collect(),
        });
    }

    /// Whether [`SearchIndex::spell`] has been called.
    pub fn is_spelled(&self) -> bool {
        self.spelled.get().is_some()
    }

    /// The same index, with titles put in order by `collate` instead of by code point.
    pub fn with_collation(mut self, collate: Collate) -> Self {
        self.collate = Some(collate);
        self.by_title = Default::default();
        self
    }

    fn order(&self, bundle: &Bundle, sort: SortOrder, lang: Lang) -> &[u32] {
        match sort {
            SortOrder::Date => &self.by_date,
            SortOrder::DateDesc => &self.by_date_desc,
            SortOrder::Title => {
                let slot = match lang {
                    Lang::Zh => &self.by_title[0],
                    Lang::En => &self.by_title[1],
                };
                slot.get_or_init(|| title_order(bundle, lang, self.collate))
            }
        }
    }
}

/// The searchable texts of an item: titles, descriptions, artists and book titles, both languages.
fn item_texts(item: &crate::Item) -> Vec<&str> {
    let mut parts: Vec<&str> = item.title.both().collect();
    parts.extend(item.description.both());
    if let Some(artwork) = &item.artwork {
        parts.extend(artwork.artists.iter().flat_map(|t| t.both()));
    }
    if let Some(books) = &item.books {
        parts.extend(books.titles.iter().flat_map(|t| t.both()));
    }
    parts
}

/// The texts of each name an item may refer to: the units (names and short names), then the people.
fn name_texts(bundle: &Bundle) -> impl Iterator<Item = Vec<&str>> {
    let units = bundle.units.iter().map(|unit| {
        let mut parts: Vec<&str> = unit.name.both().collect();
        parts.extend(unit.short_name.iter().flat_map(|t| t.both()));
        parts
    });
    units.chain(
        bundle
            .people
            .iter()
            .map(|person| person.name.both().collect()),
    )
}

/// The items by title in `lang`. Items whose titles have the same key keep the bundle's order (the
/// order the maintainer chose). Keys a collation loses (it should return every key) go last.
fn title_order(bundle: &Bundle, lang: Lang, collate: Option<Collate>) -> Vec<u32> {
    let keys: Vec<String> = (bundle.items.iter())
        .map(|item| title_key(item.title.get(lang)))
        .collect();
    // Each key once, by code point; `rank[k]`: the place of `unique[k]` in the order (without a
    // collation, code-point order is that order).
    let mut unique = keys.clone();
    unique.sort_unstable();
    unique.dedup();
    let rank: Vec<usize> = match collate {
        None => (0..unique.len()).collect(),
        Some(collate) => {
            let mut rank = vec![usize::MAX; unique.len()];
            for (position, key) in collate(lang, unique.clone()).iter().enumerate() {
                if let Ok(k) = unique.binary_search(key) {
                    rank[k] = rank[k].min(position);
                }
            }
            rank
        }
    };
    let mut order: Vec<u32> = (0..keys.len() as u32).collect();
    order.sort_by_cached_key(|&i| {
        let k = unique.binary_search(&keys[i as usize]);
        k.map_or(usize::MAX, |k| rank[k])
    });
    order
}

/// The item the unfiltered gallery shows first (the default order: oldest first, bundle order among
/// equal dates), without building a [`SearchIndex`]: the app starts downloading its picture as soon as
/// the bundle is read. Agrees with [`search`] under the default query (tested).
pub fn first_in_default_order(bundle: &Bundle) -> Option<usize> {
    // `min_by` returns the first of equal minima, as the index's stable sort puts it first.
    (0..bundle.items.len()).min_by(|&a, &b| bundle.items[a].date.cmp(&bundle.items[b].date))
}

/// Indexes (into `bundle.items`) of the items matching `query`, in the query's order. `index` must have
/// been built from `bundle`.
pub fn search(
    bundle: &Bundle,
    index: &SearchIndex,
    query: &GalleryQuery,
    lang: Lang,
) -> Vec<usize> {
    let order = (index.order(bundle, query.sort, lang).iter()).map(|&i| i as usize);
    matching(bundle, index, query, order)
}

/// The same result as [`search`], reusing the previous search's result when the new query can only
/// narrow it (typing on at the end of the search box): then only the previous hits are scanned.
pub fn search_after(
    bundle: &Bundle,
    index: &SearchIndex,
    query: &GalleryQuery,
    lang: Lang,
    previous: (&GalleryQuery, Lang, &[usize]),
) -> Vec<usize> {
    let (before, before_lang, hits) = previous;
    if lang == before_lang && query.narrows(before) {
        matching(bundle, index, query, hits.iter().copied())
    } else {
        search(bundle, index, query, lang)
    }
}

/// The items of `candidates` (in their order) that `query` matches.
fn matching(
    bundle: &Bundle,
    index: &SearchIndex,
    query: &GalleryQuery,
    candidates: impl Iterator<Item = usize>,
) -> Vec<usize> {
    let lowered = query.text.to_lowercase();
    // memchr's substring finder: in the browser's wasm (no SIMD) it is several times faster than
    // `str::contains`, whose fast path needs x86 SSE2.
    let terms: Vec<memmem::Finder> = lowered
        .split_whitespace()
        .map(memmem::Finder::new)
        .collect();
    // Per word, which names contain it: each name is tested once per search, not once per item.
    let spelled = index.spelled.get();
    let found_in = |term: &memmem::Finder, texts: Option<&Vec<String>>, i: usize| {
        texts
            .and_then(|t| t.get(i))
            .is_some_and(|t| term.find(t.as_bytes()).is_some())
    };
    let named: Vec<Vec<bool>> = terms
        .iter()
        .map(|term| {
            (0..index.names.len())
                .map(|n| {
                    found_in(term, Some(&index.names), n)
                        || found_in(term, spelled.map(|s| &s.names), n)
                })
                .collect()
        })
        .collect();
    candidates
        .filter(|&i| {
            let item = &bundle.items[i];
            query.kind.is_none_or(|k| item.kind == k)
                && query.donor.as_ref().is_none_or(|d| item.donors.contains(d))
                && query
                    .recipient
                    .as_ref()
                    .is_none_or(|r| item.recipients.contains(r))
        })
        .filter(|&i| {
            let refs = index.refs.get(i).map_or(&[][..], Vec::as_slice);
            terms.iter().zip(&named).all(|(term, named)| {
                refs.iter().any(|&r| named[r as usize])
                    || found_in(term, Some(&index.own), i)
                    || found_in(term, spelled.map(|s| &s.own), i)
            })
        })
        .collect()
}

/// Titles sort by their words, not by the quotation marks or 《》 around them.
fn title_key(title: &str) -> String {
    title
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}
