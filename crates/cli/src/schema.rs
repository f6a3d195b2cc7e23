//! `bundle schema`: the JSON Schema of the bundle, generated from the same Rust types the app parses
//! into, so editors (VS Code and others read `"$schema"`) autocomplete fields and flag misspelt keys.
//!
//! The schema describes the shape only. Rules across fields (ids that must exist, alt text in both
//! languages, files on disk) are `bundle check`'s job.

/// Where the schema is committed, next to the bundle that names it with `"$schema": "bundle.schema.json"`.
pub const DEFAULT_SCHEMA: &str = "public/data/bundle.schema.json";

/// The schema as written to `public/data/bundle.schema.json`: pretty-printed, ending in a newline.
pub fn schema_json() -> String {
    let mut schema = schemars::schema_for!(bundle::Bundle);
    schema.insert("title".into(), "Showcase data bundle".into());
    schema.insert(
        "description".into(),
        "The one JSON file the commemoration showcase shows. Field reference: docs/bundle.md. \
         Run `bundle check` for the rules a schema cannot express."
            .into(),
    );
    serde_json::to_string_pretty(&schema).expect("a schema always serialises") + "\n"
}
