//! The editor's composition root: opening a bundle, the sections and their forms, the problems, undo,
//! the kept draft and saving.

use bundle::Severity;
use leptos::prelude::*;
use serde_json::Value;
use wasm_bindgen::JsCast;

use crate::changes;
use crate::draft::Draft;
use crate::form::{self, entry_buttons, severity_class, summary, Draggable};
use crate::labels::{self, both};
use crate::path::{Path, Step};
use crate::schema::{schema, Kind};
use crate::storage;

/// What the editor shows in place of the forms.
#[derive(Clone, PartialEq)]
enum Opening {
    /// Nothing open yet: the ways to open.
    Choose,
    /// A file that is not JSON: its text to correct, and where it breaks.
    Broken {
        text: String,
        error: String,
    },
    Open,
}

/// Where the forms are: a section (a top-level field) and, in a list, an entry.
#[derive(Clone, PartialEq, Default)]
struct Place {
    section: String,
    entry: Option<usize>,
}

fn sections() -> Vec<(String, Value)> {
    match schema().kind(schema().root()) {
        Kind::Object { fields, .. } => fields
            .into_iter()
            .filter(|(name, _)| {
                !matches!(
                    name.as_str(),
                    "$schema" | "schema_version" | "default_language"
                )
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The address of the site's own bundle, from the editor's (`…/edit/` → `…/data/bundle.json`).
fn site_bundle_url() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    web_sys::Url::new_with_base("../data/bundle.json", &base)
        .map(|u| u.href())
        .unwrap_or_else(|_| "../data/bundle.json".into())
}

/// The tab's own choice of kiosk mode, as the site reads it: `?kiosk` (`?kiosk=0` off), remembered for
/// the tab, else the flag the site's kiosk keeps for it; `None` where the tab has not chosen.
fn tab_choice() -> Option<bool> {
    const KEY: &str = "showcase.kiosk";
    let window = web_sys::window()?;
    let session = window.session_storage().ok().flatten();
    let search = window.location().search().unwrap_or_default();
    let asked = web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|q| q.get("kiosk"));
    match asked {
        Some(value) => {
            let on = value != "0" && value != "false";
            if let Some(session) = &session {
                let _ = session.set_item(KEY, if on { "1" } else { "0" });
            }
            Some(on)
        }
        None => session
            .and_then(|s| s.get_item(KEY).ok().flatten())
            .map(|v| v == "1"),
    }
}

/// Whether the site's own bundle puts every visitor in kiosk mode (`kiosk.enabled`). A bundle that
/// cannot be read (offline, say) does not.
async fn site_is_kiosk() -> bool {
    let Ok(response) = gloo_net::http::Request::get(&site_bundle_url())
        .cache(web_sys::RequestCache::NoCache)
        .send()
        .await
    else {
        return false;
    };
    let text = response.text().await.unwrap_or_default();
    let bundle: Option<Value> = serde_json::from_str(&text).ok();
    bundle.is_some_and(|b| b["kiosk"]["enabled"] == Value::Bool(true))
}

/// The editor, refused on a kiosk, whatever a visitor types into the address: where the tab is a
/// kiosk's, or where the site makes every visitor's one and the tab has not left kiosk mode.
#[component]
pub fn App() -> impl IntoView {
    let refused = RwSignal::new(None::<bool>);
    match tab_choice() {
        Some(kiosk) => refused.set(Some(kiosk)),
        None => leptos::task::spawn_local(async move { refused.set(Some(site_is_kiosk().await)) }),
    }
    move || {
        match refused.get() {
        None => ().into_any(),
        Some(true) => view! {
            <main class="open"><h1>{both("editor")}</h1><p role="alert">{both("not_on_kiosk")}</p></main>
        }
        .into_any(),
        Some(false) => view! { <Editor/> }.into_any(),
    }
    }
}

#[component]
fn Editor() -> impl IntoView {
    let draft = Draft::new();
    provide_context(form::PhotoBatches::new());
    let worker = crate::preview::Worker::start();
    let opening = RwSignal::new(Opening::Choose);
    let place = RwSignal::new(Place {
        section: "meta".into(),
        entry: None,
    });
    // The form shown stays with its record, however its list changes (an entry moved, dragged or
    // removed; undone, redone).
    draft.on_moves(move |list, moves| {
        let (before, after) = place.with_untracked(|p| match p.entry {
            Some(e) if *list == Path::default().field(&p.section) => {
                (Some(e), moves.get(e).copied().flatten())
            }
            _ => (None, None),
        });
        // Told only when it moved: the form is drawn again only then.
        if before != after {
            place.update(|p| p.entry = after);
        }
    });
    // The draft's revision last kept in the browser.
    let kept_revision = RwSignal::new(None::<u64>);
    let kept = Signal::derive(move || kept_revision.get() == Some(draft.revision.get()));
    let failure = RwSignal::new(None::<String>);
    // The site's folder on disk, once opened or chosen for saving (where the browser can write one).
    let site = StoredValue::new_local(None::<crate::folder::Folder>);

    // Opens `text` (from the site, a file, or the kept draft): JSON goes to the forms, anything else to
    // the text view with its error located.
    let open_text = move |text: String, opened: Option<String>| -> bool {
        failure.set(None);
        match serde_json::from_str::<Value>(&text) {
            Ok(value) => {
                let opened = opened
                    .and_then(|o| serde_json::from_str(&o).ok())
                    .unwrap_or_else(|| value.clone());
                draft.open(value, opened);
                opening.set(Opening::Open);
                place.set(Place {
                    section: "meta".into(),
                    entry: None,
                });
                true
            }
            Err(error) => {
                let located = draft_error(&text);
                opening.set(Opening::Broken {
                    text,
                    error: located.unwrap_or_else(|| error.to_string()),
                });
                false
            }
        }
    };
    // A bundle opened afresh, not a kept draft resumed: kept at once, and the photos kept for the draft
    // it replaces forgotten, but those brought in with it (a photo left from another draft must never
    // stand in for the site's own of the same name).
    let open_fresh = move |(text, imported): crate::changes::Opened| {
        if open_text(text.clone(), Some(text)) {
            draft.settled.update(|n| *n += 1);
            leptos::task::spawn_local(async move {
                if let Err(left) = storage::forget_photos_but(&imported).await {
                    failure.set(Some(format!(
                        "{}: {}",
                        both("photos_not_forgotten"),
                        left.join(", ")
                    )));
                }
            });
        }
    };
    // Whether the draft may be replaced: asked first when it has changes not saved anywhere.
    let may_replace = move || -> bool {
        // Any difference, a new order of entries too (which the summary of changes does not list).
        let unsaved = draft.is_open()
            && draft
                .opened
                .with_untracked(|o| draft.value.with_untracked(|v| o != v));
        !unsaved
            || web_sys::window()
                .and_then(|w| w.confirm_with_message(&both("discard_draft")).ok())
                .unwrap_or(false)
    };

    // A kept draft is resumed at once: a reload or a closed tab goes on where it was. Until it is read
    // the ways to open are not offered (an open then would replace it unasked).
    let resuming = RwSignal::new(true);
    leptos::task::spawn_local(async move {
        if let Some(text) = storage::read(storage::DRAFT).await {
            let opened = storage::read(storage::OPENED).await;
            open_text(text, opened);
            kept_revision.set(Some(draft.revision.get_untracked()));
        }
        resuming.set(false);
    });

    // Kept as it changes: each time the draft settles after a change. One write at a time, the newest
    // draft written when it is done (an older write finishing last would leave an older draft kept); a
    // write that fails is said until one succeeds.
    let writing = StoredValue::new(false);
    let again = StoredValue::new(false);
    let keep_failed = RwSignal::new(None::<String>);
    let keep = move || {
        if writing.get_value() {
            again.set_value(true);
            return;
        }
        writing.set_value(true);
        leptos::task::spawn_local(async move {
            loop {
                again.set_value(false);
                let revision = draft.revision.get_untracked();
                let text = draft.text();
                let opened =
                    serde_json::to_string_pretty(&draft.opened.get_untracked()).unwrap_or_default();
                let written = match storage::keep(storage::DRAFT, &text.into()).await {
                    Ok(()) => storage::keep(storage::OPENED, &opened.into()).await,
                    Err(e) => Err(e),
                };
                match written {
                    Ok(()) => {
                        keep_failed.set(None);
                        kept_revision.set(Some(revision));
                        worker.draft_kept();
                    }
                    Err(e) => {
                        keep_failed.set(Some(e.as_string().unwrap_or_else(|| format!("{e:?}"))))
                    }
                }
                if !again.get_value() {
                    break;
                }
            }
            writing.set_value(false);
        });
    };
    Effect::new(move |previous: Option<u64>| {
        let n = draft.settled.get();
        if previous.is_some_and(|p| p != n) && draft.is_open() {
            keep();
        }
        n
    });

    let open_site = move |_| {
        if !may_replace() {
            return;
        }
        leptos::task::spawn_local(async move {
            let url = site_bundle_url();
            match gloo_net::http::Request::get(&url)
                .cache(web_sys::RequestCache::NoCache)
                .send()
                .await
            {
                Ok(response) if response.ok() => match response.text().await {
                    Ok(text) => open_fresh((text, Vec::new())),
                    Err(e) => failure.set(Some(e.to_string())),
                },
                Ok(response) => failure.set(Some(format!("{url}: HTTP {}", response.status()))),
                Err(e) => failure.set(Some(e.to_string())),
            }
        });
    };

    // The site's folder, picked or dropped: its bundle, and where "save" writes.
    let open_site_folder = move |folder: crate::folder::Folder| {
        leptos::task::spawn_local(async move {
            match crate::folder::read_bundle(&folder).await {
                Ok(Some(text)) => {
                    site.set_value(Some(folder));
                    open_fresh((text, Vec::new()));
                }
                _ => failure.set(Some(both("no_bundle_in_folder"))),
            }
        });
    };
    let open_folder = move |_| {
        if !may_replace() {
            return;
        }
        leptos::task::spawn_local(async move {
            if let Ok(folder) = crate::folder::pick().await {
                open_site_folder(folder);
            }
        });
    };
    // Where the browser cannot write a folder, its files are read as a .zip's are: saving then gives a
    // .zip.
    let open_files = move |files: Vec<(String, web_sys::File)>| {
        leptos::task::spawn_local(async move {
            match crate::changes::open_files(files).await {
                Ok(opened) => open_fresh(opened),
                Err(why) => failure.set(Some(why)),
            }
        });
    };
    let pick_folder = move |e: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&e);
        if !may_replace() {
            input.set_value("");
            return;
        }
        // Each with its path in the folder picked ("site/data/bundle.json").
        let path = |f: &web_sys::File| {
            js_sys::Reflect::get(f, &"webkitRelativePath".into())
                .ok()
                .and_then(|p| p.as_string())
                .unwrap_or_else(|| f.name())
        };
        let files: Vec<(String, web_sys::File)> = input
            .files()
            .map(|list| {
                (0..list.length())
                    .filter_map(|i| list.get(i))
                    .map(|f| (path(&f), f))
                    .collect()
            })
            .unwrap_or_default();
        open_files(files);
    };

    let read_file = move |file: web_sys::File| {
        leptos::task::spawn_local(async move {
            let text = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => {
                    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                    // A .zip by what it is, whatever its name.
                    if bytes.starts_with(b"PK\x03\x04") {
                        crate::changes::open_zip(&file.name(), bytes).await
                    } else {
                        Ok((String::from_utf8_lossy(&bytes).into_owned(), Vec::new()))
                    }
                }
                Err(_) => Err(file.name()),
            };
            match text {
                Ok(opened) => open_fresh(opened),
                Err(why) => failure.set(Some(why)),
            }
        });
    };
    let pick = move |e: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&e);
        if !may_replace() {
            input.set_value("");
            return;
        }
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            read_file(file);
        }
    };
    // A dropped file, or the site's folder: as a folder to write into where the browser hands one
    // over, else as its files (both asked for during the event, read after it).
    let drop = move |e: leptos::ev::DragEvent| {
        e.prevent_default();
        let Some(data) = e.data_transfer() else {
            return;
        };
        // What is dropped is asked for during the event, before the question.
        let file = data.files().and_then(|f| f.get(0));
        let item = data.items().get(0);
        let handle = item.as_ref().and_then(crate::folder::dropped);
        let entry = match handle {
            Some(_) => None,
            None => item.as_ref().and_then(crate::folder::dropped_entry),
        };
        if !may_replace() {
            return;
        }
        leptos::task::spawn_local(async move {
            if let Some(handle) = handle {
                let handle = wasm_bindgen_futures::JsFuture::from(handle).await.ok();
                if let Some(folder) = handle.and_then(crate::folder::as_folder) {
                    open_site_folder(folder);
                    return;
                }
            }
            if let Some(entry) = entry {
                match crate::folder::entry_files(entry).await {
                    Ok(files) => open_files(files),
                    Err(_) => failure.set(Some(both("no_bundle_in_folder"))),
                }
                return;
            }
            if let Some(file) = file {
                read_file(file);
            }
        });
    };

    // Undo and redo from the keyboard too, outside the text boxes' own.
    let keys = move |e: leptos::ev::KeyboardEvent| {
        if !(e.ctrl_key() || e.meta_key()) || !draft.is_open() {
            return;
        }
        match e.key().as_str() {
            "z" if !e.shift_key() => {
                e.prevent_default();
                draft.undo();
            }
            "y" | "Z" => {
                e.prevent_default();
                draft.redo();
            }
            _ => {}
        }
    };

    let chooser = move || {
        view! {
            <section class="open" on:dragover=|e: leptos::ev::DragEvent| e.prevent_default() on:drop=drop>
                <h2>{both("editor")}</h2>
                {draft.is_open().then(|| view! {
                    <p><button type="button" on:click=move |_| opening.set(Opening::Open)>{both("back_to_draft")}</button></p>
                })}
                <p><button type="button" class="primary" on:click=open_site>{both("open_site")}</button></p>
                {if crate::folder::available() {
                    view! { <p><button type="button" on:click=open_folder>{both("open_folder")}</button></p> }.into_any()
                } else {
                    view! { <p>
                        <form::Label name=labels::ui("open_folder") r#for="open-folder".to_owned()/>
                        <input id="open-folder" type="file" prop:webkitdirectory=true on:change=pick_folder/>
                    </p> }.into_any()
                }}
                <p>
                    <form::Label name=labels::ui("open_file") r#for="open-file".to_owned()/>
                    <input id="open-file" type="file" accept=".json,application/json,.zip,application/zip" on:change=pick/>
                </p>
                <p class="hint">{both("drop_here")}</p>
                {move || failure.get().map(|f| view! { <p class="problem error" role="alert">{both("open_failed")}": "{f}</p> })}
            </section>
        }
    };

    let broken = move |text: String, error: String| {
        let fixed = RwSignal::new(text.clone());
        view! {
            <section class="broken">
                <h2>{both("not_json")}</h2>
                <p class="problem error" role="alert" id="broken-error">{error}</p>
                <form::Label name=labels::ui("not_json") r#for="broken-text".to_owned()/>
                <textarea id="broken-text" rows="20" spellcheck="false" aria-describedby="broken-error"
                    prop:value=text on:input=move |e| fixed.set(event_target_value(&e))></textarea>
                <p><button type="button" class="primary" on:click=move |_| {
                    let text = fixed.get_untracked();
                    open_text(text, None);
                    draft.settled.update(|n| *n += 1);
                }>{both("apply_text")}</button></p>
            </section>
        }
    };

    view! {
        // Files dropped anywhere else are not taken: not opened in the tab either, which would leave
        // the editor.
        <div class="editor" on:keydown=keys
            on:dragover=|e: leptos::ev::DragEvent| e.prevent_default()
            on:drop=|e: leptos::ev::DragEvent| e.prevent_default()>
            // What an action did where nothing on screen says it (an entry moved, removed).
            <p id="announce" class="visually-hidden" role="status"></p>
            <header class="bar">
                <h1>{both("editor")}</h1>
                <Show when={move || opening.get() == Opening::Open}>
                    <Toolbar draft kept worker/>
                    {move || keep_failed.get().map(|why| view! {
                        <p class="problem error" role="alert">{both("draft_not_kept")}": "{why}</p>
                    })}
                    {move || failure.get().map(|why| view! { <p class="problem error" role="alert">{why}</p> })}
                </Show>
            </header>
            {move || match opening.get() {
                Opening::Choose if resuming.get() => ().into_any(),
                Opening::Choose => chooser().into_any(),
                Opening::Broken { text, error } => broken(text, error).into_any(),
                Opening::Open => view! {
                    <div class="workspace">
                        <Sections place/>
                        <main class="forms" id="forms">
                            {move || {
                                let Place { section, entry } = place.get();
                                section_view(draft, place, section, entry)
                            }}
                        </main>
                        <Problems draft place/>
                    </div>
                    <changes::Save draft site/>
                    <p class="open-again"><button type="button" on:click=move |_| opening.set(Opening::Choose)>{both("open_site")}" …"</button></p>
                }.into_any(),
            }}
        </div>
    }
    .into_any()
}

