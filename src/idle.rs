//! The work for later: what the other pages and an offline visit need, downloaded once the first page
//! is drawn (its own code is in), the pictures on screen and a map's Leaflet have come (or 10 s have
//! passed for each) and the browser is idle, so that it does not compete with the first page for a
//! slow link: the basemap, Leaflet and the other pages' code, so every page and the map work offline
//! later. Then the service worker is registered, its install asking for files already downloaded or
//! on their way (registered at start, its install downloaded them beside the first page's pictures;
//! BENCHMARKS.md). Each step in an idle callback of its own (`chunks::when_idle_each`), not one long
//! task.
//!
//! None of it runs before the first page is up, so in the release build its code is a chunk of its own
//! ("idle"), fetched then: the first visit's main module does not carry it.

use crate::chunks::{prefetch_pages, visible_images_settled, when_idle_each};
use crate::store::{next_task, Store};

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
                crate::offline::register_service_worker();
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
                Box::new(|| prefetch_pages(crate::offline::register_service_worker)),
            ]
            .into(),
        )
    }
);
