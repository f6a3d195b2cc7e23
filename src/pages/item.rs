//! One item of the gallery at `/gallery/<id>`: every detail, localised, its images (opening the
//! lightbox), links to its units and the map, and the previous and next items.

use std::sync::Arc;

use bundle::{Bundle, GalleryQuery, Item, Lang, Text};
use leptos::prelude::*;

use crate::components::lightbox::{use_lightbox_param, LazyLightbox, Slide};
use crate::components::media::BundleImage;
use crate::i18n::*;
use crate::components::qr_code::QrCode;
use crate::kiosk::kiosk_on;
use crate::components::not_found::NotFound;
use crate::router::{gallery_href, public_href, use_router, Link, Page, Route};
use crate::site::use_document_title;
use crate::state::use_store;

#[component]
pub fn ItemPage() -> impl IntoView {
    let store = use_store();
    let lang = Signal::derive(move || store.lang.get());
    let id = use_router().id_of(Page::Item);
    use_document_title(move || {
        let lang = lang.get();
        let title = store.bundle.with(|b| {
            b.as_ref()?
                .item(&id.get())
                .map(|i| i.title.get(lang).to_owned())
        });
        Some(title.unwrap_or_else(|| td_string!(locale(lang), nav_gallery).to_owned()))
    });
    move || {
        let bundle = store.bundle.get()?;
        let id = id.get();
        let Some(position) = bundle.items.iter().position(|i| i.id == id) else {
            return Some(view! { <NotFound/> }.into_any());
        };
        Some(view! { <ItemView bundle position lang/> }.into_any())
    }
}

#[component]
fn ItemView(bundle: Arc<Bundle>, position: usize, lang: Signal<Lang>) -> impl IntoView {
    let i18n = use_i18n();
    let item = bundle.items[position].clone();
    let param = use_lightbox_param();
    let slides: Vec<Slide> = item
        .media
        .iter()
        .enumerate()
        .map(|(n, media)| Slide {
            key: n.to_string(),
            media: media.clone(),
            title: item.title.clone(),
        })
        .collect();
    let images = item
        .media
        .iter()
        .enumerate()
        .map(|(n, media)| {
            let title = item.title.clone();
            let sample = media.sample;
            view! {
                <button type="button" class="item-image" on:click=move |_| param.open(&n.to_string())
                    aria-label=move || {
                        let badge = if sample { format!(" · {}", t_string!(i18n, sample_image)) } else { String::new() };
                        format!("{}: {}{badge}", t_string!(i18n, view_larger), title.get(lang.get()))
                    }>
                    <BundleImage media=media.clone() lang lazy={n > 0} priority={n == 0} sizes="(min-width: 900px) 60vw, 100vw"/>
                </button>
            }
        })
        .collect_view();
    let neighbour = |offset: isize| {
        let n = bundle.items.len() as isize;
        let index = (position as isize + offset).rem_euclid(n) as usize;
        (index != position).then(|| bundle.items[index].clone())
    };
    let (previous, next) = (neighbour(-1), neighbour(1));
    let details = {
        let (bundle, item) = (bundle.clone(), item.clone());
        move || details(&bundle, &item, lang.get())
    };
    // On a kiosk, the page's public address as a QR code, to take the item home on a phone.
    let hand_off = {
        let url = public_href(&bundle, &Route::item(&item.id));
        move || {
            kiosk_on().then(|| {
                let url = url.clone();
                view! {
                    <aside class="item-qr" aria-labelledby="item-qr-title">
                        <h2 id="item-qr-title">{t!(i18n, qr_item_title)}</h2>
                        <QrCode url=url.clone() lang/>
                        <p>{t!(i18n, qr_hint)}</p>
                        <p class="qr-url">{url}</p>
                    </aside>
                }
            })
        }
    };
    let kind = item.kind;
    let title = item.title.clone();
    let description = item.description.clone();
    view! {
        <article class="item-page">
            <p class="breadcrumb"><Link to=Page::Gallery>"← "{t!(i18n, back_to_gallery)}</Link></p>
            <span class=format!("badge badge-{}", kind.as_str())>{move || item_kind(lang.get(), kind)}</span>
            <h1>{move || title.get(lang.get()).to_owned()}</h1>
            <div class="item-layout">
                <div class="item-images">{images}</div>
                <div class="item-text">
                    <p class="item-description">{move || description.get(lang.get()).to_owned()}</p>
                    {details}
                    <p><Link to=Page::Map>{t!(i18n, show_on_map)}</Link></p>
                    {hand_off}
                </div>
            </div>
            <nav class="item-neighbours" aria-label=move || format!("{} / {}", t_string!(i18n, previous_item), t_string!(i18n, next_item))>
                {previous.map(|p| neighbour_link(p, "prev", lang, |l| td_string!(l, previous_item)))}
                {next.map(|n| neighbour_link(n, "next", lang, |l| td_string!(l, next_item)))}
            </nav>
        </article>
        <LazyLightbox slides=Signal::stored(slides) param lang/>
    }
}

