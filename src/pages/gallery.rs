//! The gallery: every item as a card, with filters, search and sort kept in the address, results shown
//! a page at a time, and the lightbox over the results.

use std::sync::Arc;

use bundle::{search, search_after, Bundle, GalleryQuery, ItemKind, Lang, SortOrder};
use leptos::prelude::*;

use leptos::wasm_bindgen::JsCast;

use crate::components::lightbox::{use_lightbox_param, LazyLightbox, LightboxParam, Slide};
use crate::components::media::StaticBundleImage;
use crate::i18n::*;
use crate::kiosk::keyboard::Keyboard;
use crate::kiosk::{kiosk_on, KioskMode};
use crate::router::{href, use_router, NavigateOptions, Page, Query, Route, Router};
use crate::web::events::listen_window;
use crate::site::use_document_title;
use crate::state::use_store;

/// Cards rendered at first and added by each "show more": more than a kiosk screen holds, few enough
/// that replacing them all on a keystroke stays within a frame or two.
const PAGE: usize = 12;
/// Cards on the first screen (two rows on a kiosk) load their images at once; the rest when scrolled near.
const EAGER_CARDS: usize = 8;

/// The `sizes` of a card's picture (also used to preload the first one, `app::preload_first_picture`).
pub const CARD_SIZES: &str = "(min-width: 1200px) 25vw, (min-width: 700px) 33vw, 100vw";

#[component]
pub fn GalleryPage() -> impl IntoView {
    let store = use_store();
    let lang = Signal::derive(move || store.lang.get());
    let i18n = use_i18n();
    use_document_title(move || Some(t_string!(i18n, nav_gallery).to_owned()));
    move || {
        let bundle = store.bundle.get()?;
        Some(view! { <Gallery bundle lang/> })
    }
}

