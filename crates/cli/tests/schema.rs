//! The committed JSON Schema: current with the model, accepting the sample bundle, rejecting broken ones.

use std::path::Path;

use serde_json::{json, Value};

const SAMPLE: &str = include_str!("../../../public/data/bundle.json");
const VALID: &str = include_str!("corpus/data/valid.json");

fn committed_schema() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data/bundle.schema.json");
    std::fs::read_to_string(path).expect("public/data/bundle.schema.json is committed")
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&committed_schema()).unwrap();
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

#[test]
fn the_committed_schema_matches_the_model() {
    assert!(
        committed_schema() == bundle_cli::schema::schema_json(),
        "public/data/bundle.schema.json is stale: run `cargo run -p bundle-cli -- schema` and commit it"
    );
}

#[test]
fn the_sample_bundle_names_the_schema_and_satisfies_it() {
    let sample: Value = serde_json::from_str(SAMPLE).unwrap();
    assert_eq!(sample["$schema"], "bundle.schema.json");
    let validator = validator();
    let errors: Vec<String> = validator
        .iter_errors(&sample)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(validator.is_valid(&serde_json::from_str(VALID).unwrap()));
}

/// Makes one mistake in a valid bundle.
type Breakage = fn(&mut Value);

#[test]
fn the_schema_rejects_what_the_parser_rejects_and_obvious_range_errors() {
    let validator = validator();
    let base: Value = serde_json::from_str(VALID).unwrap();
    let broken: [(&str, Breakage); 7] = [
        ("misspelt key", |b| {
            b["items"][0]["titel"] = json!({ "zh": "x" })
        }),
        ("width as text", |b| {
            b["items"][0]["media"][0]["width"] = json!("40")
        }),
        ("unknown kind", |b| {
            b["items"][0]["kind"] = json!("painting")
        }),
        ("latitude out of range", |b| {
            b["units"][0]["location"]["lat"] = json!(120.5)
        }),
        ("missing required field", |b| {
            b["items"][0].as_object_mut().unwrap().remove("donors");
        }),
        ("not a colour", |b| {
            b["items"][0]["media"][0]["placeholder"] = json!("red")
        }),
        ("id with capitals", |b| {
            b["units"][0]["id"] = json!("Elevator")
        }),
    ];
    for (what, breaks) in broken {
        let mut bundle = base.clone();
        breaks(&mut bundle);
        assert!(
            !validator.is_valid(&bundle),
            "the schema accepted a bundle with a {what}"
        );
    }
}
