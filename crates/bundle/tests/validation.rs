//! Each validation rule, fed input that breaks it: the problem must be reported with its code, severity
//! and the JSON path (and line) of the faulty value.

use bundle::{check, parse, validate, ParseErrorKind, Problem, Severity, MAX_BUNDLE_BYTES};
use serde_json::{json, Value};

const SAMPLE: &str = include_str!("../../../public/data/bundle.json");

fn sample() -> Value {
    serde_json::from_str(SAMPLE).unwrap()
}

/// Serialises `value` pretty-printed (so lines are meaningful) and runs the full check. Checks too that
/// what the app runs on every bundle, `errors_briefly`, finds the same errors at the same paths (in
/// document order), without their messages.
fn problems(value: &Value) -> Vec<Problem> {
    let text = serde_json::to_string_pretty(value).unwrap();
    let checked = check(&text).expect("parses");
    let brief = bundle::errors_briefly(&checked.bundle);
    let errors: Vec<_> = checked
        .errors()
        .map(|p| (p.code, p.location.path.clone()))
        .collect();
    let briefly: Vec<_> = brief
        .iter()
        .map(|p| (p.code, p.location.path.clone()))
        .collect();
    assert_eq!(briefly, errors);
    assert!(brief
        .iter()
        .all(|p| p.message.is_empty() && p.severity == Severity::Error));
    checked.problems
}

#[track_caller]
fn assert_problem(value: &Value, code: &str, path: &str, severity: Severity) -> Problem {
    let all = problems(value);
    let found = all
        .iter()
        .find(|p| p.code == code && p.location.path == path)
        .unwrap_or_else(|| panic!("expected {code} at {path}, got {all:#?}"));
    assert_eq!(found.severity, severity);
    assert!(found.location.line.is_some(), "{code} at {path} has a line");
    found.clone()
}

#[test]
fn unknown_schema_version_is_an_error() {
    let mut b = sample();
    b["schema_version"] = json!(2);
    assert_problem(
        &b,
        "unknown-schema-version",
        "schema_version",
        Severity::Error,
    );
}

#[test]
fn duplicate_ids_are_errors_in_every_collection() {
    let mut b = sample();
    b["units"][1]["id"] = b["units"][0]["id"].clone();
    b["items"][2]["id"] = json!("student-paintings");
    b["people"][3]["id"] = json!("yang-lili");
    let p = assert_problem(&b, "duplicate-id", "units[1].id", Severity::Error);
    assert!(p.message.contains("units[0]"), "{}", p.message);
    assert_problem(&b, "duplicate-id", "items[2].id", Severity::Error);
    assert_problem(&b, "duplicate-id", "people[3].id", Severity::Error);
    // A third use names the first.
    b["units"][2]["id"] = b["units"][0]["id"].clone();
    let p = assert_problem(&b, "duplicate-id", "units[2].id", Severity::Error);
    assert!(p.message.contains("units[0]"), "{}", p.message);
}

#[test]
fn ids_must_be_url_safe() {
    let mut b = sample();
    b["items"][0]["id"] = json!("Student Paintings");
    assert_problem(&b, "invalid-id", "items[0].id", Severity::Error);
}

#[test]
fn references_to_unknown_units_items_and_people_are_errors() {
    let mut b = sample();
    b["items"][0]["donors"] = json!(["no-such-school"]);
    b["items"][5]["books"]["via"] = json!("nobody");
    b["items"][5]["books"]["to"] = json!("nowhere");
    b["timeline"][0]["items"] = json!(["ghost-item"]);
    b["units"][0]["secretary"] = json!("unknown-person");
    b["map"]["routes"][0]["to"] = json!("missing-unit");
    b["event"]["host_unit"] = json!("missing-host");
    for path in [
        "items[0].donors[0]",
        "items[5].books.via",
        "items[5].books.to",
        "timeline[0].items[0]",
        "units[0].secretary",
        "map.routes[0].to",
        "event.host_unit",
    ] {
        assert_problem(&b, "unknown-reference", path, Severity::Error);
    }
}

