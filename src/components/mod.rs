//! The parts pages are made of: each component with what only it needs, in one file.

pub mod chunk_view;
pub mod dialog;
pub mod error_panel;
pub mod header;
pub mod leaflet;
pub mod lightbox;
pub mod loading;
pub mod map_view;
pub mod media;
pub mod not_found;
pub mod qr_code;
