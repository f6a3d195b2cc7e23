//! Locating a JSON path in the bundle's text, so validation problems carry line:column too.

use bundle::locate;

const TEXT: &str = r#"{
  "a": { "b": [ 10, { "c": "x,]}" }, [1, 2] ], "d\"q": 1 },
  "名": "值", "z": true
}"#;

#[test]
fn finds_nested_members_and_elements() {
    assert_eq!(locate(TEXT, ""), Some((1, 1)));
    assert_eq!(locate(TEXT, "a"), Some((2, 8)));
    assert_eq!(locate(TEXT, "a.b[0]"), Some((2, 17)));
    // Skips strings that contain brackets and commas.
    assert_eq!(locate(TEXT, "a.b[1].c"), Some((2, 28)));
    assert_eq!(locate(TEXT, "a.b[2][1]"), Some((2, 42)));
    // Columns are characters, not bytes.
    assert_eq!(locate(TEXT, "z"), Some((3, 18)));
}

#[test]
fn absent_paths_are_none() {
    assert_eq!(locate(TEXT, "a.b[3]"), None);
    assert_eq!(locate(TEXT, "a.missing"), None);
    assert_eq!(locate(TEXT, "z.deeper"), None);
    assert_eq!(locate("not json", "a"), None);
}
