//! Ids made from titles: a new record's id follows its English title (or its Chinese one, as `item-3`,
//! where there is no English yet) until the record is saved; a record the bundle already had keeps its
//! id whatever its title becomes, since the site's addresses are made from ids.

use leptos::prelude::*;
use serde_json::Value;

use crate::draft::Draft;
use crate::path::{Path, Step};

/// The lists whose records are named by id, and the word for one record.
const NAMED: [(&str, &str); 4] = [
    ("units", "unit"),
    ("people", "person"),
    ("items", "item"),
    ("timeline", "step"),
];
const MAX: usize = 64;

/// `text` as an id: lower-case letters and digits, words joined by `-`, at most 64 characters.
pub fn slug(text: &str) -> String {
    let mut id = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    id.truncate(MAX);
    id.trim_matches('-').to_owned()
}

/// `base`, or `base-2`, `base-3`… : the first not in `taken`.
pub fn unique(base: &str, taken: &[String]) -> String {
    let mut n = 1;
    loop {
        let id = if n == 1 {
            base.to_owned()
        } else {
            format!("{base}-{n}")
        };
        if !taken.contains(&id) {
            return id;
        }
        n += 1;
    }
}

/// After the title (or name) at `path` changed from `before`: if it belongs to a record the opened
/// bundle did not have, and its id is still the one the title gave it (none, `item-3`, or the old
/// English title's), its id is made again from it.
pub fn follow_title(draft: Draft, path: &Path, before: &Value) {
    let [Step::Field(list), Step::Index(n), Step::Field(field), ..] = path.0.as_slice() else {
        return;
    };
    let Some((_, word)) = NAMED.iter().find(|(l, _)| l == list) else {
        return;
    };
    if !matches!(field.as_str(), "title" | "name") {
        return;
    }
    let record = Path::default().field(list).index(*n);
    let id_path = record.field("id");
    let current = draft.get(&id_path).as_str().unwrap_or("").to_owned();
    let ids_of = |v: &Value| -> Vec<String> {
        v.get(list.as_str())
            .and_then(Value::as_array)
            .map(|l| {
                l.iter()
                    .filter_map(|r| r["id"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    if !current.is_empty()
        && draft
            .opened
            .with_untracked(|o| ids_of(o).contains(&current))
    {
        return;
    }
    // An id the maintainer typed is theirs: only one the title made (or none yet) follows it.
    let old_english = match path.0.get(3) {
        Some(Step::Field(language)) if language == "en" => before.as_str().map(slug),
        _ => draft.get(&record.field(field))["en"].as_str().map(slug),
    };
    let made = current.is_empty()
        || is_placeholder(&current, word)
        || old_english.is_some_and(|old| !old.is_empty() && made_from(&current, &old));
    if !made {
        return;
    }
    let title = draft.get(&record.field(field));
    let english = title["en"].as_str().map(slug).unwrap_or_default();
    let base = if english.is_empty() {
        format!("{word}-{}", n + 1)
    } else {
        english
    };
    let mut taken = draft.value.with(ids_of);
    if let Some(own) = taken.get(*n) {
        if *own == current {
            taken.remove(*n);
        }
    }
    let id = unique(&base, &taken);
    if id != current {
        // What already refers to the record follows it, in the same step of undo.
        let references = if current.is_empty() {
            Vec::new()
        } else {
            draft.value.with_untracked(|v| {
                crate::schema::schema().references_to(
                    crate::schema::schema().root(),
                    v,
                    &Path::default(),
                    (list, &current),
                )
            })
        };
        draft.set_quietly(&id_path, Value::String(id.clone()));
        for at in references {
            draft.set_quietly(&at, Value::String(id.clone()));
        }
    }
}

/// Whether `id` is what [`unique`] makes of `base` (`base`, `base-2`…).
fn made_from(id: &str, base: &str) -> bool {
    id == base
        || id
            .strip_prefix(base)
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether `id` is what a record gets before it has an English title (`item-3`).
fn is_placeholder(id: &str, word: &str) -> bool {
    id.strip_prefix(word)
        .and_then(|rest| rest.strip_prefix('-'))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_made_from_a_title_is_told_from_one_typed() {
        assert!(made_from("red-ship", "red-ship"));
        assert!(made_from("red-ship-2", "red-ship"));
        assert!(!made_from("red-ship-x", "red-ship"));
        assert!(!made_from("my-own", "red-ship"));
    }

    #[test]
    fn a_placeholder_is_the_word_and_a_number() {
        assert!(is_placeholder("item-3", "item"));
        assert!(is_placeholder("item-12", "item"));
        assert!(!is_placeholder("item-", "item"));
        assert!(!is_placeholder("item-3a", "item"));
        assert!(!is_placeholder("items-3", "item"));
        assert!(!is_placeholder("red-ship", "item"));
    }

    #[test]
    fn ids_are_made_from_titles() {
        assert_eq!(slug("The “Red Ship” painting"), "the-red-ship-painting");
        assert_eq!(slug("  100 books!  "), "100-books");
        assert_eq!(slug("红船"), "");
        assert_eq!(slug(&"a".repeat(80)).len(), 64);
        let taken = vec!["red-ship".to_owned(), "red-ship-2".to_owned()];
        assert_eq!(unique("red-ship", &taken), "red-ship-3");
        assert_eq!(unique("kite", &taken), "kite");
    }
}
