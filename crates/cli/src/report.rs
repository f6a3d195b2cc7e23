//! How `bundle check` tells the maintainer what it found: `FILE:LINE:COLUMN: severity[code]: message`
//! lines (the form editors and terminals turn into links), each followed by the JSON path and a hint,
//! or the same as JSON for other tools.

use std::fmt::Write as _;

use bundle::{Problem, Severity};
use serde::Serialize;

use crate::check::{CheckReport, Outcome};

/// What to do about a problem, by its code, where the message alone may not say.
pub fn hint(code: &str) -> Option<&'static str> {
    Some(match code {
        "syntax" => "look at this point and just before it for a missing comma, quote, colon or bracket, or an extra comma before } or ].",
        "shape" => "check the spelling of the key and the type of the value (text in quotes, numbers without); docs/bundle.md lists every field.",
        "too-large" => "the bundle holds texts only; images belong in public/media/.",
        "duplicate-id" => "give one of the two a new id, and update the places that refer to it.",
        "invalid-id" => "use lowercase letters, digits and hyphens only, e.g. \"paper-lantern\".",
        "unknown-reference" => "use an id that exists (see the \"id\" fields of units, people and items), or add the missing entry.",
        "coordinates-out-of-range" => "latitude comes first (about 40 for Beijing), then longitude (about 116); check they are not swapped.",
        "missing-alt" => "describe what the image shows, for visitors who cannot see it, in \"zh\" and \"en\".",
        "unsafe-url" => "write a path relative to the site, such as \"media/photo.jpg\", or an https:// address.",
        "unsafe-link" => "link to the https:// page where the document is published; to show an image of the site, add it to an item's \"media\" instead (a PDF, photo or text file of the site may be linked).",
        "empty-text" => "fill in \"zh\" and \"en\".",
        "missing-translation" => "add the missing language so every visitor reads it in their own.",
        "awaiting-review" => "check the text, then delete its \"review\" line.",
        "invalid-date" => "write the date as YYYY-MM-DD, e.g. \"2024-05-01\".",
        "invalid-time" => "write the time as HH:MM on a 24-hour clock, e.g. \"14:30\".",
        "missing-media-file" => "copy the file into public/media/ (or run `bundle media`), or correct the path; names are case-sensitive.",
        "media-size-mismatch" => "`bundle media` writes the right sizes for you when it makes the variants.",
        "missing-basemap-file" => "add the GeoJSON file under public/, or remove \"basemap\" from \"map\".",
        "unsafe-svg" => "export the drawing again as a plain SVG, without scripts, event handlers (on…), foreignObject, HTML or script links (e.g. Inkscape: Save As › Plain SVG or Optimized SVG), or use a PNG, JPEG or WebP image.",
        "unreadable-media" => "the file may be damaged or in a format browsers do not show; export it again as JPEG, PNG, WebP or SVG.",
        "zero-size" => "`bundle media` writes the right sizes for you when it makes the variants.",
        "invalid-colour" => "write a colour as \"#rrggbb\", e.g. \"#a33a33\".",
        _ => return None,
    })
}

/// The human-readable report: problems, then notes (awaiting review…) in their own section, then a summary.
pub fn render_text(report: &CheckReport) -> String {
    let file = report.file.display().to_string();
    let mut out = String::new();
    match &report.outcome {
        Outcome::Unreadable(why) => {
            let _ = writeln!(out, "{file}: error[unreadable]: {why}");
        }
        Outcome::NotABundle(error) => {
            let code = error.kind.code();
            write_entry(
                &mut out,
                &file,
                "error",
                code,
                &error.message,
                &error.location,
            );
            let _ = writeln!(
                out,
                "\n{file}: the bundle cannot be read, so nothing else was checked. Fix this first."
            );
        }
        Outcome::Checked(problems) => {
            let (notes, problems): (Vec<&Problem>, Vec<&Problem>) =
                problems.iter().partition(|p| p.severity == Severity::Info);
            for p in &problems {
                write_entry(
                    &mut out,
                    &file,
                    p.severity.as_str(),
                    p.code,
                    &p.message,
                    &p.location,
                );
            }
            if !notes.is_empty() {
                if !problems.is_empty() {
                    out.push('\n');
                }
                let _ = writeln!(
                    out,
                    "Awaiting review and other notes ({}), not errors:",
                    notes.len()
                );
                for p in &notes {
                    write_entry(&mut out, &file, "info", p.code, &p.message, &p.location);
                }
            }
            let errors = report.count(Severity::Error);
            let warnings = report.count(Severity::Warning);
            let verdict = if errors > 0 {
                "the bundle must not be published; fix the errors above"
            } else {
                "the bundle can be published"
            };
            let _ = writeln!(
                out,
                "\n{file}: {} {}, {} {}, {} {}: {verdict}.",
                errors,
                plural(errors, "error", "errors"),
                warnings,
                plural(warnings, "warning", "warnings"),
                notes.len(),
                plural(notes.len(), "note", "notes"),
            );
        }
    }
    out
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

fn write_entry(
    out: &mut String,
    file: &str,
    severity: &str,
    code: &str,
    message: &str,
    location: &bundle::Location,
) {
    match (location.line, location.column) {
        (Some(line), Some(column)) => {
            let _ = writeln!(out, "{file}:{line}:{column}: {severity}[{code}]: {message}");
        }
        _ => {
            let _ = writeln!(out, "{file}: {severity}[{code}]: {message}");
        }
    }
    if !location.path.is_empty() {
        let _ = writeln!(out, "    at {}", location.path);
    }
    if let Some(hint) = hint(code) {
        let _ = writeln!(out, "    hint: {hint}");
    }
}

/// One finding in `--format json`.
#[derive(Serialize)]
struct JsonFinding<'a> {
    severity: &'a str,
    code: &'a str,
    message: &'a str,
    path: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    hint: Option<&'static str>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    file: String,
    /// `publishable`, `has-errors` or `unreadable`: the same verdict as the exit code.
    status: &'a str,
    errors: usize,
    warnings: usize,
    notes: usize,
    findings: Vec<JsonFinding<'a>>,
}

/// The machine-readable report of `--format json`.
pub fn render_json(report: &CheckReport, warnings_are_errors: bool) -> String {
    let mut findings = Vec::new();
    match &report.outcome {
        Outcome::Unreadable(why) => findings.push(JsonFinding {
            severity: "error",
            code: "unreadable",
            message: why,
            path: "",
            line: None,
            column: None,
            hint: None,
        }),
        Outcome::NotABundle(error) => {
            let code = error.kind.code();
            findings.push(JsonFinding {
                severity: "error",
                code,
                message: &error.message,
                path: &error.location.path,
                line: error.location.line,
                column: error.location.column,
                hint: hint(code),
            });
        }
        Outcome::Checked(problems) => findings.extend(problems.iter().map(|p| JsonFinding {
            severity: p.severity.as_str(),
            code: p.code,
            message: &p.message,
            path: &p.location.path,
            line: p.location.line,
            column: p.location.column,
            hint: hint(p.code),
        })),
    }
    let status = match report.verdict(warnings_are_errors) {
        crate::check::Verdict::Publishable => "publishable",
        crate::check::Verdict::HasErrors => "has-errors",
        crate::check::Verdict::Unreadable => "unreadable",
    };
    let json = JsonReport {
        file: report.file.display().to_string(),
        status,
        errors: findings.iter().filter(|f| f.severity == "error").count(),
        warnings: report.count(Severity::Warning),
        notes: report.count(Severity::Info),
        findings,
    };
    serde_json::to_string_pretty(&json).expect("a report always serialises") + "\n"
}
