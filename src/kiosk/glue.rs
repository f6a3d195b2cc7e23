//! The state machine's glue: the machine (`kiosk::Kiosk`) is given the visitor's input and the time,
//! and its actions are carried out here.

use bundle::{Bundle, Item, KioskSettings};
use kiosk::hours::{parse_date, Hours, LocalTime, Opening};
use kiosk::usage::Usage;
use kiosk::{Action, CheckOutcome, Kiosk, LastCheck, Timing};
use leptos::prelude::*;

use crate::router::{Page, Route, Router};
use crate::state::{default_lang, forget_lang_choice, Store};
use crate::web::offline;

pub(super) fn now() -> u64 {
    js_sys::Date::now() as u64
}

pub(super) fn timing(k: &KioskSettings) -> Timing {
    Timing::from_seconds(
        k.idle_seconds,
        k.countdown_seconds,
        k.attract_after_seconds,
        k.slide_seconds,
        k.refresh_seconds,
    )
}

/// The bundle's opening hours for the machine (always open without them).
pub(super) fn hours(k: &KioskSettings) -> Hours {
    let Some(hours) = &k.hours else {
        return Hours::always();
    };
    let open = hours.open.iter().filter_map(|times| {
        let (from, to) = times.minutes()?;
        let mut days = [false; 7];
        for day in &times.days {
            days[day.index()] = true;
        }
        Some(Opening { days, from, to })
    });
    let closed = hours.closed.iter().filter_map(|d| parse_date(d));
    Hours::new(open.collect(), closed.collect())
}

/// The browser's local time now (its clock and time zone).
pub(super) fn local_now() -> LocalTime {
    let d = js_sys::Date::new_0();
    LocalTime {
        date: (
            d.get_full_year() as i32,
            d.get_month() as u8 + 1,
            d.get_date() as u8,
        ),
        // JavaScript counts from Sunday.
        weekday: ((d.get_day() + 6) % 7) as u8,
        minute: (d.get_hours() * 60 + d.get_minutes()) as u16,
    }
}

/// The kiosk's date today (for the usage counts).
pub(super) fn today() -> kiosk::usage::Date {
    local_now().date
}

/// The attract loop's slides: featured items with an image.
pub(super) fn slides_of(bundle: &Bundle) -> Vec<Item> {
    bundle
        .featured_items()
        .filter(|i| !i.media.is_empty())
        .cloned()
        .collect()
}

/// Everything the glue needs, all `Copy`.
#[derive(Clone, Copy)]
pub(super) struct Glue {
    pub(super) store: Store,
    pub(super) machine: StoredValue<Kiosk>,
    pub(super) countdown: RwSignal<Option<u64>>,
    pub(super) attract: RwSignal<Option<usize>>,
    pub(super) last_check: RwSignal<Option<LastCheck>>,
    pub(super) maintenance: RwSignal<bool>,
    /// The sleep screen is on (outside opening hours).
    pub(super) asleep: RwSignal<bool>,
    /// The bundle's opening hours.
    pub(super) hours: StoredValue<Hours>,
    pub(super) qr_link: RwSignal<Option<String>>,
    /// In-app pages behind the current one (Back is off at 0, so Back never leaves the app).
    pub(super) depth: RwSignal<u32>,
    pub(super) next_depth: StoredValue<Option<u32>>,
    pub(super) router: Router,
    /// The usage counts (`super::usage`), the text they were last kept as, and a signal that
    /// changes when they do.
    pub(super) usage: StoredValue<Usage>,
    pub(super) usage_saved: StoredValue<String>,
    pub(super) usage_changed: RwSignal<u32>,
}

impl Glue {
    pub(super) fn overlay_shown(self) -> bool {
        self.countdown.with_untracked(Option::is_some)
            || self.attract.with_untracked(Option::is_some)
            || self.asleep.get_untracked()
    }

    pub(super) fn input(self) {
        let now = now();
        let actions = self
            .machine
            .try_update_value(|m| m.input(now))
            .unwrap_or_default();
        // The maintainer's touches and keys, with the panel open, are no visitor's. Only a session's
        // start changes what is kept (a wheel sends dozens of these a second).
        if !self.maintenance.get_untracked() {
            if self.usage.with_value(Usage::in_session) {
                let today = today();
                self.usage.update_value(|usage| usage.input(now, today));
            } else {
                self.count(|usage, today| usage.input(now, today));
            }
        }
        self.run(actions);
    }

    pub(super) fn tick(self) {
        let now = now();
        let rest = self.at_rest();
        let open = self.hours.with_value(|h| h.is_open(local_now()));
        let actions = self
            .machine
            .try_update_value(|m| {
                m.set_open(open);
                m.tick(now, rest)
            })
            .unwrap_or_default();
        self.run(actions);
        // Nobody here any more: the visitor's session ends.
        if !self.machine.with_value(Kiosk::visitor_here) && self.usage.with_value(Usage::in_session)
        {
            self.count(|usage, _| usage.at_rest());
        }
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
                        offline::warm_media(&b.media_urls());
                    }
                    leptos::logging::log!("kiosk: new bundle on show");
                }
            }
            Action::Sleep => self.asleep.set(true),
            Action::Wake => self.asleep.set(false),
            Action::ReloadApp => {
                leptos::logging::log!("kiosk: new app version, reloading");
                let _ = window().location().reload();
            }
        }
    }

    pub(super) async fn check(self) {
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
        // The kiosk's own dialogs; a page's (the lightbox) closes with its page.
        self.qr_link.set(None);
        self.maintenance.set(false);
        // The router's route: `/showcase` and `/showcase/` are both the home page, and going from one
        // to the other changes nothing it counts.
        let home = self.router.route.with_untracked(|r| r.page == Page::Home)
            && self.router.search.with_untracked(String::is_empty);
        if home {
            self.depth.set(0);
        } else {
            self.next_depth.set_value(Some(0));
            self.go_home();
        }
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }

    /// Navigates to the home page (`/showcase/` under a sub-path).
    pub(super) fn go_home(self) {
        self.router
            .navigate(&Route::from(Page::Home).path(), Default::default());
    }

    /// The home page in the default language with nothing open: an idle kiosk has nothing to reset.
    fn at_rest(self) -> bool {
        // The router's route, as `reset_home` reads it; the address may still say `?kiosk`.
        let home = self.router.route.with_untracked(|r| r.page == Page::Home);
        let plain =
            (self.router.query).with_untracked(|q| q.latest().all(|(key, _)| key == "kiosk"));
        let lang = self.store.lang.get_untracked() == default_lang(self.store);
        home && plain && lang && !dialog_open()
    }
}

fn dialog_open() -> bool {
    document()
        .query_selector("dialog[open]")
        .ok()
        .flatten()
        .is_some()
}
