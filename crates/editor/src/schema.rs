//! The bundle's shape, read from its JSON Schema (`public/data/bundle.schema.json`, generated from the
//! same Rust types the site parses into, `bundle schema`): the forms are drawn from it, so a field added
//! to the model is in the editor once the schema is written again. References between records are
//! marked in the model (`x-refers`: "units", "people", "items").

use serde_json::Value;

use crate::path::Path;

const SCHEMA_TEXT: &str = include_str!("../../../public/data/bundle.schema.json");

/// What a node of the schema asks the form for.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A text in Chinese and English, with its review note (the model's `Text`).
    Text,
    /// Named fields, in the model's order, with which are required.
    Object {
        fields: Vec<(String, Value)>,
        required: Vec<String>,
    },
    /// A position on the earth (the model's `Coordinates`): its fields, and a map to click.
    Position {
        fields: Vec<(String, Value)>,
        required: Vec<String>,
    },
    /// A list of `item`s.
    List {
        item: Value,
    },
    /// One of these strings.
    Choice(Vec<String>),
    /// The id of a record of `collection` (a top-level list), or several.
    Reference {
        collection: String,
        many: bool,
    },
    /// One line of text, matching `pattern` where the model gives one.
    Line {
        pattern: Option<String>,
    },
    Number {
        integer: bool,
        min: Option<f64>,
        max: Option<f64>,
    },
    Flag,
    /// Anything else: edited as JSON.
    Json,
}

pub struct Schema {
    root: Value,
}

/// The bundle's schema, read once.
pub fn schema() -> &'static Schema {
    static SCHEMA: std::sync::OnceLock<Schema> = std::sync::OnceLock::new();
    SCHEMA.get_or_init(Schema::load)
}

impl Schema {
    pub fn load() -> Self {
        Self {
            root: serde_json::from_str(SCHEMA_TEXT).expect("the committed schema is JSON"),
        }
    }

    pub fn root(&self) -> &Value {
        &self.root
    }

