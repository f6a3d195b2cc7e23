//! Kiosk mode: the browser glue around the `kiosk` crate's state machine.
//!
//! Turned on by `?kiosk` in the address (remembered for the tab; `?kiosk=0` turns it off) or by the
//! bundle's `kiosk.enabled`. It then: ticks the machine every 250 ms and carries out its actions
//! (countdown, reset to the home page, attract loop, checks for updates, bundle swap, reload); hides the
//! cursor and turns off the context menu, text selection and page pinch-zoom (CSS `touch-action`, not
//! `user-scalable=no`, which would also stop browsers' accessibility zoom); enters full screen on a touch;
//! shows on-screen Home and Back; turns links that leave the app into QR codes; and opens the
//! maintenance overlay after a 5-second press in the top-left corner (or Ctrl+Alt+M).

use std::time::Duration;

use bundle::{Bundle, Item, KioskSettings, Lang};
use kiosk::{Action, CheckOutcome, Kiosk, LastCheck, Timing};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::components::media::BundleImage;
use crate::i18n::*;
use crate::offline;
use crate::router::{use_router, Router};
use crate::site::base_path;
use crate::store::{default_lang, forget_lang_choice, use_store, Store};

const KIOSK_KEY: &str = "showcase.kiosk";
/// The hidden corner for the maintenance overlay, in CSS pixels from the top left.
const CORNER_PX: i32 = 64;
const PRESS_MS: i32 = 5000;
const TICK: Duration = Duration::from_millis(250);

/// Whether kiosk mode is on, provided by the shell for every page.
#[derive(Clone, Copy)]
pub struct KioskMode {
    pub on: Signal<bool>,
    /// The tab's own choice (`?kiosk`, `?kiosk=0`, "leave kiosk mode"), over the bundle's setting.
    choice: RwSignal<Option<bool>>,
    /// The kiosk's code (a chunk) is in and its guards are up: until then the shell shows no page, so
    /// that nothing can be tapped (a link out, say) before the kiosk can catch it.
    ready: RwSignal<bool>,
}

impl KioskMode {
    pub fn provide(store: Store) -> Self {
        let choice = RwSignal::new(tab_choice());
        // A memo: a new bundle with the same setting must not rebuild the kiosk (and lose its state).
        let on = Memo::new(move |_| {
            choice.get().unwrap_or_else(|| {
                store
                    .bundle
                    .with(|b| b.as_ref().is_some_and(|b| b.kiosk.enabled))
            })
        });
        let mode = KioskMode {
            on: on.into(),
            choice,
            ready: RwSignal::new(false),
        };
        provide_context(mode);
        mode
    }

    /// Kiosk mode is on but its code is not in yet.
    pub fn starting(self) -> bool {
        self.on.get() && !self.ready.get()
    }

    pub fn leave(self) {
        write_session(KIOSK_KEY, "0");
        self.choice.set(Some(false));
    }
}

pub fn kiosk_on() -> bool {
    use_context::<KioskMode>().is_some_and(|k| k.on.get())
}

/// `?kiosk`, `?kiosk=1` → on, `?kiosk=0` → off (remembered in session storage); else what was remembered.
fn tab_choice() -> Option<bool> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    if let Some(value) = params.get("kiosk") {
        let on = value != "0" && value != "false";
        write_session(KIOSK_KEY, if on { "1" } else { "0" });
        return Some(on);
    }
    session()?
        .get_item(KIOSK_KEY)
        .ok()
        .flatten()
        .map(|v| v == "1")
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn write_session(key: &str, value: &str) {
    if let Some(s) = session() {
        let _ = s.set_item(key, value);
    }
}

fn now() -> u64 {
    js_sys::Date::now() as u64
}

fn timing(k: &KioskSettings) -> Timing {
    Timing::from_seconds(
        k.idle_seconds,
        k.countdown_seconds,
        k.attract_after_seconds,
        k.slide_seconds,
        k.refresh_seconds,
    )
}

/// The attract loop's slides: featured items with an image.
fn slides_of(bundle: &Bundle) -> Vec<Item> {
    bundle
        .featured_items()
        .filter(|i| !i.media.is_empty())
        .cloned()
        .collect()
}

