pub mod books;
pub mod gallery;
pub mod home;
pub mod item;
pub mod map;
pub mod not_found;
pub mod story;
pub mod unit;
