//! The few Leaflet 1.9 calls the map needs, bound directly, and the loading of Leaflet itself (the
//! global `L`): it is not part of the first page load. It is prefetched (downloaded, not run) when the
//! page is idle after the first content is up, so a kiosk that goes offline later still has it, and
//! added to the page when a map is first shown, tried again after a failure (`crate::web::assets`) until it
//! is in: a lost request must not leave a kiosk's map blank for the day.
//! Content given to Leaflet is always a DOM element built here, never an HTML string.

use std::cell::RefCell;
use std::future::Future;
use std::time::Duration;

use bundle::Lang;
use js_sys::{Array, Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::*;
use crate::web::assets::{self, Asset};
use crate::web::retry::{never_final, retry, RetryPolicy};

#[wasm_bindgen]
extern "C" {
    pub type LeafletMap;
    #[wasm_bindgen(js_namespace = L, js_name = map)]
    pub fn new_map(element: &web_sys::HtmlElement, options: &JsValue) -> LeafletMap;
    #[wasm_bindgen(method, js_name = setView)]
    pub fn set_view(this: &LeafletMap, center: &JsValue, zoom: f64) -> LeafletMap;
    #[wasm_bindgen(method, js_name = getZoom)]
    pub fn get_zoom(this: &LeafletMap) -> f64;
    #[wasm_bindgen(method)]
    pub fn on(this: &LeafletMap, event: &str, handler: &js_sys::Function) -> LeafletMap;
    #[wasm_bindgen(method, js_name = invalidateSize)]
    pub fn invalidate_size(this: &LeafletMap) -> LeafletMap;
    #[wasm_bindgen(method)]
    pub fn remove(this: &LeafletMap) -> LeafletMap;
    #[wasm_bindgen(method, js_name = createPane)]
    pub fn create_pane(this: &LeafletMap, name: &str) -> web_sys::HtmlElement;
    #[wasm_bindgen(method, getter, js_name = attributionControl)]
    pub fn attribution_control(this: &LeafletMap) -> AttributionControl;

    pub type AttributionControl;
    #[wasm_bindgen(method, js_name = setPrefix)]
    pub fn set_prefix(this: &AttributionControl, prefix: &str) -> AttributionControl;
    #[wasm_bindgen(method, js_name = addAttribution)]
    pub fn add_attribution(this: &AttributionControl, text: &str) -> AttributionControl;
    #[wasm_bindgen(method, js_name = removeAttribution)]
    pub fn remove_attribution(this: &AttributionControl, text: &str) -> AttributionControl;

    pub type Layer;
    #[wasm_bindgen(method, js_name = addTo)]
    pub fn add_to(this: &Layer, map: &LeafletMap) -> Layer;
    #[wasm_bindgen(method)]
    pub fn remove(this: &Layer) -> Layer;
    #[wasm_bindgen(method, js_name = bindPopup)]
    pub fn bind_popup(this: &Layer, content: &web_sys::HtmlElement) -> Layer;
    #[wasm_bindgen(method, js_name = bindTooltip)]
    pub fn bind_tooltip(this: &Layer, content: &web_sys::HtmlElement, options: &JsValue) -> Layer;
    #[wasm_bindgen(method)]
    pub fn on(this: &Layer, event: &str, handler: &js_sys::Function) -> Layer;

    #[wasm_bindgen(js_namespace = L, js_name = geoJSON)]
    pub fn geo_json(data: &JsValue, options: &JsValue) -> Layer;
    #[wasm_bindgen(js_namespace = L, js_name = marker)]
    pub fn marker(lat_lng: &JsValue, options: &JsValue) -> Layer;
    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    pub fn div_icon(options: &JsValue) -> JsValue;
    #[wasm_bindgen(js_namespace = L, js_name = polyline)]
    pub fn polyline(points: &JsValue, options: &JsValue) -> Layer;
    pub type Control;
    #[wasm_bindgen(js_namespace = ["L", "control"], js_name = zoom)]
    pub fn zoom_control(options: &JsValue) -> Control;
    #[wasm_bindgen(method, js_name = addTo)]
    pub fn add_to(this: &Control, map: &LeafletMap) -> Control;
    #[wasm_bindgen(method)]
    pub fn remove(this: &Control) -> Control;

    #[wasm_bindgen(js_namespace = L, js_name = tileLayer)]
    pub fn tile_layer(url_template: &str, options: &JsValue) -> Layer;
}

/// True when Leaflet's script has loaded.
pub fn available() -> bool {
    crate::web::IN_BROWSER
        && Reflect::get(&js_sys::global(), &"L".into()).is_ok_and(|l| l.is_object())
}

/// Where loading Leaflet stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Idle,
    Loading,
    /// Script and stylesheet are in: the global `L` can be used.
    Ready,
    /// After the last attempt. Not for good: a map shown again, the visitor's "try again" or the time
    /// ([`MapUnavailable`]) starts loading again.
    Failed,
}

