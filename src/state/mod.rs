//! The one reactive store, provided by context: the bundle on show, how loading went, and the
//! visitor's language, with the transitions between them. Its parts:
//! - here, the state and what changes it (a bundle put on show, the search index kept with it);
//! - `load`: getting a bundle (fetch, parse and check, the last good one kept, the kiosk's checks, the
//!   basemap); loading happens there and nowhere else;
//! - `language`: the visitor's language (a saved choice, the bundle's default, the browser's).
//!
//! The pages read the store; they never fetch.

use std::sync::Arc;

use bundle::{Bundle, Lang, ParseError, Problem, SearchIndex};
use leptos::prelude::*;

use crate::web::fetch::FetchError;

mod language;
mod load;

pub use language::{default_lang, forget_lang_choice};
pub use load::{browser_float, describe, read_bundle};

/// Why the newest bundle could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    Fetch(FetchError),
    Parse(ParseError),
    /// Parsed, but validation found errors (the list holds every problem, errors first).
    Invalid(Vec<Problem>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoadStatus {
    Loading,
    Ready,
    Failed(Arc<LoadError>),
}

/// About the bundle on show, for the kiosk's checks and the maintenance overlay.
#[derive(Debug, Clone, PartialEq)]
pub struct BundleInfo {
    /// SHA-256 of the bundle's bytes, in hex (`sha256sum bundle.json` gives the same); `None` until
    /// computed, or where the browser offers no Web Crypto (plain http on another host).
    pub sha256: Option<String>,
    /// The server's ETag, sent back as `If-None-Match` by the kiosk's checks.
    pub etag: Option<String>,
    /// When it was put on show (`Date.now()`).
    pub shown_at: f64,
    /// Kept from an earlier visit (local storage) because the newest could not be used.
    pub from_storage: bool,
}

/// A new valid bundle found by a check, waiting for the kiosk's next idle moment.
struct Pending {
    bundle: Bundle,
    text: String,
    etag: Option<String>,
}

#[derive(Clone, Copy)]
pub struct Store {
    /// The bundle on show: the newest valid one, or the last good one kept from an earlier visit.
    pub bundle: RwSignal<Option<Arc<Bundle>>>,
    pub status: RwSignal<LoadStatus>,
    pub lang: RwSignal<Lang>,
    /// The offline basemap: its address and GeoJSON text, fetched when a map is shown, or once the
    /// first page is up and the browser idle, so that the map works offline later (see
    /// [`Store::want_basemap`]).
    pub basemap: RwSignal<Option<(String, Arc<String>)>>,
    /// The basemap address last asked for.
    basemap_asked: StoredValue<Option<String>>,
    /// The address the bundle was fetched from, resolved, for the maintainers' error panel.
    pub bundle_url: StoredValue<String>,
    pub info: RwSignal<Option<BundleInfo>>,
    /// The text of the bundle on show: a check that brings back the same text changes nothing.
    text: StoredValue<Option<Arc<String>>>,
    pending: StoredValue<Option<Arc<Pending>>>,
    /// The gallery's search index and the bundle it was built from.
    index: StoredValue<Option<(Arc<Bundle>, Arc<SearchIndex>)>>,
    /// Whether the visitor has started searching: every index gets pinyin spellings from then on.
    pinyin_wanted: StoredValue<bool>,
    /// Whether the pinyin spellings are on their way (the search box's focus and the gallery's first
    /// Latin letters both ask; one download serves both).
    pinyin_busy: StoredValue<bool>,
    /// Changes each time a search index has been given its pinyin spellings: a search made before
    /// them is made again.
    pub spelled: RwSignal<u32>,
}

impl Store {
    pub fn new() -> Self {
        Store {
            bundle: RwSignal::new(None),
            status: RwSignal::new(LoadStatus::Loading),
            lang: RwSignal::new(language::initial_lang(None)),
            basemap: RwSignal::new(None),
            basemap_asked: StoredValue::new(None),
            bundle_url: StoredValue::new(crate::web::resolve(load::BUNDLE_URL)),
            info: RwSignal::new(None),
            text: StoredValue::new(None),
            pending: StoredValue::new(None),
            index: StoredValue::new(None),
            pinyin_wanted: StoredValue::new(false),
            pinyin_busy: StoredValue::new(false),
            spelled: RwSignal::new(0),
        }
    }

    /// The search index of `bundle`, built on the first visit to the gallery and kept while that bundle
    /// is on show (tens of milliseconds at thousands of items, not to be paid on every visit).
    pub fn search_index(self, bundle: &Arc<Bundle>) -> Arc<SearchIndex> {
        if let Some(index) = self.index.with_value(|kept| {
            kept.as_ref()
                .filter(|(of, _)| Arc::ptr_eq(of, bundle))
                .map(|(_, index)| index.clone())
        }) {
            return index;
        }
        let index = Arc::new(SearchIndex::new(bundle).with_collation(crate::web::collate::collate));
        self.index.set_value(Some((bundle.clone(), index.clone())));
        if self.pinyin_wanted.get_value() {
            self.want_pinyin(bundle);
        }
        index
    }

    /// Gives the search index of `bundle` (and of every bundle after it) the pinyin spellings of its
    /// Chinese texts, so that "beijing" and "bj" find 北京: asked for when the visitor starts
    /// searching. The spellings come from a chunk of their own (the pinyin data is too big for the
    /// first load); searches made meanwhile find Chinese characters and English words, and
    /// [`Store::spelled`] changes once the spellings are in. A chunk that cannot be downloaded leaves
    /// search as it was, and is asked for again by the next search.
    pub fn want_pinyin(self, bundle: &Arc<Bundle>) {
        self.pinyin_wanted.set_value(true);
        if self.pinyin_busy.get_value() {
            return;
        }
        let index = self.search_index(bundle);
        if index.is_spelled() {
            return;
        }
        self.pinyin_busy.set_value(true);
        let bundle = bundle.clone();
        leptos::task::spawn_local(async move {
            let spelled =
                crate::chunks::retry(|| spell_in_chunk(bundle.clone(), index.clone())).await;
            self.pinyin_busy.set_value(false);
            if spelled.is_none() {
                return;
            }
            self.spelled.try_update(|n| *n += 1);
            // A bundle put on show meanwhile has an index of its own, not yet spelled.
            let current = self.bundle.try_get_untracked().flatten();
            if let Some(current) = current.filter(|current| !Arc::ptr_eq(current, &bundle)) {
                self.want_pinyin(&current);
            }
        });
    }

    /// A store already holding `bundle`, for tests and previews.
    pub fn with_bundle(bundle: Bundle, lang: Lang) -> Self {
        Store::showing(Arc::new(bundle), lang)
    }

    /// A store showing `bundle` in `lang`, as read: a page rendered to HTML, and the same page
    /// hydrated in the browser.
    pub fn showing(bundle: Arc<Bundle>, lang: Lang) -> Self {
        let store = Store::new();
        store.lang.set(lang);
        store.bundle.set(Some(bundle));
        store.status.set(LoadStatus::Ready);
        store
    }

    /// Puts the store in context (the interface texts follow `self.lang` through it).
    pub fn provide(self) {
        provide_context(self);
    }

    /// Puts `bundle` on show; the first one shown also settles the language when the visitor has not
    /// chosen one (the bundle's default outranks the browser's).
    fn show(self, bundle: Bundle) {
        if self.bundle.with_untracked(Option::is_none) && !language::chosen() {
            self.lang
                .set(language::initial_lang(bundle.default_language));
        }
        // The old bundle's index would keep the old bundle in memory.
        self.index.set_value(None);
        self.bundle.set(Some(Arc::new(bundle)));
    }
}

impl Default for Store {
    fn default() -> Self {
        Store::new()
    }
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}

crate::chunks::chunk!(
    pinyin,
    fn spell_in_chunk(bundle: Arc<Bundle>, index: Arc<SearchIndex>) -> () {
        // Timed for the benchmarks (scripts/bench-gallery.mjs).
        crate::web::measured("search:pinyin", || {
            index.spell(&bundle, bundle::spell::spellings)
        })
    }
);
