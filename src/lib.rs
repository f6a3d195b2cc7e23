//! The showcase app (Leptos, client-side rendered to WebAssembly).
//!
//! Data flows one way: `web::fetch` brings the bundle, the `bundle` crate parses and checks it, `state`
//! holds it in context, and the pages read it. Imports run one way too, from `app` (the composition
//! root, which nothing imports) down to `web` (the browser, which imports nothing of the app):
//! docs/architecture.md draws the floors, and `make lint` checks them (scripts/check-layers.mjs).

#![recursion_limit = "256"]

pub mod app;
pub mod chunks;
pub mod components;
pub mod i18n;
pub mod idle;
pub mod kiosk;
pub mod pages;
pub mod router;
pub mod site;
pub mod state;
pub mod web;
