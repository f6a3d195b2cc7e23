//! Getting a bundle: fetched, parsed and validated; a valid one put on show and kept as the last good
//! one; a refused one diagnosed (where each fault is) while the last good one stays; the kiosk's
//! checks for a newer one; the basemap.

use std::sync::Arc;

use bundle::{Bundle, ParseError, ParseErrorKind, Problem};
use leptos::prelude::*;

use super::{BundleInfo, LoadError, LoadStatus, Pending, Store};
use crate::web::fetch::{self, Fetched, RetryPolicy};
use crate::web::schedule::next_task;
use crate::web::storage::{read_local, write_local};

/// The bundle's address, relative to the document's base URL so the site works under any sub-path.
pub const BUNDLE_URL: &str = "data/bundle.json";

const LAST_GOOD_KEY: &str = "showcase.bundle.last-good";

impl Store {
    /// Fetches, parses and validates the bundle. A valid bundle replaces the one on show and is kept as
    /// the last good one; otherwise the last good one (this visit's, or one saved by an earlier visit)
    /// stays on show and the error is recorded for the maintainer.
    /// `on_read` is given the newest bundle as soon as it is read and valid, before the pages are drawn
    /// (the app starts downloading the first page's picture there).
    pub async fn load(self, on_read: fn(&Bundle)) {
        self.status.set(LoadStatus::Loading);
        let url = self.bundle_url.get_value();
        let result = match fetch::fetch_preloaded(&url, RetryPolicy::default()).await {
            Ok(Fetched::Body { text, etag }) => {
                accept(&text).await.map(|bundle| (bundle, text, etag))
            }
            Ok(Fetched::NotModified) => unreachable!("an unconditional request"),
            Err(err) => Err(LoadError::Fetch(err)),
        };
        if let Ok((bundle, _, _)) = &result {
            on_read(bundle);
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
                    if let Some(text) = read_local(LAST_GOOD_KEY) {
                        if let Ok(bundle) = accept(&text).await {
                            self.accepted(bundle, text, None, true);
                        }
                    }
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
            write_local(LAST_GOOD_KEY, &text);
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
            let hash = crate::web::crypto::sha256_hex(text.as_bytes()).await;
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
        match fetch::fetch(&url, policy, etag.as_deref()).await {
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
        match fetch::fetch_text(&url, RetryPolicy::default()).await {
            Ok(text) => self.basemap.set(Some((url, Arc::new(text)))),
            // The map still shows its markers and routes without the outlines.
            Err(err) => leptos::logging::warn!("basemap {url}: {err}"),
        }
    }
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
/// [`diagnose`].
async fn accept(text: &str) -> Result<Bundle, LoadError> {
    // Without tracking paths, and only the errors without their messages: only a refused bundle's
    // faults are shown, and those are described and located by the diagnostics chunk. Timed for the
    // benchmarks.
    let checked = crate::web::measured("bundle:parse+validate", || {
        read_bundle(text).map(|bundle| {
            let errors = bundle::errors_briefly(&bundle);
            (bundle, errors)
        })
    });
    match checked {
        Some((bundle, errors)) if errors.is_empty() => Ok(bundle),
        Some((_, errors)) => Err(diagnose(text, Some(errors)).await),
        None => Err(diagnose(text, None).await),
    }
}

/// One line for the log, the maintenance overlay, and the error panel when its details cannot come.
pub fn describe(err: &LoadError) -> String {
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

/// What is wrong with a refused bundle, and where: the parse that tracks the JSON path of a fault, or
/// the validation's messages (every problem, notes included) with the line and column of each. `errors`
/// are the bundle's errors as the app found them (`bundle::errors_briefly`: rules and paths), `None`
/// when the text did not parse. Only a broken bundle needs this code, so in the release build it is a
/// chunk of its own ("diagnostics", not prefetched; the service worker keeps it for an offline kiosk).
/// If it cannot be downloaded, the errors are given by rule and path, without their messages and
/// lines, or the parse fault without its place.
pub async fn diagnose(text: &str, errors: Option<Vec<Problem>>) -> LoadError {
    let parsed = errors.is_some();
    let located = crate::chunks::retry(|| diagnose_in_chunk(text.to_owned(), parsed)).await;
    located.unwrap_or_else(|| match errors {
        Some(mut errors) => {
            for error in &mut errors {
                error.message = format!(
                    "rule \"{}\"; the code that explains it could not be downloaded: reload to see \
                     the details",
                    error.code
                );
            }
            LoadError::Invalid(errors)
        }
        None => LoadError::Parse(ParseError {
            kind: ParseErrorKind::Syntax,
            message: "the bundle could not be read, and the code that finds where could not be \
                      downloaded: reload to see the details"
                .into(),
            location: Default::default(),
        }),
    })
}

crate::chunks::chunk!(
    diagnostics,
    fn diagnose_in_chunk(text: String, parsed: bool) -> LoadError {
        diagnose_now(&text, parsed)
    }
);

fn diagnose_now(text: &str, parsed: bool) -> LoadError {
    let checked = parsed.then(|| read_bundle(text)).flatten();
    match checked {
        Some(bundle) => {
            let mut problems = bundle::validate(&bundle);
            bundle::locate_problems(text, &mut problems);
            LoadError::Invalid(problems)
        }
        None => LoadError::Parse(bundle::parse(text).err().unwrap_or_else(|| ParseError {
            // Not expected: `read_bundle` refuses exactly what `parse` does (bundle's tests).
            kind: ParseErrorKind::Shape,
            message: "the bundle was refused, but no fault was found in it".into(),
            location: Default::default(),
        })),
    }
}
