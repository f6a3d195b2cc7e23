//! The composition root: the entry point, the store, the shell (header, main, the kiosk's layer), and
//! the pages from the route table. Nothing imports this module; it imports what it puts together.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

use crate::chunks::{self, SplitLoaderError};
use crate::components::chunk_view::failed_view;
use crate::components::error_panel::{ErrorPanel, StaleNotice};
use crate::components::header::SiteHeader;
use crate::components::loading::{Loading, NoScriptNotice, RoutingNotice};
use crate::kiosk::{KioskLayer, KioskMode};
use crate::router::{window_page, window_route, Builder, Page, Route, Router};
use crate::state::{use_store, LoadError, LoadStatus, Store};
use crate::web::{offline, prerendered, schedule};

/// Entry point of the browser build.
pub fn run() {
    crate::web::crash::install();
    // The service worker is registered once the first page is up (`crate::idle`); at the latest:
    gloo_timers::callback::Timeout::new(
        offline::REGISTER_AT_THE_LATEST_MS,
        offline::register_service_worker,
    )
    .forget();
    // A page the build rendered to HTML stays on show until the app has drawn the same page
    // (`crate::web::prerendered`); the server's fallback page for another address goes at once.
    // A kiosk draws its first page only once its guards are up: no pre-rendered page to tap before.
    let kiosk = |page: &prerendered::Prerendered| match crate::kiosk::tab_choice() {
        Some(on) => on,
        None => page.kiosk,
    };
    let keep = prerendered::read()
        .is_some_and(|page| Route::of(&page.path) == window_route() && !kiosk(&page));
    leptos::mount::mount_to(prerendered::mount_point(keep), App).forget();
}

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
    // The first picture of a page downloads from the page the build wrote, as it is parsed.
    leptos::task::spawn_local(store.load(|_| {}));
    view! { <Shell/> }
}

/// A page of the site rendered to HTML natively, by the same components as in the browser.
#[cfg(feature = "ssr")]
pub struct RenderedPage {
    /// The shell's markup: the header, the page in `<main>`, the kiosk's (empty) layer.
    pub body: String,
    /// The document title the page sets (`crate::site::use_document_title`).
    pub title: String,
    /// The rest of its head, from the bundle.
    pub head: crate::site::PageHead,
}

/// The shell for `path` (under `base`: "" at the root, "/showcase" under a sub-path) showing `bundle`
/// in `lang`, rendered to HTML natively.
#[cfg(feature = "ssr")]
pub fn render_page(
    bundle: std::sync::Arc<bundle::Bundle>,
    lang: bundle::Lang,
    base: &str,
    path: &str,
) -> RenderedPage {
    crate::router::prerender_at(base, crate::site::address_prefix(&bundle, lang), path);
    let route = route::Route::of(path);
    let page = route.page;
    let head = crate::site::page_head(&bundle, &route, lang, base);
    let owner = Owner::new_root(None);
    owner.with(|| {
        Store::showing(bundle, lang).provide();
        let rendered = crate::site::RenderedHead::provide();
        let body = view! { <Shell first=ready(page)/> }.to_html();
        RenderedPage {
            body,
            title: rendered.title.get_value(),
            head,
        }
    })
}

/// A page of the site as a file of the built site.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageFile {
    /// Its address under the site's base ("/gallery/red-ship").
    pub path: String,
    /// Its file, relative to the site's folder ("gallery/red-ship.html").
    pub file: String,
}

/// Every page of `bundle`, from the route table: the home page is index.html, a page at `/gallery`
/// is gallery.html (the address a host serves it at: nginx's `try_files $uri $uri.html`, the
/// "pretty URLs" of static hosts), one per item and unit, and 404.html, the page that is not found,
/// which the server sends for any other address (the app draws the address's own page in its place:
/// an item added since the build, say).
#[cfg(feature = "ssr")]
pub fn page_files(bundle: &bundle::Bundle) -> Vec<PageFile> {
    let of = |path: String| {
        let name = match path.as_str() {
            "/" => "index",
            path => path.trim_start_matches('/'),
        };
        PageFile {
            file: format!("{name}.html"),
            path,
        }
    };
    let mut files = Vec::new();
    for &page in Page::ALL {
        match page {
            Page::Item => files.extend(bundle.items.iter().map(|i| of(Route::item(&i.id).path()))),
            Page::Unit => files.extend(bundle.units.iter().map(|u| of(Route::unit(&u.id).path()))),
            Page::NotFound => files.push(PageFile {
                path: "/404".into(),
                file: "404.html".into(),
            }),
            page => files.push(of(Route::from(page).path())),
        }
    }
    files
}

