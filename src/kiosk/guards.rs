//! What the kiosk does to the page while it is on: its guards over the visitor's input (in the
//! capture phase, before the page's own handlers), the machine's clock, and the page marked as a
//! kiosk's (`html.kiosk`: no cursor, no selection, no zoom). All of it ends with the kiosk's chrome.

use std::time::Duration;

use leptos::prelude::*;

use super::glue::{now, Glue};
use crate::web::events::{listen, listen_window};
use crate::web::offline;

/// The hidden corner for the maintenance panel, in CSS pixels from the top left.
const CORNER_PX: i32 = 64;
const PRESS_MS: i32 = 5000;
const TICK: Duration = Duration::from_millis(250);

/// Adds `f` for `event` on the window in the capture phase (before the app's own handlers), while
/// the kiosk's chrome lives.
fn capture<E: wasm_bindgen::JsCast + 'static>(event: &'static str, f: impl FnMut(E) + 'static) {
    listen_window(event, true, f);
}

/// Puts the guards up, for as long as the calling component (the kiosk's chrome) lives.
pub(super) fn install(glue: Glue) {
    let store = glue.store;
    // The page as a kiosk: no cursor, no selection, no zoom (CSS under html.kiosk and the viewport).
    if let Some(root) = document().document_element() {
        let _ = root.class_list().add_1("kiosk");
    }
    let press = StoredValue::new_local(None::<TimeoutHandle>);
    let cancel_press = move || {
        if let Some(handle) = press.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    capture("pointerdown", move |e: web_sys::PointerEvent| {
        if e.client_x() < CORNER_PX && e.client_y() < CORNER_PX {
            let handle = set_timeout_with_handle(
                move || glue.maintenance.set(true),
                Duration::from_millis(PRESS_MS as u64),
            )
            .ok();
            press.set_value(handle);
        }
        // Under an overlay, only its own click counts (so the touch does not reach the page).
        if !glue.overlay_shown() {
            glue.input();
        }
    });
    capture("pointerup", move |_: web_sys::Event| cancel_press());
    capture("pointercancel", move |_: web_sys::Event| cancel_press());
    capture("wheel", move |_: web_sys::Event| {
        if !glue.overlay_shown() {
            glue.input();
        }
    });
    capture("keydown", move |e: web_sys::KeyboardEvent| {
        if e.ctrl_key() && e.alt_key() && e.key().eq_ignore_ascii_case("m") {
            glue.maintenance.set(true);
        }
        glue.input();
    });
    capture("contextmenu", |e: web_sys::Event| e.prevent_default());
    capture("click", move |e: web_sys::Event| {
        // A visitor's click, not one the app makes (the CSV's download link): only that may ask.
        if e.is_trusted() {
            enter_fullscreen();
        }
        leave_guard(&e, glue);
    });
    capture("online", move |_: web_sys::Event| {
        glue.machine.update_value(|m| m.check_soon(now()))
    });

    let interval = set_interval_with_handle(move || glue.tick(), TICK).ok();
    let interval = StoredValue::new_local(interval);

    // The kiosk keeps every image for offline use, once the service worker controls the page.
    Effect::new(move |_| {
        if let Some(b) = store.bundle.get() {
            offline::warm_media(&b.media_urls());
        }
    });
    if js_sys::Reflect::has(&window().navigator(), &"serviceWorker".into()).unwrap_or(false) {
        let sw = window().navigator().service_worker();
        listen(&sw, "controllerchange", false, move |_: web_sys::Event| {
            if let Some(b) = store.bundle.get_untracked() {
                offline::warm_media(&b.media_urls());
            }
        });
    }

    on_cleanup(move || {
        if let Some(handle) = interval.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        cancel_press();
        if let Some(root) = document().document_element() {
            let _ = root.class_list().remove_1("kiosk");
        }
    });
}

fn enter_fullscreen() {
    let doc = document();
    if doc.fullscreen_element().is_some() {
        return;
    }
    if let Some(root) = doc.document_element() {
        // Refused without a user gesture or where full screen is not allowed; the kiosk works anyway.
        let _ = root.request_fullscreen();
    }
}

/// A click on a link that would leave the app shows the link as a QR code instead. A file of this site
/// (a relative `meta.sources` URL) is given at the site's public address, as a page is: the kiosk's own
/// origin may be a machine in the community centre that a visitor's phone cannot reach.
fn leave_guard(e: &web_sys::Event, glue: Glue) {
    let Some(anchor) = crate::router::clicked_link(e) else {
        return;
    };
    let href = anchor.href();
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    // The same test as the router's: what it does not take would leave the app.
    // A download of the app's own data (the usage counts' CSV) leaves nothing.
    if url.protocol() == "blob:" && anchor.has_attribute("download") {
        return;
    }
    let inside = crate::router::is_page(&url);
    let safe = matches!(url.protocol().as_str(), "https:" | "http:");
    if !inside || anchor.target() == "_blank" {
        e.prevent_default();
        e.stop_propagation();
        if safe {
            let public = crate::router::site_path(&url).and_then(|path| {
                let bundle = glue.store.bundle.get_untracked()?;
                Some(crate::router::public_address(&bundle, &path))
            });
            glue.qr_link.set(Some(public.unwrap_or(href)));
        }
    }
}
