//! The pages rendered to HTML natively (feature `ssr`) by the same components the browser runs: every
//! page of a bundle renders, with its content in the markup, its links under the site's base, and
//! nothing of another bundle.
#![cfg(feature = "ssr")]

use std::sync::Arc;

use bundle::{Bundle, Lang};
use showcase::app::{render_page, RenderedPage};

const SAMPLE: &str = include_str!("../public/data/bundle.json");
const OTHER: &str = include_str!("fixtures/other-event/data/bundle.json");

/// The page's markup.
fn render(bundle: &Arc<Bundle>, lang: Lang, base: &str, path: &str) -> String {
    render_page(bundle.clone(), lang, base, path).body
}

fn read(text: &str) -> Arc<Bundle> {
    Arc::new(bundle::parse(text).expect("a valid bundle"))
}

/// Text as it stands in HTML text (what Leptos escapes there).
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Every page of `bundle`: the fixed ones, each item's and each unit's, and one that is not a page.
fn every_page(bundle: &Bundle) -> Vec<String> {
    let mut paths: Vec<String> = ["/", "/gallery", "/story", "/books", "/map", "/no-such-page"]
        .map(String::from)
        .into();
    paths.extend(bundle.items.iter().map(|i| format!("/gallery/{}", i.id)));
    paths.extend(bundle.units.iter().map(|u| format!("/units/{}", u.id)));
    paths
}

