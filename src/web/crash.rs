//! A panic must never leave a blank page: the panic hook logs it and reveals the static fallback that
//! index.html carries (it needs no wasm and no bundle to show).

use wasm_bindgen::JsCast;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fallback();
    }));
}

pub fn show_fallback() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(fallback) = document.get_element_by_id("crash") {
        let _ = fallback.remove_attribute("hidden");
        if let Ok(el) = fallback.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}
