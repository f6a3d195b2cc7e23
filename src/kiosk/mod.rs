//! Kiosk mode: the browser glue around the `kiosk` crate's state machine.
//!
//! Turned on by `?kiosk` in the address (remembered for the tab; `?kiosk=0` turns it off) or by the
//! bundle's `kiosk.enabled`. Its parts, each a file:
//! - here, the mode itself (on or off, provided to every page) and its layer in the shell, whose code
//!   is a chunk of its own ("kiosk");
//! - `glue`: the machine ticked every 250 ms and its actions carried out (countdown, reset to the home
//!   page, attract loop, checks for updates, bundle swap, reload);
//! - `guards`: what the kiosk does to the page: no cursor, context menu, text selection or page
//!   pinch-zoom (CSS `touch-action`, not `user-scalable=no`, which would also stop browsers'
//!   accessibility zoom), full screen on a touch, links that leave the app shown as QR codes, the
//!   maintenance panel after a 5-second press in the top-left corner (or Ctrl+Alt+M);
//! - `keyboard`: the on-screen keyboard of the gallery's search box;
//! - `usage`: the usage counts (`kiosk::usage`) fed from the router and the machine, kept in local
//!   storage, shown and exported in the maintenance panel;
//! - `chrome`: the on-screen Home and Back, and the overlays (`overlays`: countdown, attract loop, QR
//!   code of a link out; `maintenance`: the maintainers' panel), each a `components::dialog::Dialog`.

use leptos::prelude::*;

use crate::components::chunk_view::{chunk_code, failed_view};
use crate::state::Store;
use crate::web::storage::{read_session, write_session};

mod chrome;
mod glue;
mod guards;
pub mod keyboard;
mod maintenance;
mod overlays;
mod usage;

const KIOSK_KEY: &str = "showcase.kiosk";

/// Whether kiosk mode is on, provided by the shell for every page.
#[derive(Clone, Copy)]
pub struct KioskMode {
    pub on: Signal<bool>,
    /// The tab's own choice (`?kiosk`, `?kiosk=0`, "leave kiosk mode"), over the bundle's setting.
    choice: RwSignal<Option<bool>>,
    /// The kiosk's code (a chunk) is in and its guards are up: until then the shell shows no page, so
    /// that nothing can be tapped (a link out, say) before the kiosk can catch it.
    pub(super) ready: RwSignal<bool>,
    /// The gallery's search as the visitor types it, and whether it shows anything: for the usage
    /// counts (`usage`). Only the gallery writes it, only in kiosk mode.
    pub searched: RwSignal<Option<(String, bool)>>,
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
            searched: RwSignal::new(None),
        };
        provide_context(mode);
        mode
    }

    /// Kiosk mode is on but its code is not in yet.
    pub fn starting(self) -> bool {
        self.on.get() && !self.ready.get()
    }

    pub(super) fn leave(self) {
        write_session(KIOSK_KEY, "0");
        self.choice.set(Some(false));
    }
}

pub fn kiosk_on() -> bool {
    use_context::<KioskMode>().is_some_and(|k| k.on.get())
}

/// `?kiosk`, `?kiosk=1` → on, `?kiosk=0` → off (remembered in session storage); else what was remembered.
/// What this tab was told: kiosk mode on or off (`?kiosk`, kept for the tab), `None` when nothing
/// (the bundle decides).
pub fn tab_choice() -> Option<bool> {
    if !crate::web::IN_BROWSER {
        return None;
    }
    let search = web_sys::window()?.location().search().ok()?;
    if let Some(value) = route::Query::parse(&search).get("kiosk") {
        let on = value != "0" && value != "false";
        write_session(KIOSK_KEY, if on { "1" } else { "0" });
        return Some(on);
    }
    read_session(KIOSK_KEY).map(|v| v == "1")
}

/// Shown in the shell when kiosk mode is on: the kiosk's chrome, whose code is a chunk of its own.
#[component]
pub fn KioskLayer() -> impl IntoView {
    let mode = expect_context::<KioskMode>();
    let code = chunk_code(mode.on, kiosk_chrome);
    // The chrome says when it is ready (once its stylesheet is in); without it, the pages show.
    Effect::new(move |_| {
        if matches!(code.get(), Some(None)) {
            mode.ready.set(true);
        }
    });
    move || {
        let code = mode.on.get().then(|| code.get()).flatten()?;
        Some(code.map_or_else(failed_view, |draw| draw(mode)))
    }
}

fn draw_chrome(mode: KioskMode) -> AnyView {
    view! { <chrome::KioskChrome mode/> }.into_any()
}

crate::chunks::chunk!(
    kiosk,
    preload_kiosk,
    fn kiosk_chrome() -> fn(KioskMode) -> AnyView {
        draw_chrome
    }
);