#[test]
fn coordinates_out_of_range_are_errors() {
    let mut b = sample();
    b["units"][0]["location"]["lat"] = json!(91.5);
    b["units"][1]["location"]["lon"] = json!(-181);
    b["map"]["center"]["lat"] = json!(-90.01);
    assert_problem(
        &b,
        "coordinates-out-of-range",
        "units[0].location.lat",
        Severity::Error,
    );
    assert_problem(
        &b,
        "coordinates-out-of-range",
        "units[1].location.lon",
        Severity::Error,
    );
    let center = assert_problem(
        &b,
        "coordinates-out-of-range",
        "map.center.lat",
        Severity::Error,
    );
    // The value as written, without Rust's float formatting (bundle::number).
    assert_eq!(
        center.message,
        "latitude -90.01 is outside -90 to 90 (WGS84 degrees)."
    );
    // Past a bound by less than the message's 6 decimals: not "latitude 90 is outside -90 to 90".
    b["units"][0]["location"]["lat"] = json!(90.000_000_1);
    let lat = assert_problem(
        &b,
        "coordinates-out-of-range",
        "units[0].location.lat",
        Severity::Error,
    );
    assert_eq!(
        lat.message,
        "latitude just above 90 is outside -90 to 90 (WGS84 degrees)."
    );
}

#[test]
fn missing_alt_text_is_an_error() {
    let mut b = sample();
    b["items"][1]["media"][0]["alt"] = json!({ "zh": "", "en": " " });
    assert_problem(&b, "missing-alt", "items[1].media[0].alt", Severity::Error);
}

#[test]
fn urls_must_be_relative_or_https() {
    for bad in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "http://example.com/a.jpg",
        "//evil.example/a.jpg",
        "data:image/svg+xml,<svg onload=alert(1)>",
        " media/a.jpg",
        "media\\a.jpg",
        "https://",
        "",
    ] {
        let mut b = sample();
        b["items"][0]["media"][0]["src"] = json!(bad);
        assert_problem(&b, "unsafe-url", "items[0].media[0].src", Severity::Error);
    }
    for good in [
        "media/a.jpg",
        "./media/a.jpg",
        "../shared/a.jpg",
        "https://cdn.example.org/a.jpg",
        "a.jpg?v=2#x",
    ] {
        let mut b = sample();
        b["items"][0]["media"][0]["src"] = json!(good);
        assert!(
            !problems(&b).iter().any(|p| p.code == "unsafe-url"),
            "{good} should be accepted"
        );
    }
    let mut b = sample();
    b["map"]["tiles"] = json!({
        "url_template": "media/{z}/{x}/{y}.png",
        "attribution": { "zh": "底图", "en": "Tiles" },
        "max_zoom": 12
    });
    assert_problem(&b, "unsafe-url", "map.tiles.url_template", Severity::Error);
}

#[test]
fn texts_empty_in_both_languages_are_errors_and_one_language_is_a_warning() {
    let mut b = sample();
    b["items"][0]["title"] = json!({ "zh": " " });
    b["items"][1]["title"] = json!({ "zh": "红船" });
    assert_problem(&b, "empty-text", "items[0].title", Severity::Error);
    let warning = assert_problem(
        &b,
        "missing-translation",
        "items[1].title",
        Severity::Warning,
    );
    assert!(warning.message.contains("\"en\""), "{}", warning.message);
}

#[test]
fn texts_marked_for_review_are_listed_as_info() {
    let mut b = sample();
    b["items"][1]["title"]["review"] = json!("check the artwork's official title");
    let p = assert_problem(&b, "awaiting-review", "items[1].title", Severity::Info);
    assert!(p.message.contains("official title"));
}

#[test]
fn dates_and_times_must_be_real() {
    let mut b = sample();
    b["items"][0]["date"] = json!("2021-02-30");
    b["event"]["date"] = json!("8 June 2021");
    b["timeline"][0]["time"] = json!("25:00");
    assert_problem(&b, "invalid-date", "items[0].date", Severity::Error);
    assert_problem(&b, "invalid-date", "event.date", Severity::Error);
    assert_problem(&b, "invalid-time", "timeline[0].time", Severity::Error);
    b["items"][0]["date"] = json!("2024-02-29");
    assert!(!problems(&b)
        .iter()
        .any(|p| p.location.path == "items[0].date"));
}

#[test]
fn details_must_match_the_item_kind() {
    let mut b = sample();
    b["items"][1]["books"] =
        json!({ "count": 3, "from": ["southeast-elevator"], "to": "hudong-community" });
    b["items"][5].as_object_mut().unwrap().remove("books");
    assert_problem(
        &b,
        "details-kind-mismatch",
        "items[1].books",
        Severity::Error,
    );
    assert_problem(&b, "missing-book-details", "items[5]", Severity::Error);
}

#[test]
fn book_counts_must_be_positive_and_unknown_counts_are_noted() {
    let mut b = sample();
    b["items"][5]["books"]["count"] = json!(0);
    assert_problem(&b, "zero-books", "items[5].books.count", Severity::Error);
    assert_problem(
        &sample(),
        "unknown-book-count",
        "items[4].books",
        Severity::Info,
    );
}