    /// `node` with its `$ref` followed (`#/$defs/Name`), and the name it had.
    pub fn resolve<'a>(&'a self, node: &'a Value) -> (&'a Value, Option<&'a str>) {
        match node.get("$ref").and_then(Value::as_str) {
            Some(reference) => {
                let name = reference.trim_start_matches("#/$defs/");
                (&self.root["$defs"][name], Some(name))
            }
            None => (node, None),
        }
    }

    /// The node of an optional value (`anyOf: [X, null]`, `type: [T, "null"]`) without its null.
    pub fn strip_null<'a>(&'a self, node: &'a Value) -> &'a Value {
        if let Some(any) = node.get("anyOf").and_then(Value::as_array) {
            if let Some(some) = any.iter().find(|n| n.get("type") != Some(&"null".into())) {
                if any.len() == 2 {
                    return some;
                }
            }
        }
        node
    }

    pub fn kind(&self, node: &Value) -> Kind {
        if let Some(collection) = node.get("x-refers").and_then(Value::as_str) {
            let many = node.get("type") == Some(&"array".into());
            return Kind::Reference {
                collection: collection.to_owned(),
                many,
            };
        }
        let node = self.strip_null(node);
        let (node, name) = self.resolve(node);
        if name == Some("Text") {
            return Kind::Text;
        }
        if name == Some("Coordinates") {
            if let Kind::Object { fields, required } = self.kind(node) {
                return Kind::Position { fields, required };
            }
        }
        if let Some(choices) = node.get("enum").and_then(Value::as_array) {
            return Kind::Choice(
                choices
                    .iter()
                    .filter_map(|c| c.as_str().map(str::to_owned))
                    .collect(),
            );
        }
        if let Some(one_of) = node.get("oneOf").and_then(Value::as_array) {
            let constants: Vec<String> = one_of
                .iter()
                .filter_map(|c| c.get("const").and_then(Value::as_str).map(str::to_owned))
                .collect();
            if constants.len() == one_of.len() {
                return Kind::Choice(constants);
            }
        }
        let ty = match node.get("type") {
            Some(Value::String(t)) => t.as_str(),
            Some(Value::Array(ts)) => ts
                .iter()
                .filter_map(Value::as_str)
                .find(|t| *t != "null")
                .unwrap_or("null"),
            _ => "",
        };
        let number = |key: &str| node.get(key).and_then(Value::as_f64);
        match ty {
            "object" if node.get("properties").is_some() => Kind::Object {
                fields: node["properties"]
                    .as_object()
                    .map(|p| p.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
                    .unwrap_or_default(),
                required: node
                    .get("required")
                    .and_then(Value::as_array)
                    .map(|r| {
                        r.iter()
                            .filter_map(|s| s.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default(),
            },
            "array" => Kind::List {
                item: node.get("items").cloned().unwrap_or(Value::Null),
            },
            "string" => Kind::Line {
                pattern: node
                    .get("pattern")
                    .and_then(Value::as_str)
                    .map(str::to_owned),
            },
            "integer" | "number" => Kind::Number {
                integer: ty == "integer",
                min: number("minimum"),
                max: number("maximum"),
            },
            "boolean" => Kind::Flag,
            _ => Kind::Json,
        }
    }

    /// Where `value` (drawn by `node`, at `at`) refers to the record `id` of `collection`: the paths of
    /// those references, each a string equal to `id`.
    pub fn references_to(
        &self,
        node: &Value,
        value: &Value,
        at: &Path,
        to: (&str, &str),
    ) -> Vec<Path> {
        let (collection, id) = to;
        let mut found = Vec::new();
        match (self.kind(node), value) {
            (Kind::Reference { collection: c, .. }, _) if c == collection => match value {
                Value::String(s) if s == id => found.push(at.clone()),
                Value::Array(list) => found.extend(
                    list.iter()
                        .enumerate()
                        .filter(|(_, v)| v.as_str() == Some(id))
                        .map(|(n, _)| at.index(n)),
                ),
                _ => {}
            },
            (Kind::Object { fields, .. } | Kind::Position { fields, .. }, Value::Object(map)) => {
                for (name, field) in &fields {
                    if let Some(v) = map.get(name) {
                        found.extend(self.references_to(field, v, &at.field(name), to));
                    }
                }
            }
            (Kind::List { item }, Value::Array(list)) => {
                for (n, v) in list.iter().enumerate() {
                    found.extend(self.references_to(&item, v, &at.index(n), to));
                }
            }
            _ => {}
        }
        found
    }

    /// A new, empty value for `node`: what "add" puts in a list (required fields present, empty).
    pub fn empty(&self, node: &Value) -> Value {
        match self.kind(node) {
            Kind::Text => serde_json::json!({ "zh": "", "en": "" }),
            Kind::Object { fields, required } | Kind::Position { fields, required } => {
                Value::Object(
                    fields
                        .iter()
                        .filter(|(name, _)| required.contains(name))
                        .map(|(name, field)| (name.clone(), self.empty(field)))
                        .collect(),
                )
            }
            Kind::List { .. } | Kind::Reference { many: true, .. } => Value::Array(Vec::new()),
            Kind::Choice(choices) => choices
                .first()
                .cloned()
                .map(Value::String)
                .unwrap_or_default(),
            Kind::Number { min, .. } => min.map(Value::from).unwrap_or(0.into()),
            Kind::Flag => false.into(),
            Kind::Reference { .. } | Kind::Line { .. } => "".into(),
            Kind::Json => Value::Null,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn references_to_a_record_are_found_wherever_the_model_has_them() {
        let bundle = serde_json::json!({
            "units": [{ "id": "a" }, { "id": "b" }],
            "items": [
                { "id": "x", "donors": ["b", "a"], "recipients": ["a"] },
                { "id": "y", "donors": ["b"] }
            ],
        });
        let s = schema();
        let found = s.references_to(s.root(), &bundle, &Path::default(), ("units", "a"));
        let found: Vec<String> = found.iter().map(ToString::to_string).collect();
        assert_eq!(found, ["items[0].donors[1]", "items[0].recipients[0]"]);
        // An id is not a reference to itself, nor a record of another list one to this.
        assert!(s
            .references_to(s.root(), &bundle, &Path::default(), ("items", "a"))
            .is_empty());
    }

    use super::*;

    #[test]
    fn the_bundle_is_an_object_of_sections() {
        let schema = Schema::load();
        let Kind::Object { fields, required } = schema.kind(schema.root()) else {
            panic!("the root is an object");
        };
        let names: Vec<&str> = fields.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.contains(&"items") && names.contains(&"meta"));
        assert!(required.contains(&"items".to_owned()));
    }

    #[test]
    fn an_items_fields_are_known_kinds() {
        let schema = Schema::load();
        let item = &schema.root()["$defs"]["Item"];
        let Kind::Object { fields, .. } = schema.kind(item) else {
            panic!("an item is an object");
        };
        let kind_of = |name: &str| schema.kind(&fields.iter().find(|(n, _)| n == name).unwrap().1);
        assert_eq!(kind_of("title"), Kind::Text);
        assert!(matches!(kind_of("kind"), Kind::Choice(c) if c.contains(&"artwork".to_owned())));
        assert_eq!(
            kind_of("donors"),
            Kind::Reference {
                collection: "units".into(),
                many: true
            }
        );
        assert!(matches!(kind_of("media"), Kind::List { .. }));
        assert!(matches!(kind_of("artwork"), Kind::Object { .. }));
        assert_eq!(kind_of("featured"), Kind::Flag);
    }

    #[test]
    fn a_units_location_is_a_position_with_its_fields() {
        let schema = Schema::load();
        let unit = &schema.root()["$defs"]["Unit"];
        let Kind::Object { fields, .. } = schema.kind(unit) else {
            panic!("a unit is an object");
        };
        let location = &fields.iter().find(|(n, _)| n == "location").unwrap().1;
        let Kind::Position { fields, required } = schema.kind(location) else {
            panic!("a unit's location is a position");
        };
        let names: Vec<&str> = fields.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["lat", "lon", "approximate"]);
        assert!(required.contains(&"lat".to_owned()) && required.contains(&"lon".to_owned()));
    }

    #[test]
    fn a_new_item_has_its_required_fields() {
        let schema = Schema::load();
        let item = schema.empty(&schema.root()["$defs"]["Item"]);
        for field in [
            "id",
            "kind",
            "title",
            "description",
            "donors",
            "recipients",
            "date",
        ] {
            assert!(item.get(field).is_some(), "{field}");
        }
        assert_eq!(item["title"], serde_json::json!({ "zh": "", "en": "" }));
    }
}
