//! The forms, drawn from the schema: one control per kind of value (`schema::Kind`), each labelled in
//! both languages, bound to its place in the draft, and showing the problems the checker found there.

use bundle::Severity;
use leptos::prelude::*;
use serde_json::Value;

use crate::draft::Draft;
use crate::labels;
use crate::path::{Path, Step};
use crate::schema::{schema, Kind};

/// Fields written by tools, not by hand.
const HIDDEN: [&str; 2] = ["$schema", "schema_version"];
/// Texts long enough for several lines.
const LONG: [&str; 7] = [
    "description",
    "summary",
    "story",
    "theme",
    "inscription",
    "caption",
    "about",
];

/// A label in both languages, for the control `for`.
#[component]
pub fn Label(
    name: (String, String),
    #[prop(optional, into)] r#for: Option<String>,
) -> impl IntoView {
    view! {
        <label for=r#for>{in_both(name)}</label>
    }
}

/// A control's words in both languages, each marked with its language (a screen reader reads each in
/// its own voice); where space is short they stand one above the other.
fn words(key: &str) -> impl IntoView {
    in_both(labels::ui(key))
}

/// A name in both languages, each marked with its language.
fn in_both((zh, en): (String, String)) -> impl IntoView {
    view! { <span lang="zh-CN">{zh}</span>" "<span lang="en" class="en">{en}</span> }
}

fn legend(name: (String, String)) -> impl IntoView {
    view! { <legend>{in_both(name)}</legend> }
}

/// The problems found at exactly `path`, for its control.
#[component]
pub fn ProblemsAt(draft: Draft, path: Path) -> impl IntoView {
    let text = path.to_string();
    let id = format!("{}:problems", path.dom_id());
    let here = Memo::new(move |_| {
        draft.report.with(|r| {
            r.problems
                .iter()
                .filter(|p| p.location.path == text)
                .map(|p| (p.severity, p.code, p.message.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <ul class="field-problems" id=id aria-live="polite">
            {move || here.get().into_iter().map(|(severity, code, message)| view! {
                <li class=severity_class(severity)><Said code message/></li>
            }).collect_view()}
        </ul>
    }
}

/// A problem in both languages: its rule said in Chinese, the checker's own English message.
#[component]
pub fn Said(code: &'static str, message: String) -> impl IntoView {
    view! {
        {crate::labels::rule(code).map(|zh| view! { <span class="said" lang="zh-CN">{zh}</span>" " })}
        <span class="said en" lang="en">{message}</span>
    }
}

pub fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "problem error",
        Severity::Warning => "problem warning",
        Severity::Info => "problem note",
    }
}

/// Whether the checker found an error at `path`, for `aria-invalid`.
fn invalid(draft: Draft, path: &Path) -> Signal<&'static str> {
    let text = path.to_string();
    Signal::derive(move || {
        let bad = draft.report.with(|r| {
            r.problems
                .iter()
                .any(|p| p.severity == Severity::Error && p.location.path == text)
        });
        if bad {
            "true"
        } else {
            "false"
        }
    })
}

fn name_of(path: &Path) -> String {
    path.0
        .iter()
        .rev()
        .find_map(|s| match s {
            Step::Field(name) => Some(name.clone()),
            Step::Index(_) => None,
        })
        .unwrap_or_default()
}

/// The control for the value at `path`, of schema `node`.
pub fn field(draft: Draft, path: Path, node: Value) -> AnyView {
    let name = name_of(&path);
    let label = match path.0.last() {
        Some(Step::Index(n)) => (format!("第 {} 项", n + 1), format!("No. {}", n + 1)),
        _ => labels::field(&name),
    };
    let optional = node.get("anyOf").is_some()
        || matches!(node.get("type"), Some(Value::Array(t)) if t.contains(&"null".into()));
    match schema().kind(&node) {
        Kind::Text => text(draft, path, label, LONG.contains(&name.as_str())),
        Kind::Object { fields, .. } => object(draft, path, label, fields, optional, false),
        Kind::Position { fields, .. } => object(draft, path, label, fields, optional, true),
        Kind::List { item } => list(draft, path, label, item),
        Kind::Choice(choices) => choice(draft, path, label, choices, optional),
        Kind::Reference {
            collection,
            many: false,
        } => reference(draft, path, label, collection),
        Kind::Reference {
            collection,
            many: true,
        } => references(draft, path, label, collection),
        Kind::Line { .. } => line(draft, path, label, name == "date"),
        Kind::Number { integer, min, max } => number(draft, path, label, integer, min, max),
        Kind::Flag => flag(draft, path, label),
        Kind::Json => json(draft, path, label),
    }
}

/// The fields of an object value, in the model's order.
pub fn fields(draft: Draft, path: Path, fields: Vec<(String, Value)>) -> AnyView {
    fields
        .into_iter()
        .filter(|(name, _)| !HIDDEN.contains(&name.as_str()))
        .map(|(name, node)| field(draft, path.field(&name), node))
        .collect_view()
        .into_any()
}

/// The text at `path`, for a control's value.
fn text_of(draft: Draft, path: Path) -> impl Fn() -> String + Clone + 'static {
    move || as_string(&draft.get(&path))
}

/// A control's handler that sets the text at `path` to what was typed or chosen (nothing: unset).
fn set_text(draft: Draft, path: Path) -> impl Fn(leptos::ev::Event) + Clone + 'static {
    move |e| {
        let v = event_target_value(&e);
        draft.set(
            &path,
            if v.is_empty() {
                Value::Null
            } else {
                Value::String(v)
            },
        );
    }
}

