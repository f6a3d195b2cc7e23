//! The one modal dialog of the app: the lightbox, the kiosk's countdown and attract loop, its
//! maintenance panel and the QR code of a link out are each one.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A native `<dialog>`, shown as a modal (the page behind it inert) while `open` is true and closed
/// when it turns false. When it opens, focus moves to its child marked `autofocus`, else to the
/// dialog itself (give it a name: `attr:aria-label` or `attr:aria-labelledby`, and
/// `attr:tabindex="-1"`); Tab stays inside it; when it closes, focus goes back to what had it.
/// Escape asks `on_close` (the owner closes it through `open`: the lightbox through the address), and
/// so does a close from elsewhere while `open` still says open (the kiosk's reset closes every
/// dialog). Attributes and handlers on it (`attr:class`, `on:keydown`) go to the `<dialog>`.
#[component]
pub fn Dialog(
    #[prop(into)] open: Signal<bool>,
    #[prop(into)] on_close: Callback<()>,
    /// The `<dialog>` element, for an owner that needs it (the lightbox's full screen).
    #[prop(optional)]
    node_ref: NodeRef<html::Dialog>,
    children: Children,
) -> impl IntoView {
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |_| {
        let open = open.get();
        let Some(dialog) = node_ref.get() else { return };
        if open && !dialog.open() {
            let active = document()
                .active_element()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            opener.set_value(active);
            let _ = dialog.show_modal();
            let target = dialog
                .query_selector("[autofocus]")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            let _ = match target {
                Some(target) => target.focus(),
                None => dialog.focus(),
            };
        } else if !open && dialog.open() {
            dialog.close();
            if let Some(el) = opener.try_update_value(Option::take).flatten() {
                if el.is_connected() {
                    let _ = el.focus();
                }
            }
        }
    });
    let on_cancel = move |e: ev::Event| {
        e.prevent_default();
        on_close.run(());
    };
    let on_closed = move |_: ev::Event| {
        // Closed from elsewhere while its owner says open (not a close queued before a reopening).
        let reopened = node_ref.get_untracked().is_some_and(|d| d.open());
        if !reopened && open.try_get_untracked() == Some(true) {
            on_close.try_run(());
        }
    };
    let on_key = move |e: ev::KeyboardEvent| {
        if e.key() == "Tab" {
            if let Some(dialog) = node_ref.get_untracked() {
                keep_focus_inside(&dialog, &e);
            }
        }
    };
    view! {
        <dialog node_ref=node_ref on:cancel=on_cancel on:close=on_closed on:keydown=on_key>
            {children()}
        </dialog>
    }
}

/// A modal dialog keeps focus from the page, but Tab can still leave it for the browser's own
/// controls; wrap from the last control to the first and back instead.
fn keep_focus_inside(dialog: &web_sys::HtmlDialogElement, e: &ev::KeyboardEvent) {
    let Ok(nodes) = dialog.query_selector_all(
        "button:not([disabled]), a[href], input, select, [tabindex]:not([tabindex='-1'])",
    ) else {
        return;
    };
    let (Some(first), Some(last)) = (nodes.get(0), nodes.get(nodes.length().saturating_sub(1)))
    else {
        return;
    };
    let active: Option<web_sys::Node> = document().active_element().map(Into::into);
    let itself: &web_sys::Node = dialog.as_ref();
    let target = match (e.shift_key(), active) {
        (true, Some(a)) if a == first || a == *itself => last,
        (false, Some(a)) if a == last => first,
        (_, None) => first,
        _ => return,
    };
    if let Ok(el) = target.dyn_into::<web_sys::HtmlElement>() {
        e.prevent_default();
        let _ = el.focus();
    }
}
