use leptos::prelude::*;

use crate::i18n::*;
use crate::store::use_store;

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
