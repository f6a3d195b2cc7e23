use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::app_href;
use crate::i18n::ui;
use crate::store::use_store;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let store = use_store();
    let t = move || ui(store.lang.get());
    let title = move || {
        let lang = store.lang.get();
        store
            .bundle
            .with(|b| b.as_ref().map(|b| b.meta.title.get(lang).to_owned()))
            .unwrap_or_else(|| ui(lang).site_name.to_owned())
    };
    view! {
        <header class="site-header">
            <a class="skip-link" href="#main">{move || t().skip_to_content}</a>
            <A href=app_href("/") attr:class="brand">
                <span class="brand-mark" aria-hidden="true" lang="zh-CN">"百"</span>
                <span class="brand-title">{title}</span>
            </A>
            <nav aria-label=move || t().nav_label>
                <ul>
                    <li><A href=app_href("/") exact=true>{move || t().nav_home}</A></li>
                    <li><A href=app_href("/gallery")>{move || t().nav_gallery}</A></li>
                    <li><A href=app_href("/map")>{move || t().nav_map}</A></li>
                    <li><A href=app_href("/story")>{move || t().nav_story}</A></li>
                    <li><A href=app_href("/books")>{move || t().nav_books}</A></li>
                </ul>
            </nav>
            <button
                type="button"
                class="lang-switch"
                lang=move || store.lang.get().other().bcp47()
                aria-label=move || t().switch_language_label
                on:click=move |_| store.set_lang(store.lang.get_untracked().other())
            >
                {move || t().switch_language}
            </button>
        </header>
    }
}
