//! `bundle pages SITE`: a built site's pages written again from its bundle, natively (a bundle changed
//! on the server, without the wasm toolchain); a bundle with errors writes nothing.
#![cfg(feature = "pages")]

use std::process::Command;

const SAMPLE: &str = include_str!("../../../public/data/bundle.json");

fn site(name: &str, bundle: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("bundle-pages-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("data")).unwrap();
    std::fs::write(dir.join("data/bundle.json"), bundle).unwrap();
    std::fs::write(
        dir.join("index.html"),
        r#"<!doctype html><html lang="zh-CN"><head><meta name="description" content=""><base href="/"><title>x</title></head><body><noscript>JS</noscript></body></html>"#,
    )
    .unwrap();
    dir
}

fn pages(dir: &std::path::Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_bundle"))
        .arg("pages")
        .arg(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_changed_bundle_gets_its_pages_written_again() {
    let dir = site("changed", SAMPLE);
    let (code, stdout, _) = pages(&dir);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("Wrote "), "{stdout}");
    let before = std::fs::read_to_string(dir.join("gallery/red-ship.html")).unwrap();
    assert!(before.contains("艺术品《红船》"));
    // The maintainer changes a title on the server, and writes the pages again.
    let changed = SAMPLE.replacen("艺术品《红船》", "艺术品《红船》（修订）", 1);
    std::fs::write(dir.join("data/bundle.json"), &changed).unwrap();
    assert_eq!(pages(&dir).0, 0);
    let after = std::fs::read_to_string(dir.join("gallery/red-ship.html")).unwrap();
    assert!(after.contains("艺术品《红船》（修订）"));
    assert!(dir.join("en/gallery/red-ship.html").is_file());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bundle_with_errors_writes_no_page_and_says_where() {
    let dir = site(
        "errors",
        &SAMPLE.replacen(r#""id": "red-ship""#, r#""id": "Red Ship""#, 1),
    );
    let (code, _, stderr) = pages(&dir);
    assert_eq!(code, 1);
    assert!(stderr.contains("items[1].id"), "{stderr}");
    assert!(!dir.join("gallery.html").exists());
    let _ = std::fs::remove_dir_all(&dir);
}
