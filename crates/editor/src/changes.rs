//! What saving would change, against the bundle as it was opened (records added, removed and changed in
//! each list, other sections changed), and saving: refused while the checker finds errors.

use leptos::prelude::*;
use serde_json::Value;
use wasm_bindgen::JsCast;

use crate::draft::Draft;
use crate::folder::{Folder, SaveError};
use crate::labels::{self, both};

/// The lists whose records have ids.
const COLLECTIONS: [&str; 4] = ["units", "people", "items", "timeline"];

/// The changes to one list: its name, the ids of the records added, removed and changed, and whether
/// the records it had still there are in another order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListChanges {
    pub list: String,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<String>,
    pub reordered: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Changes {
    pub lists: Vec<ListChanges>,
    /// Other top-level sections that differ.
    pub sections: Vec<String>,
    /// The pictures (each by its file, `src`) the draft has and the bundle opened had not, and the
    /// other way round.
    pub photos_added: Vec<String>,
    pub photos_removed: Vec<String>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.lists.is_empty()
            && self.sections.is_empty()
            && self.photos_added.is_empty()
            && self.photos_removed.is_empty()
    }
}

/// A list's records by id, in the list's order (borrowed: at 5,000 records a copy of each would cost
/// more than the comparison).
fn by_id<'a>(value: &'a Value, list: &str) -> Vec<(&'a str, &'a Value)> {
    value
        .get(list)
        .and_then(Value::as_array)
        .map(|l| {
            l.iter()
                .map(|r| (r.get("id").and_then(Value::as_str).unwrap_or(""), r))
                .collect()
        })
        .unwrap_or_default()
}

pub fn compare(opened: &Value, draft: &Value) -> Changes {
    use std::collections::HashMap;
    let mut changes = Changes::default();
    for list in COLLECTIONS {
        let (before, after) = (by_id(opened, list), by_id(draft, list));
        let (old, new): (HashMap<&str, &Value>, HashMap<&str, &Value>) = (
            before.iter().copied().collect(),
            after.iter().copied().collect(),
        );
        let ids = |records: &[(&str, &Value)], keep: &dyn Fn(&str, &Value) -> bool| {
            records
                .iter()
                .filter(|(id, r)| keep(id, r))
                .map(|(id, _)| (*id).to_owned())
                .collect::<Vec<String>>()
        };
        let added = ids(&after, &|id, _| !old.contains_key(id));
        let removed = ids(&before, &|id, _| !new.contains_key(id));
        let changed = ids(&after, &|id, r| old.get(id).is_some_and(|o| *o != r));
        // The ids of `records` that `other` has too, in their order.
        fn kept<'k>(records: &[(&'k str, &Value)], other: &HashMap<&str, &Value>) -> Vec<&'k str> {
            records
                .iter()
                .map(|(id, _)| *id)
                .filter(|id| other.contains_key(id))
                .collect()
        }
        let reordered = kept(&before, &new) != kept(&after, &old);
        if reordered || !(added.is_empty() && removed.is_empty() && changed.is_empty()) {
            changes.lists.push(ListChanges {
                list: list.to_owned(),
                added,
                removed,
                changed,
                reordered,
            });
        }
    }
    let (before, after) = (pictures(opened), pictures(draft));
    changes.photos_added = after.difference(&before).map(|p| (*p).to_owned()).collect();
    changes.photos_removed = before.difference(&after).map(|p| (*p).to_owned()).collect();
    let keys = |v: &Value| {
        v.as_object()
            .map(|o| o.keys().cloned().collect::<Vec<_>>())
            .unwrap_or_default()
    };
    let mut sections = keys(draft);
    sections.extend(keys(opened).into_iter().filter(|k| draft.get(k).is_none()));
    changes.sections = sections
        .into_iter()
        .filter(|k| !COLLECTIONS.contains(&k.as_str()) && opened.get(k) != draft.get(k))
        .collect();
    changes
}

/// Gives `bytes` to the browser to save as `name` (the maintainer's downloads folder).
fn download(name: &str, kind: &str, bytes: &[u8]) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let link: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .expect("an element")
        .unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Every picture of the draft (each entry of a `media` list), wherever it is.
