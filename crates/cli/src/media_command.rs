//! `bundle media <ORIGINALS> --item ID`: process a folder of photos for one item and record them in the
//! bundle. The n-th photo (by file name) becomes the item's n-th media entry: an existing entry is
//! updated in place (its alt text, caption and credit kept), a missing one is added.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde_json::{json, Map, Value};

use crate::json_edit;
use crate::photos::{self, ProcessedPhoto};

pub struct MediaRequest {
    /// Folder of original photos.
    pub originals: PathBuf,
    /// Id of the item the photos belong to.
    pub item_id: String,
    pub bundle: PathBuf,
    pub site_root: PathBuf,
    /// Where the renditions go; must lie under `site_root` so the bundle can refer to them.
    pub out_dir: PathBuf,
}

/// What was done, for the summary the CLI prints.
pub struct MediaOutcome {
    pub photos: Vec<ProcessedPhoto>,
    /// JSON path of the item's media list, e.g. `items[3].media`.
    pub media_path: String,
}

pub fn run(request: &MediaRequest) -> Result<MediaOutcome> {
    let source = std::fs::read_to_string(&request.bundle)
        .with_context(|| format!("cannot read the bundle {}", request.bundle.display()))?;
    let mut document: Value = serde_json::from_str(&source)
        .context("the bundle is not valid JSON; run `bundle check` and fix it first")?;
    let item_index = find_item(&document, &request.item_id)?;
    let originals = photos::list_originals(&request.originals)?;
    if originals.is_empty() {
        bail!(
            "no photos in {} (looked for {})",
            request.originals.display(),
            photos::ORIGINAL_EXTENSIONS.join(", ")
        );
    }
    std::fs::create_dir_all(&request.out_dir)
        .with_context(|| format!("cannot create {}", request.out_dir.display()))?;
    let url_prefix = url_prefix(&request.site_root, &request.out_dir)?;

    let mut processed = Vec::new();
    for (n, original) in originals.iter().enumerate() {
        let stem = format!("{}-{}", request.item_id, n + 1);
        processed.push(photos::process_photo(original, &request.out_dir, &stem)?);
    }

    let item = document["items"][item_index]
        .as_object_mut()
        .context("the item is not a JSON object")?;
    let had_media_key = item.contains_key("media");
    let media = item
        .entry("media")
        .or_insert_with(|| json!([]))
        .as_array_mut()
        .context("the item's \"media\" is not a list")?;
    for (n, photo) in processed.iter().enumerate() {
        if n == media.len() {
            media.push(json!({}));
        }
        let entry = media[n]
            .as_object_mut()
            .with_context(|| format!("items[{item_index}].media[{n}] is not a JSON object"))?;
        record_photo(entry, photo, &url_prefix);
    }

    let media_path = format!("items[{item_index}].media");
    // An item written without "media" gets the list by reprinting the whole item.
    let changed = if had_media_key {
        media_path.clone()
    } else {
        format!("items[{item_index}]")
    };
    let edited = json_edit::replace_value(&source, &document, &changed)?;
    std::fs::write(&request.bundle, edited)
        .with_context(|| format!("cannot write {}", request.bundle.display()))?;
    Ok(MediaOutcome {
        photos: processed,
        media_path,
    })
}

fn find_item(document: &Value, id: &str) -> Result<usize> {
    let items = document["items"]
        .as_array()
        .context("the bundle has no \"items\" list")?;
    if let Some(index) = items.iter().position(|item| item["id"] == id) {
        return Ok(index);
    }
    let known: Vec<&str> = items.iter().filter_map(|i| i["id"].as_str()).collect();
    bail!(
        "there is no item with id \"{id}\". Items: {}. Create one with `bundle new item --id {id} --kind … --write`.",
        known.join(", ")
    )
}

/// `media/` for `public/media` under the site root `public`: how the bundle's URLs name the folder.
fn url_prefix(site_root: &Path, out_dir: &Path) -> Result<String> {
    let root = site_root
        .canonicalize()
        .with_context(|| format!("cannot find the site root {}", site_root.display()))?;
    let out = out_dir.canonicalize()?;
    let relative = out.strip_prefix(&root).map_err(|_| {
        anyhow::anyhow!(
            "the output folder {} is not inside the site root {}, so the site could not serve it",
            out_dir.display(),
            site_root.display()
        )
    })?;
    let mut prefix = String::new();
    for part in relative.components() {
        prefix.push_str(&part.as_os_str().to_string_lossy());
        prefix.push('/');
    }
    Ok(prefix)
}

/// Writes the photo's files, size, variants and placeholder into a media entry. When the entry was a
/// sample illustration, its alt text described the illustration, not the photo: it is emptied (so
/// `bundle check` fails until someone describes the photo) and the old wording kept as a review note.
fn record_photo(entry: &mut Map<String, Value>, photo: &ProcessedPhoto, url_prefix: &str) {
    let largest = photo.largest();
    let was_sample = entry.get("sample") == Some(&Value::Bool(true));
    let file_name = photo
        .original
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    entry.insert("src".into(), format!("{url_prefix}{}", largest.jpeg).into());
    entry.insert("width".into(), largest.width.into());
    entry.insert("height".into(), largest.height.into());
    if entry.contains_key("sample") {
        entry.insert("sample".into(), false.into());
    }
    entry.insert("placeholder".into(), photo.placeholder.clone().into());
    if was_sample || !entry.contains_key("alt") {
        let old = entry
            .get("alt")
            .map(|alt| format!(" Old text, for the sample illustration: {alt}"))
            .unwrap_or_default();
        entry.insert(
            "alt".into(),
            json!({
                "zh": "",
                "en": "",
                "review": format!("Describe the photograph {file_name} for visitors who cannot see it.{old}")
            }),
        );
    }
    if was_sample {
        if let Some(Value::Object(caption)) = entry.get_mut("caption") {
            caption.insert(
                "review".into(),
                "Written for the sample illustration: rewrite it for the photograph, or delete it."
                    .into(),
            );
        }
    }
    // The browser picks a width from srcset; WebP is smaller at the same look. `src` stays JPEG, the
    // format every browser shows.
    let variants: Vec<Value> = photo
        .renditions
        .iter()
        .map(|r| json!({ "src": format!("{url_prefix}{}", r.webp), "width": r.width, "height": r.height }))
        .collect();
    entry.insert("variants".into(), variants.into());
}
