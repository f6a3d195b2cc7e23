//! The places: every unit with its kind, role, address and position, and the routes between them.
//! The interactive map comes first; the list gives the same places to keyboards, screen readers and
//! small screens.

use leptos::prelude::*;

use crate::components::map_view::MapView;
use crate::i18n::*;
use crate::router::{href, Route};
use crate::site::{text_or, use_document_title};
use crate::state::use_store;

#[component]
pub fn MapPage() -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    use_document_title(move || Some(td_string!(locale(lang()), nav_map).to_owned()));
    move || {
        let bundle = store.bundle.get()?;
        let lang = lang();
        let l = locale(lang);
        let units = bundle
            .units
            .iter()
            .map(|u| {
                let secretary = u.secretary.as_deref().and_then(|id| bundle.person(id)).map(|p| p.name.get(lang).to_owned());
                let position = position(lang, &u.location);
                let partner = u.role == bundle::UnitRole::Partner;
                view! {
                    <li class=if partner { "place place-partner" } else { "place place-recipient" } id=format!("unit-{}", u.id)>
                        <span class="badge">{unit_kind(lang, u.kind)}</span>
                        <h2><a href=href(&Route::unit(&u.id))>{u.name.get(lang).to_owned()}</a></h2>
                        {u.address.as_ref().map(|a| view! { <p>{a.get(lang).to_owned()}</p> })}
                        {secretary.map(|s| view! { <p>{td_string!(l, branch_secretary)}": "{s}</p> })}
                        <p class="position">{position}</p>
                    </li>
                }
            })
            .collect_view();
        let routes = bundle
            .map
            .routes
            .iter()
            .map(|r| {
                let km = match (bundle.unit(&r.from), bundle.unit(&r.to)) {
                    (Some(a), Some(b)) => Some(bundle::geo::distance_km(&a.location, &b.location).round() as u64),
                    _ => None,
                };
                view! {
                    <li>
                        {bundle.unit_label(&r.from, lang)}" → "{bundle.unit_label(&r.to, lang)}": "{r.label.get(lang).to_owned()}
                        {km.map(|km| view! { " · "<span class="route-distance">{td_string!(l, distance, km = group_thousands(km))}</span> })}
                    </li>
                }
            })
            .collect_view();
        let lang_signal = Signal::derive(move || store.lang.get());
        Some(view! {
            <h1>{td_string!(l, nav_map)}</h1>
            <p class="lead">{text_or(bundle.meta.introductions.map.as_ref(), lang, td_string!(l, map_blurb))}</p>
            <MapView bundle=bundle.clone() lang=lang_signal/>
            {bundle.map.approval_number.as_ref().map(|n| view! { <p class="map-approval">{n.get(lang).to_owned()}</p> })}
            <ul class="places">{units}</ul>
            <h2 id="routes">{td_string!(l, route)}</h2>
            <ul class="routes">{routes}</ul>
        })
    }
}
