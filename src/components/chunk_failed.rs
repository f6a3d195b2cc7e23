//! What a page shows in place of code that could not be downloaded (a chunk, after its retries).

use std::future::Future;

use leptos::prelude::*;

use crate::chunks::{retry, SplitLoaderError};
use crate::i18n::*;

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
