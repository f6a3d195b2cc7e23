//! Component tests in headless Chromium (wasm-bindgen-test): the views render what the store holds,
//! follow the language, and show located errors and image placeholders.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;
use std::time::Duration;

use bundle::{Lang, Location, Media, ParseError, ParseErrorKind, Problem, Severity, Text};
use leptos::prelude::*;
use showcase::app::Shell;
use showcase::components::error_panel::ErrorPanel;
use showcase::components::media::BundleImage;
use showcase::state::{LoadError, Store};
use showcase::web::retry::RetryPolicy;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &str = include_str!("../public/data/bundle.json");

fn container() -> web_sys::HtmlElement {
    let document = document();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

/// Waits until `check` holds, up to two seconds (effects and image events are asynchronous).
async fn eventually(what: &str, check: impl Fn() -> bool) {
    for _ in 0..40 {
        if check() {
            return;
        }
        gloo_timers::future::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting for: {what}");
}

fn html_lang() -> Option<String> {
    document().document_element()?.get_attribute("lang")
}

fn text_of(root: &web_sys::HtmlElement, selector: &str) -> Option<String> {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
}

#[wasm_bindgen_test]
async fn shell_shows_the_title_and_follows_the_language() {
    let root = container();
    let bundle = bundle::check(SAMPLE).unwrap().bundle;
    let store = Store::with_bundle(bundle, Lang::Zh);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        store.provide();
        view! { <Shell/> }
    });
    eventually("Chinese title", || {
        text_of(&root, "h1").as_deref() == Some("党建聚合力 共建谱新篇")
    })
    .await;
    // The document's language is set by an effect, which may run after the page is first drawn.
    eventually("lang=zh-CN on <html>", || {
        html_lang().as_deref() == Some("zh-CN")
    })
    .await;

    store.set_lang(Lang::En);
    eventually("English title", || {
        text_of(&root, "h1").as_deref() == Some("Building Together, Writing a New Chapter")
    })
    .await;
    eventually("lang=en on <html>", || html_lang().as_deref() == Some("en")).await;
    let nav = text_of(&root, "nav").unwrap();
    assert!(
        nav.contains("Gallery") && nav.contains("Book donations"),
        "{nav}"
    );
    // Explore cards carry counts computed from the bundle.
    assert!(text_of(&root, ".explore").unwrap().contains("100 books"));
    drop(handle);
}

#[wasm_bindgen_test]
async fn error_panel_lists_each_problem_with_path_line_and_column() {
    let root = container();
    let store = Store::new();
    store.lang.set(Lang::En);
    let problems = vec![
        Problem {
            severity: Severity::Error,
            code: "unsafe-url",
            message: "URL \"javascript:x\" uses a scheme other than https".into(),
            location: Location {
                path: "items[1].media[0].src".into(),
                line: Some(220),
                column: Some(18),
            },
        },
        Problem {
            severity: Severity::Warning,
            code: "missing-translation",
            message: "no \"en\" text".into(),
            location: Location {
                path: "items[2].title".into(),
                line: None,
                column: None,
            },
        },
    ];
    let error = Arc::new(LoadError::Invalid(problems));
    let handle = leptos::mount::mount_to(root.clone(), move || {
        store.provide();
        view! { <ErrorPanel error/> }
    });
    // The details are drawn by the diagnostics chunk's code, which comes after the panel.
    eventually("the problems listed", || {
        root.query_selector_all(".problem").unwrap().length() == 2
    })
    .await;
    let rows = root.query_selector_all(".problem").unwrap();
    let first = rows.item(0).unwrap().text_content().unwrap();
    assert!(
        first.contains("Error") && first.contains("items[1].media[0].src"),
        "{first}"
    );
    assert!(first.contains("line 220, column 18"), "{first}");
    let second = rows.item(1).unwrap().text_content().unwrap();
    assert!(
        second.contains("Warning") && !second.contains("line"),
        "{second}"
    );
    // The message from the bundle is text, never markup.
    assert!(root.query_selector(".problem script").unwrap().is_none());
    drop(handle);
}

#[wasm_bindgen_test]
async fn parse_error_is_shown_in_the_visitors_language() {
    let root = container();
    let store = Store::new();
    store.lang.set(Lang::Zh);
    let error = Arc::new(LoadError::Parse(ParseError {
        kind: ParseErrorKind::Syntax,
        message: "expected `,` or `}`".into(),
        location: Location {
            path: String::new(),
            line: Some(3),
            column: Some(7),
        },
    }));
    let handle = leptos::mount::mount_to(root.clone(), move || {
        store.provide();
        view! { <ErrorPanel error/> }
    });
    eventually("the problem listed", || {
        root.query_selector(".problem").unwrap().is_some()
    })
    .await;
    let text = root.text_content().unwrap();
    assert!(text.contains("展览内容暂时无法显示"), "{text}");
    assert!(text.contains("第 3 行，第 7 列"), "{text}");
    assert!(text.contains("(document)"), "{text}");
    drop(handle);
}

