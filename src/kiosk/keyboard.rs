//! The on-screen keyboard of a kiosk's search box: kiosk browsers often show no keyboard of their own,
//! and none for Chinese. Latin letters, digits and space (Chinese is found by its pinyin, "bj" for
//! 北京), backspace, clear and close; big keys, labelled in the visitor's language.
//!
//! The keys type into an `<input>` the caller names; they do not take its focus (the caret stays where
//! the visitor put it), and each key sends the input an `input` event, as typing on a real keyboard
//! does, so the field's own handlers do the rest.

use leptos::prelude::*;

use crate::i18n::*;

/// The letter rows, as on a keyboard: a layout visitors know.
const ROWS: [&str; 4] = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    Char(char),
    Backspace,
    Clear,
}

/// The keyboard, for the input `target`; `on_close` hides it (the close key).
#[component]
pub fn Keyboard(
    target: NodeRef<leptos::html::Input>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let press = move |key: Key| {
        if let Some(input) = target.get_untracked() {
            type_into(&input, key);
        }
    };
    let key = move |key: Key, label: AnyView, name: Option<Signal<String>>, class: &'static str| {
        view! {
            <button type="button" class=format!("osk-key {class}") aria-label=move || name.map(|n| n.get())
                on:mousedown=keep_focus
                on:click=move |_| press(key)>
                {label}
            </button>
        }
    };
    let rows = ROWS
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let keys = row
                .chars()
                .map(|c| key(Key::Char(c), c.to_string().into_any(), None, ""))
                .collect_view();
            let backspace = (r == ROWS.len() - 1).then(|| {
                key(
                    Key::Backspace,
                    view! { <span aria-hidden="true">"⌫"</span> }.into_any(),
                    Some(Signal::derive(move || {
                        t_string!(i18n, key_backspace).to_owned()
                    })),
                    "osk-wide",
                )
            });
            view! { <div class="osk-row">{keys}{backspace}</div> }
        })
        .collect_view();
    view! {
        <div class="osk" role="group" aria-label=move || t_string!(i18n, keyboard)>
            {rows}
            <div class="osk-row">
                {key(Key::Clear, view! { {t!(i18n, key_clear)} }.into_any(), None, "osk-wide")}
                {key(Key::Char(' '), view! { {t!(i18n, key_space)} }.into_any(), None, "osk-space")}
                <button type="button" class="osk-key osk-wide" on:mousedown=keep_focus
                    on:click=move |_| on_close.run(())>
                    {t!(i18n, key_close)}
                </button>
            </div>
        </div>
    }
}

/// A key pressed leaves the focus (and the caret) in the search box.
fn keep_focus(e: web_sys::MouseEvent) {
    e.prevent_default();
}

/// Types `key` into `input` at its caret (replacing a selection), as a real keyboard would, and tells
/// the input's handlers with an `input` event.
fn type_into(input: &web_sys::HtmlInputElement, key: Key) {
    let value = input.value();
    let chars: Vec<char> = value.chars().collect();
    // The selection in UTF-16 units (what the DOM counts), turned into characters.
    let to_chars = |units: u32| {
        let mut seen = 0u32;
        chars
            .iter()
            .take_while(|c| {
                seen += c.len_utf16() as u32;
                seen <= units
            })
            .count()
    };
    let end = chars.len();
    let (start, stop) = match (input.selection_start(), input.selection_end()) {
        (Ok(Some(s)), Ok(Some(e))) => (to_chars(s).min(end), to_chars(e).min(end)),
        _ => (end, end),
    };
    let (text, caret) = edit(&chars, start, stop, key);
    input.set_value(&text);
    let units: u32 = text.chars().take(caret).map(|c| c.len_utf16() as u32).sum();
    let _ = input.set_selection_range(units, units);
    crate::web::events::dispatch(input, "input");
}

/// The text after `key`, with the selection `start..stop` (characters) and the caret after it.
fn edit(chars: &[char], start: usize, stop: usize, key: Key) -> (String, usize) {
    let (before, after) = (&chars[..start], &chars[stop..]);
    let join = |before: &[char], middle: &[char]| -> String {
        before.iter().chain(middle).chain(after).collect()
    };
    match key {
        Key::Char(c) => (join(before, &[c]), start + 1),
        Key::Backspace if start == stop => {
            let at = start.saturating_sub(1);
            (join(&chars[..at], &[]), at)
        }
        Key::Backspace => (join(before, &[]), start),
        Key::Clear => (String::new(), 0),
    }
}