fn media_entries(draft: &Value) -> Vec<&Value> {
    let mut entries = Vec::new();
    let mut walk = vec![draft];
    while let Some(value) = walk.pop() {
        match value {
            Value::Object(map) => {
                if let Some(Value::Array(media)) = map.get("media") {
                    entries.extend(media);
                }
                walk.extend(map.values());
            }
            Value::Array(list) => walk.extend(list),
            _ => {}
        }
    }
    entries
}

/// Each picture's own file (`src`), once, in a set for comparing (borrowed, as the records are).
fn pictures(draft: &Value) -> std::collections::BTreeSet<&str> {
    media_entries(draft)
        .into_iter()
        .filter_map(|e| e.get("src")?.as_str())
        .collect()
}

/// Every file the draft's pictures name (`src` of each media entry and of its variants).
pub fn media_files(draft: &Value) -> Vec<String> {
    let mut files: Vec<String> = Vec::new();
    for entry in media_entries(draft) {
        let variants = entry
            .get("variants")
            .and_then(Value::as_array)
            .into_iter()
            .flatten();
        for src in std::iter::once(entry)
            .chain(variants)
            .filter_map(|e| e.get("src")?.as_str())
        {
            if !files.iter().any(|f| f == src) {
                files.push(src.to_owned());
            }
        }
    }
    files
}

/// The site's files the draft changes, as a .zip to unpack over the site: `data/bundle.json`, the
/// bundle it replaces as `data/bundle.previous.json`, and the photos added in the editor under
/// `media/`.
pub fn zip(
    bundle: &str,
    previous: &str,
    photos: &[(String, Vec<u8>)],
) -> Result<Vec<u8>, zip::result::ZipError> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in [
        ("data/bundle.json", bundle.as_bytes()),
        ("data/bundle.previous.json", previous.as_bytes()),
    ]
    .into_iter()
    .chain(photos.iter().map(|(n, b)| (n.as_str(), b.as_slice())))
    {
        zip.start_file(name, options)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// The photos added in the editor that the pictures of `value` name, as kept with the draft: each file
/// a picture names, and for each WebP rendition its JPEG twin, which `bundle media` writes too.
async fn kept_photos(value: &Value) -> Vec<(String, web_sys::File)> {
    let mut wanted = media_files(value);
    let twins: Vec<String> = wanted
        .iter()
        .filter_map(|f| Some(format!("{}.jpg", f.strip_suffix(".webp")?)))
        .collect();
    for twin in twins {
        if !wanted.contains(&twin) {
            wanted.push(twin);
        }
    }
    let mut photos = Vec::new();
    for src in wanted.into_iter().filter(|s| s.starts_with("media/")) {
        if let Some(file) = crate::storage::read_file(&src).await {
            photos.push((src, file));
        }
    }
    photos
}

/// What a save writes, taken at once when it is asked for (edits typed while it writes are the next
/// save's): the draft as it is, its text, and whether the site's own rules find errors in it.
struct Snapshot {
    /// The draft's generation (`Draft::generation`) when it was taken.
    generation: u64,
    value: Value,
    text: String,
    errors: bool,
}

impl Snapshot {
    fn of(draft: Draft) -> Self {
        let value = draft.value.get_untracked();
        let text = draft.text();
        let errors = crate::draft::check(&text)
            .iter()
            .any(|p| p.severity == bundle::Severity::Error);
        Self {
            generation: draft.generation.get_value(),
            value,
            text,
            errors,
        }
    }
}

fn previous_text(draft: Draft) -> String {
    serde_json::to_string_pretty(&draft.opened.get_untracked()).unwrap_or_default() + "\n"
}

/// A bundle's text as opened, and the photos brought in with it (kept with the draft: `media/…`).
pub type Opened = (String, Vec<String>);

/// What a .zip of the site's `data/` and `media/` holds (as "Save as a .zip" writes it, or packed by
/// hand, in a folder of its own or not): the bundle's text, its photos kept with the draft.
pub async fn open_zip(name: &str, bytes: Vec<u8>) -> Result<Opened, String> {
    use std::io::Read;
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| format!("{name}: {e}"))?;
    let names: Vec<String> = archive.file_names().map(str::to_owned).collect();
    let (bundle, root) =
        site_root(&names).ok_or_else(|| format!("{name}: {}", both("no_bundle_in_zip")))?;
    let mut text = String::new();
    archive
        .by_name(&bundle)
        .map_err(|e| e.to_string())?
        .read_to_string(&mut text)
        .map_err(|e| e.to_string())?;
    let mut imported = Vec::new();
    for entry in names.iter().filter(|n| is_photo(&root, n)) {
        let mut bytes = Vec::new();
        if archive
            .by_name(entry)
            .ok()
            .and_then(|mut f| f.read_to_end(&mut bytes).ok())
            .is_some()
        {
            let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
            if let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence(&parts) {
                let name = &entry[root.len()..];
                crate::storage::keep(name, &blob)
                    .await
                    .map_err(|_| format!("{name}: {}", both("photo_not_kept")))?;
                imported.push(name.to_owned());
            }
        }
    }
    Ok((text, imported))
}

