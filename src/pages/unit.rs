//! A unit at `/units/<id>`: who it is, its branch secretary and role, what it gave and received (each
//! linked to the gallery), and where it is.

use bundle::GalleryQuery;
use leptos::prelude::*;

use crate::i18n::*;
use crate::components::not_found::NotFound;
use crate::router::{gallery_href, href, href_with, use_router, Page, Route};
use crate::site::use_document_title;
use crate::state::use_store;

#[component]
pub fn UnitPage() -> impl IntoView {
    let store = use_store();
    let id = use_router().id_of(Page::Unit);
    let lang = move || store.lang.get();
    use_document_title(move || {
        let lang = lang();
        store.bundle.with(|b| {
            b.as_ref()?
                .unit(&id.get())
                .map(|u| u.name.get(lang).to_owned())
        })
    });
    move || {
        let bundle = store.bundle.get()?;
        let lang = lang();
        let l = locale(lang);
        let Some(unit) = bundle.unit(&id.get()).cloned() else {
            return Some(view! { <NotFound/> }.into_any());
        };
        let secretary = unit
            .secretary
            .as_deref()
            .and_then(|s| bundle.person(s))
            .map(|p| p.name.get(lang).to_owned());
        let list = |filter: fn(&str) -> GalleryQuery, pick: fn(&bundle::Item) -> &Vec<String>| {
            let items: Vec<_> = bundle
                .items
                .iter()
                .filter(|i| pick(i).contains(&unit.id))
                .map(|i| {
                    let href = href(&Route::item(&i.id));
                    view! { <li><a href=href>{i.title.get(lang).to_owned()}</a>" "<span class="muted nowrap">"· "{item_kind(lang, i.kind)}</span></li> }
                })
                .collect();
            let count = items.len();
            let all = gallery_href(&filter(&unit.id));
            (count > 0).then(|| {
                view! {
                    <ul class="unit-items">{items}</ul>
                    <p><a href=all>{items_count(l, count)}" → "{td_string!(l, nav_gallery)}</a></p>
                }
            })
        };
        let gave = list(GalleryQuery::given_by, |i| &i.donors);
        let received = list(GalleryQuery::received_by, |i| &i.recipients);
        let role = match unit.role {
            bundle::UnitRole::Partner => td_string!(l, role_partner),
            bundle::UnitRole::Recipient => td_string!(l, role_recipient),
        };
        let position = position(lang, &unit.location);
        Some(view! {
            <article class="unit-page">
                <p class="breadcrumb"><a href=href(&Page::Map.into())>"← "{td_string!(l, nav_map)}</a></p>
                <span class="badge">{unit_kind(lang, unit.kind)}</span>" "<span class="badge">{role}</span>
                <h1>{unit.name.get(lang).to_owned()}</h1>
                {unit.description.as_ref().map(|d| view! { <p class="lead">{d.get(lang).to_owned()}</p> })}
                <dl class="item-details">
                    {unit.branch.as_ref().map(|b| view! { <div><dt>{td_string!(l, branch)}</dt><dd>{b.get(lang).to_owned()}</dd></div> })}
                    {secretary.map(|s| view! { <div><dt>{td_string!(l, branch_secretary)}</dt><dd>{s}</dd></div> })}
                    {unit.address.as_ref().map(|a| view! { <div><dt>{td_string!(l, address)}</dt><dd>{a.get(lang).to_owned()}</dd></div> })}
                    <div><dt>{td_string!(l, place)}</dt><dd>{position}" · "<a href=href_with(&Page::Map.into(), &format!("#unit-{}", unit.id))>{td_string!(l, show_on_map)}</a></dd></div>
                </dl>
                {gave.map(|g| view! { <section><h2>{td_string!(l, gave)}</h2>{g}</section> })}
                {received.map(|r| view! { <section><h2>{td_string!(l, received)}</h2>{r}</section> })}
            </article>
        }.into_any())
    }
}