fn neighbour_link(
    item: Item,
    rel: &'static str,
    lang: Signal<Lang>,
    label: fn(Locale) -> &'static str,
) -> impl IntoView {
    view! {
        <Link to=Route::item(&item.id) attr:class=format!("neighbour neighbour-{rel}") attr:rel=rel>
            <span class="neighbour-label">{move || label(locale(lang.get()))}</span>
            <span>{move || item.title.get(lang.get()).to_owned()}</span>
        </Link>
    }
}

fn details(bundle: &Bundle, item: &Item, lang: Lang) -> impl IntoView {
    let l = locale(lang);
    let mut rows: Vec<(&'static str, AnyView)> = vec![(
        td_string!(l, date),
        view! { <time datetime=item.date.clone()>{format_date(lang, &item.date)}</time> }
            .into_any(),
    )];
    // Each unit links to the gallery filtered to what it gave or received.
    let units = |ids: &[String], filter: fn(&str) -> GalleryQuery| {
        ids.iter()
            .map(|id| {
                let (href, label) = (
                    gallery_href(&filter(id)),
                    bundle.unit_label(id, lang),
                );
                view! { <li><a href=href>{label}</a></li> }
            })
            .collect_view()
    };
    rows.push((
        td_string!(l, donor),
        view! { <ul class="inline-list">{units(&item.donors, GalleryQuery::given_by)}</ul> }.into_any(),
    ));
    rows.push((
        td_string!(l, recipient),
        view! { <ul class="inline-list">{units(&item.recipients, GalleryQuery::received_by)}</ul> }.into_any(),
    ));
    let mut text = |label: &'static str, value: &Option<Text>| {
        if let Some(value) = value {
            rows.push((label, value.get(lang).to_owned().into_any()));
        }
    };
    if let Some(a) = &item.artwork {
        text(td_string!(l, artists), &a.artists);
        text(td_string!(l, medium), &a.medium);
        text(td_string!(l, size), &a.size);
    }
    if let Some(c) = &item.cover {
        text(td_string!(l, issuer), &c.issuer);
        text(td_string!(l, stamp), &c.stamp);
        text(td_string!(l, postmark), &c.postmark);
    }
    if let Some(p) = &item.plaque {
        text(td_string!(l, inscription), &p.inscription);
        text(td_string!(l, material), &p.material);
    }
    if let Some(b) = &item.books {
        let count = b.count.map_or_else(
            || td_string!(l, unknown_count).to_owned(),
            |c| books_count(l, u64::from(c)),
        );
        rows.push((td_string!(l, ledger_count), count.into_any()));
        if let Some(person) = b.via.as_deref().and_then(|id| bundle.person(id)) {
            rows.push((
                td_string!(l, via),
                person.name.get(lang).to_owned().into_any(),
            ));
        }
        rows.push((
            td_string!(l, ledger_to),
            bundle.unit_label(&b.to, lang).into_any(),
        ));
        if !b.titles.is_empty() {
            let titles = b
                .titles
                .iter()
                .map(|x| view! { <li>{x.get(lang).to_owned()}</li> })
                .collect_view();
            rows.push((
                td_string!(l, book_titles),
                view! { <ul>{titles}</ul> }.into_any(),
            ));
        }
    }
    let rows = rows
        .into_iter()
        .map(|(label, value)| view! { <div><dt>{label}</dt><dd>{value}</dd></div> })
        .collect_view();
    view! { <dl class="item-details">{rows}</dl> }
}
