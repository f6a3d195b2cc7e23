//! The application shell: store, document language and title, header, and the route table.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

use crate::chunks::{self, chunk, SplitLoaderError};
use crate::components::error_panel::{ErrorPanel, StaleNotice};
use crate::components::header::SiteHeader;
use crate::components::loading::{Loading, RoutingNotice};
use crate::kiosk_mode::{KioskLayer, KioskMode};
use crate::pages::{
    books::BooksPage, gallery::GalleryPage, home::HomePage, item::ItemPage, map::MapPage,
};
use crate::pages::{not_found::NotFound, story::StoryPage, unit::UnitPage};
use crate::router::{Builder, Page, Router};
use crate::store::{use_store, LoadStatus, Store};

#[component]
pub fn App() -> impl IntoView {
    let store = Store::new();
    store.provide();
    preload_first_page();
    // Once a bundle is on show (the newest, or the last good one kept), the work for later
    // (`crate::idle`) is scheduled, once.
    Effect::new(move |scheduled: Option<bool>| {
        if scheduled == Some(true) {
            return true;
        }
        let on_show = store.bundle.with(Option::is_some);
        if on_show {
            crate::idle::prepare_offline(store);
        }
        on_show
    });
    leptos::task::spawn_local(store.load());
    view! { <Shell/> }
}

/// Everything under the store: used by [`App`] and by tests that provide their own store.
#[component]
pub fn Shell() -> impl IntoView {
    let store = use_store();
    let router = Router::provide(prepare, chunks::failed_view);
    let kiosk = KioskMode::provide(store);
    crate::site::sync_description(store);
    Effect::new(move |_| {
        let lang = store.lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.bcp47());
        }
    });
    let body = move || {
        if kiosk.starting() {
            return view! { <Loading/> }.into_any();
        }
        let status = store.status.get();
        match (store.bundle.with(Option::is_some), status) {
            (true, LoadStatus::Failed(error)) => view! { <StaleNotice error/><Pages/> }.into_any(),
            (true, _) => view! { <Pages/> }.into_any(),
            (false, LoadStatus::Failed(error)) => view! { <ErrorPanel error/> }.into_any(),
            (false, _) => view! { <Loading/> }.into_any(),
        }
    };
    view! {
        <SiteHeader/>
        <RoutingNotice is_routing=router.is_routing()/>
        <main id="main" tabindex="-1">{body}</main>
        <KioskLayer/>
    }
}

/// A page whose code is a chunk: `$name()` downloads it (with retries, see `crate::chunks`) and gives
/// the function that draws the page.
macro_rules! page_chunk {
    ($module:ident, $preload:ident, $name:ident, $draw:ident, $page:ident) => {
        fn $draw() -> AnyView {
            view! { <$page/> }.into_any()
        }

        chunk!(
            $module,
            $preload,
            fn $name() -> Builder {
                $draw as Builder
            }
        );
    };
}

page_chunk!(
    gallery,
    preload_gallery,
    gallery_page,
    draw_gallery,
    GalleryPage
);
// The item page is a chunk of its own: a visit to the gallery does not download it (nor the QR code
// it shares with the kiosk), and it is prefetched with the other pages once the first is up.
page_chunk!(item, preload_item, item_page, draw_item, ItemPage);
page_chunk!(map, preload_map, map_page, draw_map, MapPage);
page_chunk!(pages, preload_story, story_page, draw_story, StoryPage);
page_chunk!(pages, preload_books, books_page, draw_books, BooksPage);
page_chunk!(pages, preload_unit, unit_page, draw_unit, UnitPage);

fn draw_home() -> AnyView {
    view! { <HomePage/> }.into_any()
}

fn draw_not_found() -> AnyView {
    view! { <NotFound/> }.into_any()
}

type Chunk = Pin<Box<dyn Future<Output = Result<Builder, SplitLoaderError>>>>;

/// The router's [`crate::router::Prepare`]: the home page and "not found" are in the main module, the
/// other pages are chunks.
fn prepare(page: Page) -> Pin<Box<dyn Future<Output = Option<Builder>>>> {
    let load: fn() -> Chunk = match page {
        Page::Home => return Box::pin(async { Some(draw_home as Builder) }),
        Page::NotFound => return Box::pin(async { Some(draw_not_found as Builder) }),
        Page::Gallery => || Box::pin(gallery_page()),
        Page::Item => || Box::pin(item_page()),
        Page::Map => || Box::pin(map_page()),
        Page::Story => || Box::pin(story_page()),
        Page::Books => || Box::pin(books_page()),
        Page::Unit => || Box::pin(unit_page()),
    };
    Box::pin(chunks::retry(load))
}

/// Starts downloading the chunk of the page the visitor arrived on, alongside the bundle, rather than
/// once the bundle is in and the route is drawn.
fn preload_first_page() {
    match crate::router::window_page() {
        Page::Gallery => chunks::preload_first(preload_gallery()),
        Page::Item => chunks::preload_first(preload_item()),
        Page::Map => chunks::preload_first(preload_map()),
        Page::Story => chunks::preload_first(preload_story()),
        Page::Books => chunks::preload_first(preload_books()),
        Page::Unit => chunks::preload_first(preload_unit()),
        Page::Home | Page::NotFound => {}
    }
}

/// On the unfiltered gallery, starts downloading the first card's picture (the page's largest paint)
/// as soon as the bundle is read, rather than once the gallery's code is in and its grid is drawn.
/// Called once, for the first bundle a visit reads.
pub fn preload_first_picture(bundle: &bundle::Bundle) {
    let unfiltered = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|search| search.is_empty());
    if !unfiltered || crate::router::window_page() != Page::Gallery {
        return;
    }
    let first = bundle::first_in_default_order(bundle).and_then(|i| bundle.items[i].media.first());
    if let Some(media) = first {
        if let Err(err) =
            crate::components::media::preload(media, crate::pages::gallery::CARD_SIZES)
        {
            leptos::logging::warn!("preload {}: {}", media.src, crate::api::js_error_text(&err));
        }
    }
}

/// The page of the address (`crate::router`): routes are flat, no page is drawn inside another. The
/// loading screen stays while the first page's code is still coming (the bundle may be in first).
#[component]
fn Pages() -> impl IntoView {
    let router = crate::router::use_router();
    move || {
        router
            .view()
            .unwrap_or_else(|| view! { <Loading/> }.into_any())
    }
}
