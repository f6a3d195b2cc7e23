//! The draft kept in the browser, in the origin private file system (OPFS): written as it changes, read
//! back on the next visit, so a reload, a crash or a closed tab loses nothing. A file is replaced whole
//! when its writer closes (the browser writes a swap file first), so a crash mid-write leaves the last
//! copy as it was.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The draft being edited.
pub const DRAFT: &str = "draft.json";
/// The bundle it was opened from, for the summary of changes.
pub const OPENED: &str = "opened.json";

/// The file `name` of the editor's folder: `draft.json`, or `media/<file>` in its media folder.
async fn file(name: &str, create: bool) -> Result<web_sys::FileSystemFileHandle, JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let mut folder: web_sys::FileSystemDirectoryHandle =
        JsFuture::from(window.navigator().storage().get_directory())
            .await?
            .unchecked_into();
    let (path, base) = name.rsplit_once('/').map_or(("", name), |(p, b)| (p, b));
    for part in path.split('/').filter(|p| !p.is_empty()) {
        let options = web_sys::FileSystemGetDirectoryOptions::new();
        options.set_create(create);
        folder = JsFuture::from(folder.get_directory_handle_with_options(part, &options))
            .await?
            .unchecked_into();
    }
    let options = web_sys::FileSystemGetFileOptions::new();
    options.set_create(create);
    Ok(
        JsFuture::from(folder.get_file_handle_with_options(base, &options))
            .await?
            .unchecked_into(),
    )
}

/// Writes `blob` as the file `name`.
pub async fn keep_blob(name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let handle = file(name, true).await?;
    let writer: web_sys::FileSystemWritableFileStream = JsFuture::from(handle.create_writable())
        .await?
        .unchecked_into();
    JsFuture::from(writer.write_with_blob(blob)?).await?;
    JsFuture::from(writer.close()).await?;
    Ok(())
}

/// The file `name` as it was kept, if it was.
pub async fn read_file(name: &str) -> Option<web_sys::File> {
    let handle = file(name, false).await.ok()?;
    Some(
        JsFuture::from(handle.get_file())
            .await
            .ok()?
            .unchecked_into(),
    )
}

/// Writes `text` as the file `name`.
pub async fn keep(name: &str, text: &str) -> Result<(), JsValue> {
    let handle = file(name, true).await?;
    let writer: web_sys::FileSystemWritableFileStream = JsFuture::from(handle.create_writable())
        .await?
        .unchecked_into();
    JsFuture::from(writer.write_with_str(text)?).await?;
    JsFuture::from(writer.close()).await?;
    Ok(())
}

/// The file `name`'s text, if it was kept.
pub async fn read(name: &str) -> Option<String> {
    let file = read_file(name).await?;
    JsFuture::from(file.text()).await.ok()?.as_string()
}