/// The public address of a page of the site, for QR codes: the bundle's `meta.base_url`, else this
/// page's own origin and base path.
pub fn public_url(bundle: &Bundle, path: &str) -> String {
    let base = bundle.meta.base_url.clone().unwrap_or_else(|| {
        let origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        format!("{origin}{}", base_path())
    });
    format!("{}{path}", base.trim_end_matches('/'))
}

/// Shown in the router when kiosk mode is on.
#[component]
pub fn KioskLayer() -> impl IntoView {
    let mode = expect_context::<KioskMode>();
    move || {
        mode.on.get().then(|| {
            Suspend::new(send_wrapper::SendWrapper::new(async move {
                match crate::chunks::retry(move || kiosk_view(mode)).await {
                    // The chrome says when it is ready: once its stylesheet is in.
                    Some(chrome) => chrome,
                    None => {
                        mode.ready.set(true);
                        crate::chunks::failed_view()
                    }
                }
            }))
        })
    }
}

crate::chunks::chunk!(
    kiosk,
    preload_kiosk,
    fn kiosk_view(mode: KioskMode) {
        view! { <KioskChrome mode/> }.into_any()
    }
);

/// Everything the glue needs, all `Copy`.
#[derive(Clone, Copy)]
struct Glue {
    store: Store,
    machine: StoredValue<Kiosk>,
    countdown: RwSignal<Option<u64>>,
    attract: RwSignal<Option<usize>>,
    last_check: RwSignal<Option<LastCheck>>,
    maintenance: RwSignal<bool>,
    qr_link: RwSignal<Option<String>>,
    /// In-app pages behind the current one (Back is off at 0, so Back never leaves the app).
    depth: RwSignal<u32>,
    next_depth: StoredValue<Option<u32>>,
    router: Router,
}

impl Glue {
    fn overlay_shown(self) -> bool {
        self.countdown.with_untracked(Option::is_some)
            || self.attract.with_untracked(Option::is_some)
    }

    fn input(self) {
        let actions = self
            .machine
            .try_update_value(|m| m.input(now()))
            .unwrap_or_default();
        self.run(actions);
    }

    fn tick(self) {
        let now = now();
        let rest = self.at_rest();
        let actions = self
            .machine
            .try_update_value(|m| m.tick(now, rest))
            .unwrap_or_default();
        self.run(actions);
        let left = self.machine.with_value(|m| m.countdown_left(now));
        if left.is_some() && self.countdown.get_untracked() != left {
            self.countdown.set(left);
        }
    }

    fn run(self, actions: Vec<Action>) {
        for action in actions {
            self.apply(action);
        }
    }

    fn apply(self, action: Action) {
        match action {
            Action::ShowCountdown => {
                let left = self.machine.with_value(|m| m.countdown_left(now()));
                self.countdown.set(left);
            }
            Action::HideCountdown => self.countdown.set(None),
            Action::ResetToHome => {
                self.countdown.set(None);
                forget_lang_choice(self.store);
                self.reset_home();
            }
            Action::StartAttract => self.attract.set(Some(0)),
            Action::ShowSlide(n) => self.attract.set(Some(n)),
            Action::StopAttract => {
                self.attract.set(None);
                self.reset_home();
            }
            Action::CheckForUpdates => leptos::task::spawn_local(self.check()),
            Action::SwapBundle => {
                if self.store.swap_pending() {
                    let (slides, timing) = self.store.bundle.with_untracked(|b| {
                        b.as_ref()
                            .map(|b| (slides_of(b).len(), timing(&b.kiosk)))
                            .unwrap_or_default()
                    });
                    self.machine.update_value(|m| {
                        m.set_slides(slides);
                        m.set_timing(timing, now());
                    });
                    if let Some(b) = self.store.bundle.get_untracked() {
                        offline::warm_media(&b);
                    }
                    leptos::logging::log!("kiosk: new bundle on show");
                }
            }
            Action::ReloadApp => {
                leptos::logging::log!("kiosk: new app version, reloading");
                let _ = window().location().reload();
            }
        }
    }

    async fn check(self) {
        let outcome = match offline::new_app_version().await {
            Some(true) => CheckOutcome::NewApp,
            _ => self.store.check_for_update().await,
        };
        leptos::logging::log!("kiosk: checked for updates: {outcome}");
        self.machine.update_value(|m| m.checked(now(), outcome));
        self.last_check
            .set(self.machine.with_value(|m| m.last_check().cloned()));
    }

