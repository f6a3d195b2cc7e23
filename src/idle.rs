//! The work for later: what the other pages and an offline visit need, downloaded once the first page
//! is drawn (its own code is in), the pictures on screen and a map's Leaflet have come (or 10 s have
//! passed for each) and the browser is idle, so that it does not compete with the first page for a
//! slow link: the basemap, Leaflet and the other pages' code, so every page and the map work offline
//! later. Then the service worker is registered, its install asking for files already downloaded or
//! on their way (registered at start, its install downloaded them beside the first page's pictures;
//! BENCHMARKS.md). Each step in an idle callback of its own (`web::schedule::when_idle_each`), not one
//! long task.
//!
//! None of it runs before the first page is up, so in the release build its code is a chunk of its own
//! ("idle"), fetched then: the first visit's main module does not carry it.

use leptos::prelude::document;

use crate::state::Store;
use crate::web::assets::prefetch;
use crate::web::js_error_text;
use crate::web::offline::register_service_worker;
use crate::web::schedule::{next_task, visible_images_settled, when_idle_each};

/// Schedules the work for later, once the first page is up (see the module's doc). Its own code is
/// asked for only then: before, it would share the link with the pictures on screen. Without it (a
/// network gone since the first page came), the service worker is still registered.
pub fn prepare_offline(store: Store) {
    crate::chunks::after_first_page(move || {
        leptos::task::spawn_local(async move {
            // The page drawn with the bundle (its effects run before the next task).
            next_task().await;
            visible_images_settled(10_000).await;
            crate::components::leaflet::settled(10_000).await;
            if crate::chunks::retry(move || later(store)).await.is_none() {
                register_service_worker();
            }
        })
    });
}

crate::chunks::chunk!(
    idle,
    fn later(store: Store) -> () {
        when_idle_each(
            [
                Box::new(move || store.want_basemap()) as Box<dyn FnOnce()>,
                Box::new(crate::components::leaflet::prefetch),
                Box::new(|| prefetch_pages(register_service_worker)),
            ]
            .into(),
        )
    }
);

/// Prefetches the files of every page's chunk, as `<meta name="page-chunks">` lists them (written by
/// scripts/wasm-split.mjs; empty in a build without chunks). Called once the first page is up: moving
/// between pages then needs no network, with or without the service worker. Only downloaded: a chunk
/// is compiled when its page is first shown. The kiosk's chrome and the diagnostics are not listed:
/// the first is loaded at once when kiosk mode is on, the second only for a refused bundle.
/// One file per idle callback: starting a download costs the main thread about 1.5 ms of a phone's
/// time, and all of them in one callback made a long task (100 ms at 4× CPU slowdown). `then` runs in
/// the idle callback after the last one.
pub fn prefetch_pages(then: impl FnOnce() + 'static) {
    let listed = document()
        .query_selector(r#"meta[name="page-chunks"]"#)
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default();
    let steps = listed
        .split_whitespace()
        .map(|file| {
            let file = file.to_owned();
            Box::new(move || {
                if let Err(err) = prefetch(&file, None) {
                    leptos::logging::warn!("prefetch {file}: {}", js_error_text(&err));
                }
            }) as Box<dyn FnOnce()>
        })
        .chain([Box::new(then) as Box<dyn FnOnce()>])
        .collect();
    when_idle_each(steps);
}
