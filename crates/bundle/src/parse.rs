//! Reading a bundle from its JSON text, with every fault located by JSON path and line:column.

use std::fmt;

use serde::Serialize;

use crate::json::Scanner;
use crate::model::Bundle;

/// A bundle larger than this is refused before parsing: a kiosk must not stall on a runaway file.
pub const MAX_BUNDLE_BYTES: usize = 16 * 1024 * 1024;

/// Where in the bundle's text a problem is.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Location {
    /// JSON path, e.g. `items[2].media[0].alt`; empty for the whole document.
    pub path: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column in characters (as editors count), when known.
    pub column: Option<usize>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "(document)"
        } else {
            &self.path
        };
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "{path} (line {line}, column {column})"),
            _ => write!(f, "{path}"),
        }
    }
}

/// Why a bundle could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParseError {
    pub kind: ParseErrorKind,
    /// What is wrong, in English (the maintainers' CLI and the error panel show it verbatim).
    pub message: String,
    pub location: Location,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParseErrorKind {
    /// Not JSON: a missing comma, an unclosed string, the file cut short…
    Syntax,
    /// JSON, but not a bundle: a wrong type, a missing or unknown field.
    Shape,
    /// Larger than [`MAX_BUNDLE_BYTES`].
    TooLarge,
}

impl ParseErrorKind {
    /// Every kind, for tools that explain each in their own words (the editor's Chinese lines).
    pub const ALL: [ParseErrorKind; 3] = [Self::Syntax, Self::Shape, Self::TooLarge];

    /// The kind's code, as `bundle check` reports it beside the validation rules' codes.
    pub fn code(self) -> &'static str {
        match self {
            Self::Syntax => "syntax",
            Self::Shape => "shape",
            Self::TooLarge => "too-large",
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

impl std::error::Error for ParseError {}

/// Parses the bundle's JSON text without keeping track of where it is: `None` for exactly the texts
/// [`parse`] refuses (tested, and checked by the fuzz target), which then says what is wrong and where.
/// The app's path for a bundle that is expected to be good: a reader of its own (`read.rs`), a fraction
/// of serde's code in the wasm every visitor downloads first; the located parse is only needed for a
/// broken bundle (in the app, its code is a chunk loaded when that happens).
pub fn parse_unlocated(source: &str) -> Option<Bundle> {
    parse_unlocated_with(source, crate::number::std_float)
}

/// [`parse_unlocated`] with the numbers that [`crate::number::read_float`] cannot read exactly on its
/// own read by `slow` (which must read them as std does): the app passes the browser's parser, and so
/// carries neither std's parser nor its table.
pub fn parse_unlocated_with(source: &str, slow: crate::number::SlowFloat) -> Option<Bundle> {
    if source.len() > MAX_BUNDLE_BYTES {
        return None;
    }
    crate::read::bundle(source, slow)
}

/// Parses the bundle's JSON text. Validation is a separate pass: see [`crate::validate`].
pub fn parse(source: &str) -> Result<Bundle, ParseError> {
    if source.len() > MAX_BUNDLE_BYTES {
        return Err(ParseError {
            kind: ParseErrorKind::TooLarge,
            message: format!(
                "the bundle is {} bytes; the limit is {} bytes. Move long texts or embedded data out of it.",
                source.len(),
                MAX_BUNDLE_BYTES
            ),
            location: Location::default(),
        });
    }
    let mut deserializer = serde_json::Deserializer::from_str(source);
    let result: Result<Bundle, _> = serde_path_to_error::deserialize(&mut deserializer);
    let bundle = result.map_err(|err| {
        let path = match err.path().to_string() {
            p if p == "." => String::new(),
            p => p,
        };
        let inner = err.inner();
        let kind = match inner.classify() {
            serde_json::error::Category::Data => ParseErrorKind::Shape,
            _ => ParseErrorKind::Syntax,
        };
        ParseError {
            kind,
            message: strip_position(&inner.to_string()),
            location: Location {
                path: if kind == ParseErrorKind::Syntax {
                    String::new()
                } else {
                    path
                },
                line: Some(inner.line()),
                column: Some(char_column(source, inner.line(), inner.column())),
            },
        }
    })?;
    deserializer.end().map_err(|inner| ParseError {
        kind: ParseErrorKind::Syntax,
        message: strip_position(&inner.to_string()),
        location: Location {
            path: String::new(),
            line: Some(inner.line()),
            column: Some(char_column(source, inner.line(), inner.column())),
        },
    })?;
    Ok(bundle)
}

/// serde_json appends " at line L column C" to its messages; the location is reported separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// serde_json counts columns in bytes; editors count characters (one per Chinese character).
fn char_column(source: &str, line: usize, byte_column: usize) -> usize {
    let Some(text) = source.lines().nth(line.saturating_sub(1)) else {
        return byte_column;
    };
    let mut end = byte_column.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].chars().count().max(1)
}

/// Finds the line and column (1-based, in characters) where the value at `path` starts in `source`.
/// `path` uses the notation of [`Location::path`]: `items[2].media[0].alt`. Returns `None` when the path
/// is not in the text (e.g. a default value the bundle leaves out).
pub fn locate(source: &str, path: &str) -> Option<(usize, usize)> {
    let segments = parse_path(path)?;
    let mut scanner = Scanner::new(source);
    scanner.peek();
    for segment in &segments {
        match segment {
            Segment::Key(key) => scanner.enter_member(key)?,
            Segment::Index(index) => scanner.enter_element(*index)?,
        }
    }
    let before = &source[..scanner.pos()];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Some((line, source[line_start..scanner.pos()].chars().count() + 1))
}

enum Segment {
    Key(String),
    Index(usize),
}

fn parse_path(path: &str) -> Option<Vec<Segment>> {
    let mut segments = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            segments.push(Segment::Key(key.to_owned()));
        }
        while let Some(stripped) = rest.strip_prefix('[') {
            let close = stripped.find(']')?;
            segments.push(Segment::Index(stripped[..close].parse().ok()?));
            rest = &stripped[close + 1..];
        }
    }
    Some(segments)
}