#[wasm_bindgen_test]
async fn missing_image_becomes_a_placeholder_with_its_alt_text_at_the_same_size() {
    let root = container();
    let media = Media {
        src: "media/does-not-exist.jpg".into(),
        width: 1600,
        height: 1200,
        alt: Text::new("一艘红色游船", "A red boat on a lake"),
        caption: None,
        credit: None,
        sample: false,
        variants: vec![],
        placeholder: None,
    };
    let lang = RwSignal::new(Lang::En);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <BundleImage media lang=lang.into() lazy=false/> }
    });
    let img = root.query_selector("img").unwrap().expect("an img first");
    assert_eq!(img.get_attribute("width").as_deref(), Some("1600"));
    assert_eq!(img.get_attribute("height").as_deref(), Some("1200"));
    eventually("placeholder", || {
        root.query_selector(".image-missing").unwrap().is_some()
    })
    .await;
    let placeholder: web_sys::HtmlElement = root
        .query_selector(".image-missing")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(placeholder.get_attribute("role").as_deref(), Some("img"));
    assert_eq!(
        placeholder.get_attribute("aria-label").as_deref(),
        Some("A red boat on a lake")
    );
    assert!(placeholder
        .text_content()
        .unwrap()
        .contains("A red boat on a lake"));
    assert_eq!(
        placeholder.style().get_property_value("--ratio").unwrap(),
        "1600 / 1200"
    );
    // The image is drawn again in the new language (and fails again): its placeholder follows.
    lang.set(Lang::Zh);
    eventually("Chinese alt", || {
        text_of(&root, ".image-missing").is_some_and(|t| t.contains("一艘红色游船"))
    })
    .await;
    drop(handle);
}

#[wasm_bindgen_test]
fn retries_back_off_exponentially() {
    let policy = RetryPolicy::default();
    let waits: Vec<_> = (1..=policy.attempts)
        .map(|n| policy.backoff_before(n).as_millis())
        .collect();
    assert_eq!(waits, vec![0, 500, 1000, 2000]);
}

#[wasm_bindgen_test]
fn positions_name_their_hemisphere_and_say_when_approximate() {
    use bundle::Coordinates;
    use showcase::i18n::position;
    let tongren = Coordinates {
        lat: 27.72,
        lon: 109.19,
        approximate: true,
    };
    assert_eq!(
        position(Lang::En, &tongren),
        "27.720°N 109.190°E (approximate)"
    );
    assert_eq!(
        position(Lang::Zh, &tongren),
        "27.720°N 109.190°E（大致位置）"
    );
    let elsewhere = Coordinates {
        lat: -33.86,
        lon: -70.65,
        approximate: false,
    };
    assert_eq!(position(Lang::En, &elsewhere), "33.860°S 70.650°W");
}

#[wasm_bindgen_test]
fn the_search_index_is_built_once_per_bundle_on_show() {
    let bundle = bundle::check(SAMPLE).unwrap().bundle;
    let store = Store::with_bundle(bundle.clone(), Lang::Zh);
    let shown = store.bundle.get_untracked().unwrap();
    let index = store.search_index(&shown);
    // A second visit to the gallery finds it built.
    assert!(Arc::ptr_eq(&index, &store.search_index(&shown)));
    // Another bundle gets its own.
    let newer = Arc::new(bundle);
    assert!(!Arc::ptr_eq(&index, &store.search_index(&newer)));
}

/// The bundle's reader leaves numbers it cannot read exactly to the browser's parser (so that std's, and
/// its table, stay out of the app's wasm). The browser must round them as std does.
#[wasm_bindgen_test]
fn the_browsers_number_parser_rounds_as_std_does() {
    use showcase::state::browser_float;
    let hard = [
        // Past 2^53 in their digits, halfway and just off halfway between two doubles.
        "9007199254740993",
        "9007199254740993.0000000000000000000000001",
        "9007199254740995",
        "18014398509481985",
        "123456789012345678901234567890",
        // Past 10^22 either way, at the edges of the range, subnormals.
        "1e23",
        "8.41e21",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "2.2250738585072011e-308",
        "2.2250738585072014e-308",
        "4.9406564584124654e-324",
        "2.4703282292062328e-324",
        "2.4703282292062327e-324",
        "1e-400",
        "0.30000000000000004440892098500626161694526672363281250000001",
        "179.99999999999999999999",
        "-90.0000000000000000000001",
        "31.160000000000000000000000000000000000000000001",
        "7.2057594037927933e16",
    ];
    for text in hard {
        let browser = browser_float(text).map(f64::to_bits);
        let std = text.parse::<f64>().ok().map(f64::to_bits);
        assert_eq!(browser, std, "{text}");
    }
    // And the reader with it reads a bundle as std's reader does, its long numbers included (which
    // only the browser's parser reads), and refuses one whose number is out of range.
    let long = SAMPLE
        .replacen(
            "\"lat\": 31.162",
            "\"lat\": 31.1620000000000000000000001",
            1,
        )
        .replacen(
            "\"lon\": 120.672",
            "\"lon\": 1206.72000000000000000001e-1",
            1,
        );
    assert_ne!(long, SAMPLE, "the sample's first position was not found");
    for text in [SAMPLE, long.as_str()] {
        let std = bundle::parse_unlocated(text).unwrap();
        let read = showcase::state::read_bundle(text).unwrap();
        assert_eq!(std, read);
    }
    let first_lat = |b: &bundle::Bundle| b.units[0].location.lat;
    let read = showcase::state::read_bundle(&long).unwrap();
    assert_eq!(first_lat(&read), 31.162);
    let huge = SAMPLE.replacen("\"lat\": 31.162", "\"lat\": 1e400", 1);
    assert!(showcase::state::read_bundle(&huge).is_none());
}
