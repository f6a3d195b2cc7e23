//! Code loaded when first needed. Each route but the home page, and the kiosk's chrome, is a wasm chunk
//! of its own in the release build (feature `split`: leptos's `wasm_split` marks the split points and
//! scripts/wasm-split.mjs cuts the module after cargo). Without the feature (the wasm tests) the same
//! functions are plain async functions in the one module.
//!
//! A chunk that fails to download is tried again with the bundle's back-off (`crate::loader`, as
//! Leaflet and the kiosk's stylesheet are); after the last attempt the page says so and offers to
//! reload, instead of the app stopping.

use std::cell::RefCell;
use std::future::Future;

use leptos::prelude::*;
pub use leptos::wasm_split::SplitLoaderError;

use bundle::{ParseError, ParseErrorKind, Problem};

use crate::i18n::*;
use crate::store::LoadError;

/// `chunk!(module, preload_fn, fn name(args) { view })`: an async function returning
/// `Result<AnyView, SplitLoaderError>`, whose code (and whatever only it uses) goes into the chunk
/// `module`; `preload_fn` starts the chunk's download without drawing anything.
macro_rules! chunk {
    // `chunk!(module, preload_fn, fn name(args) -> T { body })`: the same for code that returns a value.
    ($module:ident, $preload:ident, fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty $body:block) => {
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, preload($preload), fallible)]
        pub fn $name($($arg: $ty),*) -> Result<$ret, $crate::chunks::SplitLoaderError> {
            Ok($body)
        }

        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Result<$ret, $crate::chunks::SplitLoaderError> {
            Ok($body)
        }

        #[cfg(not(feature = "split"))]
        pub async fn $preload() -> Result<(), $crate::chunks::SplitLoaderError> {
            Ok(())
        }
    };
    ($module:ident, $preload:ident, fn $name:ident($($arg:ident: $ty:ty),*) $body:block) => {
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, preload($preload), fallible)]
        pub fn $name($($arg: $ty),*) -> Result<leptos::prelude::AnyView, $crate::chunks::SplitLoaderError> {
            Ok($body)
        }

        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Result<leptos::prelude::AnyView, $crate::chunks::SplitLoaderError> {
            Ok($body)
        }

        #[cfg(not(feature = "split"))]
        pub async fn $preload() -> Result<(), $crate::chunks::SplitLoaderError> {
            Ok(())
        }
    };
    // `chunk!(module, fn name(args) -> T { body })`: the same for code that returns a value, not a view.
    ($module:ident, fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty $body:block) => {
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name($($arg: $ty),*) -> Result<$ret, $crate::chunks::SplitLoaderError> {
            Ok($body)
        }

        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Result<$ret, $crate::chunks::SplitLoaderError> {
            Ok($body)
        }
    };
}
pub(crate) use chunk;

/// Draws a chunk's view, trying the download again after a failure; if every attempt fails, a notice.
pub async fn load<Fut>(load: impl Fn() -> Fut) -> AnyView
where
    Fut: Future<Output = Result<AnyView, SplitLoaderError>>,
{
    match retry(load).await {
        Some(view) => view,
        None => failed_view(),
    }
}

/// The notice for code that could not be downloaded.
pub fn failed_view() -> AnyView {
    view! { <ChunkFailed/> }.into_any()
}

/// Calls a split function, trying its chunk's download again after a failure (`crate::loader`);
/// `None` when every attempt failed.
pub async fn retry<T, Fut>(call: impl Fn() -> Fut) -> Option<T>
where
    Fut: Future<Output = Result<T, SplitLoaderError>>,
{
    crate::loader::retry("code chunk", crate::loader::sleep, call).await
}