/// Of a site's files by their paths (a .zip's entries, a folder's files): the bundle's (the shallowest
/// `data/bundle.json`) and the folder it is in (`""` or `site/`).
fn site_root(names: &[String]) -> Option<(String, String)> {
    let bundle = names
        .iter()
        .filter(|n| n.ends_with("data/bundle.json"))
        .min_by_key(|n| n.len())?
        .clone();
    let root = bundle.trim_end_matches("data/bundle.json").to_owned();
    Some((bundle, root))
}

/// Whether the file `name` is one of the site's photos (under `media/` of the site's folder `root`).
fn is_photo(root: &str, name: &str) -> bool {
    name.strip_prefix(root)
        .is_some_and(|rest| rest.starts_with("media/") && !rest.ends_with('/'))
}

/// What a site's folder holds, given as its files with their paths from the folder chosen (a folder
/// picked or dropped where the browser cannot write one: `<input webkitdirectory>`, a dropped folder's
/// entries), the same as a .zip: the bundle's text, its photos kept with the draft.
pub async fn open_files(files: Vec<(String, web_sys::File)>) -> Result<Opened, String> {
    let (names, files): (Vec<String>, Vec<web_sys::File>) = files.into_iter().unzip();
    let (bundle, root) = site_root(&names).ok_or_else(|| both("no_bundle_in_folder"))?;
    let (mut text, mut imported) = (None, Vec::new());
    for (name, file) in names.iter().zip(&files) {
        if *name == bundle {
            let read = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            text = read.ok().and_then(|t| t.as_string());
        } else if is_photo(&root, name) {
            let name = &name[root.len()..];
            crate::storage::keep(name, file)
                .await
                .map_err(|_| format!("{name}: {}", both("photo_not_kept")))?;
            imported.push(name.to_owned());
        }
    }
    text.map(|t| (t, imported)).ok_or(bundle)
}

async fn save_zip(draft: Draft, snapshot: Snapshot) -> Option<(bool, String)> {
    let mut photos = Vec::new();
    for (name, file) in kept_photos(&snapshot.value).await {
        if let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            photos.push((name, js_sys::Uint8Array::new(&buffer).to_vec()));
        }
    }
    match zip(&snapshot.text, &previous_text(draft), &photos) {
        Ok(bytes) => {
            download("showcase-content.zip", "application/zip", &bytes);
            None
        }
        Err(why) => Some((false, format!("{}: {why}", both("save_failed")))),
    }
}

