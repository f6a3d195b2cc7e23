//! `bundle check` on a corpus of broken bundles (tests/corpus/data/), each a copy of valid.json with one
//! mistake a maintainer could make. Every case pins the message, the line:column the maintainer is sent
//! to, and the exit status the build's pre_build hook relies on.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// Runs the built `bundle` binary in the corpus folder, so reported paths read `data/<case>.json`.
fn bundle(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bundle"))
        .args(args)
        .current_dir(corpus())
        .output()
        .expect("the bundle binary runs")
}

fn check(case: &str) -> (i32, String) {
    let output = bundle(&["check", &format!("data/{case}.json")]);
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    (output.status.code().expect("exited normally"), stdout)
}

/// Expected: exit code and a fragment of the report that starts with `data/<case>.json:LINE:COLUMN: `.
const CASES: &[(&str, i32, &str)] = &[
    // Cannot be parsed (exit 2): the app would show its error panel and keep the last good bundle.
    ("syntax-error", 2, "data/syntax-error.json:9:3: error[syntax]: expected `,` or `}`"),
    ("truncated", 2, "data/truncated.json:33:2: error[syntax]: EOF while parsing a value"),
    ("wrong-type", 2, "data/wrong-type.json:54:23: error[shape]: invalid type: string \"40\", expected u32\n    at items[0].media[0].width"),
    ("unknown-field", 2, "data/unknown-field.json:45:13: error[shape]: unknown field `titel`, expected one of `id`, `kind`, `title`"),
    // Parsed but invalid (exit 1).
    ("duplicate-id", 1, "data/duplicate-id.json:26:13: error[duplicate-id]: id \"elevator\" is already used by units[0]; ids must be unique.\n    at units[1].id"),
    ("unknown-reference", 1, "data/unknown-reference.json:47:30: error[unknown-reference]: there is no unit with id \"hudong\".\n    at items[0].donors[1]"),
    ("coordinates-out-of-range", 1, "data/coordinates-out-of-range.json:30:28: error[coordinates-out-of-range]: latitude 120.67 is outside -90 to 90 (WGS84 degrees).\n    at units[1].location.lat\n    hint: latitude comes first"),
    ("missing-alt", 1, "data/missing-alt.json:56:18: error[missing-alt]: every image needs alt text"),
    ("javascript-url", 1, "data/javascript-url.json:53:18: error[unsafe-url]: URL \"javascript:alert(1)\" uses a scheme other than https"),
    ("missing-media-file", 1, "data/missing-media-file.json:53:18: error[missing-media-file]: \"media/Gift.svg\" does not exist"),
    ("media-size-mismatch", 1, "data/media-size-mismatch.json:54:20: error[media-size-mismatch]: \"media/gift.svg\" is 40×30 pixels, but the bundle says 1600×1200. Set \"width\": 40, \"height\": 30."),
    ("invalid-date", 1, "data/invalid-date.json:49:15: error[invalid-date]: date \"2021-06-31\" is not a calendar date"),
    ("details-kind-mismatch", 1, "data/details-kind-mismatch.json:50:18: error[details-kind-mismatch]: \"artwork\" details belong to items of kind \"artwork\", but this item is \"plaque\"."),
    // A link from the bundle to a file of the site that a browser opens as a page (validation: the
    // browser refuses it too).
    ("unsafe-link", 1, "data/unsafe-link.json:8:67: error[unsafe-link]: link \"media/gift.svg\" opens a .svg file of this site, which browsers show as a document: a page of the site's own address, where a script in it would run as the site itself. A link may open only the site's pdf, jpg, jpeg, png"),
    // An SVG image with a script, an event handler and a script link, each found past its disguise
    // (a namespace prefix, a character reference); and one that is not XML at all.
    ("unsafe-svg", 1, "data/unsafe-svg.json:53:18: error[unsafe-svg]: \"media/scripted.svg\" holds what can run script when the image is opened by itself, as a page of the site: an event handler onload=\"…\" (line 1), a <svg:script> element (line 3), a javascript: URL in xlink:href=\"…\" (line 4).\n    at items[0].media[0].src\n    hint: export the drawing again as a plain SVG"),
    ("malformed-svg", 1, "data/malformed-svg.json:57:33: error[unreadable-media]: \"media/not-xml.svg\" is not an SVG image browsers can show: it is not well-formed XML ("),
    // Warnings do not stop publishing.
    ("missing-translation", 0, "data/missing-translation.json:37:15: warning[missing-translation]: no \"en\" text"),
];

#[test]
fn every_broken_bundle_is_reported_with_its_line_column_and_exit_status() {
    let mut failures = Vec::new();
    for (case, expected_code, fragment) in CASES {
        let (code, stdout) = check(case);
        if code != *expected_code || !stdout.contains(fragment) {
            failures.push(format!(
                "{case}: exit {code} (want {expected_code}), output:\n{stdout}\nwanted fragment:\n{fragment}\n"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(CASES.len() >= 10);
}

#[test]
fn a_valid_bundle_passes_and_lists_texts_awaiting_review_in_their_own_section() {
    let (code, stdout) = check("valid");
    assert_eq!(code, 0, "{stdout}");
    let section = stdout
        .split_once("Awaiting review and other notes (2), not errors:\n")
        .map(|(_, rest)| rest)
        .unwrap_or_else(|| panic!("no review section in:\n{stdout}"));
    assert!(section.starts_with(
        "data/valid.json:14:14: info[awaiting-review]: awaiting review: check the Chinese wording\n    at event.theme"
    ), "{section}");
    assert!(section.contains("data/valid.json:36:15: info[awaiting-review]"));
    assert!(stdout.contains("0 errors, 0 warnings, 2 notes: the bundle can be published."));
}

#[test]
fn strict_mode_fails_on_warnings() {
    let output = bundle(&["check", "--strict", "data/missing-translation.json"]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn an_unreadable_bundle_exits_2() {
    let output = bundle(&["check", "data/no-such-bundle.json"]);
    assert_eq!(output.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("data/no-such-bundle.json: error[unreadable]: cannot read the bundle"),
        "{stdout}"
    );
}

#[test]
fn json_output_carries_the_same_findings_for_tools() {
    let output = bundle(&["check", "--format", "json", "data/media-size-mismatch.json"]);
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    assert_eq!(report["status"], "has-errors");
    assert_eq!(report["errors"], 1);
    let errors: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .collect();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["code"], "media-size-mismatch");
    assert_eq!(errors[0]["path"], "items[0].media[0].width");
    assert_eq!(
        (errors[0]["line"].as_u64(), errors[0]["column"].as_u64()),
        (Some(54), Some(20))
    );

    let output = bundle(&["check", "--format", "json", "data/syntax-error.json"]);
    assert_eq!(output.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    assert_eq!(report["status"], "unreadable");
    assert_eq!(report["findings"][0]["code"], "syntax");
    assert_eq!(report["findings"][0]["line"], 9);
}

#[test]
fn the_sample_bundle_of_the_site_is_publishable() {
    // The same command as Trunk.toml's pre_build hook: if this fails, `make build` fails too.
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let output = Command::new(env!("CARGO_BIN_EXE_bundle"))
        .args(["check", "public/data/bundle.json"])
        .current_dir(repo)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("info[awaiting-review]"), "{stdout}");
}