/// What is wrong with a refused bundle, and where: the parse that tracks the JSON path of a fault, or
/// the validation's messages (every problem, notes included) with the line and column of each. `errors`
/// are the bundle's errors as the app found them (`bundle::errors_briefly`: rules and paths), `None`
/// when the text did not parse. Only a broken bundle needs this code, so in the release build it is a
/// chunk of its own ("diagnostics", not prefetched; the service worker keeps it for an offline kiosk).
/// If it cannot be downloaded, the errors are given by rule and path, without their messages and
/// lines, or the parse fault without its place.
pub async fn diagnose(text: &str, errors: Option<Vec<Problem>>) -> LoadError {
    let parsed = errors.is_some();
    let located = retry(|| diagnose_in_chunk(text.to_owned(), parsed)).await;
    located.unwrap_or_else(|| match errors {
        Some(mut errors) => {
            for error in &mut errors {
                error.message = format!(
                    "rule \"{}\"; the code that explains it could not be downloaded: reload to see \
                     the details",
                    error.code
                );
            }
            LoadError::Invalid(errors)
        }
        None => LoadError::Parse(ParseError {
            kind: ParseErrorKind::Syntax,
            message: "the bundle could not be read, and the code that finds where could not be \
                      downloaded: reload to see the details"
                .into(),
            location: Default::default(),
        }),
    })
}

chunk!(
    diagnostics,
    fn diagnose_in_chunk(text: String, parsed: bool) -> LoadError {
        diagnose_now(&text, parsed)
    }
);

fn diagnose_now(text: &str, parsed: bool) -> LoadError {
    let checked = parsed.then(|| crate::store::read_bundle(text)).flatten();
    match checked {
        Some(bundle) => {
            let mut problems = bundle::validate(&bundle);
            bundle::locate_problems(text, &mut problems);
            LoadError::Invalid(problems)
        }
        None => LoadError::Parse(bundle::parse(text).err().unwrap_or_else(|| ParseError {
            // Not expected: `read_bundle` refuses exactly what `parse` does (bundle's tests).
            kind: ParseErrorKind::Shape,
            message: "the bundle was refused, but no fault was found in it".into(),
            location: Default::default(),
        })),
    }
}

/// Starts downloading the chunk of the page the visitor arrived on; what [`after_first_page`] was given
/// waits for it. A failure is left for [`load`] to retry.
pub fn preload_first<Fut>(preload: Fut)
where
    Fut: Future<Output = Result<(), SplitLoaderError>> + 'static,
{
    FIRST_PAGE.with_borrow_mut(|first| *first = Some(Vec::new()));
    leptos::task::spawn_local(async move {
        let _ = preload.await;
        for f in FIRST_PAGE.with_borrow_mut(Option::take).unwrap_or_default() {
            f();
        }
    });
}

/// What waits for the first page's chunk.
type Waiting = Vec<Box<dyn FnOnce()>>;

thread_local! {
    /// While the first page's chunk is on its way: what waits for it.
    static FIRST_PAGE: RefCell<Option<Waiting>> = const { RefCell::new(None) };
}

/// Runs `f` once the code of the page the visitor arrived on is in (at once for the home page, which
/// has no chunk, or when it is already in).
pub fn after_first_page(f: impl FnOnce() + 'static) {
    let f = FIRST_PAGE.with_borrow_mut(|first| match first {
        Some(waiting) => {
            waiting.push(Box::new(f));
            None
        }
        None => Some(f),
    });
    if let Some(f) = f {
        f();
    }
}

/// Asks for `address` as `<link rel="prefetch">`: downloaded into the HTTP cache at the lowest priority,
/// nothing run. `destination` is the link's `as`.
pub fn prefetch(address: &str, destination: Option<&str>) -> Result<(), wasm_bindgen::JsValue> {
    let mut attributes = vec![("rel", "prefetch"), ("href", address)];
    attributes.extend(destination.map(|destination| ("as", destination)));
    head_link(&attributes)
}

/// Adds a `<link>` with these attributes to the page's head (a prefetch here, a picture's preload in
/// `components::media`).
pub fn head_link(attributes: &[(&str, &str)]) -> Result<(), wasm_bindgen::JsValue> {
    let document = document();
    let link = document.create_element("link")?;
    for (name, value) in attributes {
        link.set_attribute(name, value)?;
    }
    document.head().ok_or("no <head>")?.append_child(&link)?;
    Ok(())
}

