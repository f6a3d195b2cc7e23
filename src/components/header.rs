use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::app_href;
use crate::i18n::*;
use crate::store::use_store;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let store = use_store();
    let i18n = use_i18n();
    let title = move || {
        let lang = store.lang.get();
        store
            .bundle
            .with(|b| b.as_ref().map(|b| b.meta.title.get(lang).to_owned()))
            .unwrap_or_else(|| td_string!(locale(lang), site_name).to_owned())
    };
    view! {
        <header class="site-header">
            <a class="skip-link" href="#main">{t!(i18n, skip_to_content)}</a>
            <A href=app_href("/") attr:class="brand">
                <span class="brand-mark" aria-hidden="true" lang="zh-CN">"百"</span>
                <span class="brand-title">{title}</span>
            </A>
            <nav aria-label=move || t_string!(i18n, nav_label)>
                <ul>
                    <li><A href=app_href("/") exact=true>{t!(i18n, nav_home)}</A></li>
                    <li><A href=app_href("/gallery")>{t!(i18n, nav_gallery)}</A></li>
                    <li><A href=app_href("/map")>{t!(i18n, nav_map)}</A></li>
                    <li><A href=app_href("/story")>{t!(i18n, nav_story)}</A></li>
                    <li><A href=app_href("/books")>{t!(i18n, nav_books)}</A></li>
                </ul>
            </nav>
            <button
                type="button"
                class="lang-switch"
                lang=move || store.lang.get().other().bcp47()
                aria-label=move || t_string!(i18n, switch_language_label)
                on:click=move |_| store.set_lang(store.lang.get_untracked().other())
            >
                {t!(i18n, switch_language)}
            </button>
        </header>
    }
}
