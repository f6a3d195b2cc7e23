//! The maintainers' tool for the showcase's data bundle. The binary (`bundle`, in main.rs) is a thin
//! command-line layer over these modules, which the integration tests also call directly.
//!
//! Every check runs the app's own code (`bundle::check`) first, so a maintainer sees exactly the problems
//! the browser would report, then adds what only a tool with the files at hand can see: whether each
//! image exists and has the size the bundle claims.

pub mod check;
pub mod json_edit;
#[cfg(feature = "media")]
pub mod media_command;
pub mod media_files;
#[cfg(feature = "media")]
pub mod photos;
pub mod report;
pub mod scaffold;
pub mod schema;
pub mod svg_safety;

use std::path::{Path, PathBuf};

/// Where the bundle lives in the repository, relative to its root.
pub const DEFAULT_BUNDLE: &str = "public/data/bundle.json";

/// The folder the bundle's relative URLs resolve against: the site's root, i.e. the parent of the
/// bundle's `data/` folder (`public/` for `public/data/bundle.json`). The app fetches `data/bundle.json`
/// and shows `media/…` relative to the page, so both hang off the same root.
pub fn site_root_of(bundle_path: &Path) -> PathBuf {
    let folder = bundle_path.parent().unwrap_or(Path::new(""));
    let root = folder.parent().unwrap_or(Path::new(""));
    if root.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        root.to_path_buf()
    }
}
