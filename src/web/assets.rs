//! The one asset loader: the stylesheets and scripts that the first page load leaves out (Leaflet, the
//! kiosk's stylesheet), added to the head from the address and hash that a `<meta>` of index.html
//! gives, each attempt retried as everything is ([`super::retry`]); and `<link>`s for the browser to
//! download ahead (a prefetch, a picture's preload).

use leptos::prelude::document;

use super::js_error_text;
use super::retry::{never_final, retry, sleep, RetryPolicy};

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
    in_head(meta)
        || retry(
            RetryPolicy::default(),
            meta,
            sleep,
            |_| try_add(meta, asset),
            never_final,
        )
        .await
        .is_ok()
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
        add_element(meta, asset, timeout_ms).map_err(|err| js_error_text(&err))?;
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

/// Asks for `address` as `<link rel="prefetch">`: downloaded into the HTTP cache at the lowest priority,
/// nothing run. `destination` is the link's `as`.
pub fn prefetch(address: &str, destination: Option<&str>) -> Result<(), wasm_bindgen::JsValue> {
    let mut attributes = vec![("rel", "prefetch"), ("href", address)];
    attributes.extend(destination.map(|destination| ("as", destination)));
    head_link(&attributes)
}

/// Adds a `<link>` with these attributes to the page's head (a prefetch, a picture's preload in
/// `components::media`).
pub fn head_link(attributes: &[(&str, &str)]) -> Result<(), wasm_bindgen::JsValue> {
    let document = document();
    let link = document.create_element("link")?;
    for (name, value) in attributes {
        link.set_attribute(name, value)?;
    }
    document.head().ok_or("no <head>")?.append_child(&link)?;
    Ok(())
}
