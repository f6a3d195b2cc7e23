//! The showcase app (Leptos, client-side rendered to WebAssembly).
//!
//! Data flows one way: `api` fetches the bundle, the `bundle` crate parses and validates it, `store`
//! holds it in context, and the pages read it.

pub mod api;
pub mod app;
pub mod chunks;
pub mod components;
pub mod crash;
pub mod i18n;
pub mod idle;
pub mod kiosk_mode;
pub mod loader;
pub mod offline;
pub mod pages;
pub mod router;
pub mod site;
pub mod store;

/// Entry point of the browser build.
pub fn run() {
    crash::install();
    // The service worker is registered by `Store::load` once the first page is up; at the latest:
    gloo_timers::callback::Timeout::new(
        offline::REGISTER_AT_THE_LATEST_MS,
        offline::register_service_worker,
    )
    .forget();
    leptos::mount::mount_to_body(app::App);
}
