//! The browser, below the app: fetching with retries, loading assets, listening to events, idle-time
//! scheduling, storage, the service worker and the panic hook. Nothing here knows the store or a page;
//! everything above may use it.

pub mod assets;
pub mod collate;
pub mod crash;
pub mod crypto;
pub mod events;
pub mod fetch;
pub mod offline;
pub mod prerendered;
pub mod retry;
pub mod schedule;
pub mod storage;

/// Whether the code runs in a browser: natively (the pages pre-rendered to HTML at build time,
/// `crate::app::render_page`) there is no window, and what would ask it answers as a browser with
/// nothing stored and no listeners would.
pub const IN_BROWSER: bool = cfg!(target_arch = "wasm32");

/// What a JavaScript exception says (`Error.message`, or the value itself when it is a string), for logs.
/// Runs `f` between two performance marks, so that the benchmarks can read how long it took with
/// `performance.getEntriesByName(name)` (a measure of that name).
pub fn measured<T>(name: &str, f: impl FnOnce() -> T) -> T {
    if !IN_BROWSER {
        return f();
    }
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = format!("{name}:start");
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let value = f();
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(name, &start);
    }
    value
}

pub fn js_error_text(err: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    err.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| err.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// `relative` against the document's base URL (what `fetch` does), for display.
pub fn resolve(relative: &str) -> String {
    if !IN_BROWSER {
        return relative.to_owned();
    }
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new_with_base(relative, &base).ok())
        .map(|u| u.href())
        .unwrap_or_else(|| relative.to_owned())
}
