//! Generates the `i18n` module (leptos_i18n 0.6) from `locales/zh.json` and `locales/en.json`.
//!
//! This is what `leptos_i18n_build` does, minus its ICU data export (which needs a network and a long
//! list of crates): parse the locale files with `leptos_i18n_parser`, turn them into code with
//! `leptos_i18n_codegen`. Unlike the library's default, every diagnostic is fatal: a key missing in
//! either locale (or present in only one), an unused plural form, any other warning, fails the build.

use std::path::PathBuf;

use leptos_i18n_parser::parse_locales::options::{Config, ParseOptions};
use leptos_i18n_parser::parse_locales::parse_locales;

fn main() {
    let cfg = Config::new("zh")
        .and_then(|cfg| cfg.add_locale("en"))
        .unwrap_or_else(|err| fail(&[err.to_string()]))
        // `t_string!` / `td_string!` with variables (aria labels, map labels, the document title).
        .parse_options(ParseOptions::new().interpolate_display(true));
    let parsed = parse_locales(None, cfg).unwrap_or_else(|err| fail(&[err.to_string()]));

    for path in parsed.tracked_files.iter().flatten() {
        println!("cargo::rerun-if-changed={path}");
    }
    println!("cargo::rerun-if-changed=locales");
    println!("cargo::rerun-if-changed=build.rs");
    // wasm-split needs the linker's relocations to find what each split function uses.
    if std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }

    let (errors, warnings) = parsed.diag.borrow();
    let problems = errors
        .iter()
        .map(ToString::to_string)
        .chain(warnings.iter().map(ToString::to_string))
        .collect::<Vec<_>>();
    if !problems.is_empty() {
        fail(&problems);
    }
    drop((errors, warnings));

    // The generated `pub mod i18n` is included in `src/i18n.rs`, hence `crate::i18n::i18n`.
    let attributes: proc_macro2::TokenStream = "#![allow(clippy::module_inception)]"
        .parse()
        .expect("valid attribute");
    let code = leptos_i18n_codegen::gen_code(&parsed, None, false, Some(&attributes), false)
        .unwrap_or_else(|err| fail(&[err.to_string()]));
    let dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("i18n");
    std::fs::create_dir_all(&dir).expect("create $OUT_DIR/i18n");
    std::fs::write(dir.join("mod.rs"), code.to_string()).expect("write $OUT_DIR/i18n/mod.rs");
}

fn fail(problems: &[String]) -> ! {
    for problem in problems {
        println!("cargo::error=locales/*.json: {problem}");
    }
    panic!(
        "locales/*.json: {} problem(s), see above:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
