//! The one reactive store, provided by context: the last good bundle, how loading went, and the
//! visitor's language. Loading happens here and nowhere else.

use std::sync::Arc;

use bundle::{Bundle, Lang, ParseError, Problem, SearchIndex};
use leptos::prelude::*;

use crate::api::{self, FetchError, Fetched, RetryPolicy};

const LAST_GOOD_KEY: &str = "showcase.bundle.last-good";
const LANG_KEY: &str = "showcase.lang";

/// Title keys in the browser's alphabetical order for `lang` (`Intl.Collator`: pinyin for Chinese,
/// numbers by value, "2" before "10"). Each string crosses into JavaScript and back once; the sort runs
/// there with the collator's own `compare`, never calling back into Rust.
fn collate(lang: Lang, keys: Vec<String>) -> Vec<String> {
    use wasm_bindgen::{JsCast, JsValue};
    // A browser without `Intl` (none this site supports): the keys stay by code point.
    if !js_sys::Reflect::has(&js_sys::global(), &"Intl".into()).unwrap_or(false) {
        return keys;
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"numeric".into(), &true.into());
    let collator = js_sys::Intl::Collator::new(&js_sys::Array::of1(&lang.bcp47().into()), &options);
    let array: js_sys::Array = keys.iter().map(|key| JsValue::from_str(key)).collect();
    // `Array.prototype.sort` with the collator's compare function.
    let sorted = js_sys::Reflect::get(&array, &"sort".into()).and_then(|sort| {
        sort.unchecked_into::<js_sys::Function>()
            .call1(&array, &collator.compare())
    });
    match sorted {
        Ok(_) => array.iter().filter_map(|key| key.as_string()).collect(),
        // Not with a real collator. The keys come back as they came: by code point.
        Err(_) => keys,
    }
}

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
}