    /// The home page, top of the page, dialogs closed, nothing to go Back to.
    fn reset_home(self) {
        close_dialogs();
        // The router's address: `/showcase` and `/showcase/` are both its home page, and going from
        // one to the other changes nothing it counts.
        let home = self.router.path.get_untracked() == "/"
            && self.router.search.get_untracked().is_empty();
        if home {
            self.depth.set(0);
        } else {
            self.next_depth.set_value(Some(0));
            self.go_home();
        }
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }

    /// Navigates to the home page (`/showcase/` under a sub-path).
    fn go_home(self) {
        self.router.navigate("/", Default::default());
    }

    /// The home page in the default language with nothing open: an idle kiosk has nothing to reset.
    fn at_rest(self) -> bool {
        // The router's address, as `reset_home` reads it.
        let home = self.router.path.get_untracked() == "/";
        let search = self.router.search.get_untracked();
        let plain = search.is_empty() || search == "?kiosk" || search.starts_with("?kiosk=");
        let lang = self.store.lang.get_untracked() == default_lang(self.store);
        home && plain && lang && !dialog_open()
    }
}

fn close_dialogs() {
    if let Ok(list) = document().query_selector_all("dialog[open]") {
        for n in 0..list.length() {
            if let Some(dialog) = list
                .item(n)
                .and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok())
            {
                dialog.close();
            }
        }
    }
}

fn dialog_open() -> bool {
    document()
        .query_selector("dialog[open]")
        .ok()
        .flatten()
        .is_some()
}

type Listener = Closure<dyn FnMut(web_sys::Event)>;

/// Adds `f` for `event` on the window in the capture phase (before the app's own handlers).
fn capture(
    event: &'static str,
    f: impl FnMut(web_sys::Event) + 'static,
) -> (&'static str, Listener) {
    let closure = Listener::new(f);
    let _ = window().add_event_listener_with_callback_and_bool(
        event,
        closure.as_ref().unchecked_ref(),
        true,
    );
    (event, closure)
}