/// The error of a text that is not JSON, located (line and column) by the site's own parser.
fn draft_error(text: &str) -> Option<String> {
    bundle::parse(text).err().map(|e| e.to_string())
}

#[component]
fn Toolbar(draft: Draft, kept: Signal<bool>, worker: crate::preview::Worker) -> impl IntoView {
    view! {
        <div class="toolbar">
            <button type="button" disabled={move || draft.history.get().0 == 0} on:click=move |_| draft.undo()
                aria-keyshortcuts="Control+Z">{both("undo")}</button>
            <button type="button" disabled={move || draft.history.get().1 == 0} on:click=move |_| draft.redo()
                aria-keyshortcuts="Control+Y">{both("redo")}</button>
            <span class="kept" role="status">{move || kept.get().then(|| both("draft_kept"))}</span>
            <crate::preview::Links worker/>
        </div>
    }
}

#[component]
fn Sections(place: RwSignal<Place>) -> impl IntoView {
    view! {
        <nav class="sections" aria-label=both("sections")>
            <ul>
                {sections().into_iter().map(|(name, _)| {
                    let (zh, en) = labels::field(&name);
                    let current = {
                        let name = name.clone();
                        move || place.with(|p| p.section == name).then_some("page")
                    };
                    view! {
                        <li><button type="button" aria-current=current on:click=move |_| {
                            place.set(Place { section: name.clone(), entry: None });
                        }><span lang="zh-CN">{zh}</span>" "<span lang="en" class="en">{en}</span></button></li>
                    }
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// A section's forms: an object's fields, or a list's entries with the chosen one's form.
fn section_view(
    draft: Draft,
    place: RwSignal<Place>,
    section: String,
    entry: Option<usize>,
) -> AnyView {
    let Some((_, node)) = sections().into_iter().find(|(n, _)| *n == section) else {
        return ().into_any();
    };
    let path = Path::default().field(&section);
    let list_item = match schema().kind(&node) {
        Kind::List { item } if matches!(schema().kind(&item), Kind::Object { .. }) => Some(item),
        _ => None,
    };
    match list_item {
        Some(item) => view! {
            <div class="collection">
                <Entries draft place path=path.clone() item=item.clone()/>
                {entry.map(|n| view! {
                    <div class="entry-form">
                        {form::field(draft, path.index(n), item.clone())}
                    </div>
                })}
            </div>
        }
        .into_any(),
        None => form::field(draft, path, node),
    }
}

/// A list's entries by name, to choose one; each can be moved (buttons or dragging) or removed, and one
/// added.
#[component]
fn Entries(draft: Draft, place: RwSignal<Place>, path: Path, item: Value) -> impl IntoView {
    let list_id = path.dom_id();
    // Each entry's name in a signal of its own, set again when a change touches that entry; the whole
    // list made again only when the list itself changes (an entry added, removed, moved; a bundle
    // opened). At 5,000 entries a keystroke then costs one name, not 5,000.
    let names = {
        let path = path.clone();
        // Reference-counted, not owned by the effect below (which would drop what it made at its next
        // run).
        move || -> Vec<ArcRwSignal<String>> {
            draft.value.with_untracked(|v| {
                path.get(v)
                    .and_then(Value::as_array)
                    .map(|l| l.iter().map(|r| ArcRwSignal::new(summary(r))).collect())
                    .unwrap_or_default()
            })
        }
    };
    let rows_names = RwSignal::new(names());
    {
        let path = path.clone();
        Effect::new(move |_| {
            for changed in draft.changed_at.get() {
                match changed.0.strip_prefix(path.0.as_slice()) {
                    Some([Step::Index(n), ..]) => {
                        let record = path.index(*n);
                        let name = draft.value.with_untracked(|v| record.get(v).map(summary));
                        if let (Some(name), Some(row)) =
                            (name, rows_names.with_untracked(|r| r.get(*n).cloned()))
                        {
                            row.set(name);
                        }
                    }
                    // The list itself, or a place above it.
                    _ if path.0.starts_with(&changed.0) => rows_names.set(names()),
                    _ => {}
                }
            }
        });
    }
    let names = rows_names;
    let dragged = RwSignal::new(None::<usize>);
    let add = {
        let path = path.clone();
        move |_| {
            let empty = schema().empty(&item);
            let n = names.with_untracked(Vec::len);
            draft.edit_list(&path, |l| l.push(empty));
            place.update(|p| p.entry = Some(n));
            show_form();
        }
    };
    // One row per entry, kept while the list keeps its length.
    let count = Memo::new(move |_| names.with(Vec::len));
    let row = move |n: usize| {
        let path = path.clone();
        let drop_path = path.clone();
        let name = move || {
            names
                .with(|v| v.get(n).map(|s| s.get()))
                .unwrap_or_default()
        };
        let current = move || place.with(|p| p.entry == Some(n)).then_some("true");
        view! {
            <Draggable draft path=drop_path n dragged>
                <button type="button" class="entry-name" aria-current=current
                    on:click=move |_| {
                        place.update(|p| p.entry = Some(n));
                        show_form();
                    }>
                    {name}
                </button>
                {entry_buttons(draft, path, n, count.into())}
            </Draggable>
        }
    };
    let rows = view! { <For each=move || 0..count.get() key=|n| *n children=row/> };
    view! {
        <section class="entries" aria-label=both("entries") id=format!("{}:entries", list_id)>
            <ol>{rows}</ol>
            <button type="button" class="primary" on:click=add>{both("add")}</button>
        </section>
    }
}

/// Brings the chosen entry's form into view (on a phone it is below the list), once it is drawn.
fn show_form() {
    leptos::task::spawn_local(async {
        gloo_timers::future::TimeoutFuture::new(0).await;
        if let Some(form) = document().query_selector(".entry-form").ok().flatten() {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            form.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
}

/// Every problem of the draft, errors first, then warnings, then notes; each goes to its field.
#[component]
fn Problems(draft: Draft, place: RwSignal<Place>) -> impl IntoView {
    let group = move |severity: Severity, key: &'static str| {
        let listed = move || {
            draft.report.with(|r| {
                r.problems
                    .iter()
                    .filter(|p| p.severity == severity)
                    .map(|p| (p.location.path.clone(), p.code, p.message.clone()))
                    .collect::<Vec<_>>()
            })
        };
        let count = move || draft.report.with(|r| r.count(severity));
        view! {
            <section class=severity_class(severity)>
                <h3>{both(key)}" ("{count}")"</h3>
                <ul>
                    {move || listed().into_iter().map(|(at, code, message)| {
                        let target = at.clone();
                        view! {
                            <li><button type="button" class="go" on:click=move |_| go_to(place, &target)>
                                <code>{if at.is_empty() { "(bundle)".to_owned() } else { at.clone() }}</code>" "<crate::form::Said code message/>
                            </button></li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }
    };
    view! {
        <aside class="problems" aria-label=both("problems")>
            <h2>{both("problems")}</h2>
            <p class="checked" role="status">
                {move || {
                    let errors = draft.report.with(|r| r.errors());
                    if errors == 0 { both("no_problems") } else { format!("{} {errors}", both("errors")) }
                }}
            </p>
            {group(Severity::Error, "errors")}
            {group(Severity::Warning, "warnings")}
            {group(Severity::Info, "notes")}
            <p class="timing">{both("checked_in")}" "{move || format!("{:.0} ms", draft.report.with(|r| r.took_ms))}</p>
        </aside>
    }
}

/// Shows the field of the problem at `at`: its section and entry, then focuses the nearest control
/// (or group of controls) drawn for it.
fn go_to(place: RwSignal<Place>, at: &str) {
    let path = Path::parse(at);
    let section = match path.0.first() {
        Some(Step::Field(name)) => name.clone(),
        _ => return,
    };
    let entry = match path.0.get(1) {
        Some(Step::Index(n)) => Some(*n),
        _ => None,
    };
    place.set(Place { section, entry });
    leptos::task::spawn_local(async move {
        // Once the section's forms are drawn.
        gloo_timers::future::TimeoutFuture::new(0).await;
        let mut steps = path.0.clone();
        while !steps.is_empty() {
            let id = Path(steps.clone()).dom_id();
            if let Some(element) = document().get_element_by_id(&id) {
                let element: web_sys::HtmlElement = element.unchecked_into();
                // In the middle of the screen: never under the sticky bar, however tall it is.
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                element.scroll_into_view_with_scroll_into_view_options(&options);
                if element.tag_name() == "FIELDSET" {
                    let _ = element.set_attribute("tabindex", "-1");
                }
                let _ = element.focus();
                return;
            }
            steps.pop();
        }
    });
}
