//! The site's folder on disk, where the browser can write one (the File System Access API:
//! `showDirectoryPicker`): opened to read its bundle, and saved into, so that for a static host saving
//! is the deploy. Saving writes the new photos first and the bundle last, each file replaced whole when
//! its writer closes (the browser writes a swap file, then moves it), so a reader of the site never
//! sees a half-written bundle nor one whose photos are not there yet; the bundle it replaces is kept as
//! `data/bundle.previous.json`. A bundle changed on disk since it was opened is not overwritten.

use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

pub type Folder = web_sys::FileSystemDirectoryHandle;

/// Whether this browser can open a folder to write into.
pub fn available() -> bool {
    web_sys::window()
        .is_some_and(|w| js_sys::Reflect::has(&w, &"showDirectoryPicker".into()).unwrap_or(false))
}

/// Asks the maintainer for the site's folder (the one with `data/` and `media/`).
pub async fn pick() -> Result<Folder, JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let picker: js_sys::Function =
        js_sys::Reflect::get(&window, &"showDirectoryPicker".into())?.dyn_into()?;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"mode".into(), &"readwrite".into())?;
    let promise: js_sys::Promise = picker.call1(&window, &options)?.dyn_into()?;
    Ok(JsFuture::from(promise).await?.unchecked_into())
}

/// The folder `name` in `parent` (made when `create`).
pub async fn folder(parent: &Folder, name: &str, create: bool) -> Result<Folder, JsValue> {
    let options = web_sys::FileSystemGetDirectoryOptions::new();
    options.set_create(create);
    Ok(
        JsFuture::from(parent.get_directory_handle_with_options(name, &options))
            .await?
            .unchecked_into(),
    )
}

/// The file `name` in `parent` (made when `create`).
pub async fn file(
    parent: &Folder,
    name: &str,
    create: bool,
) -> Result<web_sys::FileSystemFileHandle, JsValue> {
    let options = web_sys::FileSystemGetFileOptions::new();
    options.set_create(create);
    Ok(
        JsFuture::from(parent.get_file_handle_with_options(name, &options))
            .await?
            .unchecked_into(),
    )
}

/// Writes `data` (a string or a blob) as the file `name` in `parent`, replaced whole when its writer
/// closes.
pub async fn write(parent: &Folder, name: &str, data: &JsValue) -> Result<(), JsValue> {
    let handle = file(parent, name, true).await?;
    let writer: web_sys::FileSystemWritableFileStream = JsFuture::from(handle.create_writable())
        .await?
        .unchecked_into();
    let done = match data.as_string() {
        Some(text) => writer.write_with_str(&text)?,
        None => writer.write_with_blob(data.unchecked_ref())?,
    };
    JsFuture::from(done).await?;
    JsFuture::from(writer.close()).await?;
    Ok(())
}

/// The text of the folder's `data/bundle.json`, if it has one.
pub async fn read_bundle(site: &Folder) -> Result<Option<String>, JsValue> {
    let Ok(data) = folder(site, "data", false).await else {
        return Ok(None);
    };
    let Ok(handle) = file(&data, "bundle.json", false).await else {
        return Ok(None);
    };
    let file: web_sys::File = JsFuture::from(handle.get_file()).await?.unchecked_into();
    Ok(JsFuture::from(file.text()).await?.as_string())
}

#[derive(Debug)]
pub enum SaveError {
    /// The bundle on disk is not the one the draft was opened from: someone else changed it.
    ChangedOnDisk,
    Failed(String),
}

/// Saves the draft's bundle `text` and its new `photos` (file names under `media/`, with their
/// contents) into `site`, if its bundle is still `opened`.
pub async fn save(
    site: &Folder,
    text: &str,
    opened: &Value,
    photos: &[(String, web_sys::Blob)],
) -> Result<(), SaveError> {
    let failed = |e: JsValue| SaveError::Failed(e.as_string().unwrap_or_else(|| format!("{e:?}")));
    let on_disk = read_bundle(site).await.map_err(failed)?;
    if let Some(current) = &on_disk {
        if serde_json::from_str::<Value>(current).ok().as_ref() != Some(opened) {
            return Err(SaveError::ChangedOnDisk);
        }
    }
    let media = folder(site, "media", true).await.map_err(failed)?;
    for (name, blob) in photos {
        let name = name.strip_prefix("media/").unwrap_or(name);
        write(&media, name, blob).await.map_err(failed)?;
    }
    let data = folder(site, "data", true).await.map_err(failed)?;
    if let Some(current) = on_disk {
        write(&data, "bundle.previous.json", &current.into())
            .await
            .map_err(failed)?;
    }
    write(&data, "bundle.json", &text.into())
        .await
        .map_err(failed)
}