/// Writes every page of the built site in `site` (a trunk build's folder, or a deployed copy of it)
/// from its own bundle (data/bundle.json): [`page_files`], each the app shell (index.html as the build
/// wrote it, kept as shell.html, the template of the next run) with the page's head and the page in it
/// (`crate::site::page_document`), in both languages: the first (`crate::site::unprefixed_lang`) at
/// the site's addresses, the other under its code (en/gallery.html). Pages of an earlier bundle that
/// this one no longer has (a removed item's) are deleted. With the bundle's `meta.base_url`, also
/// sitemap.xml and robots.txt. Returns the pages written.
#[cfg(feature = "ssr")]
pub fn write_pages(site: &std::path::Path) -> Result<Vec<PageFile>, String> {
    use sha2::Digest;
    use std::fs;

    let read = |name: &str| {
        fs::read_to_string(site.join(name))
            .map_err(|e| format!("{}: {e}", site.join(name).display()))
    };
    let template = match read("shell.html") {
        Ok(template) => template,
        Err(_) => {
            let index = read("index.html")?;
            if index.contains(r#"<div id="prerendered""#) {
                return Err(format!(
                    "{}: index.html is a page already, and shell.html (the app shell) is missing",
                    site.display()
                ));
            }
            fs::write(site.join("shell.html"), &index).map_err(|e| e.to_string())?;
            index
        }
    };
    let base = template
        .split_once(r#"<base href=""#)
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(href, _)| href.trim_end_matches('/').to_owned())
        .ok_or("index.html has no <base href>")?;
    let text = read("data/bundle.json")?;
    let checked = bundle::check(&text).map_err(|e| format!("data/bundle.json: {e}"))?;
    if !checked.is_valid() {
        let errors: Vec<_> = checked
            .errors()
            .map(|p| format!("{}: {}", p.location, p.message))
            .collect();
        return Err(format!("data/bundle.json: {}", errors.join("; ")));
    }
    let hash: String = sha2::Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let bundle = std::sync::Arc::new(checked.bundle);
    let first = crate::site::unprefixed_lang(&bundle);
    let kiosk = if bundle.kiosk.enabled {
        " data-kiosk"
    } else {
        ""
    };
    let mut files = Vec::new();
    let mut sitemap = Vec::new();
    for lang in [first, first.other()] {
        let prefix = crate::site::address_prefix(&bundle, lang);
        let site_name = bundle.meta.site_name().get(lang).to_owned();
        for page in page_files(&bundle) {
            // One page that is not found, in the first language: the server's answer to any address.
            let file = match prefix {
                Some(_) if page.path == "/404" => continue,
                Some(lang) => format!("{}/{}", lang.code(), page.file),
                None => page.file,
            };
            let rendered = render_page(bundle.clone(), lang, &base, &page.path);
            let head = rendered.head.to_html(&rendered.title, &site_name, lang);
            let path = html_escape::encode_double_quoted_attribute(&page.path);
            let body = format!(
                r#"<div id="prerendered" data-path="{path}" data-bundle="{hash}"{kiosk}>{}</div>"#,
                rendered.body
            );
            let document =
                crate::site::page_document(&template, lang, &rendered.title, &head, &body)?;
            let target = site.join(&file);
            if let Some(folder) = target.parent() {
                fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
            }
            fs::write(&target, document).map_err(|e| format!("{}: {e}", target.display()))?;
            if let Some(url) = &rendered.head.canonical {
                sitemap.push((url.clone(), rendered.head.languages.clone()));
            }
            files.push(PageFile {
                path: page.path,
                file,
            });
        }
    }
    // For search engines, with the site's public address: every page, in each language.
    let (robots, map) = match &bundle.meta.base_url {
        Some(base_url) => (
            Some(format!(
                "User-agent: *\nAllow: /\nSitemap: {}/sitemap.xml\n",
                base_url.trim_end_matches('/')
            )),
            Some(crate::site::sitemap(&sitemap)),
        ),
        None => (None, None),
    };
    for (name, text) in [("robots.txt", robots), ("sitemap.xml", map)] {
        let path = site.join(name);
        match text {
            Some(text) => fs::write(&path, text).map_err(|e| format!("{name}: {e}"))?,
            None if path.exists() => fs::remove_file(&path).map_err(|e| format!("{name}: {e}"))?,
            None => {}
        }
    }
    // The pages of items and units this bundle no longer has.
    let folders: std::collections::BTreeSet<_> = files
        .iter()
        .filter_map(|f| f.file.rsplit_once('/').map(|(folder, _)| folder.to_owned()))
        .collect();
    for folder in folders {
        let entries = fs::read_dir(site.join(&folder)).map_err(|e| e.to_string())?;
        for entry in entries.flatten() {
            let name = format!("{folder}/{}", entry.file_name().to_string_lossy());
            if name.ends_with(".html") && !files.iter().any(|f| f.file == name) {
                fs::remove_file(entry.path()).map_err(|e| format!("{name}: {e}"))?;
            }
        }
    }
    Ok(files)
}

