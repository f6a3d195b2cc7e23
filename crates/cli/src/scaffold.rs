//! `bundle new item`: a new gallery item with every required field, for a maintainer to fill in.
//!
//! The blanks are deliberately invalid (empty texts, no donor, a date that is not a date), so the item
//! parses and `bundle check` then points at each field still to fill, by line and column, and the build
//! refuses to publish it half-done. Nothing here guesses content a visitor would take for fact.

use anyhow::{bail, Context, Result};
use bundle::ItemKind;
use serde_json::{json, Map, Value};

use crate::json_edit;

/// The kinds as written in the bundle: `artwork`, `first_day_cover`, …
pub fn kind_names() -> Vec<&'static str> {
    ItemKind::ALL.iter().map(|k| k.as_str()).collect()
}

fn blank_text() -> Value {
    json!({ "zh": "", "en": "" })
}

/// The new item, fields in the order of docs/bundle.md.
pub fn new_item(id: &str, kind: ItemKind) -> Value {
    let mut item = Map::new();
    item.insert("id".into(), id.into());
    item.insert("kind".into(), kind.as_str().into());
    item.insert("featured".into(), false.into());
    item.insert("title".into(), blank_text());
    item.insert("description".into(), blank_text());
    item.insert("donors".into(), json!([]));
    item.insert("recipients".into(), json!([]));
    item.insert("date".into(), "YYYY-MM-DD".into());
    let details = match kind {
        ItemKind::Artwork => Some(("artwork", json!({ "artists": blank_text() }))),
        ItemKind::FirstDayCover => Some(("cover", json!({ "issuer": blank_text() }))),
        ItemKind::BookDonation => Some((
            "books",
            // No count: an unknown count is left out, never guessed (docs/bundle.md).
            json!({ "titles": [], "from": [], "to": "" }),
        )),
        ItemKind::Plaque => Some(("plaque", json!({ "inscription": blank_text() }))),
        ItemKind::Other => None,
    };
    if let Some((field, value)) = details {
        item.insert(field.into(), value);
    }
    // Filled by `bundle media <photos> --item ID`.
    item.insert("media".into(), json!([]));
    Value::Object(item)
}

/// The item printed as it would sit in the bundle's `items` list.
pub fn print_item(item: &Value) -> String {
    json_edit::format_value(item, 0, 0) + "\n"
}

/// Appends `item` to the `items` of the bundle text `source`, keeping the rest of the text as it is.
/// Returns the new text and the item's JSON path (`items[N]`).
pub fn insert_item(source: &str, item: &Value) -> Result<(String, String)> {
    let mut document: Value =
        serde_json::from_str(source).context("the bundle is not valid JSON; run `bundle check`")?;
    let id = item["id"].as_str().unwrap_or_default();
    let items = document
        .get_mut("items")
        .and_then(Value::as_array_mut)
        .context("the bundle has no \"items\" list")?;
    if items.iter().any(|existing| existing["id"] == id) {
        bail!("an item with id \"{id}\" already exists; choose another id");
    }
    items.push(item.clone());
    let path = format!("items[{}]", items.len() - 1);
    let text = json_edit::append_element(source, &document, "items")?;
    Ok((text, path))
}
