//! The application shell: store, document language and title, header, and the route table.

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;
use leptos_router::{Lazy, LazyRoute};

use crate::chunks::{self, chunk};
use crate::components::error_panel::{ErrorPanel, StaleNotice};
use crate::components::header::SiteHeader;
use crate::components::loading::{Loading, RoutingNotice};
use crate::kiosk_mode::{KioskLayer, KioskMode};
use crate::pages::{
    books::BooksPage, gallery::GalleryPage, home::HomePage, item::ItemPage, map::MapPage,
};
use crate::pages::{not_found::NotFound, story::StoryPage, unit::UnitPage};
use crate::store::{use_store, LoadStatus, Store};

#[component]
pub fn App() -> impl IntoView {
    let store = Store::new();
    store.provide();
    preload_first_page();
    leptos::task::spawn_local(store.load());
    view! { <Shell/> }
}

/// Everything under the store: used by [`App`] and by tests that provide their own store.
#[component]
pub fn Shell() -> impl IntoView {
    let store = use_store();
    let kiosk = KioskMode::provide(store);
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
    let (is_routing, set_is_routing) = signal(false);
    view! {
        <Router base=router_base() set_is_routing>
            <SiteHeader/>
            <RoutingNotice is_routing/>
            <main id="main" tabindex="-1">{body}</main>
            <KioskLayer/>
        </Router>
    }
}

/// A route whose page is a chunk: drawn once the chunk's code is in (see `crate::chunks`).
macro_rules! lazy_route {
    ($route:ident, $module:ident, $preload:ident, $view:ident, $page:ident) => {
        chunk!(
            $module,
            $preload,
            fn $view() {
                view! { <$page/> }.into_any()
            }
        );

        struct $route;
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }
            async fn view(_: Self) -> AnyView {
                chunks::load($view).await
            }
        }
    };
}

lazy_route!(
    GalleryRoute,
    gallery,
    preload_gallery,
    gallery_view,
    GalleryPage
);
// The item page is a chunk of its own: a visit to the gallery does not download it (nor the QR code
// it shares with the kiosk), and it is prefetched with the other pages once the first is up.
lazy_route!(ItemRoute, item, preload_item, item_view, ItemPage);
lazy_route!(MapRoute, map, preload_map, map_view, MapPage);
lazy_route!(StoryRoute, pages, preload_story, story_view, StoryPage);
lazy_route!(BooksRoute, pages, preload_books, books_view, BooksPage);
lazy_route!(UnitRoute, pages, preload_unit, unit_view, UnitPage);

/// The first segment of the page's path under the router's base ("gallery", "map"…, "" for the home
/// page), and whether another follows it.
fn page_segments() -> (String, bool) {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    let path = path.strip_prefix(&router_base()).unwrap_or(&path);
    let mut segments = path.trim_matches('/').split('/');
    let first = segments.next().unwrap_or_default().to_owned();
    (first, segments.next().is_some())
}

/// Starts downloading the chunk of the page the visitor arrived on, alongside the bundle, rather than
/// once the bundle is in and the route is drawn.
fn preload_first_page() {
    let (first, more) = page_segments();
    match (first.as_str(), more) {
        ("gallery", false) => chunks::preload_first(preload_gallery()),
        ("gallery", true) => chunks::preload_first(preload_item()),
        ("map", _) => chunks::preload_first(preload_map()),
        ("story", _) => chunks::preload_first(preload_story()),
        ("books", _) => chunks::preload_first(preload_books()),
        ("units", _) => chunks::preload_first(preload_unit()),
        _ => {}
    }
}

/// On the unfiltered gallery, starts downloading the first card's picture (the page's largest paint)
/// as soon as the bundle is read, rather than once the gallery's code is in and its grid is drawn.
/// Called once, for the first bundle a visit reads.
pub fn preload_first_picture(bundle: &bundle::Bundle) {
    let unfiltered = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|search| search.is_empty());
    let (first, more) = page_segments();
    if !unfiltered || first != "gallery" || more {
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

/// The route table. The routes are flat (no page is drawn inside another), so leptos_router's flat
/// router, 11.7 KB gzip less of the main module than the nested `<Routes>` (BENCHMARKS.md, "eighth
/// session"). It behaves as the nested one for these routes (a new page replaces the old one once its
/// chunk is in; a new query or id updates the page in place) but for one thing: when only a route's
/// id changes, the route's own URL (`use_query_map`, `use_url`) is not renewed. Query parameters of a
/// route with an id are therefore read from `use_location()` (the lightbox's `?view=`).
#[component]
fn Pages() -> impl IntoView {
    view! {
        <FlatRoutes fallback=NotFound>
            <Route path=path!("") view=HomePage/>
            <Route path=path!("gallery") view={Lazy::<GalleryRoute>::new()}/>
            <Route path=path!("gallery/:id") view={Lazy::<ItemRoute>::new()}/>
            <Route path=path!("map") view={Lazy::<MapRoute>::new()}/>
            <Route path=path!("story") view={Lazy::<StoryRoute>::new()}/>
            <Route path=path!("books") view={Lazy::<BooksRoute>::new()}/>
            <Route path=path!("units/:id") view={Lazy::<UnitRoute>::new()}/>
        </FlatRoutes>
    }
}

/// The path the site is served under, from `<base href>` (trunk's `--public-url`): "" at the root,
/// "/showcase" under a sub-path.
pub fn router_base() -> String {
    document()
        .base_uri()
        .ok()
        .flatten()
        .and_then(|base| web_sys::Url::new(&base).ok())
        .map(|url| url.pathname().trim_end_matches('/').to_owned())
        .unwrap_or_default()
}

/// Sets the document title while the calling page is shown: "<page> · <showcase title>".
pub fn use_document_title(page: impl Fn() -> Option<String> + Send + Sync + 'static) {
    let store = use_store();
    Effect::new(move |_| {
        let lang = store.lang.get();
        let site = store
            .bundle
            .with(|b| b.as_ref().map(|b| b.meta.title.get(lang).to_owned()))
            .unwrap_or_default();
        let title = match page() {
            Some(page) if !site.is_empty() => format!("{page} · {site}"),
            Some(page) => page,
            None => site,
        };
        document().set_title(&title);
    });
}

/// `path` (starting with `/`) under the site's base, for plain links. Plain `<a>` elements are still
/// routed client-side by the router; unlike `<A>` they do not each watch the location, which matters in
/// long lists that re-render on every keystroke.
pub fn app_href(path: &str) -> String {
    thread_local! {
        static BASE: String = router_base();
    }
    BASE.with(|base| format!("{base}{path}"))
}

/// The router's `navigate`, kept for later (timers and listeners run outside the component that got it).
pub type Navigate = std::rc::Rc<dyn Fn(&str, leptos_router::NavigateOptions)>;