#[component]
fn KioskChrome(mode: KioskMode) -> impl IntoView {
    // The kiosk's stylesheet (style/kiosk.css) is added by its own code: no visitor's browser
    // downloads it, and no page is shown in kiosk mode before it is in.
    leptos::task::spawn_local(async move {
        crate::loader::add("kiosk-css", crate::loader::Asset::Stylesheet).await;
        mode.ready.set(true);
    });
    let store = use_store();
    let lang = Signal::derive(move || store.lang.get());
    let i18n = use_i18n();
    let router = use_router();
    let slides = Memo::new(move |_| {
        store
            .bundle
            .with(|b| b.as_deref().map(slides_of).unwrap_or_default())
    });
    let settings = store
        .bundle
        .with_untracked(|b| b.as_ref().map(|b| b.kiosk.clone()).unwrap_or_default());
    let glue = Glue {
        store,
        machine: StoredValue::new(Kiosk::new(
            timing(&settings),
            now(),
            slides.get_untracked().len(),
        )),
        countdown: RwSignal::new(None),
        attract: RwSignal::new(None),
        last_check: RwSignal::new(None),
        maintenance: RwSignal::new(false),
        qr_link: RwSignal::new(None),
        depth: RwSignal::new(0),
        next_depth: StoredValue::new(None),
        router,
    };

    // Count in-app pages, so Back stops at the first one.
    Effect::new(move |previous: Option<()>| {
        // Read, not only tracked: a memo never read is not recomputed, and would not notify.
        let _ = (router.path.get(), router.search.get());
        if previous.is_some() {
            let next = glue
                .next_depth
                .try_update_value(Option::take)
                .flatten()
                .unwrap_or_else(|| glue.depth.get_untracked() + 1);
            glue.depth.set(next);
        }
    });

    // The page as a kiosk: no cursor, no selection, no zoom (CSS under html.kiosk and the viewport).
    let root = document().document_element();
    if let Some(root) = &root {
        let _ = root.class_list().add_1("kiosk");
    }
    // The bundle may arrive after kiosk mode starts (`?kiosk`), or change: slides and timings follow.
    Effect::new(move |_| {
        let count = slides.with(Vec::len);
        let timing = store
            .bundle
            .with(|b| b.as_ref().map(|b| timing(&b.kiosk)))
            .unwrap_or_default();
        glue.machine.update_value(|m| {
            m.set_slides(count);
            m.set_timing(timing, now());
        });
    });

    let press = StoredValue::new_local(None::<TimeoutHandle>);
    let cancel_press = move || {
        if let Some(handle) = press.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    let listeners = vec![
        capture("pointerdown", move |e| {
            let e: web_sys::PointerEvent = e.unchecked_into();
            if e.client_x() < CORNER_PX && e.client_y() < CORNER_PX {
                let handle = set_timeout_with_handle(
                    move || glue.maintenance.set(true),
                    Duration::from_millis(PRESS_MS as u64),
                )
                .ok();
                press.set_value(handle);
            }
            // Under an overlay, only its own click counts (so the touch does not reach the page).
            if !glue.overlay_shown() {
                glue.input();
            }
        }),
        capture("pointerup", move |_| cancel_press()),
        capture("pointercancel", move |_| cancel_press()),
        capture("wheel", move |_| {
            if !glue.overlay_shown() {
                glue.input();
            }
        }),
        capture("keydown", move |e| {
            let e: web_sys::KeyboardEvent = e.unchecked_into();
            if e.ctrl_key() && e.alt_key() && e.key().eq_ignore_ascii_case("m") {
                glue.maintenance.set(true);
            }
            glue.input();
        }),
        capture("contextmenu", |e| e.prevent_default()),
        capture("click", move |e| {
            enter_fullscreen();
            leave_guard(&e, glue);
        }),
        capture("online", move |_| {
            glue.machine.update_value(|m| m.check_soon(now()))
        }),
    ];
    let listeners = StoredValue::new_local(listeners);

    let interval = set_interval_with_handle(move || glue.tick(), TICK).ok();
    let interval = StoredValue::new_local(interval);

    // The kiosk keeps every image for offline use, once the service worker controls the page.
    Effect::new(move |_| {
        if let Some(b) = store.bundle.get() {
            offline::warm_media(&b);
        }
    });
    let on_controller = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        if let Some(b) = store.bundle.get_untracked() {
            offline::warm_media(&b);
        }
    });
    let sw = window().navigator().service_worker();
    if js_sys::Reflect::has(&window().navigator(), &"serviceWorker".into()).unwrap_or(false) {
        let _ = sw.add_event_listener_with_callback(
            "controllerchange",
            on_controller.as_ref().unchecked_ref(),
        );
    }
    let on_controller = StoredValue::new_local(Some(on_controller));

    on_cleanup(move || {
        listeners.with_value(|list| {
            for (event, closure) in list {
                let _ = window().remove_event_listener_with_callback_and_bool(
                    event,
                    closure.as_ref().unchecked_ref(),
                    true,
                );
            }
        });
        if let Some(handle) = interval.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        on_controller.set_value(None);
        if let Some(root) = document().document_element() {
            let _ = root.class_list().remove_1("kiosk");
        }
    });

    let back = move |_| {
        let depth = glue.depth.get_untracked();
        if depth > 0 {
            glue.next_depth.set_value(Some(depth - 1));
            let _ = window().history().map(|h| h.back());
        }
    };
    let home = move |_| glue.go_home();
    view! {
        // Hidden until the kiosk's stylesheet is in: unstyled, it would be two plain buttons under
        // the loading screen.
        <nav class="kiosk-bar" aria-label=move || t_string!(i18n, kiosk_nav_label)
            hidden=move || !mode.ready.get()>
            <button type="button" class="kiosk-button" on:click=back
                disabled=move || glue.depth.get() == 0>
                <span aria-hidden="true">"← "</span>{t!(i18n, kiosk_back)}
            </button>
            <button type="button" class="kiosk-button" on:click=home>
                <span aria-hidden="true">"⌂ "</span>{t!(i18n, kiosk_home)}
            </button>
        </nav>
        // Both overlays stay mounted and are shown or hidden: an all-day kiosk goes through them
        // thousands of times, and building them anew each time left memory behind.
        <Countdown glue/>
        <Attract glue slides lang/>
        <QrDialog link=glue.qr_link lang/>
        <Maintenance glue mode/>
    }
}

fn enter_fullscreen() {
    let doc = document();
    if doc.fullscreen_element().is_some() {
        return;
    }
    if let Some(root) = doc.document_element() {
        // Refused without a user gesture or where full screen is not allowed; the kiosk works anyway.
        let _ = root.request_fullscreen();
    }
}

