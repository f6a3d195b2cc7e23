//! One item of the gallery at `/gallery/<id>`: every detail, localised, its images (opening the
//! lightbox), links to its units and the map, and the previous and next items.

use std::sync::Arc;

use bundle::{Bundle, Item, Lang, Text};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::app::{app_href, use_document_title};
use crate::components::lightbox::{use_lightbox_param, Lightbox, Slide};
use crate::components::media::BundleImage;
use crate::i18n::{format_date, item_kind, ui, Ui};
use crate::kiosk_mode::{kiosk_on, public_url, QrCode};
use crate::pages::home::unit_label;
use crate::pages::not_found::NotFound;
use crate::store::use_store;

#[component]
pub fn ItemPage() -> impl IntoView {
    let store = use_store();
    let params = use_params_map();
    let lang = Signal::derive(move || store.lang.get());
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    use_document_title(move || {
        let lang = lang.get();
        let title = store.bundle.with(|b| {
            b.as_ref()?
                .item(&id.get())
                .map(|i| i.title.get(lang).to_owned())
        });
        Some(title.unwrap_or_else(|| ui(lang).nav_gallery.to_owned()))
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
    let t = move || ui(lang.get());
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
                        let badge = if sample { format!(" · {}", t().sample_image) } else { String::new() };
                        format!("{}: {}{badge}", t().view_larger, title.get(lang.get()))
                    }>
                    <BundleImage media=media.clone() lang lazy={n > 0} sizes="(min-width: 900px) 60vw, 100vw"/>
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
        let url = public_url(&bundle, &format!("/gallery/{}", item.id));
        move || {
            kiosk_on().then(|| {
                let url = url.clone();
                view! {
                    <aside class="item-qr" aria-labelledby="item-qr-title">
                        <h2 id="item-qr-title">{move || t().qr_item_title}</h2>
                        <QrCode url=url.clone() lang/>
                        <p>{move || t().qr_hint}</p>
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
            <p class="breadcrumb"><A href=app_href("/gallery")>"← "{move || t().back_to_gallery}</A></p>
            <span class=format!("badge badge-{}", kind.as_str())>{move || item_kind(lang.get(), kind)}</span>
            <h1>{move || title.get(lang.get()).to_owned()}</h1>
            <div class="item-layout">
                <div class="item-images">{images}</div>
                <div class="item-text">
                    <p class="item-description">{move || description.get(lang.get()).to_owned()}</p>
                    {details}
                    <p><A href=app_href("/map")>{move || t().show_on_map}</A></p>
                    {hand_off}
                </div>
            </div>
            <nav class="item-neighbours" aria-label=move || format!("{} / {}", t().previous_item, t().next_item)>
                {previous.map(|p| neighbour_link(p, "prev", lang, |t| t.previous_item))}
                {next.map(|n| neighbour_link(n, "next", lang, |t| t.next_item))}
            </nav>
        </article>
        <Lightbox slides=Signal::stored(slides) param lang/>
    }
}

fn neighbour_link(
    item: Item,
    rel: &'static str,
    lang: Signal<Lang>,
    label: fn(&Ui) -> &'static str,
) -> impl IntoView {
    view! {
        <A href=app_href(&format!("/gallery/{}", item.id)) attr:class=format!("neighbour neighbour-{rel}") attr:rel=rel>
            <span class="neighbour-label">{move || label(ui(lang.get()))}</span>
            <span>{move || item.title.get(lang.get()).to_owned()}</span>
        </A>
    }
}

fn details(bundle: &Bundle, item: &Item, lang: Lang) -> impl IntoView {
    let t = ui(lang);
    let mut rows: Vec<(&'static str, AnyView)> = vec![(
        t.date,
        view! { <time datetime=item.date.clone()>{format_date(lang, &item.date)}</time> }
            .into_any(),
    )];
    // Each unit links to the gallery filtered to what it gave or received.
    let units = |ids: &[String], filter: &str| {
        ids.iter()
            .map(|id| {
                let (href, label) = (
                    app_href(&format!("/gallery?{filter}={id}")),
                    unit_label(bundle, id, lang),
                );
                view! { <li><a href=href>{label}</a></li> }
            })
            .collect_view()
    };
    rows.push((
        t.donor,
        view! { <ul class="inline-list">{units(&item.donors, "donor")}</ul> }.into_any(),
    ));
    rows.push((
        t.recipient,
        view! { <ul class="inline-list">{units(&item.recipients, "recipient")}</ul> }.into_any(),
    ));
    let mut text = |label: &'static str, value: &Option<Text>| {
        if let Some(value) = value {
            rows.push((label, value.get(lang).to_owned().into_any()));
        }
    };
    if let Some(a) = &item.artwork {
        text(t.artists, &a.artists);
        text(t.medium, &a.medium);
        text(t.size, &a.size);
    }
    if let Some(c) = &item.cover {
        text(t.issuer, &c.issuer);
        text(t.stamp, &c.stamp);
        text(t.postmark, &c.postmark);
    }
    if let Some(p) = &item.plaque {
        text(t.inscription, &p.inscription);
        text(t.material, &p.material);
    }
    if let Some(b) = &item.books {
        let count = b.count.map_or_else(
            || t.unknown_count.to_owned(),
            |c| (t.books_count)(u64::from(c)),
        );
        rows.push((t.ledger_count, count.into_any()));
        if let Some(person) = b.via.as_deref().and_then(|id| bundle.person(id)) {
            rows.push((t.via, person.name.get(lang).to_owned().into_any()));
        }
        rows.push((t.ledger_to, unit_label(bundle, &b.to, lang).into_any()));
        if !b.titles.is_empty() {
            let titles = b
                .titles
                .iter()
                .map(|x| view! { <li>{x.get(lang).to_owned()}</li> })
                .collect_view();
            rows.push((t.book_titles, view! { <ul>{titles}</ul> }.into_any()));
        }
    }
    let rows = rows
        .into_iter()
        .map(|(label, value)| view! { <div><dt>{label}</dt><dd>{value}</dd></div> })
        .collect_view();
    view! { <dl class="item-details">{rows}</dl> }
}
