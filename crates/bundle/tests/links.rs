//! Links from the bundle to files of the site itself (`meta.sources[].url`, the only bundle URL that
//! becomes an `<a href>`): a file a browser opens as a document (SVG, HTML, XML…), a folder, or a name
//! without an extension is refused as `unsafe-link`, since opened from the link it is a page of the
//! site's own origin, where its script would run as the site itself. Images shown in `<img>` (media
//! `src` and variants) may still be SVG: images never run script.

use bundle::{check, check_url, Problem, Severity, UrlRule};
use serde_json::{json, Value};

const SAMPLE: &str = include_str!("../../../public/data/bundle.json");

fn sample() -> Value {
    serde_json::from_str(SAMPLE).unwrap()
}

/// The sample with one source linking to `url` (and `base_url` set when given).
fn with_link(url: &str, base_url: Option<&str>) -> Value {
    let mut b = sample();
    b["meta"]["sources"] = json!([
        { "title": { "zh": "报道", "en": "Report" }, "url": url }
    ]);
    if let Some(base) = base_url {
        b["meta"]["base_url"] = json!(base);
    }
    b
}

/// Every problem of `value` (the full check), with the same errors found by the app's brief pass.
fn problems(value: &Value) -> Vec<Problem> {
    let text = serde_json::to_string_pretty(value).unwrap();
    let checked = check(&text).expect("parses");
    let brief: Vec<_> = bundle::errors_briefly(&checked.bundle)
        .into_iter()
        .map(|p| (p.code, p.location.path))
        .collect();
    let full: Vec<_> = checked
        .errors()
        .map(|p| (p.code, p.location.path.clone()))
        .collect();
    assert_eq!(brief, full);
    checked.problems
}

fn link_problem(url: &str, base_url: Option<&str>) -> Option<Problem> {
    problems(&with_link(url, base_url))
        .into_iter()
        .find(|p| p.location.path == "meta.sources[0].url")
}

#[track_caller]
fn assert_refused(url: &str, base_url: Option<&str>) -> Problem {
    let p = link_problem(url, base_url)
        .unwrap_or_else(|| panic!("link {url:?} (base {base_url:?}) should be refused"));
    assert_eq!(p.code, "unsafe-link", "{url}: {}", p.message);
    assert_eq!(p.severity, Severity::Error);
    assert!(p.location.line.is_some(), "{url} is located");
    p
}

#[track_caller]
fn assert_accepted(url: &str, base_url: Option<&str>) {
    if let Some(p) = link_problem(url, base_url) {
        panic!("link {url:?} (base {base_url:?}) should be accepted: {p:?}");
    }
}

#[test]
fn a_relative_link_to_a_document_of_the_site_is_refused_in_every_spelling() {
    for url in [
        "media/x.svg",
        "./media/x.svg",
        "../x.svg",
        "/media/x.svg",
        "media/X.SVG",
        "media/x.SvG?download=1",
        "media/x.svg#view",
        "media/x.svg?a=b.pdf",
        "media/x.svgz",
        "media/x%2Esvg",
        "media/x.%73vg",
        "media/sub%2Fx.svg",
        "media/%E7%BA%A2%E8%88%B9.svg",
        "media/红船.svg",
        "page.html",
        "page.HTM",
        "page.xhtml",
        "feed.xml",
        "style.xsl",
        "style.xslt",
        "page.shtml",
        "a.svg;.pdf",
        "a.pdf;.svg",
    ] {
        assert_refused(url, None);
    }
}

#[test]
fn a_relative_link_to_a_folder_or_a_name_without_an_extension_is_refused() {
    for url in [
        "media/",
        "media",
        "data/",
        "gallery/red-ship",
        ".",
        "./",
        "..",
        "media/x.svg/..",
        "media/x.svg/.",
        "media/x.svg/",
        "media/x.",
        "?page=2",
        "#top",
        "media/x%252esvg",
    ] {
        assert_refused(url, None);
    }
}

#[test]
fn a_relative_link_to_a_file_of_an_unknown_type_is_refused() {
    for url in [
        "script.js",
        "media/x.svg%20",
        "media/x.svg.bak",
        "report.md",
        "a.php",
    ] {
        assert_refused(url, None);
    }
}