impl Store {
    pub fn new() -> Self {
        Store {
            bundle: RwSignal::new(None),
            status: RwSignal::new(LoadStatus::Loading),
            lang: RwSignal::new(initial_lang(None)),
            basemap: RwSignal::new(None),
            basemap_asked: StoredValue::new(None),
            bundle_url: StoredValue::new(resolve(api::BUNDLE_URL)),
            info: RwSignal::new(None),
            text: StoredValue::new(None),
            pending: StoredValue::new(None),
            index: StoredValue::new(None),
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
        let index = Arc::new(SearchIndex::new(bundle).with_collation(collate));
        self.index.set_value(Some((bundle.clone(), index.clone())));
        index
    }

    /// A store already holding `bundle`, for tests and previews.
    pub fn with_bundle(bundle: Bundle, lang: Lang) -> Self {
        let store = Store::new();
        store.lang.set(lang);
        store.bundle.set(Some(Arc::new(bundle)));
        store.status.set(LoadStatus::Ready);
        store
    }

    /// Puts the store in context (the interface texts follow `self.lang` through it: `crate::i18n::I18n`).
    pub fn provide(self) {
        provide_context(self);
    }

    /// Fetches, parses and validates the bundle. A valid bundle replaces the one on show and is kept as
    /// the last good one; otherwise the last good one (this visit's, or one saved by an earlier visit)
    /// stays on show and the error is recorded for the maintainer.
    pub async fn load(self) {
        self.status.set(LoadStatus::Loading);
        let url = self.bundle_url.get_value();
        let result = match api::fetch_preloaded(&url, RetryPolicy::default()).await {
            Ok(Fetched::Body { text, etag }) => {
                accept(&text).await.map(|bundle| (bundle, text, etag))
            }
            Ok(Fetched::NotModified) => unreachable!("an unconditional request"),
            Err(err) => Err(LoadError::Fetch(err)),
        };
        // The gallery's first picture starts downloading now, before the pages are drawn.
        if let Ok((bundle, _, _)) = &result {
            crate::app::preload_first_picture(bundle);
        }
        // Parse and validate were one task; drawing the pages is the next one (a phone's main thread
        // is not blocked for both at once).
        next_task().await;
        match result {
            Ok((bundle, text, etag)) => {
                self.accepted(bundle, text, etag, false);
                self.status.set(LoadStatus::Ready);
            }
            Err(err) => {
                leptos::logging::error!("bundle {url}: {}", describe(&err));
                if self.bundle.with_untracked(Option::is_none) {
                    if let Some(text) = read_storage(LAST_GOOD_KEY) {
                        if let Ok(bundle) = accept(&text).await {
                            self.accepted(bundle, text, None, true);
                        }
                    }
                }
                if self.bundle.with_untracked(Option::is_none) {
                    // Only the error panel: nothing to wait for. Offline next time, at least.
                    crate::chunks::when_idle_each(
                        [Box::new(crate::offline::register_service_worker) as Box<dyn FnOnce()>]
                            .into(),
                    );
                }
                self.status.set(LoadStatus::Failed(Arc::new(err)));
            }
        }
    }

    /// Puts a valid bundle on show and remembers it: its text (kept as the last good one unless it came
    /// from there), ETag and hash.
    fn accepted(self, bundle: Bundle, text: String, etag: Option<String>, from_storage: bool) {
        self.show(bundle);
        if !from_storage {
            write_storage(LAST_GOOD_KEY, &text);
        }
        let text = Arc::new(text);
        self.text.set_value(Some(text.clone()));
        self.info.set(Some(BundleInfo {
            sha256: None,
            etag,
            shown_at: js_sys::Date::now(),
            from_storage,
        }));
        leptos::task::spawn_local(async move {
            let hash = sha256_hex(text.as_bytes()).await;
            // Only if this bundle is still the one on show.
            if self
                .text
                .with_value(|t| t.as_ref().is_some_and(|t| Arc::ptr_eq(t, &text)))
            {
                self.info.update(|info| {
                    if let Some(info) = info {
                        info.sha256 = hash;
                    }
                });
            }
        });
    }

    /// The kiosk's periodic check: asks the server for a newer bundle (If-None-Match with the ETag, and
    /// the text compared, for servers without ETags). A new valid bundle waits in the store for
    /// [`Store::swap_pending`]; a broken one is logged and ignored; the one on show never changes here.
    pub async fn check_for_update(self) -> kiosk::CheckOutcome {
        use kiosk::CheckOutcome;
        let url = self.bundle_url.get_value();
        let etag = self
            .info
            .with_untracked(|i| i.as_ref().and_then(|i| i.etag.clone()));
        let policy = RetryPolicy {
            attempts: 2,
            ..RetryPolicy::default()
        };
        match api::fetch(&url, policy, etag.as_deref()).await {
            Err(err) => CheckOutcome::Failed(err.to_string()),
            Ok(Fetched::NotModified) => CheckOutcome::Unchanged,
            Ok(Fetched::Body { text, etag }) => {
                let same = self
                    .text
                    .with_value(|t| t.as_ref().is_some_and(|t| **t == text));
                if same {
                    return CheckOutcome::Unchanged;
                }
                match accept(&text).await {
                    Ok(bundle) => {
                        self.pending
                            .set_value(Some(Arc::new(Pending { bundle, text, etag })));
                        CheckOutcome::NewBundle
                    }
                    Err(err) => {
                        let why = describe(&err);
                        leptos::logging::error!(
                            "new bundle at {url} ignored, the one on show stays: {why}"
                        );
                        CheckOutcome::InvalidBundle(why)
                    }
                }
            }
        }
    }

    /// Puts the bundle found by the last check on show, without a reload. False when there was none.
    pub fn swap_pending(self) -> bool {
        let Some(pending) = self.pending.try_update_value(Option::take).flatten() else {
            return false;
        };
        let pending = Arc::try_unwrap(pending).unwrap_or_else(|shared| Pending {
            bundle: shared.bundle.clone(),
            text: shared.text.clone(),
            etag: shared.etag.clone(),
        });
        self.accepted(pending.bundle, pending.text, pending.etag, false);
        self.status.set(LoadStatus::Ready);
        true
    }

    /// Fetches the bundle's basemap unless it was asked for already (a new bundle with another basemap
    /// asks again).
    pub fn want_basemap(self) {
        let Some(url) = self
            .bundle
            .with_untracked(|b| Some(b.as_ref()?.map.basemap_url()?.to_owned()))
        else {
            return;
        };
        if self
            .basemap_asked
            .with_value(|asked| asked.as_deref() == Some(url.as_str()))
        {
            return;
        }
        self.basemap_asked.set_value(Some(url.clone()));
        leptos::task::spawn_local(self.load_basemap(url));
    }

    async fn load_basemap(self, url: String) {
        match api::fetch_text(&url, RetryPolicy::default()).await {
            Ok(text) => self.basemap.set(Some((url, Arc::new(text)))),
            // The map still shows its markers and routes without the outlines.
            Err(err) => leptos::logging::warn!("basemap {url}: {err}"),
        }
    }

    /// Puts `bundle` on show; the first one shown also settles the language when the visitor has not
    /// chosen one (the bundle's default outranks the browser's).
    fn show(self, bundle: Bundle) {
        if self.bundle.with_untracked(Option::is_none) && read_storage(LANG_KEY).is_none() {
            self.lang.set(initial_lang(bundle.default_language));
        }
        // The old bundle's index would keep the old bundle in memory.
        self.index.set_value(None);
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

/// Reads a bundle as `bundle::parse_unlocated` does, with the browser's number parser for the numbers
/// that bundle's reader cannot read exactly on its own (more than 2^53 in their digits, or a power of
/// ten past 22): std's parser would bring a 10 KB table into the wasm every visitor downloads first.
/// The major engines (V8, SpiderMonkey, JavaScriptCore) round as std does, although the language
/// allows an engine to cut digits past the 20th; tests/web.rs compares the test browser's with std's
/// over hard cases.
pub fn read_bundle(text: &str) -> Option<Bundle> {
    bundle::parse_unlocated_with(text, browser_float)
}

/// The browser's reading of a JSON number's text.
pub fn browser_float(text: &str) -> Option<f64> {
    Some(js_sys::Number::parse_float(text)).filter(|n| !n.is_nan())
}

/// Parses and validates a bundle; a refused one is diagnosed (where each fault is) by the chunk of
/// [`crate::chunks::diagnose`].
async fn accept(text: &str) -> Result<Bundle, LoadError> {
    // For the benchmarks: the parse and validation of every bundle, read with
    // `performance.getEntriesByName('bundle:parse+validate')`.
    let performance = web_sys::window().and_then(|w| w.performance());
    if let Some(p) = &performance {
        let _ = p.mark("bundle:parse+validate:start");
    }
    // Without tracking paths, and only the errors without their messages: only a refused bundle's
    // faults are shown, and those are described and located by the diagnostics chunk.
    let checked = read_bundle(text).map(|bundle| {
        let errors = bundle::errors_briefly(&bundle);
        (bundle, errors)
    });
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark("bundle:parse+validate", "bundle:parse+validate:start");
    }
    match checked {
        Some((bundle, errors)) if errors.is_empty() => Ok(bundle),
        Some((_, errors)) => Err(crate::chunks::diagnose(text, Some(errors)).await),
        None => Err(crate::chunks::diagnose(text, None).await),
    }
}

/// One line for the log and the maintenance overlay.
fn describe(err: &LoadError) -> String {
    match err {
        LoadError::Fetch(err) => err.to_string(),
        LoadError::Parse(err) => err.to_string(),
        LoadError::Invalid(problems) => {
            let first = problems.first().map_or(String::new(), |p| {
                format!(": {} at {} ({})", p.message, p.location, p.code)
            });
            format!("{} problem(s){first}", problems.len())
        }
    }
}

/// SHA-256 in hex through Web Crypto (`crypto.subtle`, only in secure contexts).
async fn sha256_hex(bytes: &[u8]) -> Option<String> {
    let subtle = web_sys::window()?.crypto().ok()?.subtle();
    if subtle.is_undefined() {
        return None;
    }
    let promise = subtle.digest_with_str_and_u8_array("SHA-256", bytes).ok()?;
    let digest = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let bytes = js_sys::Uint8Array::new(&digest).to_vec();
    Some(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Forgets the visitor's language choice and returns to the default (the kiosk's reset).
pub fn forget_lang_choice(store: Store) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(LANG_KEY);
    }
    store.lang.set(default_lang(store));
}

/// The language a visitor who has not chosen one gets: the bundle's default, else the browser's.
pub fn default_lang(store: Store) -> Lang {
    unchosen_lang(
        store
            .bundle
            .with_untracked(|b| b.as_ref().and_then(|b| b.default_language)),
    )
}

/// The visitor's saved choice, else the bundle's default, else the browser's language, else Chinese.
fn initial_lang(bundle_default: Option<Lang>) -> Lang {
    read_storage(LANG_KEY)
        .and_then(|code| Lang::from_tag(&code))
        .unwrap_or_else(|| unchosen_lang(bundle_default))
}

/// For a visitor who has not chosen: the bundle's default (before the bundle is read, the one the build
/// wrote into index.html), else the browser's language, else Chinese.
fn unchosen_lang(bundle_default: Option<Lang>) -> Lang {
    bundle_default
        .or_else(|| {
            let meta = document()
                .query_selector(r#"meta[name="default-language"]"#)
                .ok()??;
            Lang::from_tag(&meta.get_attribute("content")?)
        })
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

/// Resolves in a new task of the event loop, after what is already queued (input included). A message
/// to oneself rather than a zero timeout: timers are held back in background tabs (and by test clocks).
pub(crate) async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Ok(channel) = web_sys::MessageChannel::new() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
            return;
        };
        channel.port1().set_onmessage(Some(&resolve));
        if channel
            .port2()
            .post_message(&wasm_bindgen::JsValue::UNDEFINED)
            .is_err()
        {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
