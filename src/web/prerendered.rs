//! A page the build rendered to HTML (`<div id="prerendered" data-path=… data-bundle=…>`, see
//! `crate::app::write_pages`): it stays on show, readable and with its links working, while the app draws
//! the same page out of sight; then the app's drawing takes its place in one task, before the next
//! paint. Laid out the same, it covers the same ground, so nothing moves and nothing is drawn twice.
//!
//! Not hydration (leptos's `hydrate` feature): that would have cost 31.7 KB gzip of the app shell's
//! 150 KB budget (BENCHMARKS.md, "Issue 24"); this costs a few hundred bytes. And a page rendered from
//! another bundle than the one the app reads (a bundle swapped on the server without a rebuild) cannot
//! be a problem: the app draws from the bundle it has, and the stale markup goes.

use wasm_bindgen::JsCast;

const ID: &str = "prerendered";
/// The container the app draws into while the pre-rendered page is on show (style/main.css: laid out
/// over it, out of sight).
const DRAWING: &str = "app-drawing";

/// What the build wrote about the pre-rendered page in the document, if there is one.
pub struct Prerendered {
    /// The address it is the page of, under the site's base ("/gallery/red-ship").
    pub path: String,
    /// Its bundle turns kiosk mode on (`kiosk.enabled`): not shown (style/main.css).
    pub kiosk: bool,
}

fn element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(ID)
}

/// The pre-rendered page in the document, if any.
pub fn read() -> Option<Prerendered> {
    let element = element()?;
    Some(Prerendered {
        path: element.get_attribute("data-path")?,
        kiosk: element.has_attribute("data-kiosk"),
    })
}

/// Where the app draws. `keep`: the pre-rendered page is the one the app will draw (the address's
/// page): a new container, out of sight until [`reveal`]. Otherwise (the server's fallback page for an
/// address that has no page of its own), the pre-rendered page goes now and the app draws in the body.
pub fn mount_point(keep: bool) -> web_sys::HtmlElement {
    let document = leptos::prelude::document();
    let body = document.body().expect("a document has a body");
    match element() {
        Some(_) if keep => {
            let drawing = document
                .create_element("div")
                .expect("create a div")
                .unchecked_into::<web_sys::HtmlElement>();
            drawing.set_class_name(DRAWING);
            let _ = drawing.set_attribute("aria-hidden", "true");
            let _ = body.append_child(&drawing);
            drawing
        }
        Some(stale) => {
            stale.remove();
            body
        }
        None => body,
    }
}

/// The app's drawing takes the pre-rendered page's place (once: later calls do nothing). Called when
/// the page is drawn; the swap waits for the next task, so that what the page's effects draw is in
/// too (until then the pre-rendered page is the one on show: waiting costs nothing to look at).
pub fn reveal() {
    if !crate::web::IN_BROWSER || element().is_none() {
        return;
    }
    leptos::task::spawn_local(async {
        crate::web::schedule::next_task().await;
        let Some(old) = element() else {
            return;
        };
        let document = leptos::prelude::document();
        old.remove();
        if let Some(drawing) = document.query_selector(".app-drawing").ok().flatten() {
            drawing.remove_attribute("class").ok();
            drawing.remove_attribute("aria-hidden").ok();
        }
    });
}

fn prop(target: &wasm_bindgen::JsValue, name: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(target, &name.into()).unwrap_or_default()
}

/// The form controls of the pre-rendered page a visitor changed before the app came (typed into the
/// search box, chose a filter): their ids and values. A control's own default, the value the build wrote
/// (`defaultValue`, the `<option selected>`), tells what the visitor did from what the page said.
fn touched(old: &web_sys::Element) -> Vec<(String, wasm_bindgen::JsValue)> {
    let Ok(controls) = old.query_selector_all("input[id],select[id]") else {
        return Vec::new();
    };
    (0..controls.length())
        .filter_map(|i| controls.item(i)?.dyn_into::<web_sys::Element>().ok())
        .filter_map(|control| {
            let value = prop(&control, "value");
            let default = if control.tag_name() == "SELECT" {
                match control.query_selector("option[selected]").ok().flatten() {
                    Some(option) => prop(&option, "value"),
                    None => prop(&prop(&prop(&control, "options"), "0"), "value"),
                }
            } else {
                prop(&control, "defaultValue")
            };
            (value != default).then(|| (control.id(), value))
        })
        .collect()
}

/// What the visitor did on the pre-rendered page goes over to the app's drawing once it has taken the
/// page's place: each changed control's value, told to the app as the visitor's own input would be
/// (an `input` or `change` event), and the focus. Nothing typed while the app loads is lost. Called by
/// a page with a form as it is drawn (so that the code is in the page's chunk, not in every visitor's
/// shell); what the visitor did is read at once, and handed over after the swap.
pub async fn carry_over() {
    let Some(old) = element() else {
        return;
    };
    let touched = touched(&old);
    let document = leptos::prelude::document();
    let focused = document
        .active_element()
        .filter(|e| old.contains(Some(e)))
        .map(|e| e.id());
    if touched.is_empty() && focused.is_none() {
        return;
    }
    while old.is_connected() {
        crate::web::schedule::next_task().await;
    }
    for (id, value) in &touched {
        if let Some(control) = document.get_element_by_id(id) {
            let _ = js_sys::Reflect::set(&control, &"value".into(), value);
            let select = control.tag_name() == "SELECT";
            crate::web::events::dispatch(&control, if select { "change" } else { "input" });
        }
    }
    if let Some(control) = focused
        .and_then(|id| document.get_element_by_id(&id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = control.focus();
    }
}
