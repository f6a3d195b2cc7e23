//! Loading what the first page load leaves out, and what a lost request must not break for the rest of
//! the day on a kiosk: the wasm chunks (`crate::chunks`), Leaflet (`components::leaflet`) and the
//! kiosk's stylesheet. One way for all of them: an attempt that fails, or gets no answer within the
//! bundle's time-out, is tried again with the bundle's back-off ([`RetryPolicy`]: 0.5 s, 1 s, 2 s).
//! Each caller decides what the visitor sees after the last attempt.

use std::fmt::Display;
use std::future::Future;
use std::time::Duration;

use leptos::prelude::document;

use crate::api::RetryPolicy;

/// Calls `attempt` until it succeeds, at most the bundle's number of attempts, with `pause` awaited for
/// the back-off before each but the first (`sleep`, or a pause that someone may cut short). Each
/// failure is logged under `what`; `None` when every attempt failed.
pub async fn retry<T, E, Fut, Pause>(
    what: &str,
    pause: impl Fn(Duration) -> Pause,
    mut attempt: impl FnMut() -> Fut,
) -> Option<T>
where
    E: Display,
    Fut: Future<Output = Result<T, E>>,
    Pause: Future<Output = ()>,
{
    let policy = RetryPolicy::default();
    for n in 1..=policy.attempts {
        let wait = policy.backoff_before(n);
        if !wait.is_zero() {
            pause(wait).await;
        }
        match attempt().await {
            Ok(value) => return Some(value),
            Err(err) => leptos::logging::warn!("{what}, attempt {n}: {err}"),
        }
    }
    None
}

/// The back-off as it is, for [`retry`].
pub async fn sleep(wait: Duration) {
    gloo_timers::future::sleep(wait).await;
}

/// What a `<meta name=…>` of index.html names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asset {
    Stylesheet,
    Script,
}

/// Adds the asset that `<meta name="{meta}">` names to the page, once, trying again after a failure:
/// true when it has loaded (or was already asked for), false after the last attempt (logged), so
/// that what waits for it goes on without it rather than not at all.
pub async fn add(meta: &str, asset: Asset) -> bool {
    in_head(meta) || retry(meta, sleep, || try_add(meta, asset)).await.is_some()
}

/// Whether the page has the element of `<meta name="{meta}">`'s asset: loaded, or on its way (a failed
/// attempt takes its element away).
pub fn in_head(meta: &str) -> bool {
    document()
        .query_selector(&format!("[data-from=\"{meta}\"]"))
        .ok()
        .flatten()
        .is_some()
}

/// One attempt: adds the `<link rel="stylesheet">` or `<script>` for the address and integrity hash
/// that `<meta name="{meta}">` gives (written by scripts/lazy-assets.mjs) to the head, and waits for it
/// to load (a stylesheet at most the bundle's time-out, see below). A failed attempt takes its element away, so the next one is
/// a new request and the page never keeps a dead one.
pub async fn try_add(meta: &str, asset: Asset) -> Result<(), String> {
    let timeout_ms = RetryPolicy::default().timeout.as_millis() as i32;
    let (element, loaded) =
        add_element(meta, asset, timeout_ms).map_err(|err| crate::api::js_error_text(&err))?;
    match wasm_bindgen_futures::JsFuture::from(loaded).await {
        Ok(_) => Ok(()),
        Err(reason) => {
            element.remove();
            Err(reason
                .as_string()
                .unwrap_or_else(|| "failed to load".into()))
        }
    }
}

/// The element, added, and a promise of its load (rejected on an error, or with "timed out").
fn add_element(
    meta: &str,
    asset: Asset,
    timeout_ms: i32,
) -> Result<(web_sys::Element, js_sys::Promise), wasm_bindgen::JsValue> {
    let document = document();
    let named = document
        .query_selector(&format!("meta[name=\"{meta}\"]"))?
        .ok_or("no such <meta> in index.html")?;
    // An empty address would never load nor fail.
    let address = named
        .get_attribute("content")
        .filter(|a| !a.is_empty())
        .ok_or("its <meta> has no address")?;
    // No `crossorigin`: index.html's preload of a visit that starts on the map asks without one, and
    // an element takes a preload only when its mode and hash are the same.
    let (tag, address_attribute) = match asset {
        Asset::Stylesheet => ("link", "href"),
        Asset::Script => ("script", "src"),
    };
    let element = document.create_element(tag)?;
    if asset == Asset::Stylesheet {
        element.set_attribute("rel", "stylesheet")?;
    }
    element.set_attribute("data-from", meta)?;
    if let Some(integrity) = named.get_attribute("data-integrity") {
        element.set_attribute("integrity", &integrity)?;
    }
    element.set_attribute(address_attribute, &address)?;
    let mut listen = |resolve: js_sys::Function, reject: js_sys::Function| {
        let _ = element.add_event_listener_with_callback("load", &resolve);
        let _ = element.add_event_listener_with_callback("error", &reject);
        // A script is not given up on for being slow: taken away, it would still run when it came,
        // and a second copy of Leaflet, run after a map was made with the first, breaks that map. A
        // stalled request ends in an error of its own.
        if asset == Asset::Script {
            return;
        }
        let _ = web_sys::window().map(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_1(
                &reject,
                timeout_ms,
                &"timed out".into(),
            )
        });
    };
    let loaded = js_sys::Promise::new(&mut listen);
    document.head().ok_or("no <head>")?.append_child(&element)?;
    Ok((element, loaded))
}