/// A click on a link that would leave the app shows the link as a QR code instead. A file of this site
/// (a relative `meta.sources` URL) is given at the site's public address, as a page is: the kiosk's own
/// origin may be a machine in the community centre that a visitor's phone cannot reach.
fn leave_guard(e: &web_sys::Event, glue: Glue) {
    let Some(anchor) = crate::router::clicked_link(e) else {
        return;
    };
    let href = anchor.href();
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    // The same test as the router's: what it does not take would leave the app.
    let inside = crate::router::is_page(&url);
    let safe = matches!(url.protocol().as_str(), "https:" | "http:");
    if !inside || anchor.target() == "_blank" {
        e.prevent_default();
        e.stop_propagation();
        if safe {
            let public = crate::router::site_path(&url).and_then(|path| {
                let bundle = glue.store.bundle.get_untracked()?;
                Some(public_url(&bundle, &path))
            });
            glue.qr_link.set(Some(public.unwrap_or(href)));
        }
    }
}

/// Moves focus to an overlay's panel when it appears (so screen readers announce it), not on every
/// change while it stays shown.
fn focus_when_shown(panel: NodeRef<leptos::html::Div>, shown: impl Fn() -> bool + 'static) {
    Effect::new(move |before: Option<bool>| {
        let now = shown();
        if now && before != Some(true) {
            if let Some(panel) = panel.get() {
                let _ = panel.focus();
            }
        }
        now
    });
}

#[component]
fn Countdown(glue: Glue) -> impl IntoView {
    let i18n = use_i18n();
    let panel = NodeRef::<leptos::html::Div>::new();
    let shown = move || glue.countdown.with(Option::is_some);
    focus_when_shown(panel, shown);
    let left = move || glue.countdown.get().unwrap_or(0);
    view! {
        <div class="kiosk-overlay countdown" role="alertdialog" aria-modal="true" hidden=move || !shown()
            aria-labelledby="countdown-title" aria-describedby="countdown-text" tabindex="-1"
            node_ref=panel on:click=move |_| glue.input()>
            <div class="countdown-panel">
                <h2 id="countdown-title">{t!(i18n, countdown_title)}</h2>
                <p class="countdown-number" aria-hidden="true">{left}</p>
                <p id="countdown-text">{t!(i18n, countdown_text, seconds = left)}</p>
                <button type="button" class="button">{t!(i18n, touch_to_continue)}</button>
            </div>
        </div>
    }
}

