//! What a page is about, for search engines: schema.org descriptions (JSON-LD) of the event, an item
//! and a unit, in one language, built from the bundle alone. The pages rendered to HTML carry them in
//! `<script type="application/ld+json">` ([`script_text`]).

use serde_json::{json, Map, Value};

use crate::{Bundle, Item, ItemKind, Lang, Unit};

const CONTEXT: &str = "https://schema.org";

/// The event: an `Event`, with its date, place, organiser (the host unit) and the partner units.
pub fn event(bundle: &Bundle, lang: Lang, url: Option<&str>) -> Value {
    let e = &bundle.event;
    let mut v = object([
        ("@context", json!(CONTEXT)),
        ("@type", json!("Event")),
        ("name", json!(e.title.get(lang))),
        ("startDate", json!(e.date)),
        ("description", json!(e.summary.get(lang))),
        (
            "location",
            json!({ "@type": "Place", "name": e.place.get(lang) }),
        ),
        ("eventStatus", json!("https://schema.org/EventScheduled")),
        ("inLanguage", json!(lang.bcp47())),
    ]);
    let host = e.host_unit.as_deref().and_then(|id| bundle.unit(id));
    if let Some(host) = host {
        v.insert("organizer".into(), organization(host, lang));
    }
    let others: Vec<Value> = bundle
        .units
        .iter()
        .filter(|u| Some(u.id.as_str()) != e.host_unit.as_deref())
        .map(|u| organization(u, lang))
        .collect();
    if !others.is_empty() {
        v.insert("attendee".into(), Value::Array(others));
    }
    put_url(&mut v, url);
    Value::Object(v)
}

/// An item: a `VisualArtwork` for an artwork, else a `CreativeWork`; `image` is the absolute address
/// of its first picture.
pub fn item(item: &Item, lang: Lang, url: Option<&str>, image: Option<&str>) -> Value {
    let kind = match item.kind {
        ItemKind::Artwork => "VisualArtwork",
        _ => "CreativeWork",
    };
    let mut v = object([
        ("@context", json!(CONTEXT)),
        ("@type", json!(kind)),
        ("name", json!(item.title.get(lang))),
        ("description", json!(item.description.get(lang))),
        ("inLanguage", json!(lang.bcp47())),
    ]);
    if !item.date.is_empty() {
        v.insert("dateCreated".into(), json!(item.date));
    }
    if let Some(image) = image {
        v.insert("image".into(), json!(image));
    }
    put_url(&mut v, url);
    Value::Object(v)
}

/// A unit: an `Organization`, with its address and position.
pub fn unit(unit: &Unit, lang: Lang, url: Option<&str>) -> Value {
    let mut v = match organization(unit, lang) {
        Value::Object(v) => v,
        _ => unreachable!("an organization is an object"),
    };
    v.insert("@context".into(), json!(CONTEXT));
    if let Some(description) = &unit.description {
        v.insert("description".into(), json!(description.get(lang)));
    }
    v.insert(
        "geo".into(),
        json!({ "@type": "GeoCoordinates", "latitude": unit.location.lat, "longitude": unit.location.lon }),
    );
    put_url(&mut v, url);
    Value::Object(v)
}

fn organization(unit: &Unit, lang: Lang) -> Value {
    let mut v = object([
        ("@type", json!("Organization")),
        ("name", json!(unit.name.get(lang))),
    ]);
    if let Some(address) = &unit.address {
        v.insert("address".into(), json!(address.get(lang)));
    }
    Value::Object(v)
}

fn object<const N: usize>(fields: [(&str, Value); N]) -> Map<String, Value> {
    fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

fn put_url(v: &mut Map<String, Value>, url: Option<&str>) {
    if let Some(url) = url {
        v.insert("url".into(), json!(url));
    }
}

/// `value` as the text of a `<script type="application/ld+json">`: JSON with every `<` written
/// `\u003c`, so that no text of the bundle can close the element (`</script>`) or open a comment.
pub fn script_text(value: &Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_text_can_close_the_script() {
        let v = json!({ "name": "</script><script>alert(1)</script>", "x": "<!--" });
        let text = script_text(&v);
        assert!(!text.contains('<'));
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, v);
    }
}
