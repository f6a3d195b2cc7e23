//! The kiosk's overlays: the countdown, the attract loop and the QR code of a link out.

use bundle::{Item, Lang};
use leptos::prelude::*;

use super::glue::Glue;
use crate::components::dialog::Dialog;
use crate::components::media::BundleImage;
use crate::components::qr_code::QrCode;
use crate::i18n::*;

/// "Still there?": the countdown before the kiosk returns to the home page; a touch stays.
#[component]
pub(super) fn Countdown(glue: Glue) -> impl IntoView {
    let i18n = use_i18n();
    let shown = Signal::derive(move || glue.countdown.with(Option::is_some));
    let left = move || glue.countdown.get().unwrap_or(0);
    view! {
        <Dialog open=shown on_close=move |_| glue.input() attr:class="kiosk-overlay countdown"
            attr:role="alertdialog" attr:aria-labelledby="countdown-title"
            attr:aria-describedby="countdown-text" attr:tabindex="-1" on:click=move |_| glue.input()>
            <div class="countdown-panel">
                <h2 id="countdown-title">{t!(i18n, countdown_title)}</h2>
                <p class="countdown-number" aria-hidden="true">{left}</p>
                <p id="countdown-text">{t!(i18n, countdown_text, seconds = left)}</p>
                <button type="button" class="button">{t!(i18n, touch_to_continue)}</button>
            </div>
        </Dialog>
    }
}

/// The attract loop: the featured items, one slide at a time, until someone touches the screen.
#[component]
pub(super) fn Attract(glue: Glue, slides: Memo<Vec<Item>>, lang: Signal<Lang>) -> impl IntoView {
    let i18n = use_i18n();
    let shown = Signal::derive(move || glue.attract.with(Option::is_some));
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
        <Dialog open=shown on_close=move |_| glue.input() attr:class="kiosk-overlay attract"
            attr:aria-label=move || t_string!(i18n, attract_label) attr:tabindex="-1"
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
        </Dialog>
    }
}

/// Outside opening hours: a dim clock and the event's title, in both languages, wandering over the
/// screen a step a minute (nothing stands still for hours on a screen that stays on); a touch wakes
/// the kiosk.
#[component]
pub(super) fn Sleep(glue: Glue) -> impl IntoView {
    let shown = Signal::derive(move || glue.asleep.get());
    // The time, read each minute while asleep (the glue's clock ticks 4 times a second).
    let minute = RwSignal::new(local_minute());
    let ticking = StoredValue::new_local(None::<IntervalHandle>);
    Effect::new(move |_| {
        if let Some(handle) = ticking.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        if shown.get() {
            minute.set(local_minute());
            let handle = set_interval_with_handle(
                move || minute.set(local_minute()),
                std::time::Duration::from_secs(15),
            );
            ticking.set_value(handle.ok());
        }
    });
    on_cleanup(move || {
        if let Some(handle) = ticking.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    });
    let clock = move || {
        let m = minute.get();
        format!("{:02}:{:02}", m / 60, m % 60)
    };
    // One of nine places on a 3×3 grid, a step each minute.
    let place = move || {
        let step = usize::from(minute.get()) % PLACES.len();
        let (x, y) = PLACES[step];
        format!("translate({x}vw, {y}vh)")
    };
    let title = move |lang: Lang| {
        glue.store
            .bundle
            .with(|b| b.as_ref().map(|b| b.meta.title.get(lang).to_owned()))
    };
    view! {
        <Dialog open=shown on_close=move |_| glue.input() attr:class="kiosk-overlay sleep"
            attr:aria-label=move || format!("{} · {}", td_string!(Locale::zh, sleep_label), td_string!(Locale::en, sleep_label))
            attr:tabindex="-1" on:click=move |_| glue.input()>
            <div class="sleep-panel" style:transform=place>
                <p class="sleep-clock"><time>{clock}</time></p>
                <p class="sleep-title" lang="zh-CN">{move || title(Lang::Zh)}</p>
                <p class="sleep-title" lang="en">{move || title(Lang::En)}</p>
                <p class="sleep-hint">
                    <span lang="zh-CN">{td!(Locale::zh, touch_to_wake)}</span>" · "
                    <span lang="en">{td!(Locale::en, touch_to_wake)}</span>
                </p>
            </div>
        </Dialog>
    }
}

/// Where the sleep screen's text stands, minute by minute (offsets from the centre).
const PLACES: [(i32, i32); 9] = [
    (0, 0),
    (-10, -25),
    (10, 25),
    (-10, 25),
    (10, -25),
    (0, -30),
    (0, 30),
    (-10, 0),
    (10, 0),
];

fn local_minute() -> u16 {
    super::glue::local_now().minute
}

/// A link that would leave the app, as a QR code to open on a phone.
#[component]
pub(super) fn QrDialog(link: RwSignal<Option<String>>, lang: Signal<Lang>) -> impl IntoView {
    let i18n = use_i18n();
    let open = Signal::derive(move || link.with(Option::is_some));
    view! {
        <Dialog open on_close=move |_| link.set(None) attr:class="qr-dialog"
            attr:aria-labelledby="qr-dialog-title" attr:tabindex="-1">
            <h2 id="qr-dialog-title">{t!(i18n, qr_external_title)}</h2>
            <p>{t!(i18n, qr_external_hint)}</p>
            {move || link.get().map(|url| view! { <QrCode url lang/> })}
            <p class="qr-url">{move || link.get()}</p>
            <button type="button" class="button" on:click=move |_| link.set(None)>
                {t!(i18n, close)}
            </button>
        </Dialog>
    }
}
