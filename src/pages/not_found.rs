use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::{app_href, use_document_title};
use crate::i18n::ui;
use crate::store::use_store;

#[component]
pub fn NotFound() -> impl IntoView {
    let store = use_store();
    let t = move || ui(store.lang.get());
    use_document_title(move || Some(t().not_found_title.to_owned()));
    view! {
        <section class="not-found">
            <h1>{move || t().not_found_title}</h1>
            <p>{move || t().not_found_body}</p>
            <A href=app_href("/") attr:class="button">{move || t().back_home}</A>
        </section>
    }
}
