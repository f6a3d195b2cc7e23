//! The editor's service worker (`sw.js`, beside the editor's page): it keeps the editor's files for
//! offline use, and serves `preview/`, the site drawn from the draft kept in the browser. Registered
//! when the editor starts; the preview's links are offered once it is active.

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::labels::both;

fn workers() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent outside secure contexts.
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .ok()?
        .then(|| navigator.service_worker())
}

/// Whether the worker is active: set once it is (never, where the browser has none).
#[derive(Clone, Copy)]
pub struct Worker(RwSignal<bool>);

impl Worker {
    /// Registers the worker and follows it to active.
    pub fn start() -> Self {
        let active = RwSignal::new(false);
        if let Some(container) = workers() {
            let registered = container.register("sw.js");
            leptos::task::spawn_local(async move {
                if let Err(err) = JsFuture::from(registered).await {
                    leptos::logging::warn!("the editor's service worker: {err:?}");
                    return;
                }
                if let Ok(ready) = container.ready() {
                    if JsFuture::from(ready).await.is_ok() {
                        active.set(true);
                    }
                }
            });
        }
        Self(active)
    }

    /// Tells the worker a newer draft is kept: it reloads the open previews a moment later, so a
    /// preview follows the draft without being reloaded by hand.
    pub fn draft_kept(self) {
        if !self.0.get_untracked() {
            return;
        }
        // To the registration's active worker, not the page's controller: a page loaded while the
        // worker was being installed has none until the worker claims it.
        let Some(ready) = workers().and_then(|c| c.ready().ok()) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let registration = JsFuture::from(ready)
                .await
                .ok()
                .map(web_sys::ServiceWorkerRegistration::from);
            if let Some(worker) = registration.and_then(|r| r.active()) {
                let _ = worker.post_message(&JsValue::from_str("draft-kept"));
            }
        });
    }
}

/// A link's mark that it opens a new tab: an arrow to see, the words to hear.
#[component]
fn NewTab() -> impl IntoView {
    view! {
        <span aria-hidden="true" class="new-tab">" ↗"</span>
        <span class="visually-hidden">" "{both("new_tab")}</span>
    }
}

/// The preview's links: the site's home page and the kiosk, each in a new tab, drawn from the draft
/// as it was last kept (the worker reloads them when a newer one is).
#[component]
pub fn Links(worker: Worker) -> impl IntoView {
    view! {
        <Show when=move || worker.0.get() fallback=|| view! {
            <span class="hint">{both("preview_unavailable")}</span>
        }>
            <a class="button" href="preview/" target="_blank" rel="noopener">
                {both("preview_site")}<NewTab/>
            </a>
            <a class="button" href="preview/?kiosk=1" target="_blank" rel="noopener">
                {both("preview_kiosk")}<NewTab/>
            </a>
        </Show>
    }
}
