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

/// A dropped file or folder as a handle, where the browser gives one (`getAsFileSystemHandle`, to be
/// asked during the drop event): the promise of it.
pub fn dropped(item: &web_sys::DataTransferItem) -> Option<js_sys::Promise> {
    let ask: js_sys::Function = js_sys::Reflect::get(item, &"getAsFileSystemHandle".into())
        .ok()?
        .dyn_into()
        .ok()?;
    ask.call0(item).ok()?.dyn_into().ok()
}

/// A dropped folder as an entry of the older File and Directory Entries API, where the browser gives
/// no handle (Firefox, Safari; `webkitGetAsEntry`, also to be asked during the drop event). Read-only:
/// saving it gives a .zip.
pub fn dropped_entry(item: &web_sys::DataTransferItem) -> Option<JsValue> {
    let ask: js_sys::Function = js_sys::Reflect::get(item, &"webkitGetAsEntry".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let entry = ask.call0(item).ok()?;
    let is_folder = js_sys::Reflect::get(&entry, &"isDirectory".into()).ok()?;
    is_folder.is_truthy().then_some(entry)
}

/// Every file under a dropped folder's `entry`, with its path from the folder dropped
/// (`site/data/bundle.json`), as `<input webkitdirectory>` names them.
pub async fn entry_files(entry: JsValue) -> Result<Vec<(String, web_sys::File)>, JsValue> {
    let get = |on: &JsValue, key: &str| js_sys::Reflect::get(on, &key.into());
    // The API answers by callbacks: each call as a promise.
    let ask = |on: &JsValue, method: &str| -> Result<js_sys::Promise, JsValue> {
        let f: js_sys::Function = get(on, method)?.dyn_into()?;
        let on = on.clone();
        let mut failed = None;
        let promise = js_sys::Promise::new(&mut |resolve, reject| {
            if let Err(e) = f.call2(&on, &resolve, &reject) {
                failed = Some(e);
            }
        });
        failed.map_or(Ok(promise), Err)
    };
    let mut files = Vec::new();
    let mut pending = vec![entry];
    while let Some(entry) = pending.pop() {
        if get(&entry, "isDirectory")?.is_truthy() {
            let reader = js_sys::Function::from(get(&entry, "createReader")?).call0(&entry)?;
            // A reader gives its entries a batch at a time, then an empty batch.
            loop {
                let batch: js_sys::Array = JsFuture::from(ask(&reader, "readEntries")?)
                    .await?
                    .dyn_into()?;
                if batch.length() == 0 {
                    break;
                }
                pending.extend(batch.iter());
            }
        } else {
            let path = get(&entry, "fullPath")?.as_string().unwrap_or_default();
            let file = JsFuture::from(ask(&entry, "file")?).await?.dyn_into()?;
            files.push((path.trim_start_matches('/').to_owned(), file));
        }
    }
    Ok(files)
}

/// The handle as a folder, if it is one.
pub fn as_folder(handle: JsValue) -> Option<Folder> {
    let kind = js_sys::Reflect::get(&handle, &"kind".into()).ok()?;
    (kind.as_string()? == "directory").then(|| handle.unchecked_into())
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
    // Safari before 26 has handles without writers: calling one would throw through the wasm.
    if !js_sys::Reflect::has(&handle, &"createWritable".into()).unwrap_or(false) {
        return Err("this browser cannot write files (no createWritable)".into());
    }
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

/// The names of what `parent` holds (its async iterator of keys, read to the end).
pub async fn names(parent: &Folder) -> Result<Vec<String>, JsValue> {
    let keys: js_sys::Function = js_sys::Reflect::get(parent, &"keys".into())?.dyn_into()?;
    let iterator: js_sys::AsyncIterator = keys.call0(parent)?.unchecked_into();
    let mut names = Vec::new();
    loop {
        let step: js_sys::IteratorNext = JsFuture::from(iterator.next()?).await?.unchecked_into();
        if step.done() {
            return Ok(names);
        }
        names.extend(step.value().as_string());
    }
}

/// Removes the file or folder `name` from `parent` (a folder with all it holds).
pub async fn remove(parent: &Folder, name: &str) -> Result<(), JsValue> {
    let options = web_sys::FileSystemRemoveOptions::new();
    options.set_recursive(true);
    JsFuture::from(parent.remove_entry_with_options(name, &options))
        .await
        .map(drop)
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
