//! The one reactive store, provided by context: the last good bundle, how loading went, and the
//! visitor's language. Loading happens here and nowhere else.

use std::sync::Arc;

use bundle::{Bundle, Lang, ParseError, Problem};
use leptos::prelude::*;

use crate::api::{self, FetchError, RetryPolicy};

const LAST_GOOD_KEY: &str = "showcase.bundle.last-good";
const LANG_KEY: &str = "showcase.lang";

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

#[derive(Clone, Copy)]
pub struct Store {
    /// The bundle on show: the newest valid one, or the last good one kept from an earlier visit.
    pub bundle: RwSignal<Option<Arc<Bundle>>>,
    pub status: RwSignal<LoadStatus>,
    pub lang: RwSignal<Lang>,
    /// The offline basemap's GeoJSON text, fetched right after the bundle so the map works offline later.
    pub basemap: RwSignal<Option<Arc<String>>>,
    /// The address the bundle was fetched from, resolved, for the maintainers' error panel.
    pub bundle_url: StoredValue<String>,
}

impl Store {
    pub fn new() -> Self {
        Store {
            bundle: RwSignal::new(None),
            status: RwSignal::new(LoadStatus::Loading),
            lang: RwSignal::new(initial_lang(None)),
            basemap: RwSignal::new(None),
            bundle_url: StoredValue::new(resolve(api::BUNDLE_URL)),
        }
    }

    /// A store already holding `bundle`, for tests and previews.
    pub fn with_bundle(bundle: Bundle, lang: Lang) -> Self {
        let store = Store::new();
        store.lang.set(lang);
        store.bundle.set(Some(Arc::new(bundle)));
        store.status.set(LoadStatus::Ready);
        store
    }

    pub fn provide(self) {
        provide_context(self);
    }

    /// Fetches, parses and validates the bundle. A valid bundle replaces the one on show and is kept as
    /// the last good one; otherwise the last good one (this visit's, or one saved by an earlier visit)
    /// stays on show and the error is recorded for the maintainer.
    pub async fn load(self) {
        self.status.set(LoadStatus::Loading);
        let url = self.bundle_url.get_value();
        let result = match api::fetch_text(&url, RetryPolicy::default()).await {
            Ok(text) => accept(&text).map(|bundle| (bundle, text)),
            Err(err) => Err(LoadError::Fetch(err)),
        };
        match result {
            Ok((bundle, text)) => {
                let basemap = bundle.map.basemap.clone();
                self.show(bundle);
                if let Some(url) = basemap {
                    leptos::task::spawn_local(self.load_basemap(url));
                }
                self.status.set(LoadStatus::Ready);
                write_storage(LAST_GOOD_KEY, &text);
            }
            Err(err) => {
                leptos::logging::error!("bundle {url}: {err:?}");
                if self.bundle.with_untracked(Option::is_none) {
                    if let Some(bundle) =
                        read_storage(LAST_GOOD_KEY).and_then(|text| accept(&text).ok())
                    {
                        self.show(bundle);
                    }
                }
                self.status.set(LoadStatus::Failed(Arc::new(err)));
            }
        }
    }

    async fn load_basemap(self, url: String) {
        match api::fetch_text(&url, RetryPolicy::default()).await {
            Ok(text) => self.basemap.set(Some(Arc::new(text))),
            // The map still shows its markers and routes without the outlines.
            Err(err) => leptos::logging::warn!("basemap {url}: {err:?}"),
        }
    }

    /// Puts `bundle` on show; the first one shown also settles the language when the visitor has not
    /// chosen one (the bundle's default outranks the browser's).
    fn show(self, bundle: Bundle) {
        if self.bundle.with_untracked(Option::is_none) && read_storage(LANG_KEY).is_none() {
            self.lang.set(initial_lang(bundle.default_language));
        }
        self.bundle.set(Some(Arc::new(bundle)));
    }

    pub fn set_lang(self, lang: Lang) {
        self.lang.set(lang);
        write_storage(LANG_KEY, lang.code());
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

fn accept(text: &str) -> Result<Bundle, LoadError> {
    let checked = bundle::check(text).map_err(LoadError::Parse)?;
    if checked.is_valid() {
        Ok(checked.bundle)
    } else {
        Err(LoadError::Invalid(checked.problems))
    }
}

/// The visitor's saved choice, else the bundle's default, else the browser's language, else Chinese.
fn initial_lang(bundle_default: Option<Lang>) -> Lang {
    read_storage(LANG_KEY)
        .and_then(|code| Lang::from_tag(&code))
        .or(bundle_default)
        .or_else(|| {
            let navigator = web_sys::window()?.navigator();
            navigator.language().and_then(|tag| Lang::from_tag(&tag))
        })
        .unwrap_or_default()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn read_storage(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Storage can be full or disabled (private mode); the app works without it.
fn write_storage(key: &str, value: &str) {
    if let Some(storage) = storage() {
        if storage.set_item(key, value).is_err() {
            leptos::logging::warn!("could not save {key} to local storage");
        }
    }
}

/// `relative` against the document's base URL (what `fetch` does), for display.
fn resolve(relative: &str) -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new_with_base(relative, &base).ok())
        .map(|u| u.href())
        .unwrap_or_else(|| relative.to_owned())
}
