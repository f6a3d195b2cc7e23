pub mod error_panel;
pub mod header;
pub mod loading;
pub mod media;
