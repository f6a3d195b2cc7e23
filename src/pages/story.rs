//! The story of the day: the event's summary and its activities in order, with who and what took part.

use leptos::prelude::*;

use crate::app::use_document_title;
use crate::i18n::{format_date, ui};
use crate::pages::home::unit_label;
use crate::store::use_store;

#[component]
pub fn StoryPage() -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let t = move || ui(lang());
    use_document_title(move || Some(t().nav_story.to_owned()));
    move || {
        let bundle = store.bundle.get()?;
        let lang = lang();
        let steps = bundle
            .timeline
            .iter()
            .map(|a| {
                let units = a.units.iter().map(|id| unit_label(&bundle, id, lang)).collect::<Vec<_>>().join(" · ");
                let people = a
                    .people
                    .iter()
                    .filter_map(|id| bundle.person(id))
                    .map(|p| p.name.get(lang).to_owned())
                    .collect::<Vec<_>>()
                    .join(" · ");
                let items = a
                    .items
                    .iter()
                    .filter_map(|id| bundle.item(id))
                    .map(|i| view! { <li>{i.title.get(lang).to_owned()}</li> })
                    .collect_view();
                view! {
                    <li class="step">
                        {a.time.clone().map(|time| view! { <time class="step-time">{time}</time> })}
                        <h2>{a.title.get(lang).to_owned()}</h2>
                        <p>{a.description.get(lang).to_owned()}</p>
                        <p class="step-units">{units}</p>
                        {(!people.is_empty()).then(|| view! { <p class="step-people">{people}</p> })}
                        <ul class="step-items">{items}</ul>
                    </li>
                }
            })
            .collect_view();
        let e = &bundle.event;
        Some(view! {
            <h1>{e.title.get(lang).to_owned()}</h1>
            <p class="lead"><time datetime=e.date.clone()>{format_date(lang, &e.date)}</time>" · "{e.place.get(lang).to_owned()}</p>
            <p>{e.summary.get(lang).to_owned()}</p>
            <ol class="timeline">{steps}</ol>
        })
    }
}