#[test]
fn media_sizes_and_colours_are_checked() {
    let mut b = sample();
    b["items"][0]["media"][0]["width"] = json!(0);
    b["items"][0]["media"][1]["placeholder"] = json!("red; background:url(x)");
    assert_problem(&b, "zero-size", "items[0].media[0]", Severity::Error);
    assert_problem(
        &b,
        "invalid-colour",
        "items[0].media[1].placeholder",
        Severity::Error,
    );
}

#[test]
fn items_need_a_donor_and_get_a_warning_without_media() {
    let mut b = sample();
    b["items"][0]["donors"] = json!([]);
    b["items"][1]["media"] = json!([]);
    assert_problem(&b, "no-donor", "items[0].donors", Severity::Error);
    assert_problem(&b, "no-media", "items[1].media", Severity::Warning);
}

#[test]
fn map_zoom_and_kiosk_durations_are_bounded() {
    let mut b = sample();
    b["map"]["zoom"] = json!(40);
    b["kiosk"]["idle_seconds"] = json!(0);
    let zoom = assert_problem(&b, "zoom-out-of-range", "map.zoom", Severity::Error);
    assert_eq!(zoom.message, "zoom 40 is outside 1 to 18.");
    assert_problem(&b, "zero-duration", "kiosk.idle_seconds", Severity::Error);
    b["map"]["zoom"] = json!(0.25);
    let zoom = assert_problem(&b, "zoom-out-of-range", "map.zoom", Severity::Error);
    assert_eq!(zoom.message, "zoom 0.25 is outside 1 to 18.");
}

#[test]
fn opening_hours_are_days_and_times_of_a_24_hour_clock() {
    let mut b = sample();
    b["kiosk"]["hours"] = json!({
        "open": [
            { "days": ["mon", "fri"], "from": "09:00", "to": "17:30" },
            { "days": ["sat"], "from": "18:00", "to": "02:00" },
            { "days": ["sun"], "from": "10:00", "to": "24:00" }
        ],
        "closed": ["2026-10-01"]
    });
    let found: Vec<_> = problems(&b)
        .into_iter()
        .filter(|p| p.location.path.starts_with("kiosk"))
        .collect();
    assert!(found.is_empty(), "{found:?}");
    b["kiosk"]["hours"] = json!({
        "open": [
            { "days": [], "from": "9:00", "to": "25:00" },
            { "days": ["tue"], "from": "08:00", "to": "08:00" }
        ],
        "closed": ["1 October"]
    });
    assert_problem(
        &b,
        "invalid-hours",
        "kiosk.hours.open[0].days",
        Severity::Error,
    );
    let from = assert_problem(
        &b,
        "invalid-hours",
        "kiosk.hours.open[0].from",
        Severity::Error,
    );
    assert!(from.message.contains("\"9:00\""), "{}", from.message);
    assert_problem(
        &b,
        "invalid-hours",
        "kiosk.hours.open[0].to",
        Severity::Error,
    );
    assert_problem(
        &b,
        "invalid-hours",
        "kiosk.hours.open[1].to",
        Severity::Error,
    );
    assert_problem(&b, "invalid-date", "kiosk.hours.closed[0]", Severity::Error);
    b["kiosk"]["hours"] = json!({ "open": [] });
    assert_problem(&b, "never-open", "kiosk.hours.open", Severity::Warning);
    // A day the kiosk does not know is refused by the parse, as any unknown name is.
    b["kiosk"]["hours"] =
        json!({ "open": [{ "days": ["monday"], "from": "09:00", "to": "17:00" }] });
    assert!(parse(&b.to_string()).is_err());
}

#[test]
fn problems_come_errors_first() {
    let mut b = sample();
    b["items"][1]["title"] = json!({ "zh": "红船" });
    b["schema_version"] = json!(9);
    let all = problems(&b);
    let severities: Vec<_> = all.iter().map(|p| p.severity).collect();
    let mut sorted = severities.clone();
    sorted.sort();
    assert_eq!(severities, sorted);
    assert_eq!(all[0].code, "unknown-schema-version");
}

#[test]
fn validate_alone_gives_paths_without_lines() {
    let mut b = sample();
    b["schema_version"] = json!(3);
    let bundle = parse(&b.to_string()).unwrap();
    let p = &validate(&bundle)[0];
    assert_eq!(p.location.path, "schema_version");
    assert_eq!(p.location.line, None);
}

// Parse errors: where the JSON itself is broken, the maintainer gets line and column, and a path when the
// fault is in the shape of the data.