/// Saves into the site's folder (asking for it the first time); what happened, for the maintainer.
async fn save_folder(
    draft: Draft,
    site: StoredValue<Option<Folder>, LocalStorage>,
    snapshot: Snapshot,
) -> (bool, String) {
    let chosen = site.get_value();
    let folder = match chosen {
        Some(folder) => folder,
        None => match crate::folder::pick().await {
            Ok(folder) => {
                site.set_value(Some(folder.clone()));
                folder
            }
            Err(_) => return (false, both("no_folder")),
        },
    };
    let photos: Vec<(String, web_sys::Blob)> = kept_photos(&snapshot.value)
        .await
        .into_iter()
        .map(|(n, f)| (n, f.into()))
        .collect();
    let opened = draft.opened.get_untracked();
    match crate::folder::save(&folder, &snapshot.text, &opened, &photos).await {
        Ok(()) => {
            // What is on disk now is what the next save compares with, kept with the draft at once
            // (a reload after saving must not compare with the bundle from before).
            // Unless another bundle was opened meanwhile: its baseline is its own.
            if draft.generation.get_value() == snapshot.generation {
                draft.opened.set(snapshot.value);
                draft.settled.update(|n| *n += 1);
            }
            (true, both("saved_folder"))
        }
        Err(SaveError::ChangedOnDisk) => (false, both("changed_on_disk")),
        Err(SaveError::Failed(why)) => (false, format!("{}: {why}", both("save_failed"))),
    }
}

fn ids(label: &str, ids: &[String]) -> impl IntoView {
    (!ids.is_empty()).then(|| view! { <li>{both(label)}": "{ids.join(", ")}</li> })
}

