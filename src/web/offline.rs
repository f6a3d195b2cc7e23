//! Browser glue for offline operation: registers the service worker (`public/sw.js`), asks it to keep
//! the bundle's images, tells whether a new app version was deployed (`build.json`, written by
//! `scripts/build-manifest.mjs`), and reads the cache state for the maintenance overlay.

use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::web::fetch::{self, RetryPolicy};

fn service_workers() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent outside secure contexts (plain http on another host).
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .ok()?
        .then(|| navigator.service_worker())
}

/// A visit registers the service worker once (see [`register_service_worker`]).
static REGISTERED: AtomicBool = AtomicBool::new(false);

/// How long after start the service worker is registered at the latest, should the first page never
/// settle (its code or pictures stalled): the visit should still leave the site working offline.
pub const REGISTER_AT_THE_LATEST_MS: u32 = 20_000;

/// Registers the service worker, scoped to the site's base path, once per visit: normally when the
/// first page and its background downloads are done (`crate::idle`), at once when there is no bundle
/// to show (the app's shell), else after [`REGISTER_AT_THE_LATEST_MS`] (`app::run`). Failures are logged, never shown: the site works without it,
/// only not offline.
pub fn register_service_worker() {
    if REGISTERED.swap(true, Ordering::Relaxed) {
        return;
    }
    let Some(container) = service_workers() else {
        return;
    };
    let promise = container.register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(err) = JsFuture::from(promise).await {
            leptos::logging::warn!(
                "service worker not registered: {}",
                crate::web::js_error_text(&err)
            );
        }
    });
}

/// Whether a service worker controls this page (its requests go through the caches).
pub fn service_worker_active() -> bool {
    service_workers().is_some_and(|c| c.controller().is_some())
}

/// Asks the service worker to fetch and keep these images (the kiosk's gallery offline).
pub fn warm_media(urls: &[String]) {
    let Some(controller) = service_workers().and_then(|c| c.controller()) else {
        return;
    };
    let urls: js_sys::Array = urls.iter().map(|url| JsValue::from_str(url)).collect();
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"warm-media".into());
    let _ = js_sys::Reflect::set(&message, &"urls".into(), &urls);
    if let Err(err) = controller.post_message(&message) {
        leptos::logging::warn!(
            "could not ask the service worker for the images: {}",
            crate::web::js_error_text(&err)
        );
    }
}

/// The wasm file this page runs (from trunk's preload link), e.g. `showcase-718b6773ee0338c_bg.wasm`.
pub fn running_wasm() -> Option<String> {
    let link = web_sys::window()?
        .document()?
        .query_selector(r#"link[href$="_bg.wasm"]"#)
        .ok()??;
    let href = link.get_attribute("href")?;
    Some(href.rsplit('/').next()?.to_owned())
}

/// The server's build.json (written by `scripts/build-manifest.mjs`); `None` where there is none (as
/// under `trunk serve`) or it cannot be fetched.
/// Read with the browser's `JSON.parse`: no JSON code in the wasm for two strings.
async fn deployed_build() -> Option<wasm_bindgen::JsValue> {
    let policy = RetryPolicy {
        attempts: 1,
        ..RetryPolicy::default()
    };
    let text = fetch::fetch_text("build.json", policy).await.ok()?;
    js_sys::JSON::parse(&text).ok().filter(|v| v.is_object())
}

/// A string member of an object read by `JSON.parse`.
fn member(object: &wasm_bindgen::JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(object, &key.into()).ok()?.as_string()
}

/// Whether the server now has another app version than the one running: `Some(true)` when build.json
/// names another wasm file, `None` when that cannot be told.
pub async fn new_app_version() -> Option<bool> {
    let running = running_wasm()?;
    let build = deployed_build().await?;
    Some(member(&build, "wasm")? != running)
}

/// The version of the build on the server, for the maintenance overlay.
pub async fn build_version() -> Option<String> {
    member(&deployed_build().await?, "version")
}

/// Each cache of this origin with its number of entries.
pub async fn cache_summary() -> Vec<(String, u32)> {
    let Some(caches) = web_sys::window().and_then(|w| w.caches().ok()) else {
        return Vec::new();
    };
    let Ok(names) = JsFuture::from(caches.keys()).await else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for name in js_sys::Array::from(&names).iter() {
        let Some(name) = name.as_string() else {
            continue;
        };
        let count = async {
            let cache: web_sys::Cache = JsFuture::from(caches.open(&name))
                .await
                .ok()?
                .dyn_into()
                .ok()?;
            let keys = JsFuture::from(cache.keys()).await.ok()?;
            Some(js_sys::Array::from(&keys).length())
        }
        .await
        .unwrap_or(0);
        out.push((name, count));
    }
    out
}