#[test]
fn syntax_error_reports_line_and_column() {
    let text = "{\n  \"schema_version\": 1,\n  \"meta\": {\n    \"title\": { \"zh\": \"标题\" \"en\": \"Title\" }\n";
    let err = parse(text).unwrap_err();
    assert_eq!(err.kind, ParseErrorKind::Syntax);
    assert_eq!(err.location.line, Some(4));
    // Columns count characters (the two Chinese characters once each) and point at the stray `"en"`.
    assert_eq!(err.location.column, Some(27));
    let line: Vec<char> = text.lines().nth(3).unwrap().chars().collect();
    assert_eq!(line[26..30].iter().collect::<String>(), "\"en\"");
    assert!(err.message.contains("expected"), "{}", err.message);
    assert!(
        !err.message.contains(" at line "),
        "position is reported separately"
    );
}

#[test]
fn wrong_type_reports_path_line_and_column() {
    let mut b = sample();
    b["items"][3]["media"][0]["width"] = json!("wide");
    let text = serde_json::to_string_pretty(&b).unwrap();
    let err = parse(&text).unwrap_err();
    assert_eq!(err.kind, ParseErrorKind::Shape);
    assert_eq!(err.location.path, "items[3].media[0].width");
    let line = err.location.line.unwrap();
    assert!(text.lines().nth(line - 1).unwrap().contains("\"wide\""));
    assert!(
        err.to_string()
            .starts_with("items[3].media[0].width (line "),
        "{err}"
    );
}

#[test]
fn misspelt_and_missing_fields_are_reported() {
    let mut b = sample();
    let unit = b["units"][2].as_object_mut().unwrap();
    let name = unit.remove("name").unwrap();
    unit.insert("nmae".into(), name);
    let err = parse(&b.to_string()).unwrap_err();
    assert!(
        err.message.contains("unknown field `nmae`"),
        "{}",
        err.message
    );
    assert_eq!(err.location.path, "units[2].nmae");

    let mut b = sample();
    b["items"][0].as_object_mut().unwrap().remove("date");
    let err = parse(&b.to_string()).unwrap_err();
    assert!(
        err.message.contains("missing field `date`"),
        "{}",
        err.message
    );
    assert_eq!(err.location.path, "items[0]");
}

#[test]
fn unknown_kind_is_reported_with_the_allowed_values() {
    let mut b = sample();
    b["items"][0]["kind"] = json!("sculpture");
    let err = parse(&b.to_string()).unwrap_err();
    assert_eq!(err.location.path, "items[0].kind");
    assert!(err.message.contains("first_day_cover"), "{}", err.message);
}

#[test]
fn oversized_bundle_is_refused_with_a_clear_message() {
    let text = " ".repeat(MAX_BUNDLE_BYTES + 1);
    let err = parse(&text).unwrap_err();
    assert_eq!(err.kind, ParseErrorKind::TooLarge);
    assert!(err.message.contains("limit"));
}

#[test]
fn trailing_garbage_is_a_syntax_error() {
    let text = format!("{SAMPLE}\n}}");
    let err = parse(&text).unwrap_err();
    assert_eq!(err.kind, ParseErrorKind::Syntax);
    assert!(err.location.line.unwrap() > 400);
}

/// `parse_unlocated` (the app's fast path) refuses exactly what `parse` refuses, and reads the same
/// bundle from the rest: over the CLI's corpus, the fuzzer's corpus, and every texts above.
#[test]
fn unlocated_parse_agrees_with_parse() {
    let mut texts: Vec<String> = vec![
        SAMPLE.to_owned(),
        format!("{SAMPLE}\n}}"),
        " ".repeat(MAX_BUNDLE_BYTES + 1),
        String::new(),
        "null".into(),
    ];
    // The sample with each of its lines cut out in turn: missing fields, broken syntax, or still valid.
    let lines: Vec<&str> = SAMPLE.lines().collect();
    for cut in 0..lines.len() {
        let mut kept = lines.clone();
        kept.remove(cut);
        texts.push(kept.join("\n"));
    }
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    for dir in ["crates/cli/tests/corpus/data", "fuzz/corpus/parse_validate"] {
        let dir = std::path::Path::new(root).join(dir);
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            if let Ok(text) = std::fs::read_to_string(entry.unwrap().path()) {
                texts.push(text);
            }
        }
    }
    let (mut good, mut bad) = (0, 0);
    for text in &texts {
        match (parse(text), bundle::parse_unlocated(text)) {
            (Ok(located), Some(fast)) => {
                assert_eq!(located, fast);
                good += 1;
            }
            (Err(_), None) => bad += 1,
            (located, fast) => panic!(
                "parse: {:?}, parse_unlocated: {:?}, for {:?}",
                located.err(),
                fast.is_some(),
                text.get(..200)
            ),
        }
    }
    // Both kinds were exercised.
    assert!(good > 10 && bad > 100, "{good} accepted, {bad} refused");
}

