//! The gallery: every item of the bundle as a card with its image, kind, title and donors.

use leptos::prelude::*;

use crate::app::use_document_title;
use crate::components::media::BundleImage;
use crate::i18n::{item_kind, ui};
use crate::pages::home::unit_label;
use crate::store::use_store;

/// Cards on the first screen load eagerly; the rest when scrolled near.
const EAGER_CARDS: usize = 4;

#[component]
pub fn GalleryPage() -> impl IntoView {
    let store = use_store();
    let lang = Signal::derive(move || store.lang.get());
    let t = move || ui(lang.get());
    use_document_title(move || Some(t().nav_gallery.to_owned()));
    move || {
        let bundle = store.bundle.get()?;
        let cards = bundle
            .items
            .iter()
            .enumerate()
            .map(|(index, item)| {
                let image = item.media.first().cloned().map(|media| {
                    view! { <BundleImage media lang lazy={index >= EAGER_CARDS}
                        sizes="(min-width: 1200px) 25vw, (min-width: 700px) 33vw, 100vw"/> }
                });
                let (kind, b, it) = (item.kind, bundle.clone(), item.clone());
                let title = {
                    let it = it.clone();
                    move || it.title.get(lang.get()).to_owned()
                };
                let donors = move || {
                    it.donors
                        .iter()
                        .map(|id| unit_label(&b, id, lang.get()))
                        .collect::<Vec<_>>()
                        .join(" · ")
                };
                view! {
                    <li class="card" id=format!("item-{}", item.id)>
                        {image}
                        <div class="card-body">
                            <span class=format!("badge badge-{}", kind.as_str())>{move || item_kind(lang.get(), kind)}</span>
                            <h2 class="card-title">{title}</h2>
                            <p class="card-meta">{move || t().donor}": "{donors}</p>
                        </div>
                    </li>
                }
            })
            .collect_view();
        let count = bundle.items.len();
        Some(view! {
            <h1>{move || t().nav_gallery}</h1>
            <p class="result-count">{move || (t().items_count)(count)}</p>
            <ul class="gallery-grid">{cards}</ul>
        })
    }
}
