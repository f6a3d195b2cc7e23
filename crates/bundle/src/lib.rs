//! The showcase's data bundle: types, parsing with located errors, validation, and queries.
//!
//! Pure Rust with no web dependencies, so the browser app and the maintainers' tools share it and it is
//! tested natively. Data flows one way: text -> [`parse`] -> [`validate`] -> the app's store.

pub mod geo;
pub mod json;
pub mod linked_data;
mod model;
pub mod number;
mod parse;
mod query;
mod read;
pub mod renditions;
#[cfg(feature = "pinyin")]
pub mod spell;
mod text;
mod validate;

pub use model::*;
pub use parse::{
    locate, parse, parse_unlocated, parse_unlocated_with, Location, ParseError, ParseErrorKind,
    MAX_BUNDLE_BYTES,
};
pub use query::{
    first_in_default_order, search, search_after, GalleryQuery, SearchIndex, SortOrder, Spell,
};
pub use text::{Lang, Text};
pub use validate::{check_url, errors_briefly, validate, Problem, Severity, UrlRule, RULES};

/// A bundle that parsed, with the validation problems located in its text.
#[derive(Debug, Clone)]
pub struct Checked {
    pub bundle: Bundle,
    pub problems: Vec<Problem>,
}

impl Checked {
    /// True when nothing stops the bundle being shown to visitors.
    pub fn is_valid(&self) -> bool {
        !self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
    }
}

/// Parses and validates, then finds each problem's line and column in `source`: what the app does on
/// load and what `bundle check` prints.
pub fn check(source: &str) -> Result<Checked, ParseError> {
    let bundle = parse(source)?;
    let mut problems = validate(&bundle);
    locate_problems(source, &mut problems);
    Ok(Checked { bundle, problems })
}

/// Finds each problem's line and column in `source` (one scan of the text per problem). The app calls
/// it only for a bundle it rejects: a valid bundle's notes are not shown to visitors.
pub fn locate_problems(source: &str, problems: &mut [Problem]) {
    for problem in problems {
        if let Some((line, column)) = locate(source, &problem.location.path) {
            problem.location.line = Some(line);
            problem.location.column = Some(column);
        }
    }
}
