//! The usage counts' glue (`kiosk::usage`): what a visitor does is counted from the router, the
//! gallery's search and the machine, kept in local storage as CSV (it outlives reloads and app updates), shown in the
//! maintenance panel and downloaded from there as a CSV file.

use kiosk::usage::{format_date, Date, Day, Usage};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use super::glue::{today, Glue};
use super::KioskMode;
use crate::i18n::*;
use crate::router::Page;
use crate::web::storage::{read_local, write_local};

/// Where the counts are kept (the CSV of [`Usage::to_csv`], some kilobytes: [`kiosk::usage`]'s
/// bounds keep it small beside the bundle's copy in the same storage).
const USAGE_KEY: &str = "showcase.usage";

/// The counts kept on this kiosk (none yet on a new one), and the text they were kept as.
pub(super) fn load() -> (Usage, String) {
    let csv = read_local(USAGE_KEY).unwrap_or_default();
    (Usage::from_csv(&csv), csv)
}

impl Glue {
    /// Changes the counts; what changed is kept, and the maintenance panel told.
    pub(super) fn count(self, change: impl FnOnce(&mut Usage, Date)) {
        let today = today();
        let Some(csv) = self.usage.try_update_value(|u| {
            change(u, today);
            u.to_csv()
        }) else {
            return;
        };
        // A touch during a session, say, changes nothing that is kept.
        if self.usage_saved.with_value(|saved| *saved == csv) {
            return;
        }
        write_local(USAGE_KEY, &csv);
        self.usage_saved.set_value(csv);
        self.usage_changed.update(|n| *n += 1);
    }
}

/// What the counts learn: from the address, the pages and items shown; from the gallery, its search
/// as the visitor types it (`KioskMode::searched`), which counts once they leave it.
pub(super) fn watch(glue: Glue, mode: KioskMode) {
    let router = glue.router;
    Effect::new(move |previous: Option<(String, Option<String>)>| {
        let path = router.path.get();
        let route = router.route.get();
        let viewed = router.query.with(|q| q.get("view").map(str::to_owned));
        let item = match route.page {
            Page::Item => route.id.clone(),
            _ => viewed.clone(),
        };
        let (new_page, new_item) = match &previous {
            Some((p, i)) => (*p != path, item.is_some() && *i != item),
            None => (true, item.is_some()),
        };
        if new_page || new_item {
            glue.count(|usage, today| {
                if new_page {
                    if route.page != Page::Gallery {
                        usage.leave_search();
                    }
                    usage.page(today, &page_key(&route, &path));
                }
                if let Some(id) = item.as_deref().filter(|_| new_item) {
                    usage.item(today, id);
                }
            });
        }
        (path, item)
    });
    Effect::new(move |_| {
        if let Some((text, found)) = mode.searched.get() {
            glue.count(|usage, today| usage.searched(today, &text, found));
        }
    });
}

/// How a page is counted: by its path, but item pages together (their items are counted on their
/// own) and every unknown address as one.
fn page_key(route: &crate::router::Route, path: &str) -> String {
    match route.page {
        Page::Item => route.page.pattern().to_owned(),
        Page::NotFound => "(not found)".to_owned(),
        _ => path.to_owned(),
    }
}

/// Days shown in the panel's table, and over which its lists add up.
const TABLE_DAYS: usize = 7;
const LIST_DAYS: usize = 30;
const LIST_LENGTH: usize = 8;
/// How long "clear" waits for its second press.
const CLEAR_WITHIN_MS: u32 = 5000;

