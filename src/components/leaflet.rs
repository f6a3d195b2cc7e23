//! The few Leaflet 1.9 calls the map needs, bound directly (Leaflet is loaded by index.html as the
//! global `L`). Content given to Leaflet is always a DOM element built here, never an HTML string.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

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
