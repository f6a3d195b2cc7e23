//! The app's router: the address, the history and the page drawn for them.
//!
//! Written for this app instead of using leptos_router, whose code was 34 KB of the 150 KB gzip budget
//! for the app shell (`make bench-floor`, BENCHMARKS.md) for seven flat routes. What it does is what the
//! app used of leptos_router, and the end-to-end suite checks it as a visitor uses it:
//! - a click on a link to a page of the site (same origin, under the base, a path of a page, no
//!   `target`, `download` or `rel=external`, no modifier key, left button) is a navigation without
//!   reloading the page; a link to anything else is left to the browser;
//! - Back and Forward (`popstate`) show the page of the address they bring;
//! - a page whose code is a chunk not yet downloaded: the current page stays, [`Router::is_routing`]
//!   is true, and the address changes once the new page can be drawn (a newer navigation wins);
//! - a new address for the page that is shown (a query, another item's id) updates that page in place;
//! - a navigation scrolls to the top (or to the address's `#fragment`) unless asked not to.
//!
//! Which page a path shows, and query strings, are plain data in the `route` crate (tested natively):
//! every address the app writes is built from it ([`href`]), under the site's base ([`base_path`]).

use std::future::Future;
use std::pin::Pin;

use bundle::Lang;
use leptos::prelude::*;
use route::is_current;
pub use route::{Page, Query, Route};
use wasm_bindgen::JsCast;

use crate::web::events::listen_window;
use crate::web::js_error_text;

/// Draws a page: a page's component, called when the page is shown.
pub type Builder = fn() -> AnyView;

/// Gets a page's [`Builder`] ready: downloads the page's code when it is a chunk (`None` when it could
/// not be downloaded, after its retries).
pub type Prepare = fn(Page) -> Pin<Box<dyn Future<Output = Option<Builder>>>>;

/// The page drawn, and whether its code is in (if not, the notice that it could not be downloaded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shown {
    page: Page,
    ok: bool,
}

/// The address shown, under the site's base. The default is the one for an address outside it (not
/// expected: the server sends the app only for addresses under the base): a page that is not found.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Url {
    /// "/", "/gallery/paper-lantern": percent-encoded, as in the address.
    path: String,
    /// "" or "?…".
    search: String,
    /// "" or "#…".
    hash: String,
}

impl Default for Url {
    fn default() -> Self {
        Url {
            path: "/ (outside the site)".into(),
            search: String::new(),
            hash: String::new(),
        }
    }
}

impl Url {
    /// The window's address, `None` when it is not under the site's base.
    fn current() -> Option<Url> {
        if !crate::web::IN_BROWSER {
            let path = PRERENDERED.with_borrow(|p| p.path.clone());
            return Url::under_base(&app_href(&path), String::new(), String::new());
        }
        let location = window().location();
        Url::under_base(
            &location.pathname().ok()?,
            location.search().ok()?,
            location.hash().ok()?,
        )
    }

    fn under_base(pathname: &str, search: String, hash: String) -> Option<Url> {
        let path = strip_base(pathname)?;
        Some(Url {
            path: if path.is_empty() {
                "/".into()
            } else {
                path.into()
            },
            search,
            hash,
        })
    }

    /// An address in the app ("/gallery?kind=book") read against the current one.
    fn parse(to: &str) -> Option<Url> {
        let base = window().location().href().ok()?;
        Url::of_site(&web_sys::Url::new_with_base(&app_href(to), &base).ok()?)
    }

    /// A URL of this site (this origin, under the base: a page or a file), `None` for any other.
    fn of_site(url: &web_sys::Url) -> Option<Url> {
        if window().location().origin().ok()? != url.origin() {
            return None;
        }
        Url::under_base(&url.pathname(), url.search(), url.hash())
    }

    /// The full address's path, query and fragment, base included.
    fn href(&self) -> String {
        app_href(&format!("{}{}{}", self.path, self.search, self.hash))
    }
}

