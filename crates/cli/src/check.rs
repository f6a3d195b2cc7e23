//! `bundle check`: the app's parse and validation, plus the media files on disk.

use std::path::{Path, PathBuf};

use bundle::{ParseError, Problem, Severity};

use crate::media_files;

/// What checking one bundle file found.
#[derive(Debug)]
pub struct CheckReport {
    /// The bundle file as the maintainer named it (messages repeat it so editors can jump to it).
    pub file: PathBuf,
    pub outcome: Outcome,
}

#[derive(Debug)]
pub enum Outcome {
    /// The file could not be read (missing, unreadable, not UTF-8).
    Unreadable(String),
    /// The text is not a bundle: the app would refuse it before validating anything.
    NotABundle(ParseError),
    /// The bundle parsed; these are its problems, errors first, then in document order.
    Checked(Vec<Problem>),
}

/// How `bundle check` ends, as a process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Nothing stops the bundle being published.
    Publishable = 0,
    /// The bundle has errors (or warnings, with `--strict`).
    HasErrors = 1,
    /// The bundle could not be read or parsed at all.
    Unreadable = 2,
}

impl CheckReport {
    pub fn verdict(&self, warnings_are_errors: bool) -> Verdict {
        match &self.outcome {
            Outcome::Unreadable(_) | Outcome::NotABundle(_) => Verdict::Unreadable,
            Outcome::Checked(problems) => {
                let blocking = |p: &&Problem| {
                    p.severity == Severity::Error
                        || (warnings_are_errors && p.severity == Severity::Warning)
                };
                if problems.iter().any(|p| blocking(&p)) {
                    Verdict::HasErrors
                } else {
                    Verdict::Publishable
                }
            }
        }
    }

    pub fn problems(&self) -> &[Problem] {
        match &self.outcome {
            Outcome::Checked(problems) => problems,
            _ => &[],
        }
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.problems()
            .iter()
            .filter(|p| p.severity == severity)
            .count()
    }
}

/// Reads and checks the bundle at `file`, resolving its media against `site_root`.
pub fn check_file(file: &Path, site_root: &Path) -> CheckReport {
    let outcome = match std::fs::read_to_string(file) {
        Err(err) => Outcome::Unreadable(format!("cannot read the bundle: {err}")),
        Ok(source) => check_source(&source, site_root),
    };
    CheckReport {
        file: file.to_path_buf(),
        outcome,
    }
}

/// Checks bundle text exactly as the app does (`bundle::check`), then checks its media files.
pub fn check_source(source: &str, site_root: &Path) -> Outcome {
    match bundle::check(source) {
        Err(parse_error) => Outcome::NotABundle(parse_error),
        Ok(checked) => {
            let mut problems = checked.problems;
            problems.extend(media_files::check_media_files(
                &checked.bundle,
                source,
                site_root,
            ));
            // Stable: validation's own order (document order within a severity) is kept.
            problems.sort_by_key(|p| (p.severity, p.location.line.unwrap_or(usize::MAX)));
            Outcome::Checked(problems)
        }
    }
}
