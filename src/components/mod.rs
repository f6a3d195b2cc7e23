pub mod error_panel;
pub mod header;
pub mod lightbox;
pub mod loading;
pub mod media;
