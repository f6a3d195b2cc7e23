//! `bundle`: the maintainers' command-line tool. See docs/maintainers.md.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use bundle::{ItemKind, Severity};
use bundle_cli::check;
use bundle_cli::{report, scaffold, schema, site_root_of, DEFAULT_BUNDLE};
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "bundle",
    version,
    about = "Check and edit the showcase's data bundle (public/data/bundle.json)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse and validate the bundle exactly as the app does, and check its media files.
    ///
    /// Exit status: 0 publishable, 1 errors found, 2 the bundle cannot be read or parsed.
    Check {
        /// The bundle file.
        #[arg(default_value = DEFAULT_BUNDLE)]
        path: PathBuf,
        /// Folder the bundle's relative URLs resolve against [default: the parent of the bundle's
        /// folder, e.g. public/ for public/data/bundle.json].
        #[arg(long)]
        site_root: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Treat warnings (e.g. a missing translation) as errors.
        #[arg(long)]
        strict: bool,
    },
    /// Make web-sized JPEG and WebP renditions of an item's photos and record them in the bundle.
    ///
    /// The photos in ORIGINALS (sorted by file name) become the item's media entries in order. Files
    /// are written as <item>-<n>-<width>.jpg/.webp at 480, 960 and 1920 pixels wide (never upscaled),
    /// without EXIF or GPS data.
    #[cfg(feature = "media")]
    Media {
        /// Folder with the original photos (JPEG, PNG, WebP or TIFF).
        originals: PathBuf,
        /// Id of the item the photos show.
        #[arg(long = "item")]
        item_id: String,
        #[arg(long, default_value = DEFAULT_BUNDLE)]
        bundle: PathBuf,
        /// [default: the parent of the bundle's folder]
        #[arg(long)]
        site_root: Option<PathBuf>,
        /// Where to write the renditions [default: media/ under the site root].
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Write every page of a built site again from its bundle, after the bundle (data/bundle.json) or
    /// its photos changed on the server: the pages as HTML in both languages, and with the bundle's
    /// `meta.base_url` sitemap.xml and robots.txt. Natively, by the app's own components, without
    /// the WebAssembly toolchain. The bundle must have no errors (`bundle check`).
    #[cfg(feature = "pages")]
    Pages {
        /// The site's folder: a build (dist/) or the deployed copy of it.
        site: PathBuf,
    },
    /// Write the bundle's JSON Schema (for editors' autocompletion) to public/data/bundle.schema.json.
    Schema {
        #[arg(long, default_value = schema::DEFAULT_SCHEMA)]
        out: PathBuf,
        /// Print the schema instead of writing it.
        #[arg(long)]
        stdout: bool,
    },
    /// Scaffold new content.
    #[command(subcommand)]
    New(NewCommand),
}

#[derive(Subcommand)]
enum NewCommand {
    /// Print a new gallery item with every required field left blank for you to fill in.
    ///
    /// The blanks are errors on purpose: `bundle check` lists each field still to fill, by line.
    Item {
        /// Lowercase letters, digits and hyphens; it appears in the item's page address.
        #[arg(long)]
        id: String,
        #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(scaffold::kind_names()))]
        kind: String,
        /// Append the item to the bundle's items instead of printing it.
        #[arg(long)]
        write: bool,
        #[arg(long, default_value = DEFAULT_BUNDLE)]
        bundle: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check {
            path,
            site_root,
            format,
            strict,
        } => Ok(run_check(&path, site_root, format, strict)),
        #[cfg(feature = "media")]
        Command::Media {
            originals,
            item_id,
            bundle,
            site_root,
            out,
        } => run_media(originals, item_id, bundle, site_root, out),
        Command::Schema { out, stdout } => run_schema(&out, stdout),
        #[cfg(feature = "pages")]
        Command::Pages { site } => run_pages(&site),
        Command::New(NewCommand::Item {
            id,
            kind,
            write,
            bundle,
        }) => run_new_item(&id, &kind, write, &bundle),
    };
    result.unwrap_or_else(|err| {
        eprintln!("error: {err:#}");
        ExitCode::FAILURE
    })
}

