//! The maintainers' panel of a kiosk (a 5-second press in the top-left corner, or Ctrl+Alt+M): the app
//! and bundle on show, the last check for updates, the service worker and caches, the timings, the
//! usage counts; and check now, reload, leave kiosk mode.

use kiosk::CheckOutcome;
use leptos::prelude::*;

use super::glue::{now, Glue};
use super::usage::UsageReport;
use super::KioskMode;
use crate::components::dialog::Dialog;
use crate::i18n::*;
use crate::state::BundleInfo;
use crate::web::offline;

/// The maintainers' panel: what the kiosk runs and shows, its checks, and what can be done.
#[component]
pub(super) fn Maintenance(glue: Glue, mode: KioskMode) -> impl IntoView {
    let i18n = use_i18n();
    let store = glue.store;
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
    // Its facts read afresh each time it opens; the touches that opened it were no visitor's.
    Effect::new(move |_| {
        if glue.maintenance.get() {
            glue.count(|usage, _| usage.not_a_visitor());
            refresh();
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
    let info = move |f: fn(&BundleInfo) -> Option<String>| {
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
        <Dialog open=glue.maintenance on_close=move |_| glue.maintenance.set(false)
            attr:class="maintenance" attr:aria-labelledby="maintenance-title" attr:tabindex="-1">
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
            <UsageReport glue/>
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
        </Dialog>
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
