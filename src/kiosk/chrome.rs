//! The kiosk's chrome: on-screen Back and Home, and the overlays, over every page.

use kiosk::hours::Hours;
use kiosk::{Kiosk, Timing};
use leptos::prelude::*;

use super::glue::{hours, now, slides_of, timing, Glue};
use super::maintenance::Maintenance;
use super::overlays::{Attract, Countdown, QrDialog, Sleep};
use super::KioskMode;
use crate::i18n::*;
use crate::router::use_router;
use crate::state::use_store;

#[component]
pub(super) fn KioskChrome(mode: KioskMode) -> impl IntoView {
    // The kiosk's stylesheet (style/kiosk.css) is added by its own code: no visitor's browser
    // downloads it, and no page is shown in kiosk mode before it is in.
    leptos::task::spawn_local(async move {
        crate::web::assets::add("kiosk-css", crate::web::assets::Asset::Stylesheet).await;
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
    let (kept_usage, kept_csv) = super::usage::load();
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
        asleep: RwSignal::new(false),
        hours: StoredValue::new(hours(&settings)),
        qr_link: RwSignal::new(None),
        depth: RwSignal::new(0),
        next_depth: StoredValue::new(None),
        router,
        usage: StoredValue::new(kept_usage),
        usage_saved: StoredValue::new(kept_csv),
        usage_changed: RwSignal::new(0),
    };
    super::usage::watch(glue, mode);

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

    // The bundle may arrive after kiosk mode starts (`?kiosk`), or change: slides, timings and
    // opening hours follow.
    Effect::new(move |_| {
        let count = slides.with(Vec::len);
        let (timing, hours) = store
            .bundle
            .with(|b| b.as_ref().map(|b| (timing(&b.kiosk), hours(&b.kiosk))))
            .unwrap_or_else(|| (Timing::default(), Hours::always()));
        glue.hours.set_value(hours);
        glue.machine.update_value(|m| {
            m.set_slides(count);
            m.set_timing(timing, now());
        });
    });

    super::guards::install(glue);

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
        <Sleep glue/>
        <QrDialog link=glue.qr_link lang/>
        <Maintenance glue mode/>
    }
}
