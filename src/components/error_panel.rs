//! What a visitor and a maintainer see when the bundle cannot be used: a friendly message and a retry
//! for the visitor; for the maintainer, exactly what is wrong and where (JSON path, line, column).

use std::sync::Arc;

use bundle::{Location, Problem, Severity};
use leptos::prelude::*;

use super::chunk_view::chunk_code;
use crate::i18n::*;
use crate::state::{describe, use_store, LoadError};
use crate::web::fetch::FetchError;

/// Shown instead of the pages when no good bundle is available at all.
#[component]
pub fn ErrorPanel(error: Arc<LoadError>) -> impl IntoView {
    let store = use_store();
    let i18n = use_i18n();
    view! {
        <section class="error-panel" role="alert" aria-labelledby="error-title">
            <h1 id="error-title">{t!(i18n, error_title)}</h1>
            <p>{t!(i18n, error_visitor)}</p>
            <button type="button" class="button" on:click=move |_| leptos::task::spawn_local(store.load(|_| {}))>
                {t!(i18n, retry)}
            </button>
            <MaintainerDetails error open=true/>
        </section>
    }
}

/// Shown above the pages when the last good bundle is on show because the newest one failed.
#[component]
pub fn StaleNotice(error: Arc<LoadError>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <aside class="stale-notice" role="status">
            <p>{t!(i18n, stale_notice)}</p>
            <MaintainerDetails error open=false/>
        </aside>
    }
}

/// The maintainer's part: what is wrong and where. Its code is a chunk of its own, which no visit
/// with a good bundle downloads; until it is in, or if it cannot come (the network down), one line
/// says what went wrong.
#[component]
fn MaintainerDetails(error: Arc<LoadError>, open: bool) -> impl IntoView {
    let code = chunk_code(Signal::stored(true), details_code);
    move || match code.get() {
        Some(Some(draw)) => draw(error.clone(), open),
        Some(None) => {
            view! { <p class="error-detail"><code>{describe(&error)}</code></p> }.into_any()
        }
        None => ().into_any(),
    }
}

crate::chunks::chunk!(
    details,
    fn details_code() -> fn(Arc<LoadError>, bool) -> AnyView {
        draw_details
    }
);

fn draw_details(error: Arc<LoadError>, open: bool) -> AnyView {
    view! { <Details error open/> }.into_any()
}

#[component]
fn Details(error: Arc<LoadError>, open: bool) -> impl IntoView {
    let store = use_store();
    let i18n = use_i18n();
    let url = store.bundle_url.get_value();
    let summary = {
        let error = error.clone();
        move || {
            let l = i18n.get_locale();
            match &*error {
                LoadError::Fetch(FetchError::Network { .. }) => td_string!(l, error_network),
                LoadError::Fetch(FetchError::Status { .. }) => td_string!(l, error_status),
                LoadError::Parse(_) => td_string!(l, error_parse),
                LoadError::Invalid(_) => td_string!(l, error_invalid),
            }
        }
    };
    let details = match &*error {
        LoadError::Fetch(FetchError::Network { message, attempts }) => {
            let attempts = *attempts;
            let message = message.clone();
            view! { <p class="error-detail"><code>{message}</code>" · "{move || crate::i18n::attempts(i18n.get_locale(), attempts)}</p> }
                .into_any()
        }
        LoadError::Fetch(FetchError::Status { status, text }) => {
            view! { <p class="error-detail"><code>{format!("HTTP {status} {text}")}</code></p> }.into_any()
        }
        LoadError::Parse(err) => view! {
            <ul class="problems">
                <ProblemRow severity=Severity::Error location=err.location.clone() message=err.message.clone()/>
            </ul>
        }
        .into_any(),
        LoadError::Invalid(problems) => {
            let rows = problems
                .iter()
                .map(|Problem { severity, location, message, .. }| {
                    view! { <ProblemRow severity=*severity location=location.clone() message=message.clone()/> }
                })
                .collect_view();
            view! { <ul class="problems">{rows}</ul> }.into_any()
        }
    };
    view! {
        <details class="maintainer-details" open=open>
            <summary>{t!(i18n, for_maintainers)}</summary>
            <p>{t!(i18n, bundle_file)}": "<code class="bundle-url">{url}</code></p>
            <p class="error-summary">{summary}</p>
            {details}
        </details>
    }
}

#[component]
fn ProblemRow(severity: Severity, location: Location, message: String) -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let position = match (location.line, location.column) {
        (Some(line), Some(column)) => {
            Some(move || td_string!(locale(lang()), line_column, line, column))
        }
        _ => None,
    };
    let path = if location.path.is_empty() {
        "(document)".to_owned()
    } else {
        location.path
    };
    view! {
        <li class=format!("problem problem-{}", severity.as_str())>
            <span class="severity">{move || crate::i18n::severity(lang(), severity)}</span>
            " "
            <code class="problem-path">{path}</code>
            {position.map(|p| view! { " " <span class="problem-position">"("{p}")"</span> })}
            <span class="problem-message" lang="en">{message}</span>
        </li>
    }
}