#[component]
fn Gallery(bundle: Arc<Bundle>, lang: Signal<Lang>) -> impl IntoView {
    // A search typed or a filter chosen on the page the build wrote, before the app came, is kept.
    if crate::web::IN_BROWSER {
        leptos::task::spawn_local(crate::web::prerendered::carry_over());
    }
    let i18n = use_i18n();
    let store = use_store();
    let router = use_router();
    let typed = TypedText::provide();
    let query = Memo::new(move |_| {
        let mut query = router.query.with(|q| GalleryQuery::from_pairs(q.latest()));
        if let Some(text) = typed.text.get() {
            query.text = text;
        }
        query
    });
    // Pinyin search ("bj" finds 北京) needs a chunk: asked for when the visitor starts searching (the
    // search box's focus) or arrives with a search in Latin letters.
    {
        let bundle = bundle.clone();
        Effect::new(move |_| {
            if query.with(|q| q.text.chars().any(|c| c.is_ascii_alphabetic())) {
                store.want_pinyin(&bundle);
            }
        });
    }
    // Each result remembers its query, so that typing on scans only the previous hits.
    let found = {
        let bundle = bundle.clone();
        Memo::new(move |previous: Option<&Found>| {
            let lang = lang.get();
            // Pinyin spellings that arrive (or a new bundle's index) call for a fresh search.
            store.spelled.track();
            let index = store.search_index(&bundle);
            let spelled = index.is_spelled();
            query.with(|q| {
                let hits = match previous.filter(|p| p.spelled == spelled) {
                    Some(p) => search_after(&bundle, &index, q, lang, (&p.query, p.lang, &p.hits)),
                    None => search(&bundle, &index, q, lang),
                };
                Found {
                    query: q.clone(),
                    lang,
                    spelled,
                    hits,
                }
            })
        })
    };
    // A kiosk counts the searches that showed nothing (with the visitor's filters): it hears of each.
    if let Some(mode) = use_context::<KioskMode>() {
        Effect::new(move |_| {
            if mode.on.get() {
                let seen = found.with(|f| (f.query.text.trim().to_owned(), !f.hits.is_empty()));
                mode.searched.set(Some(seen));
            }
        });
    }
    // The hits alone: what follows them is spared a new query that finds the same items ("red s" →
    // "red sh" with no results).
    let results = Memo::new(move |_| found.with(|f| f.hits.clone()));
    // Extra pages ("show more") belong to the query they were asked for; a new query starts at one page.
    let extra_pages = RwSignal::new((GalleryQuery::default(), 0usize));
    let limit = move || {
        let q = query.get();
        PAGE * (1 + extra_pages.with(|(asked, n)| if *asked == q { *n } else { 0 }))
    };
    let param = use_lightbox_param();
    // The lightbox's slides, built only while it is open: building (and comparing) one slide per result
    // on every keystroke cost milliseconds at thousands of items.
    let slides = {
        let bundle = bundle.clone();
        Memo::new(move |_| {
            if param.key.with(Option::is_none) {
                return Vec::new();
            }
            results.with(|r| {
                r.iter()
                    .filter_map(|&i| {
                        let item = &bundle.items[i];
                        item.media.first().map(|m| Slide {
                            key: item.id.clone(),
                            media: m.clone(),
                            title: item.title.clone(),
                        })
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let visible = move || {
        let n = limit();
        results.with(|r| r.iter().copied().take(n).enumerate().collect::<Vec<_>>())
    };
    let remaining = move || results.with(Vec::len).saturating_sub(limit());
    let card_bundle = bundle.clone();
    let rest_bundle = bundle.clone();
    view! {
        <h1>{t!(i18n, nav_gallery)}</h1>
        <Filters bundle=bundle.clone() query lang/>
        <p class="result-count" role="status">{move || items_count(i18n.get_locale(), results.with(Vec::len))}</p>
        <Show when=move || results.with(Vec::is_empty)>
            <div class="empty-state">
                <p>{t!(i18n, no_results)}</p>
                <ClearFilters/>
            </div>
        </Show>
        <ul class="gallery-grid">
            <For each=move || { let l = lang.get(); visible().into_iter().map(move |(p, i)| (p, i, l)).collect::<Vec<_>>() }
                key=|(_, i, l)| (*i, *l)
                children=move |(position, i, l)| {
                    view! { <Card bundle=card_bundle.clone() index=i eager={position < EAGER_CARDS} first={position == 0} lang=l param/> }
                }/>
        </ul>
        <Show when=move || { remaining() > 0 }>
            <button type="button" class="button show-more" on:click=move |_| {
                let q = query.get_untracked();
                extra_pages.update(|(asked, n)| {
                    *n = if *asked == q { *n + 1 } else { 1 };
                    *asked = q;
                });
            }>
                {t!(i18n, show_more, count = move || group_thousands(remaining() as u64))}
            </button>
        </Show>
        // Read without JavaScript (the page rendered to HTML at build time), the button above does
        // nothing: the rest of the items are listed here, each a link to its page. Empty in a browser.
        <noscript>
            {(!crate::web::IN_BROWSER).then(|| {
                let rest = results.with_untracked(|r| r.iter().skip(limit()).copied().collect::<Vec<_>>());
                let list = rest
                    .into_iter()
                    .map(|i| {
                        let item = &rest_bundle.items[i];
                        let title = item.title.get(lang.get_untracked()).to_owned();
                        view! { <li><a href=href(&Route::item(&item.id))>{title}</a></li> }
                    })
                    .collect::<Vec<_>>();
                view! { <ul class="gallery-rest">{list}</ul> }
            })}
        </noscript>
        <LazyLightbox slides=slides.into() param lang/>
    }
}

/// A search result and what it was the answer to.
#[derive(Clone, PartialEq)]
struct Found {
    query: GalleryQuery,
    lang: Lang,
    /// Searched with the pinyin spellings.
    spelled: bool,
    hits: Vec<usize>,
}

#[component]
fn Card(
    bundle: Arc<Bundle>,
    index: usize,
    eager: bool,
    first: bool,
    lang: Lang,
    param: LightboxParam,
) -> impl IntoView {
    // A card is drawn for one language (the grid is keyed by language too): static text, no reactive
    // bindings, which keeps re-rendering the grid on every keystroke cheap.
    let l = locale(lang);
    let item = &bundle.items[index];
    let kind = item.kind;
    let title = item.title.get(lang).to_owned();
    let donors = item
        .donors
        .iter()
        .map(|id| bundle.unit_label(id, lang))
        .collect::<Vec<_>>()
        .join(" · ");
    let image = item.media.first().cloned().map_or_else(|| {
        // An item without an image keeps its card's shape: the grid's rows stay even.
        view! {
            <span class="image-missing" aria-hidden="true">
                <span class="image-missing-title">{td_string!(l, image_missing)}</span>
            </span>
        }
        .into_any()
    }, |media| {
        let key = item.id.clone();
        // The name includes the visible "sample image" badge, so speech and sight agree.
        let badge = if media.sample { format!(" · {}", td_string!(l, sample_image)) } else { String::new() };
        let label = format!("{}: {title}{badge}", td_string!(l, view_larger));
        view! {
            <button type="button" class="card-image" aria-label=label on:click=move |_| param.open(&key)>
                <StaticBundleImage media lang lazy=!eager priority=first
                    sizes=CARD_SIZES/>
            </button>
        }
        .into_any()
    });
    view! {
        <li class="card">
            {image}
            <div class="card-body">
                <span class=format!("badge badge-{}", kind.as_str())>{item_kind(lang, kind)}</span>
                <h2 class="card-title"><a href=href(&Route::item(&item.id))>{title}</a></h2>
                <p class="card-meta">{td_string!(l, donor)}": "{donors}</p>
            </div>
        </li>
    }
}

/// Changes the gallery's address to show `query` (replacing the entry: filtering is not navigation).
/// Search text not yet written is dropped: `query` is the whole state.
fn set_query(query: &GalleryQuery) {
    if let Some(typed) = use_context::<TypedText>() {
        typed.discard();
    }
    let params: Query = query.to_pairs().into_iter().collect();
    use_router().navigate(
        &format!("{}{}", Route::from(Page::Gallery).path(), params.to_search()),
        NavigateOptions {
            replace: true,
            scroll: false,
        },
    );
}

/// How long typing pauses before the search text is written to the address.
const WRITE_TEXT_AFTER_MS: u32 = 300;

/// Search text that the grid already shows but the address does not have yet. Writing the address on
/// every keystroke cost the router a millisecond or more each time, and browsers limit how often a page
/// may replace its history entry (Safari throws after 100 times in 30 s). The text is written once
/// typing pauses, and at once when the visitor does anything else: leaves the box, presses anywhere,
/// changes a filter, or the page is hidden. (A reload started within those 300 ms reloads the address
/// as it was: browsers fix a reload's address before the page hears of it, `beforeunload` included.)
#[derive(Clone, Copy)]
struct TypedText {
    text: RwSignal<Option<String>>,
    timer: StoredValue<Option<gloo_timers::callback::Timeout>, LocalStorage>,
    router: Router,
}

impl TypedText {
    fn provide() -> Self {
        let typed = TypedText {
            text: RwSignal::new(None),
            timer: StoredValue::new_local(None),
            router: use_router(),
        };
        provide_context(typed);
        listen_window("pointerdown", false, move |e: web_sys::PointerEvent| {
            // The box itself, or the kiosk's keys typing into it.
            let in_box = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("#gallery-search, .osk").ok().flatten())
                .is_some();
            if !in_box {
                typed.flush();
            }
        });
        listen_window("pagehide", false, move |_: web_sys::Event| typed.flush());
        on_cleanup(move || {
            typed.timer.try_update_value(|t| t.take());
        });
        typed
    }

    /// The visitor typed `text`: shown at once, written to the address when typing pauses.
    fn typed(self, text: String) {
        self.text.set(Some(text));
        let timer = gloo_timers::callback::Timeout::new(WRITE_TEXT_AFTER_MS, move || self.write());
        // Replacing the previous timer cancels it.
        self.timer.set_value(Some(timer));
    }

    /// Writes the text now, if any is waiting.
    fn flush(self) {
        self.timer.try_update_value(|t| t.take());
        self.write();
    }

    /// Forgets the waiting text (the caller writes the whole query itself).
    fn discard(self) {
        self.timer.try_update_value(|t| t.take());
        self.text.try_set(None);
    }

    /// Only `q` changes: other parameters (an open lightbox's `view`) stay as they are.
    fn write(self) {
        let Some(text) = self.text.try_get_untracked().flatten() else {
            return;
        };
        let mut params = self.router.query.get_untracked();
        params.remove("q");
        if !text.trim().is_empty() {
            params.set("q", text);
        }
        let path = format!("{}{}", self.router.path.get_untracked(), params.to_search());
        self.router.navigate(
            &path,
            NavigateOptions {
                replace: true,
                scroll: false,
            },
        );
        // The address now says what the grid shows: the memo's value does not change.
        self.text.set(None);
    }
}

#[component]
fn Filters(bundle: Arc<Bundle>, query: Memo<GalleryQuery>, lang: Signal<Lang>) -> impl IntoView {
    let i18n = use_i18n();
    let update = move |change: &dyn Fn(&mut GalleryQuery)| {
        let mut q = query.get_untracked();
        change(&mut q);
        set_query(&q);
    };
    let typed = expect_context::<TypedText>();
    let store = use_store();
    let spelled_bundle = bundle.clone();
    let search_input = NodeRef::<leptos::html::Input>::new();
    // The kiosk's on-screen keyboard, shown while its search box is in use. The tiles make way for
    // the results meanwhile (style/kiosk.css), and the box goes to the top of the screen: the keyboard
    // takes the bottom.
    let keys_open = RwSignal::new(false);
    let open_keys = move || {
        if !kiosk_on() || keys_open.get_untracked() {
            return;
        }
        keys_open.set(true);
        if let Some(field) = search_input.get_untracked().and_then(|i| i.parent_element()) {
            field.scroll_into_view();
        }
    };
    // Follow the address (Back, a shared link, "clear") without fighting the visitor's typing.
    Effect::new(move |_| {
        let text = query.with(|q| q.text.clone());
        if let Some(input) = search_input.get() {
            let focused = document().active_element().is_some_and(|e| e == **input);
            if !focused && input.value() != text {
                input.set_value(&text);
            }
        }
    });
    // The selects follow only their own part of the query: typing in the search box changes the query
    // on every keystroke, and must not rebuild the options of every select.
    let kind = Memo::new(move |_| query.with(|q| q.kind));
    let donor = Memo::new(move |_| query.with(|q| q.donor.clone()));
    let recipient = Memo::new(move |_| query.with(|q| q.recipient.clone()));
    let sort = Memo::new(move |_| query.with(|q| q.sort));
    let filtered = Memo::new(move |_| query.with(GalleryQuery::is_filtered));
    let donors: Vec<String> = unit_ids(&bundle, |item| &item.donors);
    let recipients: Vec<String> = unit_ids(&bundle, |item| &item.recipients);
    let unit_options = {
        let bundle = bundle.clone();
        move |ids: Vec<String>, selected: Memo<Option<String>>| {
        let bundle = bundle.clone();
        move || {
            let current = selected.get();
            ids.iter()
                .map(|id| {
                    let is = current.as_deref() == Some(id.as_str());
                    view! { <option value=id.clone() selected=is>{bundle.unit_label(id, lang.get())}</option> }
                })
                .collect_view()
        }
    }
    };
    // On a kiosk's touch screen, big tiles in place of the selects: one tap each, no list to open.
    let kiosk_tiles = {
        let bundle = bundle.clone();
        let (donors, recipients) = (donors.clone(), recipients.clone());
        move || {
            let units = |ids: &[String]| -> Vec<(String, Signal<String>)> {
                let mut choices = vec![(String::new(), Signal::derive(move || td_string!(locale(lang.get()), all_units).to_owned()))];
                choices.extend(ids.iter().map(|id| {
                    let (bundle, id2) = (bundle.clone(), id.clone());
                    (id.clone(), Signal::derive(move || bundle.unit_label(&id2, lang.get())))
                }));
                choices
            };
            let mut kinds = vec![(String::new(), Signal::derive(move || td_string!(locale(lang.get()), all_kinds).to_owned()))];
            kinds.extend(ItemKind::ALL.into_iter().map(|k| (k.as_str().to_owned(), Signal::derive(move || item_kind(lang.get(), k).to_owned()))));
            let sorts = SortOrder::ALL.into_iter().map(|o| (o.as_str().to_owned(), Signal::derive(move || sort_label(lang.get(), o).to_owned()))).collect();
            view! {
                <Tiles legend=Signal::derive(move || t_string!(i18n, filter_kind).to_owned()) choices=kinds
                    current=Signal::derive(move || kind.get().map(|k| k.as_str().to_owned()).unwrap_or_default())
                    choose=move |v: String| update(&|q| set_kind(q, &v))/>
                <Tiles legend=Signal::derive(move || t_string!(i18n, filter_donor).to_owned()) choices=units(&donors)
                    current=Signal::derive(move || donor.get().unwrap_or_default())
                    choose=move |v: String| update(&|q| set_donor(q, &v))/>
                <Tiles legend=Signal::derive(move || t_string!(i18n, filter_recipient).to_owned()) choices=units(&recipients)
                    current=Signal::derive(move || recipient.get().unwrap_or_default())
                    choose=move |v: String| update(&|q| set_recipient(q, &v))/>
                <Tiles legend=Signal::derive(move || t_string!(i18n, sort).to_owned()) choices=sorts
                    current=Signal::derive(move || sort.get().as_str().to_owned())
                    choose=move |v: String| update(&|q| set_sort(q, &v))/>
            }
        }
    };
    view! {
        <form class="filters" role="search" on:submit=|e| e.prevent_default()>
            <div class="field field-search">
                <label for="gallery-search">{t!(i18n, search)}</label>
                <input id="gallery-search" node_ref=search_input type="search" autocomplete="off"
                    placeholder=move || t_string!(i18n, search_hint)
                    // A kiosk types with its own keys: no system keyboard over them.
                    inputmode=move || kiosk_on().then_some("none")
                    value=query.get_untracked().text
                    on:focus=move |_| {
                        store.want_pinyin(&spelled_bundle);
                        open_keys();
                    }
                    on:click=move |_| open_keys()
                    on:input=move |e| typed.typed(event_target_value(&e))
                    on:focusout=move |_| typed.flush()/>
            </div>
            <Show when=move || keys_open.get() && kiosk_on()>
                <Keyboard target=search_input on_close=move |()| {
                    keys_open.set(false);
                    if let Some(input) = search_input.get_untracked() {
                        let _ = input.blur();
                    }
                }/>
            </Show>
            {move || {
                if kiosk_on() {
                    return kiosk_tiles().into_any();
                }
                view! {
                <div class="field">
                    <label for="gallery-kind">{t!(i18n, filter_kind)}</label>
                    <select id="gallery-kind" on:change=move |e| {
                        let v = event_target_value(&e);
                        update(&|q| set_kind(q, &v));
                    }>
                        <option value="" selected=move || kind.with(Option::is_none)>{t!(i18n, all_kinds)}</option>
                        {ItemKind::ALL.into_iter().map(|k| view! {
                            <option value=k.as_str() selected=move || kind.get() == Some(k)>{move || item_kind(lang.get(), k)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="gallery-donor">{t!(i18n, filter_donor)}</label>
                    <select id="gallery-donor" on:change=move |e| {
                        let v = event_target_value(&e);
                        update(&|q| set_donor(q, &v));
                    }>
                        <option value="" selected=move || donor.with(Option::is_none)>{t!(i18n, all_units)}</option>
                        {unit_options(donors.clone(), donor)}
                    </select>
                </div>
                <div class="field">
                    <label for="gallery-recipient">{t!(i18n, filter_recipient)}</label>
                    <select id="gallery-recipient" on:change=move |e| {
                        let v = event_target_value(&e);
                        update(&|q| set_recipient(q, &v));
                    }>
                        <option value="" selected=move || recipient.with(Option::is_none)>{t!(i18n, all_units)}</option>
                        {unit_options(recipients.clone(), recipient)}
                    </select>
                </div>
                <div class="field">
                    <label for="gallery-sort">{t!(i18n, sort)}</label>
                    <select id="gallery-sort" on:change=move |e| {
                        let v = event_target_value(&e);
                        update(&|q| set_sort(q, &v));
                    }>
                        {SortOrder::ALL.into_iter().map(|o| view! {
                            <option value=o.as_str() selected=move || sort.get() == o>{move || sort_label(lang.get(), o)}</option>
                        }).collect_view()}
                    </select>
                </div>
                }
                .into_any()
            }}
            <Show when=move || filtered.get()><ClearFilters/></Show>
        </form>
    }
}

/// What a filter's control (a select, or a kiosk's tiles) sets from its value ("" for all).
fn set_kind(q: &mut GalleryQuery, v: &str) {
    q.kind = ItemKind::ALL.into_iter().find(|k| k.as_str() == v);
}

fn set_donor(q: &mut GalleryQuery, v: &str) {
    q.donor = (!v.is_empty()).then(|| v.to_owned());
}

fn set_recipient(q: &mut GalleryQuery, v: &str) {
    q.recipient = (!v.is_empty()).then(|| v.to_owned());
}

fn set_sort(q: &mut GalleryQuery, v: &str) {
    q.sort = SortOrder::parse(v).unwrap_or_default();
}

/// One part of the query as big buttons, the chosen one pressed (kiosk mode): `choices` are each a
/// value of the address ("" for all) and its label.
#[component]
fn Tiles(
    legend: Signal<String>,
    choices: Vec<(String, Signal<String>)>,
    current: Signal<String>,
    #[prop(into)] choose: Callback<String>,
) -> impl IntoView {
    let tiles = choices
        .into_iter()
        .map(|(value, label)| {
            let pressed = {
                let value = value.clone();
                move || current.with(|c| *c == value).to_string()
            };
            view! {
                <button type="button" class="tile" aria-pressed=pressed on:click=move |_| choose.run(value.clone())>
                    {label}
                </button>
            }
        })
        .collect_view();
    view! {
        <fieldset class="tiles">
            <legend>{legend}</legend>
            {tiles}
        </fieldset>
    }
}

#[component]
fn ClearFilters() -> impl IntoView {
    let store = use_store();
    view! {
        <button type="button" class="button button-secondary" on:click=move |_| set_query(&GalleryQuery::default())>
            {move || td_string!(locale(store.lang.get()), clear_filters)}
        </button>
    }
}

fn sort_label(lang: Lang, order: SortOrder) -> &'static str {
    let l = locale(lang);
    match order {
        SortOrder::Date => td_string!(l, sort_date),
        SortOrder::DateDesc => td_string!(l, sort_date_desc),
        SortOrder::Title => td_string!(l, sort_title),
    }
}

/// Units that appear in `field` of some item, in the bundle's unit order.
fn unit_ids(bundle: &Bundle, field: fn(&bundle::Item) -> &Vec<String>) -> Vec<String> {
    bundle
        .units
        .iter()
        .filter(|u| bundle.items.iter().any(|i| field(i).contains(&u.id)))
        .map(|u| u.id.clone())
        .collect()
}