/// The corners of JSON and of serde's data model where a hand-written reader could part from serde:
/// each variant of the sample is read by both, which must agree; the expected verdict is checked too,
/// so a change in either is seen.
#[test]
fn unlocated_parse_agrees_with_parse_on_json_corners() {
    let first = |from: &str, to: &str| {
        assert!(SAMPLE.contains(from), "{from}");
        SAMPLE.replacen(from, to, 1)
    };
    // The sample with its kiosk settings written as `settings`.
    let kiosk = |settings: &str| {
        let start = SAMPLE.find(r#""kiosk": {"#).unwrap();
        let end = start + SAMPLE[start..].find('}').unwrap() + 1;
        format!(
            r#"{}"kiosk": {settings}{}"#,
            &SAMPLE[..start],
            &SAMPLE[end..]
        )
    };
    let location = r#""location": { "lat": 31.162, "lon": 120.672, "approximate": true }"#;
    let cases: Vec<(&str, String, bool)> = vec![
        // A unit variant as an object with its name as sole key and null as value (serde_json's
        // externally tagged form), but nothing else in that form.
        (
            "variant object",
            first(r#""kind": "community""#, r#""kind": {"community": null}"#),
            true,
        ),
        (
            "variant object, value",
            first(r#""kind": "community""#, r#""kind": {"community": 1}"#),
            false,
        ),
        (
            "variant object, two keys",
            first(
                r#""kind": "community""#,
                r#""kind": {"community": null, "school": null}"#,
            ),
            false,
        ),
        (
            "variant, unknown",
            first(r#""kind": "community""#, r#""kind": "Community""#),
            false,
        ),
        (
            "variant, escaped",
            first(r#""kind": "community""#, r#""kind": "comm\u0075nity""#),
            true,
        ),
        // A struct as an array of its fields in order; trailing defaulted fields may be left out.
        (
            "struct as array",
            first(location, r#""location": [31.162, 120.672, true]"#),
            true,
        ),
        (
            "struct as short array",
            first(location, r#""location": [31.162, 120.672]"#),
            true,
        ),
        (
            "struct as array, required missing",
            first(location, r#""location": [31.162]"#),
            false,
        ),
        (
            "struct as array, extra",
            first(location, r#""location": [31.162, 120.672, true, 1]"#),
            false,
        ),
        (
            "struct as array, trailing comma",
            first(location, r#""location": [31.162, 120.672,]"#),
            false,
        ),
        (
            "struct as empty object",
            first(location, r#""location": {}"#),
            false,
        ),
        ("kiosk as short array", kiosk("[true, 45]"), true),
        ("kiosk as empty array", kiosk("[]"), true),
        (
            "kiosk as long array",
            kiosk("[true, 45, 10, 120, 8, 300, 1]"),
            false,
        ),
        // Keys: once each, none unknown, escapes allowed.
        (
            "duplicate key",
            first(
                location,
                r#""location": { "lat": 31.162, "lon": 120.672, "lat": 1 }"#,
            ),
            false,
        ),
        (
            "unknown key",
            first(
                location,
                r#""location": { "lat": 31.162, "lon": 120.672, "alt": 1 }"#,
            ),
            false,
        ),
        (
            "escaped key",
            first(
                location,
                r#""location": { "l\u0061t": 31.162, "lon": 120.672 }"#,
            ),
            true,
        ),
        ("null struct", first(location, r#""location": null"#), false),
        // Numbers: unsigned only from integer literals in range; floats from any finite number.
        (
            "u32 1.0",
            first(r#""width": 1600"#, r#""width": 1600.0"#),
            false,
        ),
        (
            "u32 1e3",
            first(r#""width": 1600"#, r#""width": 16e2"#),
            false,
        ),
        ("u32 -0", first(r#""width": 1600"#, r#""width": -0"#), false),
        (
            "u32 negative",
            first(r#""width": 1600"#, r#""width": -1600"#),
            false,
        ),
        (
            "u32 max",
            first(r#""width": 1600"#, r#""width": 4294967295"#),
            true,
        ),
        (
            "u32 over",
            first(r#""width": 1600"#, r#""width": 4294967296"#),
            false,
        ),
        (
            "u32 over u64",
            first(r#""width": 1600"#, r#""width": 184467440737095516160"#),
            false,
        ),
        (
            "leading zero",
            first(r#""width": 1600"#, r#""width": 01600"#),
            false,
        ),
        (
            "f64 integer",
            first(r#""lat": 31.162"#, r#""lat": 31"#),
            true,
        ),
        ("f64 -0", first(r#""lat": 31.162"#, r#""lat": -0"#), true),
        (
            "f64 exponent",
            first(r#""lat": 31.162"#, r#""lat": 3.1162E+1"#),
            true,
        ),
        (
            "f64 long",
            first(
                r#""lat": 31.162"#,
                r#""lat": 31.16200000000000014779288903810083866119384765625000001"#,
            ),
            true,
        ),
        (
            "f64 huge integer",
            first(r#""lat": 31.162"#, r#""lat": -92233720368547758089"#),
            true,
        ),
        (
            "f64 underflow",
            first(r#""lat": 31.162"#, r#""lat": 1e-400"#),
            true,
        ),
        (
            "f64 overflow",
            first(r#""lat": 31.162"#, r#""lat": 1e400"#),
            false,
        ),
        (
            "f64 zero, huge exponent",
            first(r#""lat": 31.162"#, r#""lat": 0e99999999999999999999"#),
            true,
        ),
        (
            "f64 bare point",
            first(r#""lat": 31.162"#, r#""lat": 31."#),
            false,
        ),
        (
            "f64 plus",
            first(r#""lat": 31.162"#, r#""lat": +31.162"#),
            false,
        ),
        (
            "f64 string",
            first(r#""lat": 31.162"#, r#""lat": "31.162""#),
            false,
        ),
        // Strings: escapes and surrogate pairs, no lone surrogates or raw control characters.
        (
            "escapes",
            first(
                r#""updated": "2026-11-23""#,
                r#""updated": "\"\\\/\b\f\n\r\t\u00e9\uD83D\uDE00""#,
            ),
            true,
        ),
        (
            "lone leading surrogate",
            first(r#""updated": "2026-11-23""#, r#""updated": "\uD83D""#),
            false,
        ),
        (
            "lone trailing surrogate",
            first(r#""updated": "2026-11-23""#, r#""updated": "\uDE00""#),
            false,
        ),
        (
            "surrogate then letter",
            first(r#""updated": "2026-11-23""#, r#""updated": "\uD83Dx""#),
            false,
        ),
        (
            "bad escape",
            first(r#""updated": "2026-11-23""#, r#""updated": "\x41""#),
            false,
        ),
        (
            "short hex",
            first(r#""updated": "2026-11-23""#, r#""updated": "\u41""#),
            false,
        ),
        (
            "raw tab",
            first(r#""updated": "2026-11-23""#, "\"updated\": \"2026\t11\""),
            false,
        ),
        (
            "raw DEL",
            first(
                r#""updated": "2026-11-23""#,
                "\"updated\": \"2026\u{7f}11\"",
            ),
            true,
        ),
        // Options take null; lists and flags do not.
        (
            "null option",
            first(r#""default_language": "zh""#, r#""default_language": null"#),
            true,
        ),
        (
            "null list",
            first(r#""featured": true"#, r#""featured": true, "media": null"#),
            false,
        ),
        (
            "null bool",
            first(r#""featured": true"#, r#""featured": null"#),
            false,
        ),
        (
            "bool as number",
            first(r#""featured": true"#, r#""featured": 1"#),
            false,
        ),
        // Whitespace is JSON's four; nothing may follow the bundle.
        ("form feed", format!("\u{c}{SAMPLE}"), false),
        ("all whitespace", format!(" \t\r\n{SAMPLE} \t\r\n"), true),
        ("trailing value", format!("{SAMPLE} 1"), false),
        (
            "trailing comma",
            first(r#""schema_version": 1,"#, r#""schema_version": 1,,"#),
            false,
        ),
    ];
    for (name, text, accepted) in &cases {
        let located = parse(text);
        let fast = bundle::parse_unlocated(text);
        assert_eq!(
            located.is_ok(),
            *accepted,
            "{name}: parse says {:?}",
            located.err()
        );
        assert_eq!(fast.is_some(), *accepted, "{name}: parse_unlocated");
        if let (Ok(located), Some(fast)) = (located, fast) {
            assert_eq!(located, fast, "{name}");
        }
    }
    // Read, not only accepted: the array's fields in order, the rest from the defaults.
    let short = bundle::parse_unlocated(&cases[11].1).unwrap().kiosk;
    assert_eq!(cases[11].0, "kiosk as short array");
    assert!(short.enabled);
    assert_eq!((short.idle_seconds, short.refresh_seconds), (45, 300));
}

/// Every field and every variant, as serde writes them, is read back by `parse_unlocated` into the same
/// bundle: a key spelt differently in `read.rs`, or a field it leaves out, fails here even where the
/// sample and the corpora never use it.
#[test]
fn unlocated_parse_reads_every_field_serde_writes() {
    use bundle::*;
    let mut b: Bundle = serde_json::from_str(SAMPLE).unwrap();
    let t = |s: &str| Text {
        zh: Some(format!("{s}（中）")),
        en: Some(format!("{s} \"en\"\n")),
        review: Some(format!("check {s}")),
    };
    b.json_schema = Some("bundle.schema.json".into());
    b.default_language = Some(Lang::En);
    b.meta.subtitle = Some(t("subtitle"));
    b.meta.base_url = Some("https://example.org/showcase/".into());
    b.meta.sources.push(Source {
        title: t("source"),
        url: Some("https://example.org/a".into()),
    });
    b.meta.site_name = Some(t("site"));
    b.meta.short_name = Some(t("short site"));
    b.meta.mark = Some("纪".into());
    b.meta.description = Some(t("description"));
    b.meta.introductions = Introductions {
        gallery: Some(t("gallery")),
        map: Some(t("map")),
        story: Some(t("story")),
        books: Some(t("books")),
    };
    b.event.host_unit = Some(b.units[0].id.clone());
    b.event.principles.push(t("principle"));
    for (n, u) in b.units.iter_mut().enumerate() {
        u.kind = [
            UnitKind::Community,
            UnitKind::Enterprise,
            UnitKind::School,
            UnitKind::RecipientSchool,
        ][n % 4];
        u.role = [UnitRole::Partner, UnitRole::Recipient][n % 2];
        u.short_name = Some(t("short"));
        u.branch = Some(t("branch"));
        u.secretary = Some("secretary".into());
        u.address = Some(t("address"));
        u.description = Some(t("unit"));
        u.location = Coordinates {
            lat: -12.345678901234567,
            lon: 123.0,
            approximate: true,
        };
    }
    for p in &mut b.people {
        p.unit = Some("unit".into());
        p.description = Some(t("person"));
    }
    let mut other = b.items[0].clone();
    other.id = "other".into();
    b.items.push(other);
    for (n, i) in b.items.iter_mut().enumerate() {
        i.kind = ItemKind::ALL[n % ItemKind::ALL.len()];
        i.featured = n % 2 == 0;
        i.artwork = Some(ArtworkDetails {
            artists: Some(t("artists")),
            medium: Some(t("medium")),
            size: Some(t("size")),
        });
        i.cover = Some(CoverDetails {
            issuer: Some(t("issuer")),
            stamp: Some(t("stamp")),
            postmark: Some(t("postmark")),
        });
        i.books = Some(BookDetails {
            count: Some(u32::MAX),
            titles: vec![t("title")],
            via: Some("via".into()),
            from: vec!["a".into(), "b".into()],
            to: "c".into(),
        });
        i.plaque = Some(PlaqueDetails {
            inscription: Some(t("inscription")),
            material: Some(t("material")),
        });
        for m in &mut i.media {
            m.caption = Some(t("caption"));
            m.credit = Some(t("credit"));
            m.sample = true;
            m.variants.push(MediaVariant {
                src: "media/x-small.jpg".into(),
                width: 1,
                height: 2,
            });
            m.placeholder = Some("#a33".into());
        }
    }
    for a in &mut b.timeline {
        a.time = Some("09:30".into());
        a.units.push("unit".into());
        a.people.push("person".into());
        a.items.push("item".into());
    }
    b.map.basemap = Some(Basemap::File("basemap/x.geojson".into()));
    b.map.basemap_credit = Some(t("credit"));
    b.map.zoom = 7.25;
    for r in &mut b.map.routes {
        r.items.push("item".into());
    }
    b.map.tiles = Some(TileLayer {
        url_template: "https://tiles.example.org/{z}/{x}/{y}.png".into(),
        attribution: t("attribution"),
        max_zoom: u8::MAX,
        datum: Datum::Gcj02,
    });
    b.map.approval_number = Some(t("approval"));
    b.kiosk = KioskSettings {
        enabled: true,
        idle_seconds: 1,
        countdown_seconds: 2,
        attract_after_seconds: 3,
        slide_seconds: 4,
        refresh_seconds: 5,
        hours: Some(OpeningHours {
            open: vec![OpeningTimes {
                days: vec![Weekday::Mon, Weekday::Sun],
                from: "09:00".into(),
                to: "17:30".into(),
            }],
            closed: vec!["2026-10-01".into()],
        }),
    };
    for text in [
        serde_json::to_string_pretty(&b).unwrap(),
        serde_json::to_string(&b).unwrap(),
    ] {
        assert_eq!(parse(&text).as_ref(), Ok(&b));
        assert_eq!(bundle::parse_unlocated(&text).as_ref(), Some(&b));
    }
    // The other way to choose outlines: none.
    b.map.basemap = Some(Basemap::None);
    let text = serde_json::to_string(&b).unwrap();
    assert!(text.contains(r#""basemap":false"#), "{text}");
    assert_eq!(parse(&text).as_ref(), Ok(&b));
    assert_eq!(bundle::parse_unlocated(&text).as_ref(), Some(&b));
}

#[test]
fn a_basemap_is_the_sites_unless_the_bundle_names_its_own_or_none() {
    let with = |basemap: &str| {
        let map = "\"map\": {\n    \"center\"";
        assert!(SAMPLE.contains(map));
        let choice = format!("\"map\": {{ \"basemap\": {basemap},\n    \"center\"");
        let text = SAMPLE.replacen(map, &choice, 1);
        (parse(&text), bundle::parse_unlocated(&text))
    };
    let b: bundle::Bundle = serde_json::from_str(SAMPLE).unwrap();
    assert_eq!(b.map.basemap, None);
    assert_eq!(b.map.basemap_url(), Some(bundle::SITE_BASEMAP));
    assert!(b.map.site_basemap());
    // The site's file named is the site's (credited as such), as in bundles older than the choice.
    let (named, _) = with(&format!("\"{}\"", bundle::SITE_BASEMAP));
    assert!(named.unwrap().map.site_basemap());
    let (located, fast) = with(r#""own/outlines.geojson""#);
    let located = located.unwrap();
    assert!(!located.map.site_basemap());
    assert_eq!(located.map.basemap_url(), Some("own/outlines.geojson"));
    assert_eq!(
        fast.unwrap().map.basemap_url(),
        Some("own/outlines.geojson")
    );
    let (located, fast) = with("false");
    assert_eq!(located.unwrap().map.basemap_url(), None);
    assert_eq!(fast.unwrap().map.basemap_url(), None);
    // `true` means nothing: refused by both readers, with the choices named.
    let (located, fast) = with("true");
    let err = located.unwrap_err();
    assert_eq!(err.location.path, "map.basemap");
    assert!(
        err.message.contains("or false for no outlines"),
        "{}",
        err.message
    );
    assert!(fast.is_none());
    // Nor a number, nor a list.
    for wrong in ["1", r#"["x"]"#] {
        let (located, fast) = with(wrong);
        assert!(located.is_err() && fast.is_none(), "{wrong}");
    }
    // null is no choice, for both.
    let (located, fast) = with("null");
    assert_eq!(located.unwrap().map.basemap, None);
    assert_eq!(fast.unwrap().map.basemap, None);
}

#[test]
fn the_mark_holds_one_or_two_characters() {
    let codes = |mark: &str| {
        let mut b: bundle::Bundle = serde_json::from_str(SAMPLE).unwrap();
        b.meta.mark = Some(mark.into());
        bundle::validate(&b)
            .into_iter()
            .filter(|p| p.code == "invalid-mark")
            .map(|p| p.location.path)
            .collect::<Vec<_>>()
    };
    assert!(codes("纪").is_empty());
    assert!(codes("AB").is_empty());
    assert_eq!(codes("纪念馆"), ["meta.mark"]);
    assert_eq!(codes(" "), ["meta.mark"]);
}

#[test]
fn each_carrier_is_listed_once_with_what_they_carried() {
    // /books made one section per donation with a carrier: 32 sections for 2 people.
    let mut b: bundle::Bundle = serde_json::from_str(SAMPLE).unwrap();
    let books = b.items.iter().position(|i| i.books.is_some()).unwrap();
    let carrier = b.people[0].id.clone();
    let template = b.items[books].clone();
    b.items.retain(|i| i.books.is_none());
    for (n, count) in [Some(10), None, Some(5), Some(7)].into_iter().enumerate() {
        let mut item = template.clone();
        item.id = format!("parcel-{n}");
        let details = item.books.as_mut().unwrap();
        details.count = count;
        details.via = (n != 3).then(|| carrier.clone());
        b.items.push(item);
    }
    let carriers = b.book_carriers();
    assert_eq!(carriers.len(), 1);
    assert_eq!(carriers[0].person.id, carrier);
    let ids: Vec<_> = carriers[0].items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["parcel-0", "parcel-1", "parcel-2"]);
    assert_eq!(carriers[0].totals.counted, 15);
    assert_eq!(carriers[0].totals.uncounted_donations, 1);
    assert_eq!(b.book_totals().counted, 22);
}