/// Prefetches the files of every page's chunk, as `<meta name="page-chunks">` lists them (written by
/// scripts/wasm-split.mjs; empty in a build without chunks). Called once the first page is up: moving
/// between pages then needs no network, with or without the service worker. Only downloaded: a chunk
/// is compiled when its page is first shown. The kiosk's chrome and the diagnostics are not listed:
/// the first is loaded at once when kiosk mode is on, the second only for a refused bundle.
/// One file per idle callback: starting a download costs the main thread about 1.5 ms of a phone's
/// time, and all of them in one callback made a long task (100 ms at 4× CPU slowdown). `then` runs in
/// the idle callback after the last one.
pub fn prefetch_pages(then: impl FnOnce() + 'static) {
    let listed = document()
        .query_selector(r#"meta[name="page-chunks"]"#)
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default();
    let steps = listed
        .split_whitespace()
        .map(|file| {
            let file = file.to_owned();
            Box::new(move || {
                if let Err(err) = prefetch(&file, None) {
                    leptos::logging::warn!("prefetch {file}: {}", crate::api::js_error_text(&err));
                }
            }) as Box<dyn FnOnce()>
        })
        .chain([Box::new(then) as Box<dyn FnOnce()>])
        .collect();
    when_idle_each(steps);
}

/// Runs each of `steps` in an idle callback of its own, in order (see [`when_idle`]): background work
/// cut into pieces short enough never to hold up a tap or a frame.
pub fn when_idle_each(mut steps: std::collections::VecDeque<Box<dyn FnOnce()>>) {
    if let Some(step) = steps.pop_front() {
        when_idle(move || {
            step();
            when_idle_each(steps);
        });
    }
}

/// Resolves once every image on screen that is still loading has loaded or failed, or after `cap_ms`.
/// Background downloads wait for this: on a slow link they would share it with what the visitor is
/// looking at (the first page's pictures). Images off screen (lazy, or below the fold) are not waited
/// for.
pub async fn visible_images_settled(cap_ms: i32) {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let Ok(images) = document().query_selector_all("img") else {
        return;
    };
    let waits = js_sys::Array::new();
    for index in 0..images.length() {
        let Some(image) = images
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::HtmlImageElement>().ok())
        else {
            continue;
        };
        let rect = image.get_bounding_client_rect();
        if image.complete() || rect.width() == 0.0 || rect.bottom() < 0.0 || rect.top() > height {
            continue;
        }
        waits.push(&js_sys::Promise::new(&mut |resolve, _| {
            let options = web_sys::AddEventListenerOptions::new();
            options.set_once(true);
            for event in ["load", "error"] {
                let _ = image.add_event_listener_with_callback_and_add_event_listener_options(
                    event, &resolve, &options,
                );
            }
        }));
    }
    if waits.length() == 0 {
        return;
    }
    at_most(&js_sys::Promise::all(&waits), cap_ms).await;
}

/// Resolves when `promise` settles or after `cap_ms`, whichever comes first.
pub async fn at_most(promise: &js_sys::Promise, cap_ms: i32) {
    let cap = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, cap_ms);
        }
    });
    let first = js_sys::Promise::race(&js_sys::Array::of2(promise, &cap));
    let _ = wasm_bindgen_futures::JsFuture::from(first).await;
}

/// Runs `f` when the page is next idle (at most a second from now), or in the next task without
/// `requestIdleCallback`.
pub fn when_idle(f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let start = Closure::once_into_js(f);
    let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let scheduled = idle.is_some_and(|idle| {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"timeout".into(), &1000.into());
        idle.call2(&window, &start, &options).is_ok()
    });
    if !scheduled {
        let _ = window.set_timeout_with_callback(start.unchecked_ref());
    }
}

#[component]
fn ChunkFailed() -> impl IntoView {
    let i18n = use_i18n();
    let reload = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    view! {
        <section class="error-panel" role="alert" aria-labelledby="chunk-failed-title">
            <h1 id="chunk-failed-title">{t!(i18n, chunk_failed_title)}</h1>
            <p>{t!(i18n, chunk_failed_text)}</p>
            <button type="button" class="button" on:click=reload>
                {t!(i18n, retry)}
            </button>
        </section>
    }
}
