//! The maintainers' editor, served at the site's `edit/`: its own entry, so nothing of it is in the
//! visitors' app.

mod app;
mod changes;
mod draft;
mod folder;
mod form;
mod ids;
mod labels;
mod map;
mod path;
mod photos;
mod preview;
mod schema;
mod storage;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