/// Everything under the store: used by [`App`] and by tests that provide their own store. `first`:
/// the page of the address, when its code is known to be in (see [`Router::provide`]).
#[component]
pub fn Shell(#[prop(optional)] first: Option<Builder>) -> impl IntoView {
    let store = use_store();
    let router = Router::provide(prepare, failed_view, first);
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
            (false, LoadStatus::Failed(error)) => {
                // Offline next time, at least.
                schedule::when_idle(offline::register_service_worker);
                // The network is down: a page the build rendered stays, readable, its links to the
                // other pages working. A refused bundle is shown to the maintainer, where it is wrong.
                if matches!(*error, LoadError::Fetch(_)) && prerendered::read().is_some() {
                    return ().into_any();
                }
                prerendered::reveal();
                view! { <ErrorPanel error/> }.into_any()
            }
            (false, _) => view! { <Loading/> }.into_any(),
        }
    };
    view! {
        <NoScriptNotice/>
        <SiteHeader in_place_language=kiosk.on/>
        <RoutingNotice is_routing=router.is_routing()/>
        <main id="main" tabindex="-1">{body}</main>
        <KioskLayer/>
    }
}

/// The pages, from the route table (`route::pages!`): for each, the function that draws it and, for a
/// page whose code is a chunk, the functions that download it (`load_*`, with retries, see
/// `crate::chunks`) and that start its download (`preload_*`); then [`prepare`] and
/// [`preload_first_page`] over every page.
macro_rules! page_table {
    ($($page:ident $path:literal $chunk:ident $module:ident :: $component:ident,)*) => {
        paste::paste! {
            $(
                fn [<draw_ $page:snake>]() -> AnyView {
                    crate::pages::$module::$component().into_any()
                }
                page_table!(@chunk $chunk, [<load_ $page:snake>], [<preload_ $page:snake>], [<draw_ $page:snake>]);
            )*

            /// The router's [`crate::router::Prepare`]: a page in the main module is ready at once,
            /// the others once their chunk is in (`None` when it could not be downloaded).
            fn prepare(page: Page) -> Pin<Box<dyn Future<Output = Option<Builder>>>> {
                match page {
                    $(Page::$page => page_table!(@prepare $chunk, [<load_ $page:snake>], [<draw_ $page:snake>]),)*
                }
            }

            /// The function that draws `page`, natively (no chunks: every page is in the one program).
            #[cfg(feature = "ssr")]
            fn ready(page: Page) -> Builder {
                match page {
                    $(Page::$page => [<draw_ $page:snake>] as Builder,)*
                }
            }

            /// Starts downloading the chunk of the page the visitor arrived on, alongside the bundle,
            /// rather than once the bundle is in and the route is drawn.
            fn preload_first_page() {
                match window_page() {
                    $(Page::$page => page_table!(@preload $chunk, [<preload_ $page:snake>]),)*
                }
            }
        }
    };
    (@chunk main, $load:ident, $preload:ident, $draw:ident) => {};
    (@chunk $chunk:ident, $load:ident, $preload:ident, $draw:ident) => {
        chunks::chunk!($chunk, $preload, fn $load() -> Builder { $draw as Builder });
    };
    (@prepare main, $load:ident, $draw:ident) => {
        Box::pin(async { Some($draw as Builder) })
    };
    (@prepare $chunk:ident, $load:ident, $draw:ident) => {{
        type Chunk = Pin<Box<dyn Future<Output = Result<Builder, SplitLoaderError>>>>;
        let load: fn() -> Chunk = || Box::pin($load());
        Box::pin(chunks::retry(load))
    }};
    (@preload main, $preload:ident) => {{}};
    (@preload $chunk:ident, $preload:ident) => {
        chunks::preload_first($preload())
    };
}

route::pages!(page_table);

/// The page of the address (`crate::router`): routes are flat, no page is drawn inside another. The
/// loading screen stays while the first page's code is still coming (the bundle may be in first).
#[component]
fn Pages() -> impl IntoView {
    let router = crate::router::use_router();
    move || match router.view() {
        Some(page) => {
            // Drawn: it takes the place of the page the build rendered, if that is still on show.
            prerendered::reveal();
            page
        }
        None => view! { <Loading/> }.into_any(),
    }
}