fn as_string(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// A text in both languages, side by side, with its review note.
fn text(draft: Draft, path: Path, label: (String, String), long: bool) -> AnyView {
    let review = path.field("review");
    let has_review = {
        let review = review.clone();
        move || {
            draft
                .value
                .with(|v| review.get(v).is_some_and(|r| !r.is_null()))
        }
    };
    let languages = [("zh", "zh-CN"), ("en", "en")].map(|(code, lang)| {
        let p = path.field(code);
        let id = p.dom_id();
        let value = {
            let p = p.clone();
            move || as_string(&draft.get(&p))
        };
        let set = {
            let p = p.clone();
            move |e: leptos::ev::Event| {
                let v = event_target_value(&e);
                let before = draft.get(&p);
                draft.set(
                    &p,
                    if v.is_empty() {
                        Value::Null
                    } else {
                        Value::String(v)
                    },
                );
                crate::ids::follow_title(draft, &p, &before);
            }
        };
        let control = if long {
            view! { <textarea id=id.clone() lang=lang rows="3" prop:value=value on:input=set
            aria-invalid=invalid(draft, &p) aria-describedby=format!("{id}:problems")></textarea> }
            .into_any()
        } else {
            view! { <input id=id.clone() lang=lang type="text" prop:value=value on:input=set
            aria-invalid=invalid(draft, &p) aria-describedby=format!("{id}:problems")/> }
            .into_any()
        };
        view! {
            <div class="language">
                <Label name=labels::field(code) r#for=id/>
                {control}
                <ProblemsAt draft path=p/>
            </div>
        }
    });
    // The button goes with the note: the keyboard goes on to the text it was about.
    let clear = {
        let (review, first) = (review.clone(), path.field("zh").dom_id());
        move |_| {
            draft.set(&review, Value::Null);
            announce(labels::both("review_cleared"));
            focus_first(vec![first.clone()]);
        }
    };
    view! {
        <fieldset class="text" id=path.dom_id()>
            {legend(label)}
            <div class="languages">{languages.into_iter().collect_view()}</div>
            <Show when=has_review>
                <p class="review">
                    <strong>{let (zh, en) = labels::field("review"); format!("{zh} · {en}")}</strong>" "
                    {let review = review.clone(); move || as_string(&draft.get(&review))}" "
                    <button type="button" on:click=clear.clone()>{labels::both("clear_review")}</button>
                </p>
            </Show>
            <ProblemsAt draft path=path.clone()/>
        </fieldset>
    }
    .into_any()
}

fn object(
    draft: Draft,
    path: Path,
    label: (String, String),
    fields_of: Vec<(String, Value)>,
    optional: bool,
    on_map: bool,
) -> AnyView {
    let present = {
        let path = path.clone();
        Memo::new(move |_| {
            draft
                .value
                .with(|v| path.get(v).is_some_and(|x| !x.is_null()))
        })
    };
    let inner = {
        let path = path.clone();
        move || {
            present
                .get()
                .then(|| fields(draft, path.clone(), fields_of.clone()))
        }
    };
    let toggle = optional.then(|| {
        let path = path.clone();
        view! {
            <button type="button" class="toggle" on:click=move |_| {
                if present.get_untracked() {
                    draft.set(&path, Value::Null);
                } else {
                    draft.set(&path, Value::Object(Default::default()));
                }
            }>
                {move || if present.get() { labels::both("unset") } else { labels::both("set") }}
            </button>
        }
    });
    view! {
        <fieldset class="object" id=path.dom_id()>
            {legend(label)}
            {toggle}
            {inner}
            {on_map.then(|| view! { <crate::map::Picker draft path=path.clone()/> })}
            <ProblemsAt draft path=path.clone()/>
        </fieldset>
    }
    .into_any()
}

/// A list inside a record (pictures, titles, principles…): its entries one under the other, each movable
/// and removable, and an "add" at the end.
fn list(draft: Draft, path: Path, label: (String, String), item: Value) -> AnyView {
    let count = {
        let path = path.clone();
        Memo::new(move |_| {
            draft
                .value
                .with(|v| path.get(v).and_then(Value::as_array).map_or(0, Vec::len))
        })
    };
    let dragged = RwSignal::new(None::<usize>);
    let entries = {
        let path = path.clone();
        let item = item.clone();
        move || {
            (0..count.get())
                .map(|n| {
                    let list_path = path.clone();
                    let controls = entry_buttons(draft, list_path, n, count.into());
                    let picture = (name_of(&path) == "media").then(|| {
                        // The picture at this place now: a move or an undo changes it in place, and a
                        // keystroke elsewhere (a memo's unchanged answer) does not draw it again.
                        let at = path.index(n);
                        let shown = Memo::new(move |_| {
                            draft.value.with(|v| {
                                let entry = at.get(v);
                                let text = |key: &str| {
                                    entry.and_then(|e| e[key].as_str()).unwrap_or("").to_owned()
                                };
                                let alt = entry.and_then(|e| {
                                    e["alt"]["zh"]
                                        .as_str()
                                        .filter(|a| !a.is_empty())
                                        .or(e["alt"]["en"].as_str())
                                });
                                (text("src"), alt.unwrap_or("").to_owned())
                            })
                        });
                        view! {
                            <Thumbnail src=Signal::derive(move || shown.with(|s| s.0.clone()))
                                alt=Signal::derive(move || shown.with(|s| s.1.clone()))/>
                        }
                    });
                    let entry = field(draft, path.index(n), item.clone());
                    view! {
                        <Draggable draft path=path.clone() n dragged class="entry">
                            {picture}
                            {entry}
                            {controls}
                        </Draggable>
                    }
                })
                .collect_view()
        }
    };
    let add = {
        let path = path.clone();
        move |_| {
            let empty = schema().empty(&item);
            draft.edit_list(&path, |list| list.push(empty));
        }
    };
    let photos = (name_of(&path) == "media").then(|| view! { <AddPhoto draft path=path.clone()/> });
    view! {
        <fieldset class="list" id=path.dom_id()>
            {legend(label)}
            <ol>{entries}</ol>
            {photos}
            <button type="button" on:click=add>{labels::both("add")}</button>
            <ProblemsAt draft path=path.clone()/>
        </fieldset>
    }
    .into_any()
}

/// Where the site's media are, as the bundle writes them (`bundle media` writes the same).
const MEDIA: &str = "media/";

/// What a batch of photos is doing: whether it is still at work, and what it last said (`true` for
/// good news).
#[derive(Debug, Clone, Default)]
struct Batch {
    busy: bool,
    status: Option<(bool, String)>,
}

/// The photo batches of this visit, by the draft, record and field they add to, provided by the
/// composition root: what a batch says outlives its form, drawn again when another entry is opened
/// meanwhile and this one again.
#[derive(Clone, Copy)]
pub struct PhotoBatches(RwSignal<std::collections::HashMap<String, Batch>>);

impl PhotoBatches {
    pub fn new() -> Self {
        Self(RwSignal::new(Default::default()))
    }
}

/// A photo added to a record's pictures: made ready in the browser (`photos`), its files kept with the
/// draft until they are saved, and its entry added with the alt text still to write.
#[component]
fn AddPhoto(draft: Draft, path: Path) -> impl IntoView {
    let id = format!("{}:photo", path.dom_id());
    let status_id = format!("{id}:status");
    let over = RwSignal::new(false);
    let batches = expect_context::<PhotoBatches>().0;
    // This field's batch: of this draft, for the record by its id, to this field.
    let key = {
        let steps = path.0.len();
        let record = Path(path.0[..steps.saturating_sub(1)].to_vec());
        let list = Path(path.0[..steps.saturating_sub(2)].to_vec());
        let field = name_of(&path);
        // Made once per change of the draft, for both readers below.
        Memo::new(move |_| {
            let item = as_string(&draft.get(&record.field("id")));
            format!("{}/{list}/{item}/{field}", draft.generation.get_value())
        })
    };
    let status = Signal::derive(move || {
        key.with(|k| batches.with(|b| b.get(k).and_then(|b| b.status.clone())))
    });
    // One batch at a time for a field.
    let busy =
        Signal::derive(move || key.with(|k| batches.with(|b| b.get(k).is_some_and(|b| b.busy))));
    // Photos picked or dropped, made ready one after another, each added to the list when it is.
    let add = {
        let status_id = status_id.clone();
        move |files: Vec<web_sys::File>| {
            let files: Vec<web_sys::File> = files
                .into_iter()
                .filter(|f| crate::photos::TYPES.contains(&f.type_().as_str()))
                .collect();
            if busy.get_untracked() {
                return;
            }
            let key = key.get_untracked();
            // What the batch says: in its field, when the field is drawn; said aloud when it is not.
            let say = {
                let (key, status_id) = (key.clone(), status_id.clone());
                move |ok: bool, text: String| {
                    if document().get_element_by_id(&status_id).is_none() {
                        announce(text.clone());
                    }
                    batches.update(|b| b.entry(key.clone()).or_default().status = Some((ok, text)));
                }
            };
            let set_busy = {
                let key = key.clone();
                move |busy: bool| batches.update(|b| b.entry(key.clone()).or_default().busy = busy)
            };
            if files.is_empty() {
                say(false, labels::both("photo_not_a_photo"));
                return;
            }
            // The record's list (`items`), the record's place in it and the field (`media`): the record is
            // found again by its id when each photo is ready, wherever it has moved meanwhile.
            let (list, field) = match path.0.as_slice() {
                [list @ .., Step::Index(_), Step::Field(field)] => {
                    (Path(list.to_vec()), field.clone())
                }
                _ => return,
            };
            let record = Path(path.0[..path.0.len() - 1].to_vec());
            let item = as_string(&draft.get(&record.field("id")));
            if item.is_empty() {
                say(false, labels::both("photo_needs_id"));
                return;
            }
            let (generation, place) = (draft.generation.get_value(), path.0.len() - 2);
            let index = match path.0.get(place) {
                Some(Step::Index(n)) => *n,
                _ => return,
            };
            let count = draft.get(&list).as_array().map_or(0, Vec::len);
            set_busy(true);
            say(true, labels::both("photo_working"));
            leptos::task::spawn_local(async move {
                let done = async {
                    for file in files {
                        let made = async {
                            let stem = crate::photos::stem(&item, &file).await?;
                            crate::photos::prepare(&file, &stem).await
                        };
                        let photo = match made.await {
                            Ok(photo) => photo,
                            Err(error) => {
                                let failed = labels::both("photo_failed");
                                return say(false, format!("{failed}: {}: {error}", file.name()));
                            }
                        };
                        for r in &photo.renditions {
                            for (name, blob) in [&r.jpeg, &r.webp] {
                                if crate::storage::keep(&format!("{MEDIA}{name}"), blob)
                                    .await
                                    .is_err()
                                {
                                    say(false, labels::both("photo_not_kept"));
                                    return;
                                }
                            }
                        }
                        // The draft it began on, and its record: by id, else (its id followed a name
                        // typed meanwhile) where it was, while the list is as long as it was.
                        let records = draft.get(&list);
                        let records = records.as_array().map(Vec::as_slice).unwrap_or_default();
                        let at = records
                            .iter()
                            .position(|r| r.get("id").and_then(Value::as_str) == Some(&item))
                            .or((records.len() == count && index < count).then_some(index));
                        let Some(at) = at.filter(|_| draft.generation.get_value() == generation)
                        else {
                            say(false, labels::both("photo_record_gone"));
                            return;
                        };
                        let entry = photo.entry(MEDIA);
                        draft.edit_list(&list.index(at).field(&field), |l| l.push(entry));
                    }
                    say(true, labels::both("photo_added"));
                };
                done.await;
                set_busy(false);
            });
        }
    };
    let pick = {
        let add = add.clone();
        move |e: leptos::ev::Event| {
            let input: web_sys::HtmlInputElement = event_target(&e);
            let files = input.files().map(|f| files_of(&f)).unwrap_or_default();
            input.set_value("");
            add(files);
        }
    };
    // Files dragged onto the field (not the list's own drags of its entries, which carry none).
    let carries_files = |e: &leptos::ev::DragEvent| {
        e.data_transfer().is_some_and(|d| {
            d.types()
                .iter()
                .any(|t| t.as_string().as_deref() == Some("Files"))
        })
    };
    view! {
        <div class="field photo" class:over=move || over.get()
            on:dragover=move |e: leptos::ev::DragEvent| {
                // Files are always taken here (a drop the page does not take opens the file in the
                // tab, and the editor is gone); while a batch is made ready, as nothing.
                if carries_files(&e) {
                    e.prevent_default();
                    if busy.get_untracked() {
                        if let Some(data) = e.data_transfer() {
                            data.set_drop_effect("none");
                        }
                    } else {
                        over.set(true);
                    }
                }
            }
            on:dragleave=move |_| over.set(false)
            on:drop=move |e: leptos::ev::DragEvent| {
                over.set(false);
                if !carries_files(&e) {
                    return;
                }
                e.prevent_default();
                e.stop_propagation();
                add(e.data_transfer().and_then(|d| d.files()).map(|f| files_of(&f)).unwrap_or_default());
            }>
            <Label name=labels::ui("add_photo") r#for=id.clone()/>
            <input id=id type="file" multiple accept=crate::photos::TYPES.join(",") on:change=pick
                aria-busy=move || busy.get().then_some("true") aria-describedby=status_id.clone()/>
            <p class="hint">{labels::both("photo_drop")}</p>
            <p role="status" class="photo-status" id=status_id>
                {move || status.get().map(|(ok, text)| view! { <span class=if ok { "" } else { "problem error" }>{text}</span> })}
            </p>
        </div>
    }
}

fn files_of(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// A picture of the draft: a photo added in the editor from the files kept with the draft, any other
/// from the site (its address checked as the site checks it). A picture that cannot be shown shows its
/// alt text in its place. Follows `src` as it changes, the answer of an older one never taking its place.
#[component]
pub fn Thumbnail(
    #[prop(into)] src: Signal<String>,
    #[prop(into)] alt: Signal<String>,
) -> impl IntoView {
    let shown = RwSignal::new(None::<String>);
    // The object URL made for a kept photo, let go when another is shown or the picture goes.
    let made = StoredValue::new(None::<String>);
    let forget = move || {
        if let Some(url) = made.try_update_value(Option::take).flatten() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    };
    let asked = StoredValue::new(0_u64);
    Effect::new(move |_| {
        let src = src.get();
        let n = asked.try_update_value(|n| {
            *n += 1;
            *n
        });
        leptos::task::spawn_local(async move {
            let relative = !src.contains("://") && !src.starts_with('/');
            let kept = match src.strip_prefix(MEDIA) {
                Some(_) if relative => crate::storage::read_file(&src).await,
                _ => None,
            };
            if asked.try_get_value() != n {
                return;
            }
            forget();
            let url = match kept {
                Some(file) => {
                    let url = web_sys::Url::create_object_url_with_blob(&file).ok();
                    made.set_value(url.clone());
                    url
                }
                None if relative => Some(format!("../{src}")),
                None => bundle::check_url(&src, bundle::UrlRule::HttpsOnly)
                    .is_ok()
                    .then_some(src),
            };
            shown.set(url);
        });
    });
    on_cleanup(forget);
    view! {
        <span class="thumbnail">
            {move || match shown.get() {
                Some(url) => view! { <img src=url alt=move || alt.get() width="96" loading="lazy"/> }.into_any(),
                None => view! { <span class="no-picture">{move || alt.get()}</span> }.into_any(),
            }}
        </span>
    }
}

/// Entry `n` of the list at `path`, movable by dragging it onto another (`dragged`: the one being
/// dragged, shared by the list's entries).
#[component]
pub fn Draggable(
    draft: Draft,
    path: Path,
    n: usize,
    dragged: RwSignal<Option<usize>>,
    #[prop(optional, into)] class: Option<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <li class=class draggable="true"
            // A list in an entry of a list: its drags are its own.
            on:dragstart=move |e: leptos::ev::DragEvent| {
                e.stop_propagation();
                dragged.set(Some(n));
            }
            on:dragover=|e: leptos::ev::DragEvent| e.prevent_default()
            on:drop=move |e: leptos::ev::DragEvent| {
                e.prevent_default();
                if dragged.get_untracked().is_none() {
                    return;
                }
                e.stop_propagation();
                if let Some(from) = dragged.get_untracked().filter(|f| *f != n) {
                    draft.edit_list(&path, |l| {
                        let item = l.remove(from);
                        l.insert(n, item);
                    });
                }
                dragged.set(None);
            }>
            {children()}
        </li>
    }
}

/// Move up, move down and remove, for entry `n` of `count` in the list at `path`. The keyboard stays
/// with the entry moved (a second "move up" moves it on), and what happened is said.
pub fn entry_buttons(draft: Draft, path: Path, n: usize, count: Signal<usize>) -> impl IntoView {
    let button_id = {
        let path = path.clone();
        move |n: usize, which: &str| format!("{}:{which}", path.index(n).dom_id())
    };
    let moved = {
        let (path, button_id) = (path.clone(), button_id.clone());
        move |to: usize, which: &'static str| {
            draft.edit_list(&path, |l| l.swap(n, to));
            let total = count.get_untracked();
            announce(format!(
                "已移到第 {} 项（共 {total} 项） · Moved to {} of {total}",
                to + 1,
                to + 1
            ));
            // The same button of the entry's new place, or the other one where it is at an end.
            let other = if which == "up" { "down" } else { "up" };
            focus_first(vec![button_id(to, which), button_id(to, other)]);
        }
    };
    let (up, down) = (moved.clone(), moved);
    let remove = {
        let (path, button_id) = (path.clone(), button_id.clone());
        move |_| {
            draft.edit_list(&path, |l| {
                l.remove(n);
            });
            announce(labels::both("entry_removed"));
            // The entry now in its place, else the one before, else the list.
            let mut ids = Vec::new();
            for at in [Some(n), n.checked_sub(1)].into_iter().flatten() {
                ids.extend(["down", "up", "remove"].map(|w| button_id(at, w)));
            }
            ids.push(format!("{}:entries", path.dom_id()));
            ids.push(path.dom_id());
            focus_first(ids);
        }
    };
    view! {
        <div class="entry-buttons">
            <button type="button" id=button_id(n, "up") disabled={n == 0} on:click=move |_| up(n - 1, "up")>
                {words("move_up")}
            </button>
            <button type="button" id=button_id(n, "down") disabled={move || n + 1 >= count.get()} on:click=move |_| down(n + 1, "down")>
                {words("move_down")}
            </button>
            <button type="button" id=button_id(n, "remove") class="danger" on:click=remove>
                {words("remove")}
            </button>
        </div>
    }
}

