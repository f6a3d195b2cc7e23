use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::*;
use crate::router::{address_lang, in_language, use_router, Link, Page};
use crate::site::{identity, Identity};
use crate::state::use_store;

/// `in_place_language`: the language switch changes the language of the page on show (the kiosk's,
/// whose addresses nobody sees) instead of going to the page's address in the other language.
#[component]
pub fn SiteHeader(#[prop(into)] in_place_language: Signal<bool>) -> impl IntoView {
    let store = use_store();
    let i18n = use_i18n();
    let router = use_router();
    let other = move || store.lang.get().other();
    // A link to this page in the other language, which a page without JavaScript has too (of the two,
    // one language's addresses name it, /en/…, and the other's do not). In place: no address, so the
    // kiosk's guard, which shows links out of the app as QR codes, leaves it alone; a kiosk is touched.
    let href = move || {
        let prefixed = address_lang().is_none().then_some(other());
        (!in_place_language.get()).then(|| {
            router
                .path
                .with(|path| in_language(path, &router.search.get(), prefixed))
        })
    };
    let switch = view! {
        <a class="lang-switch" href=href role=move || in_place_language.get().then_some("button")
            lang=move || other().bcp47()
            aria-label=move || t_string!(i18n, switch_language_label)
            on:click=move |event: web_sys::MouseEvent| {
                if in_place_language.get_untracked() {
                    event.prevent_default();
                    store.set_lang(other());
                } else {
                    store.remember_lang(other());
                }
            }>
            {t!(i18n, switch_language)}
        </a>
    };
    let identity = move || identity(store, store.lang.get());
    view! {
        <header class="site-header">
            // `#main` alone would be read against <base href> (the site's root) and open the home page.
            <a class="skip-link" href="#main" on:click=skip_to_main>{t!(i18n, skip_to_content)}</a>
            <Link to=Page::Home attr:class="brand">
                // The site's name, not the home page's heading: the same before and after the bundle
                // comes (the build writes it into the page's head), so the header does not change size
                // under the visitor. The short name on narrow screens (the stylesheet shows one).
                {move || {
                    let Identity { name, short_name, mark } = identity();
                    let mark = mark.map(|mark| {
                        let lang = mark.chars().any(is_han).then_some("zh-CN");
                        view! { <span class="brand-mark" aria-hidden="true" lang=lang>{mark}</span> }
                    });
                    view! {
                        {mark}
                        <span class="brand-title brand-title-long">{name}</span>
                        <span class="brand-title brand-title-short">{short_name}</span>
                    }
                }}
            </Link>
            <nav aria-label=move || t_string!(i18n, nav_label)>
                <ul>
                    <li><Link to=Page::Home exact=true>{t!(i18n, nav_home)}</Link></li>
                    <li><Link to=Page::Gallery>{t!(i18n, nav_gallery)}</Link></li>
                    <li><Link to=Page::Map>{t!(i18n, nav_map)}</Link></li>
                    <li><Link to=Page::Story>{t!(i18n, nav_story)}</Link></li>
                    <li><Link to=Page::Books>{t!(i18n, nav_books)}</Link></li>
                </ul>
            </nav>
            {switch}
        </header>
    }
}

/// Moves the keyboard focus (and the view) to the page's main content, staying on this page.
fn skip_to_main(event: web_sys::MouseEvent) {
    event.prevent_default();
    let main = document().get_element_by_id("main");
    if let Some(main) = main.and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = main.focus();
        main.scroll_into_view();
    }
}

/// A Chinese character (the CJK Unified Ideographs and their first extension), for the `lang` of a
/// mark: a screen never reads it, but a browser picks the font by it.
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}
