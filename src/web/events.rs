//! The one way the app listens to the browser's events outside a view's own `on:` handlers: a
//! listener that lives as long as the component (the reactive owner) that adds it, and is removed
//! when that is cleaned up.

use leptos::prelude::on_cleanup;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Calls `f` with each `event` on `target` (the window, the document, the service worker container…)
/// while the calling owner lives; in the capture phase when `capture` (before the page's own
/// handlers). `E` is the event's type (`web_sys::MouseEvent`, …), unchecked.
pub fn listen<E: JsCast + 'static>(
    target: &web_sys::EventTarget,
    event: &'static str,
    capture: bool,
    mut f: impl FnMut(E) + 'static,
) {
    listen_untyped(
        target,
        event,
        capture,
        Box::new(move |e: web_sys::Event| f(e.unchecked_into())),
    );
}

/// [`listen`] on the window.
pub fn listen_window<E: JsCast + 'static>(
    event: &'static str,
    capture: bool,
    f: impl FnMut(E) + 'static,
) {
    if !super::IN_BROWSER {
        return;
    }
    if let Some(window) = web_sys::window() {
        listen(&window, event, capture, f);
    }
}

/// One function for every listener (the generic part above is only the event's cast).
fn listen_untyped(
    target: &web_sys::EventTarget,
    event: &'static str,
    capture: bool,
    f: Box<dyn FnMut(web_sys::Event)>,
) {
    let closure = Closure::wrap(f);
    let _ = target.add_event_listener_with_callback_and_bool(
        event,
        closure.as_ref().unchecked_ref(),
        capture,
    );
    let kept = send_wrapper::SendWrapper::new((target.clone(), closure));
    on_cleanup(move || {
        let (target, closure) = kept.take();
        let _ = target.remove_event_listener_with_callback_and_bool(
            event,
            closure.as_ref().unchecked_ref(),
            capture,
        );
    });
}

/// Tells the page's handlers of a value changed by the app itself as if the visitor had changed it: a
/// bubbling `event` ("input", "change") on `target`.
pub fn dispatch(target: &web_sys::EventTarget, event: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(event) = web_sys::Event::new_with_event_init_dict(event, &init) {
        let _ = target.dispatch_event(&event);
    }
}