/// How long the map's place waits after the last attempt before it tries again by itself, so that a
/// kiosk left on the map recovers with no one there once the network is back.
const TRY_AGAIN_ALONE_MS: u32 = 30_000;

thread_local! {
    static STATUS: ArcRwSignal<Status> =
        ArcRwSignal::new(if available() { Status::Ready } else { Status::Idle });
    /// Whether an attempt has failed since a map first asked for Leaflet. The first attempt, nearly
    /// always the only one, shows nothing new in the map's place: a notice would only flash.
    static ATTEMPT_FAILED: ArcRwSignal<bool> = ArcRwSignal::new(false);
    /// What [`settled`] has handed out while Leaflet loads: called when it is in or has failed.
    static WAITING: RefCell<Vec<js_sys::Function>> = const { RefCell::new(Vec::new()) };
    /// Ends the back-off pauses under way: a visitor asked to try again now.
    static WAKE: RefCell<Vec<js_sys::Function>> = const { RefCell::new(Vec::new()) };
}

/// Sets Leaflet's status, and lets whatever waits for its loading go on once it is over.
fn set_status(status: &ArcRwSignal<Status>, value: Status) {
    status.set(value);
    if value != Status::Loading {
        WAKE.with_borrow_mut(Vec::clear);
        for resolve in WAITING.with_borrow_mut(std::mem::take) {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    }
}

/// Resolves once Leaflet is not on its way (at once, unless a map has asked for it and it has not come
/// yet), or after `cap_ms`. The downloads for later wait for this: on a slow link they would share it
/// with the map the visitor is waiting for.
pub async fn settled(cap_ms: i32) {
    if STATUS.with(|s| s.get_untracked()) != Status::Loading {
        return;
    }
    let done = js_sys::Promise::new(&mut |resolve, _| WAITING.with_borrow_mut(|w| w.push(resolve)));
    crate::web::schedule::at_most(&done, cap_ms).await;
}

/// Leaflet's loading status, starting the loading when it has not started or has failed (a map shown
/// again tries again). A map waits for [`Status::Ready`].
pub fn load() -> ArcRwSignal<Status> {
    let status = STATUS.with(Clone::clone);
    if matches!(status.get_untracked(), Status::Idle | Status::Failed) {
        set_status(&status, Status::Loading);
        // Natively (a page rendered to HTML) the map is drawn as it is while Leaflet comes.
        if crate::web::IN_BROWSER {
            leptos::task::spawn_local(add_to_head(status.clone()));
        }
    }
    status
}

/// Tries again now: from [`Status::Failed`], or instead of waiting out the back-off before the next
/// attempt. An attempt on its way is left to finish: a second copy of Leaflet's script, run after a
/// map was made with the first, would break it.
pub fn try_again() {
    for wake in WAKE.with_borrow_mut(std::mem::take) {
        let _ = wake.call0(&JsValue::UNDEFINED);
    }
    load();
}

/// Asks for Leaflet's script and stylesheet as `<link rel="prefetch">` (called once the first page is
/// up and the browser idle): into the HTTP cache, so a map shown later opens without waiting for the
/// network (or without the network at all), but not run. Running Leaflet's script costs a long task on
/// a phone (85 ms at 4× CPU slowdown), which only a page with a map should pay. The service worker also
/// keeps both files.
pub fn prefetch() {
    if let Err(err) = prefetch_assets() {
        leptos::logging::warn!("leaflet prefetch: {}", crate::web::js_error_text(&err));
    }
}

fn prefetch_assets() -> Result<(), JsValue> {
    if STATUS.with(|s| s.get_untracked()) != Status::Idle {
        return Ok(());
    }
    for (meta, destination) in [(CSS, "style"), (JS, "script")] {
        let address = document()
            .query_selector(&format!("meta[name={meta}]"))?
            .ok_or("no <meta name=leaflet-…> in index.html")?
            .get_attribute("content");
        if let Some(address) = address {
            crate::web::assets::prefetch(&address, Some(destination))?;
        }
    }
    Ok(())
}

/// index.html's `<meta>`s of Leaflet's files: address and integrity hash, written by the build
/// (scripts/lazy-assets.mjs).
const CSS: &str = "leaflet-css";
const JS: &str = "leaflet-js";

/// Adds Leaflet's stylesheet and script to the page, side by side, each tried again after a failure
/// (`crate::web::assets`). `status` becomes `Ready` when both are in, `Failed` after the last attempt.
async fn add_to_head(status: ArcRwSignal<Status>) {
    let both = Array::of2(
        &as_promise(add_asset(CSS, Asset::Stylesheet)),
        &as_promise(add_asset(JS, Asset::Script)),
    );
    let loaded = JsFuture::from(js_sys::Promise::all(&both))
        .await
        .is_ok_and(|all| Array::from(&all).every(&mut |ok, _, _| ok.is_truthy()));
    let value = if loaded && available() {
        Status::Ready
    } else {
        Status::Failed
    };
    set_status(&status, value);
}

/// True once the file is in. One that came in an earlier round stays (a failed attempt takes its own
/// element away, so any element left loaded).
async fn add_asset(meta: &'static str, asset: Asset) -> bool {
    if assets::in_head(meta) {
        return true;
    }
    let attempt = |_| async move {
        // A script that was given up on (timed out) may still have come and run in the back-off.
        if asset == Asset::Script && available() {
            return Ok(());
        }
        let added = assets::try_add(meta, asset).await;
        if added.is_err() {
            ATTEMPT_FAILED.with(|failed| failed.set(true));
        }
        added
    };
    retry(
        RetryPolicy::default(),
        meta,
        pause_unless_asked,
        attempt,
        never_final,
    )
    .await
    .is_ok()
}

/// The back-off, ended early by [`try_again`].
async fn pause_unless_asked(wait: Duration) {
    let asked = js_sys::Promise::new(&mut |resolve, _| WAKE.with_borrow_mut(|w| w.push(resolve)));
    crate::web::schedule::at_most(&asked, wait.as_millis() as i32).await;
}

fn as_promise(loaded: impl Future<Output = bool> + 'static) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(async move { Ok(loaded.await.into()) })
}

/// In the map's place while Leaflet is not in, once an attempt has failed: what happened, in the
/// visitor's language, and a button to try again. While it is there, loading starts again by itself
/// every [`TRY_AGAIN_ALONE_MS`] after a last attempt.
#[component]
pub fn MapUnavailable(lang: Signal<Lang>) -> impl IntoView {
    let status = RwSignal::from(STATUS.with(Clone::clone));
    let attempt_failed = RwSignal::from(ATTEMPT_FAILED.with(Clone::clone));
    let again = crate::web::IN_BROWSER.then(|| {
        send_wrapper::SendWrapper::new(gloo_timers::callback::Interval::new(
            TRY_AGAIN_ALONE_MS,
            || {
                if STATUS.with(|s| s.get_untracked()) == Status::Failed {
                    load();
                }
            },
        ))
    });
    on_cleanup(move || drop(again));
    let shown = move || attempt_failed.get() && status.get() != Status::Ready;
    let text = move || td_string!(locale(lang.get()), map_failed);
    // The button goes when the map comes: the focus it had goes to the map, not to the page's start.
    let button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if status.get() != Status::Ready {
            return;
        }
        let Some(button) = button.get_untracked() else {
            return;
        };
        let focused = document().active_element();
        if focused.is_some_and(|f| AsRef::<web_sys::Element>::as_ref(&button) == &f) {
            let map = button.closest(".map").ok().flatten();
            if let Some(map) = map.and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = map.focus();
            }
        }
    });
    // The live region is always there, and only its words change: one added with its words is often
    // not announced.
    view! {
        <p class="visually-hidden" role="status">{move || shown().then(text)}</p>
        <div class="map-unavailable" hidden=move || !shown()>
            <p aria-hidden="true">{text}</p>
            <button type="button" class="button" node_ref=button on:click=|_| try_again()>
                {move || td_string!(locale(lang.get()), map_retry)}
            </button>
        </div>
    }
}

/// `[lat, lon]` as Leaflet takes it.
pub fn lat_lng(lat: f64, lon: f64) -> JsValue {
    Array::of2(&lat.into(), &lon.into()).into()
}

/// A plain options object from key/value pairs.
pub fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &(*key).into(), value);
    }
    object.into()
}