/// The page of the window's address (before the router is set up, or outside it).
pub fn window_page() -> Page {
    window_route().page
}

/// The route of the window's address (a page that is not found outside the site's base).
pub fn window_route() -> Route {
    Url::current().map_or_else(
        || Route::of("/ (outside the site)"),
        |url| Route::of(&url.path),
    )
}

/// `pathname` without the site's base ("" at the base itself), or `None` when it is outside it.
fn strip_base(pathname: &str) -> Option<&str> {
    let base = base_path();
    let rest = pathname.strip_prefix(base.as_str())?;
    (rest.is_empty() || rest.starts_with('/')).then_some(rest)
}

/// How a navigation treats the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    /// A new entry (a link).
    Push,
    /// The current entry changes (filters, search text, the lightbox moving between pictures).
    Replace,
    /// The browser already moved through its history (Back, Forward).
    Pop,
}

/// How [`Router::navigate`] goes: a new history entry that scrolls to the top unless told otherwise.
#[derive(Debug, Clone, Copy)]
pub struct NavigateOptions {
    pub replace: bool,
    pub scroll: bool,
}

impl Default for NavigateOptions {
    fn default() -> Self {
        Self {
            replace: false,
            scroll: true,
        }
    }
}

/// The router's state, in context (`use_router`). Copy: every part is an arena handle.
#[derive(Clone, Copy)]
pub struct Router {
    url: RwSignal<Url>,
    /// The address's path under the base, "/" at the home page.
    pub path: Memo<String>,
    /// The address's query, "" or "?…".
    pub search: Memo<String>,
    pub query: Memo<Query>,
    pub route: Memo<Route>,
    /// The page drawn, once its code is in or known not to come.
    shown: RwSignal<Option<Shown>>,
    is_routing: RwSignal<bool>,
    /// The number of the latest navigation: an older one still waiting for its page's code gives up.
    latest: StoredValue<u32>,
    /// The pages whose code is in. A failed download is not kept: the next visit to the page tries
    /// again.
    builders: StoredValue<[Option<Builder>; Page::ALL.len()]>,
    prepare: Prepare,
    /// Draws the notice for a page whose code could not be downloaded.
    failed: Builder,
}

pub fn use_router() -> Router {
    expect_context::<Router>()
}

impl Router {
    /// Sets up the router for the window's address and provides it in context. Its listeners for links
    /// and Back are removed with the calling component (the app's shell, mounted once). `first`, when
    /// given, is the [`Builder`] of the address's page, already in: the page is drawn at once (a page
    /// rendered to HTML, and the same page hydrated in the browser), not once `prepare` has run.
    pub fn provide(prepare: Prepare, failed: Builder, first: Option<Builder>) -> Router {
        let url = RwSignal::new(Url::current().unwrap_or_default());
        let route = Memo::new(move |_| url.with(|u| Route::of(&u.path)));
        let router = Router {
            url,
            path: Memo::new(move |_| url.with(|u| u.path.clone())),
            search: Memo::new(move |_| url.with(|u| u.search.clone())),
            query: Memo::new(move |_| url.with(|u| Query::parse(&u.search))),
            route,
            shown: RwSignal::new(None),
            is_routing: RwSignal::new(false),
            latest: StoredValue::new(0),
            builders: StoredValue::new([None; Page::ALL.len()]),
            prepare,
            failed,
        };
        provide_context(router);
        if let Some(first) = first {
            let page = router.route.get_untracked().page;
            router
                .builders
                .update_value(|b| b[page.index()] = Some(first));
        }
        // The first page: the address is already right.
        router.go(router.url.get_untracked(), Entry::Pop, false);
        listen_window("click", false, move |event: web_sys::MouseEvent| {
            router.on_click(&event)
        });
        listen_window("popstate", false, move |_: web_sys::Event| {
            if let Some(url) = Url::current() {
                router.go(url, Entry::Pop, false);
            }
        });
        router
    }

