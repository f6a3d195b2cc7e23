//! Editing the bundle's JSON text without disturbing what the tool did not change.
//!
//! The maintainer's file is hand-formatted (short texts on one line, long ones spread out). Rewriting the
//! whole document would reflow every line and bury a small change in a huge diff. Instead the changed
//! value is found by its JSON path, re-printed on its own, and spliced into the text; every other byte
//! stays as it was. The result is parsed again and compared with the intended document, so a splice that
//! went wrong is an error, never a corrupted bundle.

use std::ops::Range;

use anyhow::{anyhow, bail, Context, Result};
use serde_json::Value;

/// Lines the printer keeps a small object or array on, like the hand-written bundle does.
const MAX_INLINE_WIDTH: usize = 120;

/// Replaces the value at `path` (e.g. `items[3].media`) in `source` with its value in `edited`, the whole
/// document after the change.
pub fn replace_value(source: &str, edited: &Value, path: &str) -> Result<String> {
    let new_value = value_at(edited, path)?;
    let span = value_span(source, path)
        .ok_or_else(|| anyhow!("cannot find {path} in the bundle's text"))?;
    let start_column = column_of(source, span.start);
    let printed = format_value(new_value, line_indent(source, span.start), start_column);
    let result = format!("{}{printed}{}", &source[..span.start], &source[span.end..]);
    verify(&result, edited)?;
    Ok(result)
}

/// Appends the last element of the array at `array_path` in `edited` to that array in `source`.
pub fn append_element(source: &str, edited: &Value, array_path: &str) -> Result<String> {
    let array = value_at(edited, array_path)?
        .as_array()
        .ok_or_else(|| anyhow!("{array_path} is not a list"))?;
    if array.len() < 2 {
        // Nothing to put the new element after: print the whole list afresh.
        return replace_value(source, edited, array_path);
    }
    let last_before = format!("{array_path}[{}]", array.len() - 2);
    let span = value_span(source, &last_before)
        .ok_or_else(|| anyhow!("cannot find {last_before} in the bundle's text"))?;
    let indent = line_indent(source, span.start);
    let element = array.last().expect("checked above: at least two elements");
    let printed = format_value(element, indent, indent);
    let result = format!(
        "{},\n{}{printed}{}",
        &source[..span.end],
        " ".repeat(indent),
        &source[span.end..]
    );
    verify(&result, edited)?;
    Ok(result)
}

fn verify(result: &str, edited: &Value) -> Result<()> {
    let reread: Value =
        serde_json::from_str(result).context("internal error: the edited bundle is not JSON")?;
    if &reread != edited {
        bail!("internal error: the edited bundle does not read back as intended; the file was not changed");
    }
    Ok(())
}

/// The value at a path in the notation of `bundle::Location` (`items[3].media[0]`).
pub fn value_at<'a>(document: &'a Value, path: &str) -> Result<&'a Value> {
    document
        .pointer(&json_pointer(path))
        .ok_or_else(|| anyhow!("the bundle has no {path}"))
}

/// `items[3].media` -> `/items/3/media`.
fn json_pointer(path: &str) -> String {
    let mut pointer = String::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        for piece in part.split('[') {
            let piece = piece.trim_end_matches(']');
            if !piece.is_empty() {
                pointer.push('/');
                pointer.push_str(&piece.replace('~', "~0").replace('/', "~1"));
            }
        }
    }
    pointer
}

/// Byte range of the value at `path` in `source`, from its first to past its last character.
pub fn value_span(source: &str, path: &str) -> Option<Range<usize>> {
    let (line, column) = bundle::locate(source, path)?;
    let line_start = source
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum::<usize>();
    let start = line_start
        + source[line_start..]
            .chars()
            .take(column - 1)
            .map(char::len_utf8)
            .sum::<usize>();
    Some(start..value_end(source, start)?)
}

/// Where the JSON value starting at `start` ends (the bundle's own JSON scanner, which checks it).
fn value_end(source: &str, start: usize) -> Option<usize> {
    let mut scanner = bundle::json::Scanner::at(source, start);
    scanner.skip_value()?;
    Some(scanner.pos())
}

/// Spaces at the start of the line holding byte `offset`.
fn line_indent(source: &str, offset: usize) -> usize {
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    source[line_start..]
        .bytes()
        .take_while(|b| *b == b' ')
        .count()
}

