//! The few Leaflet 1.9 calls the map needs, bound directly, and the loading of Leaflet itself (the
//! global `L`): it is not part of the first page load. It is prefetched (downloaded, not run) when the
//! page is idle after the first content is up, so a kiosk that goes offline later still has it, and
//! added to the page when a map is first shown.
//! Content given to Leaflet is always a DOM element built here, never an HTML string.

use js_sys::{Array, Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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
    Reflect::get(&js_sys::global(), &"L".into()).is_ok_and(|l| l.is_object())
}

/// Where loading Leaflet stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Idle,
    Loading,
    /// Script and stylesheet are in: the global `L` can be used.
    Ready,
    Failed,
}

thread_local! {
    static STATUS: ArcRwSignal<Status> =
        ArcRwSignal::new(if available() { Status::Ready } else { Status::Idle });
    /// What [`settled`] has handed out while Leaflet loads: called when it is in or has failed.
    static WAITING: std::cell::RefCell<Vec<js_sys::Function>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Sets Leaflet's status, and lets whatever waits for its loading go on once it is over.
fn set_status(status: &ArcRwSignal<Status>, value: Status) {
    status.set(value);
    if value != Status::Loading {
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
    crate::chunks::at_most(&done, cap_ms).await;
}

/// Leaflet's loading status, starting the loading the first time it is called. A map waits for
/// [`Status::Ready`].
pub fn load() -> ArcRwSignal<Status> {
    let status = STATUS.with(Clone::clone);
    if status.get_untracked() == Status::Idle {
        set_status(&status, Status::Loading);
        if let Err(err) = add_to_head(status.clone()) {
            leptos::logging::warn!("leaflet: {}", crate::api::js_error_text(&err));
            set_status(&status, Status::Failed);
        }
    }
    status
}

/// Asks for Leaflet's script and stylesheet as `<link rel="prefetch">` (called once the first page is
/// up and the browser idle): into the HTTP cache, so a map shown later opens without waiting for the
/// network (or without the network at all), but not run. Running Leaflet's script costs a long task on
/// a phone (85 ms at 4× CPU slowdown), which only a page with a map should pay. The service worker also
/// keeps both files.
pub fn prefetch() {
    if let Err(err) = prefetch_assets() {
        leptos::logging::warn!("leaflet prefetch: {}", crate::api::js_error_text(&err));
    }
}

fn prefetch_assets() -> Result<(), JsValue> {
    if STATUS.with(|s| s.get_untracked()) != Status::Idle {
        return Ok(());
    }
    for (kind, destination) in [("css", "style"), ("js", "script")] {
        if let Some(address) = leaflet_meta(kind)?.get_attribute("content") {
            crate::chunks::prefetch(&address, Some(destination))?;
        }
    }
    Ok(())
}

/// `<meta name="leaflet-js|leaflet-css">`: address and integrity hash, written by the build.
fn leaflet_meta(kind: &str) -> Result<web_sys::Element, JsValue> {
    Ok(document()
        .query_selector(&format!("meta[name=leaflet-{kind}]"))?
        .ok_or("no <meta name=leaflet-…> in index.html")?)
}

/// Adds Leaflet's stylesheet and script to the page, with the addresses and integrity hashes that the
/// build wrote into index.html (`<meta name="leaflet-js|leaflet-css">`, scripts/lazy-assets.mjs).
/// `status` becomes `Ready` when both have loaded, `Failed` if either fails.
fn add_to_head(status: ArcRwSignal<Status>) -> Result<(), JsValue> {
    let document = document();
    let head = document.head().ok_or("no <head>")?;
    let pending = std::rc::Rc::new(std::cell::Cell::new(2u8));
    for (kind, tag, address) in [("css", "link", "href"), ("js", "script", "src")] {
        let meta = leaflet_meta(kind)?;
        let element = document.create_element(tag)?;
        if kind == "css" {
            element.set_attribute("rel", "stylesheet")?;
        }
        if let Some(integrity) = meta.get_attribute("data-integrity") {
            element.set_attribute("integrity", &integrity)?;
        }
        let (loaded, pending, ok) = (status.clone(), pending.clone(), status.clone());
        let on_load = Closure::once_into_js(move || {
            pending.set(pending.get() - 1);
            if pending.get() == 0 && ok.get_untracked() == Status::Loading {
                let value = if available() {
                    Status::Ready
                } else {
                    Status::Failed
                };
                set_status(&ok, value);
            }
        });
        let on_error = Closure::once_into_js(move || {
            leptos::logging::warn!("leaflet: {kind} failed to load");
            set_status(&loaded, Status::Failed);
        });
        element.add_event_listener_with_callback("load", on_load.unchecked_ref())?;
        element.add_event_listener_with_callback("error", on_error.unchecked_ref())?;
        element.set_attribute(address, &meta.get_attribute("content").unwrap_or_default())?;
        head.append_child(&element)?;
    }
    Ok(())
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