/// Says `text` to a screen reader (the page's one polite live region, `#announce`).
pub fn announce(text: String) {
    if let Some(region) = document().get_element_by_id("announce") {
        // Emptied first, so the same words said twice are said again.
        region.set_text_content(None);
        leptos::task::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(50).await;
            region.set_text_content(Some(&text));
        });
    }
}

/// Focuses the first of the elements `ids` that is drawn and enabled, once the change is drawn.
pub fn focus_first(ids: Vec<String>) {
    leptos::task::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(0).await;
        for id in ids {
            let Some(element) = document().get_element_by_id(&id) else {
                continue;
            };
            if element.has_attribute("disabled") {
                continue;
            }
            let element: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(element);
            if !element
                .matches("button, input, select, textarea")
                .unwrap_or(false)
            {
                let _ = element.set_attribute("tabindex", "-1");
            }
            let _ = element.focus();
            return;
        }
    });
}

fn choice(
    draft: Draft,
    path: Path,
    label: (String, String),
    choices: Vec<String>,
    optional: bool,
) -> AnyView {
    let id = path.dom_id();
    let current = text_of(draft, path.clone());
    let set = set_text(draft, path.clone());
    let options = choices
        .into_iter()
        .map(|c| {
            let (zh, en) = labels::choice(&c);
            let current = current.clone();
            let value = c.clone();
            view! { <option value=c selected={move || current() == value}>{format!("{zh} · {en}")}</option> }
        })
        .collect_view();
    view! {
        <div class="field">
            <Label name=label r#for=id.clone()/>
            <select id=id on:change=set aria-invalid=invalid(draft, &path)>
                {optional.then(|| view! { <option value="">{labels::both("none")}</option> })}
                {options}
            </select>
            <ProblemsAt draft path=path.clone()/>
        </div>
    }
    .into_any()
}