/// The summary of changes and the save buttons.
#[component]
pub fn Save(draft: Draft, site: StoredValue<Option<Folder>, LocalStorage>) -> impl IntoView {
    let outcome = RwSignal::new(None::<(bool, String)>);
    // One save at a time; each from the draft as it was when asked for, checked again then.
    let saving = RwSignal::new(false);
    let start = move || -> Option<Snapshot> {
        if saving.get_untracked() {
            return None;
        }
        let snapshot = Snapshot::of(draft);
        if snapshot.errors {
            outcome.set(Some((false, both("save_blocked"))));
            return None;
        }
        outcome.set(None);
        saving.set(true);
        Some(snapshot)
    };
    let to_folder = move |_| {
        let Some(snapshot) = start() else { return };
        leptos::task::spawn_local(async move {
            outcome.set(Some(save_folder(draft, site, snapshot).await));
            saving.set(false);
        });
    };
    let to_zip = move |_| {
        let Some(snapshot) = start() else { return };
        leptos::task::spawn_local(async move {
            outcome.set(save_zip(draft, snapshot).await);
            saving.set(false);
        });
    };
    let to_file = move |_| {
        let Some(snapshot) = start() else { return };
        download("bundle.json", "application/json", snapshot.text.as_bytes());
        saving.set(false);
    };
    // Against what was opened (or last saved into the folder), once each change is checked.
    let changes = Memo::new(move |_| {
        draft.report.track();
        draft
            .opened
            .with(|o| draft.value.with_untracked(|v| compare(o, v)))
    });
    let errors = move || draft.report.with(|r| r.errors());
    view! {
        <section class="save" aria-labelledby="save-title">
            <h2 id="save-title">{both("changes")}</h2>
            {move || {
                let changes = changes.get();
                if changes.is_empty() {
                    return view! { <p>{both("nothing_changed")}</p> }.into_any();
                }
                view! {
                    <ul class="changes">
                        {changes.lists.iter().map(|ListChanges { list, added, removed, changed, reordered }| {
                            let (zh, en) = labels::field(list);
                            view! {
                                <li>{format!("{zh} · {en}")}
                                    <ul>
                                        {ids("added", added)}{ids("removed", removed)}{ids("changed", changed)}
                                        {reordered.then(|| view! { <li>{both("reordered")}</li> })}
                                    </ul>
                                </li>
                            }
                        }).collect_view()}
                        {ids("photos_added", &changes.photos_added)}
                        {ids("photos_removed", &changes.photos_removed)}
                        {(!changes.sections.is_empty()).then(|| {
                            let names: Vec<String> = changes.sections.iter().map(|s| { let (zh, en) = labels::field(s); format!("{zh} · {en}") }).collect();
                            view! { <li>{both("changed")}": "{names.join(", ")}</li> }
                        })}
                    </ul>
                }
                .into_any()
            }}
            <p>
                {crate::folder::available().then(|| view! {
                    <button type="button" class="primary" id="save-folder" disabled={move || errors() > 0} aria-busy=move || saving.get().then_some("true")
                        aria-describedby="save-blocked" on:click=to_folder>
                        {both("save_folder")}
                    </button>" "
                })}
                <button type="button" class="primary" id="save-zip" disabled={move || errors() > 0} aria-busy=move || saving.get().then_some("true")
                    aria-describedby="save-blocked" on:click=to_zip>
                    {both("save_zip")}
                </button>" "
                <button type="button" id="save" disabled={move || errors() > 0} aria-busy=move || saving.get().then_some("true")
                    aria-describedby="save-blocked" on:click=to_file>
                    {both("save")}
                </button>
            </p>
            <p role="status" class="save-outcome">
                {move || saving.get().then(|| both("saving"))}
                {move || outcome.get().map(|(ok, text)| view! { <span class=if ok { "saved" } else { "problem error" }>{text}</span> })}
            </p>
            <p id="save-blocked" class="problem error">{move || (errors() > 0).then(|| both("save_blocked"))}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn records_added_removed_and_changed_are_told_by_id() {
        let opened =
            json!({ "meta": { "a": 1 }, "items": [{ "id": "a", "t": 1 }, { "id": "b", "t": 1 }] });
        let draft =
            json!({ "meta": { "a": 2 }, "items": [{ "id": "a", "t": 2 }, { "id": "c", "t": 1 }] });
        let changes = compare(&opened, &draft);
        assert_eq!(
            changes.lists,
            vec![ListChanges {
                list: "items".into(),
                added: vec!["c".into()],
                removed: vec!["b".into()],
                changed: vec!["a".into()],
                reordered: false,
            }]
        );
        assert_eq!(changes.sections, vec!["meta".to_owned()]);
        assert!(compare(&opened, &opened).is_empty());
    }

    #[test]
    fn a_new_order_and_photos_added_and_removed_are_told() {
        let opened = json!({ "items": [
            { "id": "a", "media": [{ "src": "media/a-1-960.jpg", "variants": [{ "src": "media/a-1-480.webp" }] }] },
            { "id": "b" }, { "id": "c" }] });
        // "c" before "a" (with "b" gone, the rest keep their order or not), a photo for another.
        let draft = json!({ "items": [
            { "id": "c" },
            { "id": "a", "media": [{ "src": "media/a-2-960.jpg", "variants": [{ "src": "media/a-2-480.webp" }] }] }] });
        let changes = compare(&opened, &draft);
        assert!(changes.lists[0].reordered);
        assert_eq!(changes.lists[0].removed, ["b"]);
        assert_eq!(changes.photos_added, ["media/a-2-960.jpg"]);
        assert_eq!(changes.photos_removed, ["media/a-1-960.jpg"]);
        // A removal alone is no new order.
        let fewer = json!({ "items": [opened["items"][0].clone(), { "id": "c" }] });
        let changes = compare(&opened, &fewer);
        assert!(!changes.lists[0].reordered);
        assert!(changes.photos_added.is_empty() && changes.photos_removed.is_empty());
    }

    #[test]
    fn the_files_of_every_picture_are_found() {
        let draft = json!({ "items": [{ "media": [{ "src": "media/a-1-960.jpg", "variants": [{ "src": "media/a-1-480.webp" }, { "src": "media/a-1-960.webp" }] }] }],
            "units": [{ "media": [{ "src": "media/a-1-960.jpg" }] }] });
        let mut files = media_files(&draft);
        files.sort();
        assert_eq!(
            files,
            [
                "media/a-1-480.webp",
                "media/a-1-960.jpg",
                "media/a-1-960.webp"
            ]
        );
    }

    #[test]
    fn the_zip_holds_the_bundle_its_predecessor_and_the_photos() {
        let bytes = zip("{}", "{ }", &[("media/a.jpg".into(), vec![1, 2, 3])]).unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let names: Vec<String> = archive.file_names().map(str::to_owned).collect();
        assert_eq!(
            names,
            [
                "data/bundle.json",
                "data/bundle.previous.json",
                "media/a.jpg"
            ]
        );
        let mut photo = Vec::new();
        std::io::Read::read_to_end(&mut archive.by_name("media/a.jpg").unwrap(), &mut photo)
            .unwrap();
        assert_eq!(photo, [1, 2, 3]);
    }
}