/// The counts in the maintenance panel: the last days, the items most looked at and the searches
/// that found nothing; download them, or clear them.
#[component]
pub(super) fn UsageReport(glue: Glue) -> impl IntoView {
    let i18n = use_i18n();
    let store = glue.store;
    let days = move || {
        glue.usage_changed.track();
        glue.usage.with_value(|u| {
            u.days()
                .rev()
                .map(|(d, day)| (*d, day.clone()))
                .take(LIST_DAYS)
                .collect::<Vec<_>>()
        })
    };
    let rows = move || {
        days()
            .into_iter()
            .take(TABLE_DAYS)
            .map(|(date, day)| {
                let average =
                    (day.sessions > 0).then(|| day.session_seconds / u64::from(day.sessions));
                view! {
                    <tr>
                        <th scope="row">{format_date(date)}</th>
                        <td>{day.sessions}</td>
                        <td>{average.map_or_else(|| "—".to_owned(), duration)}</td>
                        <td>{duration(day.longest_session_seconds)}</td>
                        <td>{day.page_views()}</td>
                        <td>{day.item_views()}</td>
                        <td>{day.searches}</td>
                        <td>{day.empty_search_count()}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let top = move |pick: fn(&Day) -> &std::collections::BTreeMap<String, u32>| {
        let mut totals = std::collections::BTreeMap::<String, u32>::new();
        for (_, day) in days() {
            for (key, n) in pick(&day) {
                *totals.entry(key.clone()).or_default() += n;
            }
        }
        let mut list: Vec<(String, u32)> = totals.into_iter().collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        list.truncate(LIST_LENGTH);
        list
    };
    let items = move || {
        let lang = store.lang.get();
        let bundle = store.bundle.get();
        let lines = top(|d| &d.items).into_iter().map(|(id, n)| {
            let title = bundle
                .as_ref()
                .and_then(|b| b.items.iter().find(|i| i.id == id))
                .map_or_else(|| id.clone(), |i| i.title.get(lang).to_owned());
            format!("{title} · {n}")
        });
        list("usage-items", lines.collect())
    };
    let empty = move || {
        let lines = top(|d| &d.empty_searches).into_iter();
        list(
            "usage-empty",
            lines.map(|(text, n)| format!("“{text}” · {n}")).collect(),
        )
    };
    let none = move || days().is_empty();
    let armed = RwSignal::new(false);
    view! {
        <section class="usage" aria-labelledby="usage-title">
            <h3 id="usage-title">{t!(i18n, u_title)}</h3>
            <p class="usage-note">{t!(i18n, u_note)}</p>
            <Show when=move || !none() fallback=move || view! { <p class="usage-none">{t!(i18n, u_none)}</p> }>
                <div class="usage-table">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, u_date)}</th>
                                <th scope="col">{t!(i18n, u_sessions)}</th>
                                <th scope="col">{t!(i18n, u_average)}</th>
                                <th scope="col">{t!(i18n, u_longest)}</th>
                                <th scope="col">{t!(i18n, u_page_views)}</th>
                                <th scope="col">{t!(i18n, u_item_views)}</th>
                                <th scope="col">{t!(i18n, u_searches)}</th>
                                <th scope="col">{t!(i18n, u_empty)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <div class="usage-lists">
                    <div>
                        <h4>{t!(i18n, u_top_items)}</h4>
                        {items}
                    </div>
                    <div>
                        <h4>{t!(i18n, u_top_empty)}</h4>
                        {empty}
                    </div>
                </div>
            </Show>
            <div class="maintenance-actions">
                <button type="button" class="button usage-download" disabled=none
                    on:click=move |_| download(&glue.usage.with_value(Usage::to_csv))>
                    {t!(i18n, u_download)}
                </button>
                // Twice to clear, the second press within a few seconds: a slip of the finger
                // loses nothing (and a kiosk browser may show no confirm dialog).
                <button type="button" class="button button-secondary usage-clear" disabled=none
                    on:click=move |_| {
                        if armed.get_untracked() {
                            armed.set(false);
                            glue.count(|usage, _| usage.clear());
                        } else {
                            armed.set(true);
                            gloo_timers::callback::Timeout::new(CLEAR_WITHIN_MS, move || {
                                armed.try_set(false);
                            })
                            .forget();
                        }
                    }>
                    {move || if armed.get() { t_string!(i18n, u_clear_confirm) } else { t_string!(i18n, u_clear) }}
                </button>
            </div>
        </section>
    }
}

/// A numbered list of `lines`, or a dash for none.
fn list(class: &'static str, lines: Vec<String>) -> AnyView {
    if lines.is_empty() {
        return view! { <p class=class>"—"</p> }.into_any();
    }
    let items = lines
        .into_iter()
        .map(|line| view! { <li>{line}</li> })
        .collect_view();
    view! { <ol class=class>{items}</ol> }.into_any()
}

/// "1 min 05 s", "42 s".
fn duration(seconds: u64) -> String {
    match seconds {
        0..60 => format!("{seconds} s"),
        _ => format!("{} min {:02} s", seconds / 60, seconds % 60),
    }
}

/// Saves `csv` as a file, `kiosk-usage-YYYY-MM-DD.csv`, through a link to its data (the kiosk's
/// guard lets a download of the app's own data through: it leaves nothing).
fn download(csv: &str) {
    let parts = js_sys::Array::of1(&csv.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(link) = document().create_element("a") {
        let link: web_sys::HtmlAnchorElement = link.unchecked_into();
        link.set_href(&url);
        link.set_download(&format!("kiosk-usage-{}.csv", format_date(today())));
        link.set_hidden(true);
        // In the open dialog, the top layer: a link elsewhere would be behind it, and inert.
        let parent = document().query_selector("dialog[open]").ok().flatten();
        if let Some(parent) = parent.or_else(|| document().body().map(Into::into)) {
            let _ = parent.append_child(&link);
            link.click();
            link.remove();
        }
    }
    // Not at once: the download may still be reading it.
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}
