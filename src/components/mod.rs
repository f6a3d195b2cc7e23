pub mod error_panel;
pub mod header;
pub mod leaflet;
pub mod lightbox;
pub mod loading;
pub mod map_view;
pub mod media;
