use std::time::Duration;

use leptos::prelude::*;

use crate::i18n::*;
use crate::state::use_store;

#[component]
pub fn Loading() -> impl IntoView {
    let store = use_store();
    view! {
        <div class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            <p>{move || td_string!(locale(store.lang.get()), loading)}</p>
        </div>
    }
}

/// While the router waits for a page's code (a chunk not yet downloaded, on a slow link) it keeps the
/// previous page on show; after 300 ms without the new page this says that it is on its way. The live
/// region is always in the page, so screen readers announce the text when it appears.
#[component]
pub fn RoutingNotice(is_routing: ReadSignal<bool>) -> impl IntoView {
    let store = use_store();
    let shown = RwSignal::new(false);
    Effect::new(move |_| {
        if is_routing.get() {
            set_timeout(
                move || shown.set(is_routing.get_untracked()),
                Duration::from_millis(300),
            );
        } else {
            shown.set(false);
        }
    });
    view! {
        <div class="routing-notice" role="status" aria-live="polite">
            {move || {
                shown
                    .get()
                    .then(|| {
                        view! {
                            <p>
                                <span class="spinner" aria-hidden="true"></span>
                                {move || td_string!(locale(store.lang.get()), opening_page)}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// In a page rendered to HTML: what a visitor without JavaScript misses (everything else reads). Not
/// drawn by the app, which runs only with JavaScript.
#[component]
pub fn NoScriptNotice() -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        let l = locale(use_store().lang.get_untracked());
        view! {
            <noscript>
                <p class="static-notice js-notice">{td_string!(l, needs_javascript)}</p>
            </noscript>
        }
    }
}