/// The records of a top-level list (`units`, `people`, `items`) as (id, name) for choosing one.
pub fn records(draft: Draft, collection: &str) -> Vec<(String, String)> {
    draft.value.with(|v| {
        v.get(collection)
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .map(|r| (as_string(&r["id"]), summary(r)))
                    .collect()
            })
            .unwrap_or_default()
    })
}

/// A record's name for lists: its title or name, in Chinese and English.
pub fn summary(record: &Value) -> String {
    let text = record
        .get("title")
        .or_else(|| record.get("name"))
        .or_else(|| record.get("label"));
    let part = |code: &str| {
        text.and_then(|t| t.get(code))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned()
    };
    let (zh, en) = (part("zh"), part("en"));
    match (zh.is_empty(), en.is_empty()) {
        (false, false) => format!("{zh} · {en}"),
        (false, true) => zh,
        (true, false) => en,
        (true, true) => as_string(&record["id"]),
    }
}

fn reference(draft: Draft, path: Path, label: (String, String), collection: String) -> AnyView {
    let id = path.dom_id();
    let current = text_of(draft, path.clone());
    let set = set_text(draft, path.clone());
    // Drawn again only when the records' names change, not at every keystroke elsewhere.
    let all = Memo::new(move |_| records(draft, &collection));
    let options = move || {
        let current = current.clone();
        all.get()
            .into_iter()
            .map(|(value, name)| {
                let selected = current() == value;
                view! { <option value=value selected=selected>{name}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="field">
            <Label name=label r#for=id.clone()/>
            <select id=id on:change=set aria-invalid=invalid(draft, &path)>
                <option value="">{labels::both("none")}</option>
                {options}
            </select>
            <ProblemsAt draft path=path.clone()/>
        </div>
    }
    .into_any()
}

/// Several references: the chosen ones as a list with "remove", and a list to add one more from.
fn references(draft: Draft, path: Path, label: (String, String), collection: String) -> AnyView {
    let chosen = {
        let path = path.clone();
        move || -> Vec<String> {
            draft.value.with(|v| {
                path.get(v)
                    .and_then(Value::as_array)
                    .map(|l| l.iter().map(as_string).collect())
                    .unwrap_or_default()
            })
        }
    };
    let add_id = format!("{}:add", path.dom_id());
    // Drawn again only when the records' names change, not at every keystroke elsewhere.
    let all = {
        let collection = collection.clone();
        let names = Memo::new(move |_| records(draft, &collection));
        move || names.get()
    };
    let shown = {
        let (path, chosen) = (path.clone(), chosen.clone());
        move || {
            let names = all();
            chosen()
                .into_iter()
                .enumerate()
                .map(|(n, id)| {
                    let name = names.iter().find(|(i, _)| *i == id).map_or(id.clone(), |(_, name)| name.clone());
                    let path = path.clone();
                    // Its problems (a reference to a record that is not there) beside it; a problem
                    // chosen in the list goes to its button (the entry's path as its id).
                    let at = path.index(n);
                    let described = format!("{}:problems", at.dom_id());
                    view! {
                        <li>
                            <span>{name}</span>" "
                            <button type="button" class="small" id=at.dom_id() aria-label=format!("{} {}", labels::both("remove"), id)
                                aria-describedby=described on:click=move |_| draft.edit_list(&path, |l| { l.remove(n); })>
                                {labels::both("remove")}
                            </button>
                            <ProblemsAt draft path=at/>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let options = {
        let chosen = chosen.clone();
        move || {
            let chosen = chosen();
            all()
                .into_iter()
                .filter(|(id, _)| !chosen.contains(id))
                .map(|(id, name)| view! { <option value=id>{name}</option> })
                .collect_view()
        }
    };
    // Added by its button, not when the choice changes: arrow keys on a closed list change it at each
    // press (Windows), and would add a record at each.
    let select = NodeRef::<leptos::html::Select>::new();
    let add = {
        let path = path.clone();
        move |_| {
            let Some(select) = select.get_untracked() else {
                return;
            };
            let v = select.value();
            if !v.is_empty() {
                draft.edit_list(&path, |l| l.push(Value::String(v)));
                select.set_value("");
            }
        }
    };
    let (zh, en) = label.clone();
    view! {
        <fieldset class="references" id=path.dom_id()>
            {legend(label)}
            <ul class="chosen">{shown}</ul>
            <label for=add_id.clone()>{format!("{} {zh} · {} {en}", labels::ui("add").0, labels::ui("add").1)}</label>
            <div class="add-reference">
                <select id=add_id node_ref=select prop:value="">
                    <option value="">"…"</option>
                    {options}
                </select>
                <button type="button" on:click=add>{labels::both("add")}</button>
            </div>
            <ProblemsAt draft path=path.clone()/>
        </fieldset>
    }
    .into_any()
}

fn line(draft: Draft, path: Path, label: (String, String), date: bool) -> AnyView {
    let id = path.dom_id();
    let value = text_of(draft, path.clone());
    let set = set_text(draft, path.clone());
    view! {
        <div class="field">
            <Label name=label r#for=id.clone()/>
            <input id=id.clone() type=if date { "date" } else { "text" } prop:value=value on:input=set
                aria-invalid=invalid(draft, &path) aria-describedby=format!("{id}:problems")/>
            <ProblemsAt draft path=path.clone()/>
        </div>
    }
    .into_any()
}

fn number(
    draft: Draft,
    path: Path,
    label: (String, String),
    integer: bool,
    min: Option<f64>,
    max: Option<f64>,
) -> AnyView {
    let id = path.dom_id();
    let value = text_of(draft, path.clone());
    let set = {
        let path = path.clone();
        move |e: leptos::ev::Event| {
            let v = event_target_value(&e);
            let parsed = if integer {
                v.trim().parse::<i64>().ok().map(Value::from)
            } else {
                v.trim()
                    .parse::<f64>()
                    .ok()
                    .and_then(|f| serde_json::Number::from_f64(f).map(Value::Number))
            };
            if v.trim().is_empty() {
                draft.set(&path, Value::Null);
            } else if let Some(n) = parsed {
                draft.set(&path, n);
            }
        }
    };
    view! {
        <div class="field">
            <Label name=label r#for=id.clone()/>
            <input id=id.clone() type="number" inputmode=if integer { "numeric" } else { "decimal" }
                step=if integer { "1" } else { "any" } min=min.map(|m| m.to_string()) max=max.map(|m| m.to_string())
                prop:value=value on:input=set aria-invalid=invalid(draft, &path) aria-describedby=format!("{id}:problems")/>
            <ProblemsAt draft path=path.clone()/>
        </div>
    }
    .into_any()
}

fn flag(draft: Draft, path: Path, label: (String, String)) -> AnyView {
    let id = path.dom_id();
    let checked = {
        let path = path.clone();
        move || draft.get(&path).as_bool().unwrap_or(false)
    };
    let set = {
        let path = path.clone();
        move |e: leptos::ev::Event| draft.set(&path, Value::Bool(event_target_checked(&e)))
    };
    view! {
        <div class="field flag">
            <input id=id.clone() type="checkbox" prop:checked=checked on:change=set/>
            <Label name=label r#for=id/>
            <ProblemsAt draft path=path.clone()/>
        </div>
    }
    .into_any()
}

/// A value of a shape the forms do not draw: its JSON, applied when it reads as JSON.
fn json(draft: Draft, path: Path, label: (String, String)) -> AnyView {
    let id = path.dom_id();
    let value = {
        let path = path.clone();
        move || serde_json::to_string_pretty(&draft.get(&path)).unwrap_or_default()
    };
    let set = {
        let path = path.clone();
        move |e: leptos::ev::Event| {
            if let Ok(v) = serde_json::from_str::<Value>(&event_target_value(&e)) {
                draft.set(&path, v);
            }
        }
    };
    view! {
        <div class="field">
            <Label name=label r#for=id.clone()/>
            <textarea id=id class="json" rows="4" prop:value=value on:change=set></textarea>
            <ProblemsAt draft path=path.clone()/>
        </div>
    }
    .into_any()
}