    /// True while a navigation waits for its page's code.
    pub fn is_routing(self) -> ReadSignal<bool> {
        self.is_routing.read_only()
    }

    /// The page drawn now, when its code is in: what `Pages` shows.
    pub fn view(self) -> Option<AnyView> {
        let shown = self.shown.get()?;
        let builder = match shown.ok {
            true => self.builders.with_value(|b| b[shown.page.index()])?,
            false => self.failed,
        };
        Some(builder())
    }

    /// The id in the address while `page` is shown (an item's, a unit's). It keeps its last value while
    /// the address is another page's, so a page on its way out does not redraw for an address it does
    /// not show.
    pub fn id_of(self, page: Page) -> Memo<String> {
        let route = self.route;
        Memo::new(move |previous: Option<&String>| {
            route.with(|r| match (&r.id, r.page == page) {
                (Some(id), true) => id.clone(),
                _ => previous.cloned().unwrap_or_default(),
            })
        })
    }

    /// Goes to `to`, an address in the app ("/gallery?kind=book"), base not included.
    pub fn navigate(self, to: &str, options: NavigateOptions) {
        let Some(url) = Url::parse(to) else {
            leptos::logging::warn!("not an address in the app: {to}");
            return;
        };
        let entry = if options.replace {
            Entry::Replace
        } else {
            Entry::Push
        };
        self.go(url, entry, options.scroll);
    }

    fn go(self, url: Url, entry: Entry, scroll: bool) {
        let number = self.latest.get_value().wrapping_add(1);
        self.latest.set_value(number);
        let page = Route::of(&url.path).page;
        if self.builders.with_value(|b| b[page.index()].is_some()) {
            self.complete(url, Shown { page, ok: true }, entry, scroll);
            return;
        }
        // The first page has the loading screen; a later one keeps the old page with this status.
        if self.shown.with_untracked(Option::is_some) {
            self.is_routing.set(true);
        }
        let prepare = self.prepare;
        leptos::task::spawn_local(async move {
            let builder = prepare(page).await;
            let kept = self.builders.try_update_value(|b| {
                if builder.is_some() {
                    b[page.index()] = builder;
                }
            });
            if kept.is_some() && self.latest.get_value() == number {
                let shown = Shown {
                    page,
                    ok: builder.is_some(),
                };
                self.complete(url, shown, entry, scroll);
            }
        });
    }

    /// The page's code is in: the address, the page and the scroll change together.
    fn complete(self, url: Url, shown: Shown, entry: Entry, scroll: bool) {
        let href = url.href();
        let history = crate::web::IN_BROWSER
            .then(|| window().history().ok())
            .flatten();
        if let Some(history) = history {
            let here = Url::current().map(|u| u.href());
            let result = match entry {
                Entry::Push if here.as_ref() != Some(&href) => {
                    history.push_state_with_url(&wasm_bindgen::JsValue::UNDEFINED, "", Some(&href))
                }
                Entry::Replace => history.replace_state_with_url(
                    &wasm_bindgen::JsValue::UNDEFINED,
                    "",
                    Some(&href),
                ),
                _ => Ok(()),
            };
            if let Err(err) = result {
                leptos::logging::warn!("history: {}", js_error_text(&err));
            }
        }
        let hash = url.hash.clone();
        // The page first: its effect is then the first to run, and takes the old page down before the
        // old page's own effects would recompute for an address that is not theirs.
        if self.shown.get_untracked() != Some(shown) {
            self.shown.set(Some(shown));
        }
        if self.url.with_untracked(|u| *u != url) {
            self.url.set(url);
        }
        if self.is_routing.get_untracked() {
            self.is_routing.set(false);
        }
        if entry != Entry::Pop {
            // After the new page is drawn (the effects that draw it were queued before this task).
            leptos::task::spawn_local(async move { scroll_to(&hash, scroll) });
        }
    }

