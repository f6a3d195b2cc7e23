//! What an address that shows nothing says: the page of every path that is no other's, and an item's
//! or a unit's page for an id the bundle does not have.

use leptos::prelude::*;

use crate::i18n::*;
use crate::router::{Link, Page};
use crate::site::use_document_title;

/// "Not found", with a way home.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(move || Some(t_string!(i18n, not_found_title).to_owned()));
    view! {
        <section class="not-found">
            <h1>{t!(i18n, not_found_title)}</h1>
            <p>{t!(i18n, not_found_body)}</p>
            <Link to=Page::Home attr:class="button">{t!(i18n, back_home)}</Link>
        </section>
    }
}
