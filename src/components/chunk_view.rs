//! Views whose code is a chunk: its code asked for when first needed, and what a page shows in place
//! of code that could not be downloaded (after its retries).

use std::future::Future;

use leptos::prelude::*;

use crate::chunks::{retry, SplitLoaderError};
use crate::i18n::*;

/// The code of a chunk, asked for the first time `when` is true (with retries) and kept: `None` until
/// it is in or known not to come, then `Some(Some(entry))`, the chunk's entry (a plain function that
/// draws its view), or `Some(None)` after the last failed attempt (draw [`failed_view`] then).
/// The one way a view comes from a chunk: the kiosk's chrome, the lightbox, the error panel's details.
pub fn chunk_code<T, Fut>(
    when: Signal<bool>,
    load: impl Fn() -> Fut + Copy + 'static,
) -> ReadSignal<Option<Option<T>>>
where
    T: Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<T, SplitLoaderError>> + 'static,
{
    let code = RwSignal::new(None);
    Effect::new(move |asked: Option<bool>| {
        if asked == Some(true) {
            return true;
        }
        let wanted = when.get();
        if wanted {
            leptos::task::spawn_local(async move { code.set(Some(retry(load).await)) });
        }
        wanted
    });
    code.read_only()
}

/// The notice for code that could not be downloaded.
pub fn failed_view() -> AnyView {
    view! { <ChunkFailed/> }.into_any()
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
