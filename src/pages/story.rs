//! The story of the day: the event, its theme and principles, and its activities in order, each linked
//! to the units and items involved.

use leptos::prelude::*;

use crate::i18n::*;
use crate::router::{href, Route};
use crate::site::use_document_title;
use crate::state::use_store;

#[component]
pub fn StoryPage() -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    use_document_title(move || Some(td_string!(locale(lang()), nav_story).to_owned()));
    move || {
        let bundle = store.bundle.get()?;
        let lang = lang();
        let l = locale(lang);
        let steps = bundle
            .timeline
            .iter()
            .map(|a| {
                let units = a
                    .units
                    .iter()
                    .map(|id| {
                        let href = href(&Route::unit(id));
                        view! { <li><a href=href>{bundle.unit_label(id, lang)}</a></li> }
                    })
                    .collect_view();
                let people = a
                    .people
                    .iter()
                    .filter_map(|id| bundle.person(id))
                    .map(|p| view! { <li>{p.name.get(lang).to_owned()}" · "<span class="muted">{p.role.get(lang).to_owned()}</span></li> })
                    .collect_view();
                let items = a
                    .items
                    .iter()
                    .filter_map(|id| bundle.item(id))
                    .map(|i| {
                        let href = href(&Route::item(&i.id));
                        view! { <li><a href=href>{i.title.get(lang).to_owned()}</a></li> }
                    })
                    .collect_view();
                view! {
                    <li class="step" id=format!("step-{}", a.id)>
                        {a.time.clone().map(|time| view! { <time class="step-time">{time}</time> })}
                        <h2>{a.title.get(lang).to_owned()}</h2>
                        <p>{a.description.get(lang).to_owned()}</p>
                        <h3 class="visually-hidden">{td_string!(l, involved)}</h3>
                        <ul class="inline-list step-units">{units}</ul>
                        {(!a.people.is_empty()).then(|| view! { <ul class="step-people">{people}</ul> })}
                        {(!a.items.is_empty()).then(|| view! { <ul class="step-items">{items}</ul> })}
                    </li>
                }
            })
            .collect_view();
        let e = &bundle.event;
        let principles = e
            .principles
            .iter()
            .map(|p| view! { <li>{p.get(lang).to_owned()}</li> })
            .collect_view();
        Some(view! {
            <h1>{e.title.get(lang).to_owned()}</h1>
            <p class="lead"><time datetime=e.date.clone()>{format_date(lang, &e.date)}</time>" · "{e.place.get(lang).to_owned()}</p>
            <p>{e.summary.get(lang).to_owned()}</p>
            <dl class="item-details">
                <div><dt>{td_string!(l, theme)}</dt><dd>"“"{e.theme.get(lang).to_owned()}"”"</dd></div>
                <div><dt>{td_string!(l, principles)}</dt><dd><ul class="principles">{principles}</ul></dd></div>
            </dl>
            <ol class="timeline">{steps}</ol>
        })
    }
}
