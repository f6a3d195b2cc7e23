//! Code loaded when first needed: in the release build (feature `split`: leptos's `wasm_split` marks
//! the split points and scripts/wasm-split.mjs cuts the module after cargo) the pages' chunks of the
//! route table (the home and not-found pages stay in the main module; the story, books and unit pages
//! share one), the kiosk's chrome, the lightbox, the diagnostics of a refused bundle, the error
//! panel's details for maintainers, the pinyin spellings for search and the work for later
//! (`crate::idle`) are chunks of their own. Without the feature (the wasm tests) the same
//! functions are plain async functions in the one module.
//!
//! A chunk that fails to download is tried again as every download is (`crate::web::retry`); after the
//! last attempt the page says so and offers to reload (`components::chunk_view`), instead of the app
//! stopping. Which page is in which chunk is the route table's (crates/route); the app's pages are
//! declared from it in `crate::app`.

use std::cell::RefCell;
use std::future::Future;

pub use leptos::wasm_split::SplitLoaderError;

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

/// Calls a split function, trying its chunk's download again after a failure;
/// `None` when every attempt failed.
pub async fn retry<T, Fut>(call: impl Fn() -> Fut) -> Option<T>
where
    Fut: Future<Output = Result<T, SplitLoaderError>>,
{
    use crate::web::retry::{never_final, retry, sleep, RetryPolicy};
    retry(
        RetryPolicy::default(),
        "code chunk",
        sleep,
        |_| call(),
        never_final,
    )
    .await
    .ok()
}

/// Starts downloading the chunk of the page the visitor arrived on; what [`after_first_page`] was given
/// waits for it. A failure is left for the page's own call to retry.
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