#[component]
fn Attract(glue: Glue, slides: Memo<Vec<Item>>, lang: Signal<Lang>) -> impl IntoView {
    let i18n = use_i18n();
    let panel = NodeRef::<leptos::html::Div>::new();
    let shown = move || glue.attract.with(Option::is_some);
    focus_when_shown(panel, shown);
    let seconds = move || format!("{}s", glue.machine.with_value(|m| m.timing().slide / 1000));
    // Every slide is built once per bundle (their images load ahead); a slide change only moves the
    // `current` class.
    let each = move || {
        slides.with(|s| {
            s.iter()
                .enumerate()
                .filter_map(|(n, item)| Some((n, item.clone(), item.media.first()?.clone())))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="kiosk-overlay attract" role="dialog" aria-modal="true" hidden=move || !shown()
            aria-label=move || t_string!(i18n, attract_label) tabindex="-1" node_ref=panel
            on:click=move |_| glue.input()>
            <For each key=|(n, item, _)| (*n, item.id.clone()) children=move |(n, item, media)| {
                let current = move || glue.attract.get() == Some(n);
                view! {
                    <figure class="attract-slide" class:current=current data-slide=n
                        aria-hidden=move || (!current()).to_string()>
                        <div class="attract-image" style:--slide-seconds=seconds>
                            <BundleImage media lang lazy=false sizes="100vw"/>
                        </div>
                        <figcaption>
                            <p class="attract-title" lang="zh-CN">{item.title.get(Lang::Zh).to_owned()}</p>
                            <p class="attract-title-en" lang="en">{item.title.get(Lang::En).to_owned()}</p>
                        </figcaption>
                    </figure>
                }
            }/>
            <p class="attract-prompt">
                // Both languages at once: the screen invites whoever walks up.
                <span lang="zh-CN">{td!(Locale::zh, touch_to_explore)}</span>
                <span lang="en">{td!(Locale::en, touch_to_explore)}</span>
            </p>
        </div>
    }
}

/// A QR code drawn as one SVG path (see `kiosk::qr`), with the address as its accessible name.
#[component]
pub fn QrCode(url: String, lang: Signal<Lang>) -> impl IntoView {
    let qr = kiosk::qr::qr_path(&url)?;
    let view_box = format!("0 0 {0} {0}", qr.size);
    let label = move || format!("{}{url}", td_string!(locale(lang.get()), qr_code_for));
    Some(view! {
        <svg class="qr-code" viewBox=view_box role="img" aria-label=label shape-rendering="crispEdges">
            <rect width="100%" height="100%" fill="#fff"/>
            <path d=qr.d fill="#000"/>
        </svg>
    })
}

#[component]
fn QrDialog(link: RwSignal<Option<String>>, lang: Signal<Lang>) -> impl IntoView {
    let i18n = use_i18n();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        let open = link.with(Option::is_some);
        if let Some(d) = dialog.get() {
            if open && !d.open() {
                let _ = d.show_modal();
            } else if !open && d.open() {
                d.close();
            }
        }
    });
    view! {
        <dialog node_ref=dialog class="qr-dialog" aria-labelledby="qr-dialog-title"
            on:close=move |_| link.set(None)>
            <h2 id="qr-dialog-title">{t!(i18n, qr_external_title)}</h2>
            <p>{t!(i18n, qr_external_hint)}</p>
            {move || link.get().map(|url| view! { <QrCode url lang/> })}
            <p class="qr-url">{move || link.get()}</p>
            <button type="button" class="button" on:click=move |_| link.set(None)>
                {t!(i18n, close)}
            </button>
        </dialog>
    }
}