    /// A click on a link to a page of the site navigates in the app instead of loading the page.
    fn on_click(self, event: &web_sys::MouseEvent) {
        if event.default_prevented()
            || event.button() != 0
            || event.meta_key()
            || event.alt_key()
            || event.ctrl_key()
            || event.shift_key()
        {
            return;
        }
        let Some(anchor) = clicked_link(event) else {
            return;
        };
        let external = anchor
            .get_attribute("rel")
            .is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r == "external"));
        if !anchor.target().is_empty() || anchor.has_attribute("download") || external {
            return;
        }
        let Some(url) = web_sys::Url::new(&anchor.href())
            .ok()
            .and_then(|url| page_url(&url))
        else {
            return;
        };
        event.prevent_default();
        self.go(url, Entry::Push, true);
    }
}

/// The link (`<a href>`) an event happened in, if any.
pub fn clicked_link(event: &web_sys::Event) -> Option<web_sys::HtmlAnchorElement> {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
}

/// `url` as an address of a page of the site: same origin, under the base, and a page's path. `None`
/// for anything else, a file of the site included (a source's PDF, the bundle): the browser's.
fn page_url(url: &web_sys::Url) -> Option<Url> {
    Url::of_site(url).filter(|url| Route::of(&url.path).page != Page::NotFound)
}

/// A URL's address under the site's base, query and fragment included (`/data/notes.pdf?p=2`), when
/// it is a page or a file of this site; `None` for another site.
pub fn site_path(url: &web_sys::Url) -> Option<String> {
    Url::of_site(url).map(|url| format!("{}{}{}", url.path, url.search, url.hash))
}

/// Whether a link to `url` stays in the app: the router takes it (the kiosk shows anything else as a QR
/// code).
pub fn is_page(url: &web_sys::Url) -> bool {
    page_url(url).is_some()
}

