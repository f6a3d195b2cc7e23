//! The editor's words, in Chinese and English at once (`labels.json`): every control's label shows both,
//! so a maintainer reading either language finds their way, and a field's label is its name's entry
//! (a test checks every field of the schema has one).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

#[derive(Deserialize)]
struct Labels {
    fields: HashMap<String, (String, String)>,
    choices: HashMap<String, (String, String)>,
    ui: HashMap<String, (String, String)>,
    /// A rule of the checker (its code) said in Chinese; its English is the checker's own message.
    rules: HashMap<String, String>,
}

fn labels() -> &'static Labels {
    static LABELS: OnceLock<Labels> = OnceLock::new();
    LABELS.get_or_init(|| {
        serde_json::from_str(include_str!("../labels.json")).expect("labels.json is well formed")
    })
}

fn pair(table: &HashMap<String, (String, String)>, key: &str) -> (String, String) {
    table
        .get(key)
        .cloned()
        .unwrap_or_else(|| (key.to_owned(), key.to_owned()))
}

/// A field's label: (Chinese, English).
pub fn field(name: &str) -> (String, String) {
    pair(&labels().fields, name)
}

/// A choice's label (an item's kind, a weekday…).
pub fn choice(value: &str) -> (String, String) {
    pair(&labels().choices, value)
}

/// One of the editor's own words.
pub fn ui(key: &str) -> (String, String) {
    pair(&labels().ui, key)
}

/// What a rule of the checker asks, in Chinese (the checker's messages are English), or nothing for a
/// code the table does not know.
pub fn rule(code: &str) -> Option<&'static str> {
    labels().rules.get(code).map(String::as_str)
}

/// Both languages in one line, for a title or an announcement.
pub fn both(key: &str) -> String {
    let (zh, en) = ui(key);
    format!("{zh} · {en}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn walk(node: &Value, fields: &mut Vec<String>, choices: &mut Vec<String>) {
        match node {
            Value::Object(map) => {
                if let Some(Value::Object(properties)) = map.get("properties") {
                    fields.extend(properties.keys().cloned());
                }
                if let Some(Value::Array(values)) = map.get("enum") {
                    choices.extend(values.iter().filter_map(|v| v.as_str().map(str::to_owned)));
                }
                if let Some(c) = map.get("const").and_then(Value::as_str) {
                    choices.push(c.to_owned());
                }
                map.values().for_each(|v| walk(v, fields, choices));
            }
            Value::Array(values) => values.iter().for_each(|v| walk(v, fields, choices)),
            _ => {}
        }
    }

    #[test]
    fn every_field_and_choice_of_the_schema_has_a_label_in_both_languages() {
        let schema: Value =
            serde_json::from_str(include_str!("../../../public/data/bundle.schema.json")).unwrap();
        let (mut fields, mut choices) = (Vec::new(), Vec::new());
        walk(&schema, &mut fields, &mut choices);
        let hidden = ["$schema", "schema_version"];
        let missing: Vec<_> = fields
            .iter()
            .filter(|f| !hidden.contains(&f.as_str()) && !labels().fields.contains_key(*f))
            .collect();
        assert!(
            missing.is_empty(),
            "fields without a label in labels.json: {missing:?}"
        );
        let missing: Vec<_> = choices
            .iter()
            .filter(|c| !labels().choices.contains_key(*c))
            .collect();
        assert!(
            missing.is_empty(),
            "choices without a label in labels.json: {missing:?}"
        );
        for (zh, en) in labels()
            .fields
            .values()
            .chain(labels().choices.values())
            .chain(labels().ui.values())
        {
            assert!(!zh.is_empty() && !en.is_empty() && zh != en, "{zh} / {en}");
        }
    }

    #[test]
    fn every_rule_of_the_checker_is_said_in_chinese() {
        let parse = bundle::ParseErrorKind::ALL.map(bundle::ParseErrorKind::code);
        let codes: Vec<&str> = bundle::RULES.iter().copied().chain(parse).collect();
        let missing: Vec<_> = codes.iter().filter(|c| rule(c).is_none()).collect();
        assert!(
            missing.is_empty(),
            "rules without a line in labels.json: {missing:?}"
        );
        for code in labels().rules.keys() {
            assert!(
                codes.contains(&code.as_str()),
                "labels.json explains a rule the checker does not have: {code}"
            );
        }
    }
}