#[test]
fn every_page_of_the_sample_renders_with_its_content() {
    let bundle = read(SAMPLE);
    for lang in [Lang::Zh, Lang::En] {
        for path in every_page(&bundle) {
            let html = render(&bundle, lang, "", &path);
            assert!(html.contains(r#"<main id="main""#), "{path}: no main");
        }
        let home = render(&bundle, lang, "", "/");
        let title = escaped(bundle.meta.title.get(lang));
        assert!(
            home.contains(&format!(r#"<h1 id="home-title">{title}</h1>"#)),
            "home: the title"
        );
        let gallery = render(&bundle, lang, "", "/gallery");
        // English is the sample's second language: its addresses are under /en.
        let prefix = if lang == Lang::En { "/en" } else { "" };
        for item in &bundle.items {
            let title = escaped(item.title.get(lang));
            assert!(gallery.contains(&title), "the gallery lists {}", item.id);
            assert!(gallery.contains(&format!(r#"href="{prefix}/gallery/{}""#, item.id)));
            let page = render(&bundle, lang, "", &format!("/gallery/{}", item.id));
            assert!(
                page.contains(&format!("<h1>{title}</h1>")),
                "{}'s page",
                item.id
            );
        }
        for unit in &bundle.units {
            let page = render(&bundle, lang, "", &format!("/units/{}", unit.id));
            assert!(
                page.contains(&escaped(unit.name.get(lang))),
                "{}'s page",
                unit.id
            );
        }
    }
}

#[test]
fn the_page_of_no_address_says_so() {
    let bundle = read(SAMPLE);
    let en = render(&bundle, Lang::En, "", "/no-such-page");
    let home = render(&bundle, Lang::En, "", "/");
    assert!(en.contains("<h1>"));
    assert_ne!(en, home);
    assert!(
        !en.contains(r#"aria-current="page""#),
        "no link of the header is the current page"
    );
}

#[test]
fn links_are_under_the_sites_base() {
    let bundle = read(SAMPLE);
    let html = render(&bundle, Lang::Zh, "/showcase", "/gallery");
    let item = &bundle.items[0].id;
    assert!(html.contains(&format!(r#"href="/showcase/gallery/{item}""#)));
    assert!(html.contains(r#"href="/showcase/gallery" aria-current="page""#));
    assert!(!html.contains(r#"href="/gallery"#));
}

#[test]
fn another_events_pages_show_nothing_of_the_sample() {
    let sample = read(SAMPLE);
    let other = read(OTHER);
    let sample_words: Vec<&str> = sample
        .units
        .iter()
        .map(|u| u.name.get(Lang::Zh))
        .chain(sample.items.iter().map(|i| i.title.get(Lang::Zh)))
        .chain([sample.event.title.get(Lang::Zh)])
        .collect();
    for lang in [Lang::Zh, Lang::En] {
        for path in every_page(&other) {
            let html = render(&other, lang, "", &path);
            for word in &sample_words {
                assert!(
                    !html.contains(&escaped(word)),
                    "{path} shows the sample's {word}"
                );
            }
        }
    }
    let gallery = render(&other, Lang::En, "", "/gallery");
    for item in &other.items {
        assert!(gallery.contains(&escaped(item.title.get(Lang::En))));
    }
}

#[test]
fn each_page_has_its_own_document_title() {
    let bundle = read(SAMPLE);
    let site = bundle.meta.site_name().get(Lang::En).to_owned();
    let item = &bundle.items[0];
    let title = |path: &str| {
        let RenderedPage { title, .. } = render_page(bundle.clone(), Lang::En, "", path);
        title
    };
    assert_eq!(
        title(&format!("/gallery/{}", item.id)),
        format!("{} · {site}", item.title.get(Lang::En))
    );
    assert_eq!(title("/gallery"), format!("Gallery · {site}"));
    let mut all: Vec<String> = every_page(&bundle).iter().map(|p| title(p)).collect();
    assert!(all.iter().all(|t| t.ends_with(&site)), "{all:?}");
    all.sort();
    all.dedup();
    assert_eq!(
        all.len(),
        every_page(&bundle).len(),
        "no two pages share a title"
    );
}

/// The sample with a public address, as a deployed site's bundle has.
fn deployed() -> Arc<Bundle> {
    let mut bundle = bundle::parse(SAMPLE).expect("a valid bundle");
    bundle.meta.base_url = Some("https://showcase.example.org/".into());
    Arc::new(bundle)
}

#[test]
fn an_item_page_has_its_share_card_and_linked_data_from_the_bundle() {
    let bundle = deployed();
    let item = bundle
        .items
        .iter()
        .find(|i| i.kind == bundle::ItemKind::Artwork && !i.media.is_empty())
        .expect("an artwork with a picture");
    let path = format!("/gallery/{}", item.id);
    let page = render_page(bundle.clone(), Lang::En, "", &path);
    // English is the sample's second language: its pages are under /en.
    let url = format!("https://showcase.example.org/en/gallery/{}", item.id);
    let image = format!("https://showcase.example.org/{}", item.media[0].src);
    assert_eq!(page.head.canonical.as_deref(), Some(url.as_str()));
    assert_eq!(page.head.image.as_deref(), Some(image.as_str()));
    assert_eq!(page.head.description, item.description.get(Lang::En));
    let head = page
        .head
        .to_html(&page.title, bundle.meta.site_name().get(Lang::En), Lang::En);
    assert!(head.contains(&format!(r#"<link rel="canonical" href="{url}">"#)));
    assert!(head.contains(&format!(r#"<meta property="og:image" content="{image}">"#)));
    assert!(head.contains(r#"<meta name="twitter:card" content="summary_large_image">"#));
    // The JSON-LD reads back as the item.
    let start = head
        .find(r#"<script type="application/ld+json">"#)
        .expect("JSON-LD")
        + 35;
    let end = start + head[start..].find("</script>").unwrap();
    let data: serde_json::Value = serde_json::from_str(&head[start..end]).expect("JSON");
    assert_eq!(data["@type"], "VisualArtwork");
    assert_eq!(data["name"], item.title.get(Lang::En));
    assert_eq!(data["url"], url.as_str());
    assert_eq!(data["image"], image.as_str());
}

#[test]
fn the_home_page_describes_the_event_and_a_unit_page_its_unit() {
    let bundle = deployed();
    let home = render_page(bundle.clone(), Lang::Zh, "", "/").head;
    let event = home.linked_data.expect("the event");
    assert_eq!(event["@type"], "Event");
    assert_eq!(event["name"], bundle.event.title.get(Lang::Zh));
    assert_eq!(event["startDate"], bundle.event.date.as_str());
    let unit = &bundle.units[0];
    let page = render_page(bundle.clone(), Lang::Zh, "", &format!("/units/{}", unit.id)).head;
    let data = page.linked_data.expect("the unit");
    assert_eq!(data["@type"], "Organization");
    assert_eq!(data["name"], unit.name.get(Lang::Zh));
    // Without a public address: no canonical address nor picture (a share card needs absolute ones).
    let plain = render_page(
        read(SAMPLE),
        Lang::Zh,
        "",
        &format!("/gallery/{}", bundle.items[0].id),
    );
    assert_eq!((plain.head.canonical, plain.head.image), (None, None));
    // A page that is not one has no address of its own.
    assert_eq!(
        render_page(bundle, Lang::Zh, "", "/nope").head.canonical,
        None
    );
}

#[test]
fn no_text_of_the_bundle_becomes_markup_in_the_head() {
    let mut bundle = bundle::parse(SAMPLE).expect("a valid bundle");
    bundle.meta.base_url = Some("https://showcase.example.org".into());
    let evil = r#""><script>alert(1)</script></script><!--"#;
    bundle.items[0].description = bundle::Text::new(evil, evil);
    bundle.items[0].title = bundle::Text::new(evil, evil);
    let id = bundle.items[0].id.clone();
    let bundle = Arc::new(bundle);
    let page = render_page(bundle.clone(), Lang::En, "", &format!("/gallery/{id}"));
    let head = page.head.to_html(&page.title, "site", Lang::En);
    assert_eq!(head.matches("<script").count(), 1, "{head}");
    assert_eq!(head.matches("</script>").count(), 1, "{head}");
    assert!(!head.contains("<!--"));
    assert!(!page.body.contains("<script>alert"));
}

#[test]
fn each_language_has_its_addresses_joined_by_hreflang() {
    let bundle = read(SAMPLE);
    let zh = render_page(bundle.clone(), Lang::Zh, "/showcase", "/gallery/red-ship");
    let en = render_page(bundle.clone(), Lang::En, "/showcase", "/gallery/red-ship");
    let both = vec![
        (Lang::Zh, "/showcase/gallery/red-ship".to_owned()),
        (Lang::En, "/showcase/en/gallery/red-ship".to_owned()),
    ];
    assert_eq!(zh.head.languages, both);
    assert_eq!(en.head.languages, both);
    // In the head only as full addresses, which search engines require: with the site's public one.
    let head = en.head.to_html(&en.title, "site", Lang::En);
    assert!(!head.contains("hreflang"), "{head}");
    let public = read(&SAMPLE.replacen(
        r#""meta": {"#,
        r#""meta": { "base_url": "https://showcase.example.org/","#,
        1,
    ));
    let en = render_page(public, Lang::En, "/showcase", "/gallery/red-ship");
    let head = en.head.to_html(&en.title, "site", Lang::En);
    assert!(head.contains(
        r#"<link rel="alternate" hreflang="en" href="https://showcase.example.org/en/gallery/red-ship">"#
    ));
    assert!(head.contains(
        r#"<link rel="alternate" hreflang="x-default" href="https://showcase.example.org/gallery/red-ship">"#
    ));
    // The English page's links stay in English; its switch goes to the same page in Chinese, and the
    // Chinese page's to the English one.
    assert!(en.body.contains(r#"href="/showcase/en/gallery""#));
    assert!(!en.body.contains(r#"href="/showcase/gallery""#));
    assert!(en
        .body
        .contains(r#"href="/showcase/gallery/red-ship" lang="zh-CN""#));
    assert!(zh
        .body
        .contains(r#"href="/showcase/en/gallery/red-ship" lang="en""#));
    // With a public address, they are absolute.
    let deployed = deployed();
    let page = render_page(deployed, Lang::Zh, "", "/map").head;
    assert_eq!(
        page.languages,
        vec![
            (Lang::Zh, "https://showcase.example.org/map".to_owned()),
            (Lang::En, "https://showcase.example.org/en/map".to_owned()),
        ]
    );
}

/// A built site's folder, as trunk leaves it: the shell and the bundle.
fn site_folder(name: &str, bundle: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("showcase-pages-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("data")).unwrap();
    std::fs::write(dir.join("data/bundle.json"), bundle).unwrap();
    let shell = r#"<!doctype html><html lang="zh-CN"><head><meta name="description" content=""><base href="/showcase/"><title>x</title></head><body>
<noscript><p>needs JavaScript</p></noscript><div id="crash" hidden></div></body></html>"#;
    std::fs::write(dir.join("index.html"), shell).unwrap();
    dir
}

#[test]
fn the_build_writes_every_page_in_both_languages_and_removes_pages_gone_from_the_bundle() {
    use showcase::app::write_pages;
    let dir = site_folder("both", SAMPLE);
    let written = write_pages(&dir).expect("pages written");
    let bundle = read(SAMPLE);
    // Every page in each language, one page that is not found.
    assert_eq!(
        written.len(),
        2 * (6 + bundle.items.len() + bundle.units.len()) - 1
    );
    for file in [
        "index.html",
        "gallery.html",
        "gallery/red-ship.html",
        "units/hudong-community.html",
        "story.html",
        "books.html",
        "map.html",
        "404.html",
        "en/index.html",
        "en/gallery/red-ship.html",
        "en/units/hudong-community.html",
    ] {
        assert!(dir.join(file).is_file(), "{file}");
    }
    assert!(!dir.join("en/404.html").exists());
    let page = std::fs::read_to_string(dir.join("en/gallery/red-ship.html")).unwrap();
    assert!(page.starts_with(r#"<!doctype html><html lang="en"><head><meta name="description""#));
    assert!(
        page.contains(r#"<body><div id="prerendered" data-path="/gallery/red-ship" data-bundle=""#)
    );
    assert!(
        !page.contains("needs JavaScript"),
        "the shell's notice gives way to the page's"
    );
    assert!(page.contains(r#"<div id="crash" hidden>"#));
    // The shell is kept, and is the template of the next run: with an item gone, its pages go.
    assert!(std::fs::read_to_string(dir.join("shell.html"))
        .unwrap()
        .contains("needs JavaScript"));
    let mut json: serde_json::Value = serde_json::from_str(SAMPLE).unwrap();
    let items = json["items"].as_array_mut().unwrap();
    let gone = items
        .iter()
        .position(|i| i["id"] == "bronze-plaque")
        .unwrap();
    items.remove(gone);
    // And what named it (the timeline's steps).
    fn forget(value: &mut serde_json::Value, id: &str) {
        match value {
            serde_json::Value::Array(list) => {
                list.retain(|v| v != id);
                list.iter_mut().for_each(|v| forget(v, id));
            }
            serde_json::Value::Object(map) => map.values_mut().for_each(|v| forget(v, id)),
            _ => {}
        }
    }
    forget(&mut json, "bronze-plaque");
    std::fs::write(dir.join("data/bundle.json"), json.to_string()).unwrap();
    write_pages(&dir).expect("pages written again");
    assert!(!dir.join("gallery/bronze-plaque.html").exists());
    assert!(!dir.join("en/gallery/bronze-plaque.html").exists());
    assert!(dir.join("gallery/red-ship.html").is_file());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bundle_with_errors_or_a_shell_without_its_head_writes_no_page() {
    use showcase::app::write_pages;
    let dir = site_folder(
        "broken",
        &SAMPLE.replacen(r#""id": "red-ship""#, r#""id": "Red Ship!""#, 1),
    );
    let err = write_pages(&dir).expect_err("a refused bundle");
    assert!(err.contains("items[1].id"), "{err}");
    assert!(!dir.join("gallery.html").exists());
    let dir = site_folder("no-head", SAMPLE);
    std::fs::write(
        dir.join("index.html"),
        "<html lang=\"zh\"><body></body></html>",
    )
    .unwrap();
    let err = write_pages(&dir).expect_err("no head to fill in");
    assert!(
        err.contains("<base href>") || err.contains("<title>"),
        "{err}"
    );
}

#[test]
fn with_a_public_address_the_build_writes_a_sitemap_and_robots_txt() {
    use showcase::app::write_pages;
    let text = SAMPLE.replacen(
        r#""meta": {"#,
        r#""meta": { "base_url": "https://showcase.example.org/","#,
        1,
    );
    let dir = site_folder("sitemap", &text);
    write_pages(&dir).expect("pages written");
    let robots = std::fs::read_to_string(dir.join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://showcase.example.org/sitemap.xml"));
    let map = std::fs::read_to_string(dir.join("sitemap.xml")).unwrap();
    let bundle = read(SAMPLE);
    assert_eq!(
        map.matches("<loc>").count(),
        2 * (5 + bundle.items.len() + bundle.units.len())
    );
    assert!(map.contains("<loc>https://showcase.example.org/en/gallery/red-ship</loc>"));
    assert!(map.contains(
        r#"<xhtml:link rel="alternate" hreflang="zh-CN" href="https://showcase.example.org/gallery/red-ship"/>"#
    ));
    assert!(!map.contains("404"));
    // Without one, none (and none left from before).
    std::fs::write(dir.join("data/bundle.json"), SAMPLE).unwrap();
    write_pages(&dir).expect("pages written again");
    assert!(!dir.join("sitemap.xml").exists() && !dir.join("robots.txt").exists());
    let _ = std::fs::remove_dir_all(&dir);
}
