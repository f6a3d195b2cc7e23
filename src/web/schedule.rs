//! Work that must not hold up a tap or a frame: idle callbacks, one step at a time, the next task of
//! the event loop, and waits with a cap (for the pictures on screen, say).

use leptos::prelude::document;

/// Runs each of `steps` in an idle callback of its own, in order (see [`when_idle`]): background work
/// cut into pieces short enough never to hold up a tap or a frame.
pub fn when_idle_each(mut steps: std::collections::VecDeque<Box<dyn FnOnce()>>) {
    if let Some(step) = steps.pop_front() {
        when_idle(move || {
            step();
            when_idle_each(steps);
        });
    }
}

/// Resolves once every image on screen that is still loading has loaded or failed, or after `cap_ms`.
/// Background downloads wait for this: on a slow link they would share it with what the visitor is
/// looking at (the first page's pictures). Images off screen (lazy, or below the fold) are not waited
/// for.
pub async fn visible_images_settled(cap_ms: i32) {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let Ok(images) = document().query_selector_all("img") else {
        return;
    };
    let waits = js_sys::Array::new();
    for index in 0..images.length() {
        let Some(image) = images
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::HtmlImageElement>().ok())
        else {
            continue;
        };
        let rect = image.get_bounding_client_rect();
        if image.complete() || rect.width() == 0.0 || rect.bottom() < 0.0 || rect.top() > height {
            continue;
        }
        waits.push(&js_sys::Promise::new(&mut |resolve, _| {
            let options = web_sys::AddEventListenerOptions::new();
            options.set_once(true);
            for event in ["load", "error"] {
                let _ = image.add_event_listener_with_callback_and_add_event_listener_options(
                    event, &resolve, &options,
                );
            }
        }));
    }
    if waits.length() == 0 {
        return;
    }
    at_most(&js_sys::Promise::all(&waits), cap_ms).await;
}

/// Resolves when `promise` settles or after `cap_ms`, whichever comes first.
pub async fn at_most(promise: &js_sys::Promise, cap_ms: i32) {
    let cap = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, cap_ms);
        }
    });
    let first = js_sys::Promise::race(&js_sys::Array::of2(promise, &cap));
    let _ = wasm_bindgen_futures::JsFuture::from(first).await;
}

/// Runs `f` when the page is next idle (at most a second from now), or in the next task without
/// `requestIdleCallback`.
pub fn when_idle(f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let start = Closure::once_into_js(f);
    let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let scheduled = idle.is_some_and(|idle| {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"timeout".into(), &1000.into());
        idle.call2(&window, &start, &options).is_ok()
    });
    if !scheduled {
        let _ = window.set_timeout_with_callback(start.unchecked_ref());
    }
}

/// Resolves in a new task of the event loop, after what is already queued (input included). A message
/// to oneself rather than a zero timeout: timers are held back in background tabs (and by test clocks).
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Ok(channel) = web_sys::MessageChannel::new() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
            return;
        };
        channel.port1().set_onmessage(Some(&resolve));
        if channel
            .port2()
            .post_message(&wasm_bindgen::JsValue::UNDEFINED)
            .is_err()
        {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