#[test]
fn a_relative_link_to_an_inert_file_is_accepted() {
    for url in [
        "media/report.pdf",
        "media/REPORT.PDF",
        "media/photo.jpg",
        "media/photo.JPEG?v=2",
        "media/scan.png#page",
        "data/bundle.json",
        "media/%E6%8A%A5%E9%81%93.pdf",
        "media/notes.txt",
        "media/film.mp4",
        "media/ledger.xlsx",
    ] {
        assert_accepted(url, None);
    }
    for kind in [
        "gif", "webp", "avif", "csv", "mp3", "m4a", "webm", "doc", "docx", "zip",
    ] {
        assert_accepted(&format!("media/file.{kind}"), None);
    }
}

#[test]
fn the_message_says_why_and_what_to_do_instead() {
    let p = assert_refused("media/x.svg", None);
    assert!(p.message.contains("\"media/x.svg\""), "{}", p.message);
    assert!(p.message.contains("opens a .svg file"), "{}", p.message);
    assert!(
        p.message.contains("run as the site itself"),
        "{}",
        p.message
    );
    assert!(p.message.contains("https://"), "{}", p.message);
    assert!(p.message.contains("item's media"), "{}", p.message);
    let p = assert_refused("media/", None);
    assert!(p.message.contains("names a folder"), "{}", p.message);
    let p = assert_refused("notes.md", None);
    assert!(p.message.contains("opens a .md file"), "{}", p.message);
    assert!(p.message.contains("pdf, jpg"), "{}", p.message);
    let p = assert_refused("a.svg;.pdf", None);
    assert!(p.message.contains("\";\" in its name"), "{}", p.message);
    let p = assert_refused("media/Red%20Ship.SVG", None);
    assert!(p.message.contains("opens a .svg file"), "{}", p.message);
}

/// An https link to another host is never refused for its type; one to the site's own host
/// (`meta.base_url`) names a file of the site, and gets the rule of a relative link. (The server's
/// headers, a policy on every response and `sandbox` on media/ and data/, cover the addresses the
/// validator cannot know the site by.)
#[test]
fn https_links_elsewhere_stay_fine_and_the_sites_own_get_the_file_rule() {
    for url in [
        "https://example.org/report.html",
        "https://example.org/image.svg",
        "https://example.org/",
        "https://news.example.cn/2021/06/08/a.shtml?from=x",
    ] {
        assert_accepted(url, None);
        assert_accepted(url, Some("https://showcase.example.net/"));
    }
    let site = Some("https://Showcase.example.net/sub/");
    for url in [
        "https://showcase.example.net/sub/media/x.svg",
        "https://SHOWCASE.example.net:443/media/x.SVG#top",
        "https://showcase.example.net./sub/page.html",
        "https://showcase.example.net",
    ] {
        let p = assert_refused(url, site);
        assert!(p.message.contains(url), "{}", p.message);
    }
    assert_accepted("https://showcase.example.net/sub/media/report.pdf", site);
}

#[test]
fn unsafe_schemes_in_a_link_are_still_unsafe_urls() {
    for url in [
        "javascript:alert(1)",
        "http://example.org/a.pdf",
        "//evil.example/a.pdf",
        "",
    ] {
        let p = link_problem(url, None).unwrap_or_else(|| panic!("{url} refused"));
        assert_eq!(p.code, "unsafe-url", "{url}");
    }
}

#[test]
fn media_shown_as_images_may_still_be_svg() {
    let mut b = sample();
    b["items"][0]["media"][0]["src"] = json!("media/other.svg?v=2");
    b["items"][0]["media"][0]["variants"] =
        json!([{ "src": "media/Other.SVG", "width": 10, "height": 10 }]);
    let found = problems(&b);
    assert!(
        !found
            .iter()
            .any(|p| p.code == "unsafe-link" || p.code == "unsafe-url"),
        "{found:#?}"
    );
    // And the sample (SVG illustrations only) has no problem with its URLs.
    assert!(!problems(&sample())
        .iter()
        .any(|p| p.code.starts_with("unsafe-")));
}

#[test]
fn check_url_applies_the_link_rule_too() {
    assert!(check_url("media/x.svg", UrlRule::RelativeOrHttps).is_ok());
    let err = check_url("media/x.svg", UrlRule::Link).unwrap_err();
    assert!(
        err.contains("shown as a document") || err.contains("show as a document"),
        "{err}"
    );
    assert!(check_url("media/x.pdf", UrlRule::Link).is_ok());
    assert!(check_url("https://example.org/x.svg", UrlRule::Link).is_ok());
}