#[component]
fn Maintenance(glue: Glue, mode: KioskMode) -> impl IntoView {
    let i18n = use_i18n();
    let store = glue.store;
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let build = RwSignal::new(None::<String>);
    let caches = RwSignal::new(Vec::<(String, u32)>::new());
    let sw_active = RwSignal::new(false);
    let online = RwSignal::new(true);
    let refresh = move || {
        sw_active.set(offline::service_worker_active());
        online.set(window().navigator().on_line());
        leptos::task::spawn_local(async move {
            build.set(offline::build_version().await);
            caches.set(offline::cache_summary().await);
        });
    };
    Effect::new(move |_| {
        let open = glue.maintenance.get();
        if let Some(d) = dialog.get() {
            if open && !d.open() {
                refresh();
                let _ = d.show_modal();
            } else if !open && d.open() {
                d.close();
            }
        }
    });
    let row = move |label: fn(Locale) -> &'static str, value: AnyView| {
        view! { <div><dt>{move || label(i18n.get_locale())}</dt><dd>{value}</dd></div> }
    };
    let bundle_date = move || {
        store
            .bundle
            .with(|b| b.as_ref().map(|b| b.meta.updated.clone()))
    };
    let info = move |f: fn(&crate::store::BundleInfo) -> Option<String>| {
        move || {
            store
                .info
                .with(|i| i.as_ref().and_then(f))
                .unwrap_or_else(|| "—".into())
        }
    };
    let shown = move || {
        store.info.with(|i| {
            i.as_ref().map(|i| {
                let at = iso(i.shown_at);
                if i.from_storage {
                    format!("{at} {}", t_string!(i18n, m_from_storage))
                } else {
                    at
                }
            })
        })
    };
    let last_check = move || {
        let l = i18n.get_locale();
        let pending = glue.machine.with_value(|m| m.update_pending());
        let text = glue.last_check.with(|c| match c {
            None => td_string!(l, m_never).to_owned(),
            Some(c) => {
                let what = match &c.outcome {
                    CheckOutcome::Unchanged => td_string!(l, m_unchanged).to_owned(),
                    CheckOutcome::NewBundle => td_string!(l, m_new_bundle).to_owned(),
                    CheckOutcome::NewApp => td_string!(l, m_new_app).to_owned(),
                    CheckOutcome::InvalidBundle(why) => {
                        format!("{}: {why}", td_string!(l, m_invalid))
                    }
                    CheckOutcome::Failed(why) => format!("{}: {why}", td_string!(l, m_failed)),
                };
                format!("{} · {what}", iso(c.at as f64))
            }
        });
        if pending {
            format!("{text} · {}", td_string!(l, m_pending))
        } else {
            text
        }
    };
    let timings = move || {
        let k = store
            .bundle
            .with(|b| b.as_ref().map(|b| b.kiosk.clone()))
            .unwrap_or_default();
        t_string!(
            i18n,
            m_timings_text,
            idle = k.idle_seconds,
            countdown = k.countdown_seconds,
            attract = k.attract_after_seconds,
            slide = k.slide_seconds,
            refresh = k.refresh_seconds,
        )
    };
    let cache_list = move || {
        let caches = caches.get();
        if caches.is_empty() {
            return view! { <li>{t!(i18n, m_caches_none)}</li> }.into_any();
        }
        caches
            .into_iter()
            .map(|(name, n)| view! { <li>{name}": "{t!(i18n, m_entries, count = group_thousands(n as u64))}</li> })
            .collect_view()
            .into_any()
    };
    let app = format!(
        "{} {}",
        env!("CARGO_PKG_VERSION"),
        offline::running_wasm().unwrap_or_default()
    );
    view! {
        <dialog node_ref=dialog class="maintenance" aria-labelledby="maintenance-title"
            on:close=move |_| glue.maintenance.set(false)>
            <h2 id="maintenance-title">{t!(i18n, maintenance_title)}</h2>
            <dl class="maintenance-facts">
                {row(|l| td_string!(l, m_app), view! { <span class="m-app">{app}</span> }.into_any())}
                {row(|l| td_string!(l, m_build), view! { <span class="m-build">{move || build.get().unwrap_or_else(|| "—".into())}</span> }.into_any())}
                {row(|l| td_string!(l, m_bundle_date), view! { <span class="m-date">{bundle_date}</span> }.into_any())}
                {row(|l| td_string!(l, m_bundle_hash), view! { <code class="m-hash">{info(|i| i.sha256.clone())}</code> }.into_any())}
                {row(|l| td_string!(l, m_etag), view! { <code class="m-etag">{info(|i| i.etag.clone())}</code> }.into_any())}
                {row(|l| td_string!(l, m_shown_since), view! { <span class="m-shown">{shown}</span> }.into_any())}
                {row(|l| td_string!(l, m_last_check), view! { <span class="m-last-check">{last_check}</span> }.into_any())}
                {row(|l| td_string!(l, m_service_worker), view! { <span class="m-sw">{move || if sw_active.get() { t_string!(i18n, m_sw_active) } else { t_string!(i18n, m_sw_none) }}</span> }.into_any())}
                {row(|l| td_string!(l, m_caches), view! { <ul class="m-caches">{cache_list}</ul> }.into_any())}
                {row(|l| td_string!(l, m_network), view! { <span class="m-network">{move || if online.get() { t_string!(i18n, m_online) } else { t_string!(i18n, m_offline) }}</span> }.into_any())}
                {row(|l| td_string!(l, m_timings), view! { <span>{timings}</span> }.into_any())}
            </dl>
            <div class="maintenance-actions">
                <button type="button" class="button" on:click=move |_| {
                    glue.machine.update_value(|m| m.check_soon(now()));
                    refresh();
                }>{t!(i18n, m_check_now)}</button>
                <button type="button" class="button" on:click=move |_| { let _ = window().location().reload(); }>
                    {t!(i18n, m_reload)}
                </button>
                <button type="button" class="button" on:click=move |_| {
                    glue.maintenance.set(false);
                    mode.leave();
                }>{t!(i18n, m_leave_kiosk)}</button>
                <button type="button" class="button" on:click=move |_| glue.maintenance.set(false)>
                    {t!(i18n, close)}
                </button>
            </div>
        </dialog>
    }
}

/// A time for maintainers, in UTC: "2024-05-01 09:30:00 UTC" (ISO 8601's date and time, with spaces
/// where a row may wrap: one unbroken token was split mid-number in a narrow row).
fn iso(ms: f64) -> String {
    let iso: String = js_sys::Date::new(&ms.into()).to_iso_string().into();
    match (iso.get(..10), iso.get(11..19)) {
        (Some(date), Some(time)) => format!("{date} {time} UTC"),
        _ => iso,
    }
}