fn run_check(path: &Path, site_root: Option<PathBuf>, format: Format, strict: bool) -> ExitCode {
    let site_root = site_root.unwrap_or_else(|| site_root_of(path));
    let report = check::check_file(path, &site_root);
    let verdict = report.verdict(strict);
    match format {
        Format::Text => print!("{}", report::render_text(&report)),
        Format::Json => print!("{}", report::render_json(&report, strict)),
    }
    ExitCode::from(verdict as u8)
}

#[cfg(feature = "media")]
fn run_media(
    originals: PathBuf,
    item_id: String,
    bundle: PathBuf,
    site_root: Option<PathBuf>,
    out: Option<PathBuf>,
) -> Result<ExitCode> {
    use bundle_cli::media_command::{self, MediaRequest};

    let site_root = site_root.unwrap_or_else(|| site_root_of(&bundle));
    let out_dir = out.unwrap_or_else(|| site_root.join("media"));
    let outcome = media_command::run(&MediaRequest {
        originals,
        item_id,
        bundle: bundle.clone(),
        site_root: site_root.clone(),
        out_dir: out_dir.clone(),
    })?;
    for (n, photo) in outcome.photos.iter().enumerate() {
        let widths: Vec<String> = photo
            .renditions
            .iter()
            .map(|r| format!("{}×{}", r.width, r.height))
            .collect();
        println!(
            "{} -> {}[{n}]: {} (JPEG and WebP) in {}",
            photo.original.display(),
            outcome.media_path,
            widths.join(", "),
            out_dir.display()
        );
    }
    println!("Updated {}. Checking it:\n", bundle.display());
    Ok(run_check(&bundle, Some(site_root), Format::Text, false))
}

#[cfg(feature = "pages")]
fn run_pages(site: &Path) -> Result<ExitCode> {
    match showcase::app::write_pages(site) {
        Ok(pages) => {
            println!("Wrote {} pages in {}", pages.len(), site.display());
            Ok(ExitCode::SUCCESS)
        }
        Err(err) => {
            eprintln!("error: no page written: {err}");
            Ok(ExitCode::FAILURE)
        }
    }
}

fn run_schema(out: &Path, stdout: bool) -> Result<ExitCode> {
    let schema = schema::schema_json();
    if stdout {
        print!("{schema}");
    } else {
        std::fs::write(out, schema).with_context(|| format!("cannot write {}", out.display()))?;
        println!("Wrote {}", out.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn run_new_item(id: &str, kind: &str, write: bool, bundle_path: &Path) -> Result<ExitCode> {
    let kind = ItemKind::ALL
        .into_iter()
        .find(|k| k.as_str() == kind)
        .expect("clap only accepts the names of ItemKind::ALL");
    let item = scaffold::new_item(id, kind);
    if !write {
        print!("{}", scaffold::print_item(&item));
        return Ok(ExitCode::SUCCESS);
    }
    let source = std::fs::read_to_string(bundle_path)
        .with_context(|| format!("cannot read the bundle {}", bundle_path.display()))?;
    let (edited, item_path) = scaffold::insert_item(&source, &item)?;
    std::fs::write(bundle_path, &edited)
        .with_context(|| format!("cannot write {}", bundle_path.display()))?;
    println!(
        "Added {item_path} (id \"{id}\") to {}. Fill in the fields `bundle check` lists:\n",
        bundle_path.display()
    );
    // Show only what concerns the new item; the rest of the bundle is as it was.
    let report = check::check_file(bundle_path, &site_root_of(bundle_path));
    let prefix = format!("{item_path}.");
    for problem in report.problems().iter().filter(|p| {
        p.severity != Severity::Info
            && (p.location.path.starts_with(&prefix) || p.location.path == item_path)
    }) {
        let (line, column) = (
            problem.location.line.unwrap_or(0),
            problem.location.column.unwrap_or(0),
        );
        println!(
            "{}:{line}:{column}: {}[{}]: {}",
            bundle_path.display(),
            problem.severity.as_str(),
            problem.code,
            problem.message
        );
    }
    Ok(ExitCode::SUCCESS)
}
