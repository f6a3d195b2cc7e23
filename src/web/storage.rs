//! Local and session storage. Either can be full or disabled (private mode): the app works without.

fn local() -> Option<web_sys::Storage> {
    if !super::IN_BROWSER {
        return None;
    }
    let window = web_sys::window()?;
    // The editor's preview of a draft (its worker marks the page) keeps nothing: a draft is no
    // visitor's last good bundle, a preview's views no kiosk's counts.
    if window
        .document()?
        .document_element()?
        .has_attribute("data-preview")
    {
        return None;
    }
    window.local_storage().ok().flatten()
}

fn session() -> Option<web_sys::Storage> {
    if !super::IN_BROWSER {
        return None;
    }
    web_sys::window()?.session_storage().ok().flatten()
}

pub fn read_local(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// A value that cannot be saved is logged, not an error.
pub fn write_local(key: &str, value: &str) {
    if let Some(storage) = local() {
        if storage.set_item(key, value).is_err() {
            leptos::logging::warn!("could not save {key} to local storage");
        }
    }
}

pub fn remove_local(key: &str) {
    if let Some(storage) = local() {
        let _ = storage.remove_item(key);
    }
}

/// For this tab only.
pub fn read_session(key: &str) -> Option<String> {
    session()?.get_item(key).ok().flatten()
}

pub fn write_session(key: &str, value: &str) {
    if let Some(storage) = session() {
        let _ = storage.set_item(key, value);
    }
}