fn column_of(source: &str, offset: usize) -> usize {
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    source[line_start..offset].chars().count()
}

/// Prints `value` in the bundle's hand-written style: two-space indents, and objects or lists holding only
/// plain values on one line when that line stays short. `indent` is the indentation of the line the value
/// starts on, `column` how far along that line it starts.
pub fn format_value(value: &Value, indent: usize, column: usize) -> String {
    let mut out = String::new();
    write_value(&mut out, value, indent, column);
    out
}

fn write_value(out: &mut String, value: &Value, indent: usize, column: usize) {
    if let Some(inline) = inline_form(value) {
        if column + inline.chars().count() <= MAX_INLINE_WIDTH {
            out.push_str(&inline);
            return;
        }
    }
    let inner = " ".repeat(indent + 2);
    match value {
        Value::Object(map) => {
            out.push_str("{\n");
            for (n, (key, member)) in map.iter().enumerate() {
                let key = Value::String(key.clone()).to_string();
                out.push_str(&inner);
                out.push_str(&key);
                out.push_str(": ");
                write_value(
                    out,
                    member,
                    indent + 2,
                    indent + 2 + key.chars().count() + 2,
                );
                out.push_str(if n + 1 < map.len() { ",\n" } else { "\n" });
            }
            out.push_str(&" ".repeat(indent));
            out.push('}');
        }
        Value::Array(elements) => {
            out.push_str("[\n");
            for (n, element) in elements.iter().enumerate() {
                out.push_str(&inner);
                write_value(out, element, indent + 2, indent + 2);
                out.push_str(if n + 1 < elements.len() { ",\n" } else { "\n" });
            }
            out.push_str(&" ".repeat(indent));
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

/// The one-line form of a scalar, or of an object or list holding only scalars.
fn inline_form(value: &Value) -> Option<String> {
    let is_scalar = |v: &Value| !matches!(v, Value::Object(_) | Value::Array(_));
    match value {
        Value::Object(map) if map.is_empty() => Some("{}".into()),
        Value::Array(list) if list.is_empty() => Some("[]".into()),
        Value::Object(map) if map.values().all(is_scalar) => {
            let members: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}: {v}", Value::String(k.clone())))
                .collect();
            Some(format!("{{ {} }}", members.join(", ")))
        }
        Value::Array(list) if list.iter().all(is_scalar) => {
            let elements: Vec<String> = list.iter().map(Value::to_string).collect();
            Some(format!("[{}]", elements.join(", ")))
        }
        Value::Object(_) | Value::Array(_) => None,
        scalar => Some(scalar.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "{\n  \"b\": 1,\n  \"a\": { \"zh\": \"风筝\", \"en\": \"Kite\" },\n  \"list\": [\n    { \"id\": \"x\" }\n  ]\n}\n";

    #[test]
    fn replacing_a_value_leaves_every_other_byte_alone() {
        let mut edited: Value = serde_json::from_str(SOURCE).unwrap();
        edited["a"]["en"] = "The Kite".into();
        let result = replace_value(SOURCE, &edited, "a").unwrap();
        assert_eq!(
            result,
            SOURCE.replace("\"en\": \"Kite\"", "\"en\": \"The Kite\"")
        );
    }

    #[test]
    fn appending_keeps_key_order_and_the_lists_indentation() {
        let mut edited: Value = serde_json::from_str(SOURCE).unwrap();
        let element: Value = serde_json::from_str(r#"{ "id": "y", "b": 2, "a": true }"#).unwrap();
        edited["list"].as_array_mut().unwrap().push(element);
        let result = append_element(SOURCE, &edited, "list").unwrap();
        assert!(
            result.contains(
                "    { \"id\": \"x\" },\n    { \"id\": \"y\", \"b\": 2, \"a\": true }\n  ]"
            ),
            "{result}"
        );
    }

    #[test]
    fn long_or_nested_values_are_spread_over_lines() {
        let value: Value =
            serde_json::from_str(&format!(r#"{{ "t": {{ "zh": "{}" }} }}"#, "字".repeat(130)))
                .unwrap();
        let printed = format_value(&value, 2, 2);
        assert!(
            printed.starts_with("{\n    \"t\": {\n      \"zh\": \""),
            "{printed}"
        );
        assert!(printed.ends_with("\"\n    }\n  }"), "{printed}");
    }
}