/// Scrolls to the element the fragment names, or else to the top when `top`.
fn scroll_to(hash: &str, top: bool) {
    let id = hash.strip_prefix('#').map(|h| route::decode(h, false));
    if let Some(el) = id.and_then(|id| document().get_element_by_id(&id)) {
        el.scroll_into_view();
    } else if top {
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// A link to a page of the site, for navigation: marked `aria-current="page"` while its page is shown
/// (or a page under it, unless `exact`).
#[component]
pub fn Link(
    #[prop(into)] to: Route,
    #[prop(optional)] exact: bool,
    children: Children,
) -> impl IntoView {
    let router = use_router();
    let path = to.path();
    let full = app_href(&path);
    let current = move || {
        router
            .path
            .with(|current| is_current(&path, current, exact))
            .then_some("page")
    };
    view! { <a href=full aria-current=current>{children()}</a> }
}

/// The address of `route` under the site's base, for plain links (`<a href>`, still routed in the app
/// by the router; unlike [`Link`] they do not each watch the location, which matters in long lists
/// that re-render on every keystroke).
pub fn href(route: &Route) -> String {
    app_href(&route.path())
}

/// The gallery's address for `query`: its parameters as the gallery reads them back.
pub fn gallery_href(query: &bundle::GalleryQuery) -> String {
    let params: Query = query.to_pairs().into_iter().collect();
    href_with(&Page::Gallery.into(), &params.to_search())
}

/// [`href`] with a fragment: `href_with(&Page::Map.into(), "#routes")`.
pub fn href_with(route: &Route, rest: &str) -> String {
    format!("{}{rest}", href(route))
}

/// The path the site is served under, from `<base href>` (trunk's `--public-url`): "" at the root,
/// "/showcase" under a sub-path. Read once in the browser (the language switch's link asks for it
/// at every navigation).
fn site_base() -> String {
    if !crate::web::IN_BROWSER {
        return PRERENDERED.with_borrow(|p| p.base.trim_end_matches('/').to_owned());
    }
    thread_local! {
        static SITE: String = document()
            .base_uri()
            .ok()
            .flatten()
            .and_then(|base| web_sys::Url::new(&base).ok())
            .map(|url| url.pathname().trim_end_matches('/').to_owned())
            .unwrap_or_default();
    }
    SITE.with(Clone::clone)
}

/// The public address of `route` (for QR codes, to open on a phone): under the bundle's
/// `meta.base_url`, else this page's own origin and base path.
pub fn public_href(bundle: &bundle::Bundle, route: &Route) -> String {
    public_address(bundle, &route.path())
}

/// A path of the site (a page's, or a file's: `/data/notes.pdf`) at its public address.
pub fn public_address(bundle: &bundle::Bundle, path: &str) -> String {
    let base = bundle.meta.base_url.clone().unwrap_or_else(|| {
        let origin = crate::web::IN_BROWSER
            .then(web_sys::window)
            .flatten()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        format!("{origin}{}", base_path())
    });
    format!("{}{path}", base.trim_end_matches('/'))
}

/// `path` (starting with `/`) under the site's base.
fn app_href(path: &str) -> String {
    format!("{}{path}", base_path())
}

/// What a page rendered natively has for an address ([`prerender_at`]).
#[derive(Default)]
struct Prerendered {
    base: String,
    lang: Option<Lang>,
    path: String,
}

thread_local! {
    /// Natively: the address of the page being rendered to HTML.
    static PRERENDERED: std::cell::RefCell<Prerendered> = std::cell::RefCell::default();
}

/// Natively, before rendering a page to HTML: the site's base ("" at the root, "/showcase" under a
/// sub-path), the language its address names, if any ([`address_lang`]), and the page's path under
/// them ("/gallery/paper-lantern"): what a browser's address says.
pub fn prerender_at(base: &str, lang: Option<Lang>, path: &str) {
    PRERENDERED.with_borrow_mut(|p| {
        *p = Prerendered {
            base: base.to_owned(),
            lang,
            path: path.to_owned(),
        }
    });
}

/// The language the address names: the pages in the language that is not the site's first are at
/// `/en/…` (or `/zh/…`), under the site's base; `None` at an address without one. Read once: moving
/// to the other language loads the other language's page.
pub fn address_lang() -> Option<Lang> {
    if !crate::web::IN_BROWSER {
        return PRERENDERED.with_borrow(|p| p.lang);
    }
    thread_local! {
        static LANG: Option<Lang> = {
            let pathname = window().location().pathname().unwrap_or_default();
            let segment = pathname
                .strip_prefix(site_base().as_str())
                .and_then(|rest| rest.strip_prefix('/'))
                .and_then(|rest| rest.split('/').next())
                .unwrap_or_default()
                .to_owned();
            Lang::ALL.into_iter().find(|l| l.code() == segment)
        };
    }
    LANG.with(|l| *l)
}

/// The base of the app's addresses: the site's, and the address's language when it names one
/// ("/showcase/en").
fn router_base() -> String {
    let site = site_base();
    match address_lang() {
        Some(lang) => format!("{site}/{}", lang.code()),
        None => site,
    }
}

/// The address of the page shown, in the language whose addresses are `prefixed` (`Some(Lang::En)`:
/// "/showcase/en/gallery?kind=book") or without a language (`None`): the language switch's link.
pub fn in_language(path: &str, query: &str, prefixed: Option<Lang>) -> String {
    let slash = if prefixed.is_some() { "/" } else { "" };
    let code = prefixed.map_or("", Lang::code);
    format!("{}{slash}{code}{path}{query}", site_base())
}

/// [`router_base`], read once.
pub fn base_path() -> String {
    if !crate::web::IN_BROWSER {
        return router_base();
    }
    thread_local! {
        static BASE: String = router_base();
    }
    BASE.with(Clone::clone)
}
