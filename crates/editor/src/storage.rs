//! The draft kept in the browser, in the origin private file system (OPFS): written as it changes, read
//! back on the next visit, so a reload, a crash or a closed tab loses nothing. A file is replaced whole
//! when its writer closes (the browser writes a swap file first), so a crash mid-write leaves the last
//! copy as it was. The OPFS is a folder like the site's on disk: `folder`'s handles serve both.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::folder::{self, Folder};

/// The draft being edited.
pub const DRAFT: &str = "draft.json";
/// The bundle it was opened from, for the summary of changes.
pub const OPENED: &str = "opened.json";

/// The folder of the file `name` (`draft.json`, or `media/<file>` in the media folder), and its name.
async fn place(name: &str, create: bool) -> Result<(Folder, &str), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let mut parent: Folder = JsFuture::from(window.navigator().storage().get_directory())
        .await?
        .unchecked_into();
    let (path, base) = name.rsplit_once('/').unwrap_or(("", name));
    for part in path.split('/').filter(|p| !p.is_empty()) {
        parent = folder::folder(&parent, part, create).await?;
    }
    Ok((parent, base))
}

/// Writes `data` (a string or a blob) as the file `name`.
pub async fn keep(name: &str, data: &JsValue) -> Result<(), JsValue> {
    let (parent, base) = place(name, true).await?;
    folder::write(&parent, base, data).await
}

/// The file `name` as it was kept, if it was.
pub async fn read_file(name: &str) -> Option<web_sys::File> {
    let (parent, base) = place(name, false).await.ok()?;
    let handle = folder::file(&parent, base, false).await.ok()?;
    Some(
        JsFuture::from(handle.get_file())
            .await
            .ok()?
            .unchecked_into(),
    )
}

/// The file `name`'s text, if it was kept.
pub async fn read(name: &str) -> Option<String> {
    let file = read_file(name).await?;
    JsFuture::from(file.text()).await.ok()?.as_string()
}

/// Forgets every photo kept with the draft but those named in `keep` (`media/<file>`): all it can,
/// the names of those it could not.
pub async fn forget_photos_but(keep: &[String]) -> Result<(), Vec<String>> {
    let Ok((media, _)) = place("media/", false).await else {
        return Ok(());
    };
    let names = folder::names(&media)
        .await
        .map_err(|_| vec!["media/".to_owned()])?;
    let mut left = Vec::new();
    for name in names {
        let kept = keep
            .iter()
            .any(|k| k.strip_prefix("media/") == Some(name.as_str()));
        if !kept && folder::remove(&media, &name).await.is_err() {
            left.push(format!("media/{name}"));
        }
    }
    if left.is_empty() {
        Ok(())
    } else {
        Err(left)
    }
}
