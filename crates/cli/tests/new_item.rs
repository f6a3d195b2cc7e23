//! `bundle new item`: every kind scaffolds an item that parses, whose blanks `bundle check` points at.

use std::process::Command;

use bundle::{Item, ItemKind};

const VALID: &str = include_str!("corpus/data/valid.json");

fn bundle(args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_bundle"))
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

#[test]
fn every_kind_prints_an_item_the_app_can_parse() {
    for kind in ItemKind::ALL {
        let (code, stdout) = bundle(&["new", "item", "--id", "new-gift", "--kind", kind.as_str()]);
        assert_eq!(code, 0);
        let item: Item = serde_json::from_str(&stdout)
            .unwrap_or_else(|err| panic!("{}: {err}\n{stdout}", kind.as_str()));
        assert_eq!((item.id.as_str(), item.kind), ("new-gift", kind));
        assert!(
            item.title.zh.is_some() && item.title.en.is_some(),
            "both languages"
        );
    }
}

#[test]
fn an_unknown_kind_is_refused_with_the_list_of_kinds() {
    let output = Command::new(env!("CARGO_BIN_EXE_bundle"))
        .args(["new", "item", "--id", "x", "--kind", "painting"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("book_donation"), "{stderr}");
}

#[test]
fn writing_appends_the_item_and_check_points_at_each_blank() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("data")).unwrap();
    std::fs::create_dir_all(dir.path().join("media")).unwrap();
    let corpus_media = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/media");
    for name in ["gift.svg", "gift-small.svg"] {
        std::fs::copy(corpus_media.join(name), dir.path().join("media").join(name)).unwrap();
    }
    let path = dir.path().join("data/bundle.json");
    std::fs::write(&path, VALID).unwrap();
    let path_arg = path.to_str().unwrap();

    let (code, stdout) = bundle(&[
        "new",
        "item",
        "--id",
        "books-of-love",
        "--kind",
        "book_donation",
        "--write",
        "--bundle",
        path_arg,
    ]);
    assert_eq!(code, 0, "{stdout}");
    let after = std::fs::read_to_string(&path).unwrap();
    let end_of_first_item = VALID.rfind("\n    }\n  ],").unwrap() + "\n    }".len();
    assert!(
        after.starts_with(&VALID[..end_of_first_item]),
        "the old items are untouched"
    );
    assert!(
        after.ends_with(&VALID[end_of_first_item..]),
        "the rest of the file is untouched"
    );

    let parsed = bundle::parse(&after).expect("the bundle still parses");
    assert_eq!(parsed.items[1].id, "books-of-love");
    assert!(
        parsed.items[1].books.is_some(),
        "book donations need their details"
    );

    // The blanks are errors, each located on its own line of the new item.
    let (line, _) = bundle::locate(&after, "items[1].title").unwrap();
    let title_error = format!("{path_arg}:{line}:");
    assert!(
        stdout.contains(&format!("{title_error}16: error[empty-text]")),
        "{stdout}"
    );
    for code in ["no-donor", "invalid-date", "unknown-reference"] {
        assert!(
            stdout.contains(&format!("error[{code}]")),
            "{code}: {stdout}"
        );
    }
    let (check_code, report) = bundle(&["check", "--format", "json", path_arg]);
    assert_eq!(
        check_code, 1,
        "the half-filled item keeps the bundle from being published"
    );
    let report: serde_json::Value = serde_json::from_str(&report).unwrap();
    let error_paths: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(error_paths.len() >= 5, "{error_paths:?}");
    assert!(
        error_paths.iter().all(|p| p.starts_with("items[1].")),
        "only the new item has errors: {error_paths:?}"
    );

    let (again, _) = bundle(&[
        "new",
        "item",
        "--id",
        "books-of-love",
        "--kind",
        "other",
        "--write",
        "--bundle",
        path_arg,
    ]);
    assert_eq!(again, 1, "an id already used is refused");
}
