//! The home page: the event's title in both languages, the facts of the day, and the ways in.

use leptos::prelude::*;

use crate::i18n::*;
use crate::router::{href, Link, Page, Route};
use crate::site::text_or;
use crate::site::use_document_title;
use crate::state::use_store;

#[component]
pub fn HomePage() -> impl IntoView {
    let store = use_store();
    // The home page is the event's: its title, then the site's name (once, where they are the same).
    use_document_title(move || {
        store.bundle.with(|b| {
            let meta = &b.as_ref()?.meta;
            let title = meta.title.get(store.lang.get());
            (title != meta.site_name().get(store.lang.get())).then(|| title.to_owned())
        })
    });
    let lang = move || store.lang.get();
    let i18n = use_i18n();
    move || {
        let bundle = store.bundle.get()?;
        let b = bundle.clone();
        let title = move || b.meta.title.get(lang()).to_owned();
        let b = bundle.clone();
        let other_title = move || b.meta.title.get(lang().other()).to_owned();
        let b = bundle.clone();
        let subtitle = move || b.meta.subtitle.as_ref().map(|s| s.get(lang()).to_owned());
        let e = bundle.event.clone();
        let facts = {
            let e = e.clone();
            move || {
                let lang = lang();
                view! {
                    <dl class="facts">
                        <div><dt>{td_string!(locale(lang), date)}</dt><dd><time datetime=e.date.clone()>{format_date(lang, &e.date)}</time></dd></div>
                        <div><dt>{td_string!(locale(lang), place)}</dt><dd>{e.place.get(lang).to_owned()}</dd></div>
                        <div><dt>{td_string!(locale(lang), theme)}</dt><dd>"“"{e.theme.get(lang).to_owned()}"”"</dd></div>
                    </dl>
                }
            }
        };
        let summary = {
            let e = e.clone();
            move || e.summary.get(lang()).to_owned()
        };
        let principles = {
            let e = e.clone();
            move || {
                e.principles
                    .iter()
                    .map(|p| view! { <li>{p.get(lang()).to_owned()}</li> })
                    .collect_view()
            }
        };
        let item_count = bundle.items.len();
        let book_total = bundle.book_totals().counted;
        let b = bundle.clone();
        let partners = move || {
            let lang = lang();
            b.units
                .iter()
                .filter(|u| u.role == bundle::UnitRole::Partner)
                .map(|u| {
                    let secretary = u
                        .secretary
                        .as_deref()
                        .and_then(|id| b.person(id))
                        .map(|p| p.name.get(lang).to_owned());
                    view! {
                        <li class="partner">
                            <h3><a href=href(&Route::unit(&u.id))>{u.name.get(lang).to_owned()}</a></h3>
                            {u.branch.as_ref().map(|br| view! { <p class="branch">{br.get(lang).to_owned()}</p> })}
                            {secretary.map(|s| view! { <p class="secretary">{td_string!(locale(lang), branch_secretary)}": "{s}</p> })}
                        </li>
                    }
                })
                .collect_view()
        };
        let other_lang = move || lang().other().bcp47();
        // A section's introduction: the bundle's, else a general sentence.
        let intros = &bundle.meta.introductions;
        let intro = |of: fn(&bundle::Introductions) -> Option<&bundle::Text>,
                     general: fn(Locale) -> &'static str| {
            let text = of(intros).cloned();
            move || text_or(text.as_ref(), lang(), general(locale(lang())))
        };
        let gallery_intro = intro(|i| i.gallery.as_ref(), |l| td_string!(l, gallery_blurb));
        let map_intro = intro(|i| i.map.as_ref(), |l| td_string!(l, map_blurb));
        let story_intro = intro(|i| i.story.as_ref(), |l| td_string!(l, story_blurb));
        let books_intro = intro(|i| i.books.as_ref(), |l| td_string!(l, books_blurb));
        Some(view! {
            <section class="hero" aria-labelledby="home-title">
                <p class="hero-date">{
                    let date = e.date.clone();
                    move || format_date(lang(), &date)
                }</p>
                <h1 id="home-title">{title}</h1>
                <p class="hero-other-language" lang=other_lang>{other_title}</p>
                <p class="hero-subtitle">{subtitle}</p>
            </section>
            {facts}
            <section class="summary">
                <p>{summary}</p>
                <h2>{t!(i18n, principles)}</h2>
                <ul class="principles">{principles}</ul>
            </section>
            <section aria-labelledby="explore-title">
                <h2 id="explore-title">{t!(i18n, explore)}</h2>
                <ul class="explore">
                    <li><Link to=Page::Gallery><strong>{t!(i18n, nav_gallery)}</strong>
                        <span>{gallery_intro}</span>
                        <span class="count">{move || items_count(i18n.get_locale(), item_count)}</span></Link></li>
                    <li><Link to=Page::Map><strong>{t!(i18n, nav_map)}</strong>
                        <span>{map_intro}</span></Link></li>
                    <li><Link to=Page::Story><strong>{t!(i18n, nav_story)}</strong>
                        <span>{story_intro}</span></Link></li>
                    <li><Link to=Page::Books><strong>{t!(i18n, nav_books)}</strong>
                        <span>{books_intro}</span>
                        <span class="count">{move || books_count(i18n.get_locale(), book_total)}</span></Link></li>
                </ul>
            </section>
            <section aria-labelledby="partners-title">
                <h2 id="partners-title">{t!(i18n, partners)}</h2>
                <ul class="partners">{partners}</ul>
            </section>
            <Footer/>
        })
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let sources = move || {
        store.bundle.with(|b| {
            b.as_ref().map(|b| {
                b.meta
                    .sources
                    .iter()
                    .map(|s| {
                        let title = s.title.get(lang()).to_owned();
                        // Validation admits only https or relative addresses here.
                        match &s.url {
                            Some(url) => view! {
                                <li><a href=url.clone() rel="noopener noreferrer">{title}</a></li>
                            }
                            .into_any(),
                            None => view! { <li>{title}</li> }.into_any(),
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <footer class="site-footer">
            <p>{move || td_string!(locale(lang()), sample_images_note)}</p>
            <h2 class="footer-heading">{move || td_string!(locale(lang()), sources)}</h2>
            <ul>{sources}</ul>
        </footer>
    }
}
