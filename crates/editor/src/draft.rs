//! The bundle being edited: its JSON, every change to it undoable, checked by the site's own rules a
//! moment after each change, and kept in the browser as it changes (`storage`).

use bundle::{Location, Problem, Severity};
use leptos::prelude::*;
use serde_json::Value;

use crate::path::{Path, Step};

/// Changes to one field within this time are one step of undo (typing a word is one change).
const MERGE_MS: f64 = 1_000.0;
/// How long typing must pause before the draft is checked and kept.
const SETTLE_MS: u32 = 150;
const UNDO_DEPTH: usize = 200;

#[derive(Debug, Clone)]
struct Patch {
    path: Path,
    before: Value,
    after: Value,
}

/// One step of undo: the changes it made, in order.
#[derive(Debug, Clone)]
struct Edit {
    patches: Vec<Patch>,
    /// When it was last changed; 0 for a step no later change merges into.
    at: f64,
}

/// The result of the last check of the draft.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub problems: Vec<Problem>,
    /// How long the check took (serialising, parsing and validating), in milliseconds.
    pub took_ms: f64,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == severity)
            .count()
    }
}

/// Told, as a list is written whole (an entry added, removed or moved, by hand or by undo and redo),
/// its path and where each entry of the list before went: `moves[i]` the place of entry `i` now,
/// `None` where it is gone.
type OnMoves = std::rc::Rc<dyn Fn(&Path, &[Option<usize>])>;

#[derive(Clone, Copy)]
pub struct Draft {
    pub value: RwSignal<Value>,
    /// The bundle as it was opened, for the summary of changes.
    pub opened: RwSignal<Value>,
    undo: StoredValue<Vec<Edit>>,
    redo: StoredValue<Vec<Edit>>,
    /// Lengths of the undo and redo stacks, for the buttons.
    pub history: RwSignal<(usize, usize)>,
    pub report: RwSignal<Report>,
    /// Bumped when the draft has settled after a change: the cue to keep it.
    pub settled: RwSignal<u64>,
    /// Bumped when a bundle is opened: work begun on one draft (a photo made ready, a save) that ends
    /// after another was opened leaves the new one alone.
    pub generation: StoredValue<u64>,
    /// Bumped by every change: what has been kept is told by the revision it had.
    pub revision: RwSignal<u64>,
    /// Where the last change was (each place it wrote; the root when a bundle was opened): for views of
    /// many records, which redraw the one that changed rather than all of them.
    pub changed_at: RwSignal<Vec<Path>>,
    written: StoredValue<Vec<Path>>,
    /// What follows a record when its list is written whole (the form shown): told at once, within the
    /// change, so that what the caller does next (a new entry opened) is not undone by it.
    on_moves: StoredValue<Option<OnMoves>, LocalStorage>,
    pending: StoredValue<Option<gloo_timers::callback::Timeout>, LocalStorage>,
}

fn now() -> f64 {
    js_sys::Date::now()
}

impl Draft {
    pub fn new() -> Self {
        Self {
            value: RwSignal::new(Value::Null),
            opened: RwSignal::new(Value::Null),
            undo: StoredValue::new(Vec::new()),
            redo: StoredValue::new(Vec::new()),
            history: RwSignal::new((0, 0)),
            report: RwSignal::new(Report::default()),
            settled: RwSignal::new(0),
            generation: StoredValue::new(0),
            revision: RwSignal::new(0),
            changed_at: RwSignal::new(Vec::new()),
            written: StoredValue::new(Vec::new()),
            on_moves: StoredValue::new_local(None),
            pending: StoredValue::new_local(None),
        }
    }

    /// Starts editing `value`; `opened` is what it was opened from (the same, unless a kept draft is
    /// being resumed).
    pub fn open(&self, value: Value, opened: Value) {
        self.generation.update_value(|n| *n += 1);
        self.opened.set(opened);
        self.value.set(value);
        self.undo.update_value(Vec::clear);
        self.redo.update_value(Vec::clear);
        self.history.set((0, 0));
        self.revision.update(|n| *n += 1);
        self.changed_at.set(vec![Path::default()]);
        self.check_now();
    }

    /// Sets what is told where entries went each time a list is written whole (`OnMoves`).
    pub fn on_moves(&self, f: impl Fn(&Path, &[Option<usize>]) + 'static) {
        self.on_moves.set_value(Some(std::rc::Rc::new(f)));
    }

    pub fn is_open(&self) -> bool {
        self.value.with(|v| !v.is_null())
    }

    /// The value at `path` (a copy).
    pub fn get(&self, path: &Path) -> Value {
        self.value
            .with(|v| path.get(v).cloned())
            .unwrap_or(Value::Null)
    }

    /// Sets the value at `path`; one step of undo, merged with the last when it changed the same field
    /// a moment ago.
    pub fn set(&self, path: &Path, after: Value) {
        let before = self.get(path);
        if before == after {
            return;
        }
        self.write(path, after.clone());
        let at = now();
        self.undo.update_value(|undo| match undo.last_mut() {
            Some(last)
                if last.patches.len() == 1
                    && last.patches[0].path == *path
                    && at - last.at < MERGE_MS =>
            {
                last.patches[0].after = after;
                last.at = at;
            }
            _ => {
                undo.push(Edit {
                    patches: vec![Patch {
                        path: path.clone(),
                        before,
                        after,
                    }],
                    at,
                });
                if undo.len() > UNDO_DEPTH {
                    undo.remove(0);
                }
            }
        });
        self.redo.update_value(Vec::clear);
        self.changed();
    }

    /// Sets a value that follows from the last change (an id made from a title): part of that change's
    /// step of undo, not one of its own.
    pub fn set_quietly(&self, path: &Path, after: Value) {
        let before = self.get(path);
        self.write(path, after.clone());
        let patch = Patch {
            path: path.clone(),
            before,
            after,
        };
        self.undo.update_value(|undo| match undo.last_mut() {
            Some(last) => {
                // No longer a change of one field: the next keystroke is a step of its own.
                last.patches.retain(|p| p.path != patch.path);
                last.patches.push(patch);
            }
            None => undo.push(Edit {
                patches: vec![patch],
                at: 0.0,
            }),
        });
        self.changed();
    }

    /// Changes the list at `path` with `f` (add, remove, move): one step of undo of its own.
    pub fn edit_list(&self, path: &Path, f: impl FnOnce(&mut Vec<Value>)) {
        let before = self.get(path);
        let mut list = before.as_array().cloned().unwrap_or_default();
        f(&mut list);
        let after = Value::Array(list);
        self.write(path, after.clone());
        let edit = Edit {
            patches: vec![Patch {
                path: path.clone(),
                before,
                after,
            }],
            at: 0.0,
        };
        self.undo.update_value(|undo| undo.push(edit));
        self.redo.update_value(Vec::clear);
        self.changed();
    }

    /// Puts `value` at `path`; a null there takes the field away (an optional field left unset is
    /// absent from the file, as the model writes it).
    fn write(&self, path: &Path, value: Value) {
        self.written.update_value(|w| w.push(path.clone()));
        if let (Value::Array(after), Some(on_moves)) = (&value, self.on_moves.get_value()) {
            let moves = self.value.with_untracked(|v| {
                path.get(v)
                    .and_then(Value::as_array)
                    .map(|before| moves(before, after))
            });
            if let Some(moves) = moves {
                on_moves(path, &moves);
            }
        }
        self.value.update(|v| {
            if let (true, Some((Step::Field(name), parent))) =
                (value.is_null(), path.0.split_last())
            {
                if let Some(Value::Object(object)) = Path(parent.to_vec()).get_mut(v) {
                    object.shift_remove(name);
                }
                return;
            }
            if let Some(place) = path.get_mut(v) {
                *place = value;
            }
        });
    }

    pub fn undo(&self) {
        if let Some(edit) = self.undo.try_update_value(Vec::pop).flatten() {
            for patch in edit.patches.iter().rev() {
                self.write(&patch.path, patch.before.clone());
            }
            self.redo.update_value(|redo| redo.push(edit));
            self.changed();
        }
    }

    pub fn redo(&self) {
        if let Some(edit) = self.redo.try_update_value(Vec::pop).flatten() {
            for patch in &edit.patches {
                self.write(&patch.path, patch.after.clone());
            }
            self.undo
                .update_value(|undo| undo.push(Edit { at: 0.0, ..edit }));
            self.changed();
        }
    }

    fn changed(&self) {
        self.revision.update(|n| *n += 1);
        self.changed_at.set(
            self.written
                .try_update_value(std::mem::take)
                .unwrap_or_default(),
        );
        self.history.set((
            self.undo.with_value(Vec::len),
            self.redo.with_value(Vec::len),
        ));
        let draft = *self;
        let timeout = gloo_timers::callback::Timeout::new(SETTLE_MS, move || draft.check_now());
        // Replacing the pending check cancels it: typing checks once it pauses.
        self.pending.set_value(Some(timeout));
    }

    /// The draft as the file it would be saved as.
    pub fn text(&self) -> String {
        self.value
            .with(|v| serde_json::to_string_pretty(v).unwrap_or_default() + "\n")
    }

    /// Checks the draft with the site's own parser and rules, as `bundle check` does (without the
    /// media files on disk, which the browser cannot see), then tells that it has settled.
    pub fn check_now(&self) {
        let start = now();
        let text = self.text();
        let problems = check(&text);
        self.report.set(Report {
            problems,
            took_ms: now() - start,
        });
        self.settled.update(|n| *n += 1);
    }
}

/// Where each entry of the list `before` is in the list `after`: a record found by its id, any other
/// entry by its value (the same one twice, in its order).
pub fn moves(before: &[Value], after: &[Value]) -> Vec<Option<usize>> {
    use std::collections::{HashMap, VecDeque};
    #[derive(PartialEq, Eq, Hash)]
    enum Key<'a> {
        Id(&'a str),
        Value(String),
    }
    fn key(entry: &Value) -> Key<'_> {
        match entry.get("id").and_then(Value::as_str) {
            Some(id) if !id.is_empty() => Key::Id(id),
            _ => Key::Value(entry.to_string()),
        }
    }
    let mut places: HashMap<Key, VecDeque<usize>> = HashMap::new();
    for (n, entry) in after.iter().enumerate() {
        places.entry(key(entry)).or_default().push_back(n);
    }
    before
        .iter()
        .map(|entry| places.get_mut(&key(entry))?.pop_front())
        .collect()
}

/// The problems of a bundle's text: its one parse error, or what validation finds.
pub fn check(text: &str) -> Vec<Problem> {
    match bundle::parse(text) {
        Ok(bundle) => bundle::validate(&bundle),
        Err(error) => vec![Problem {
            severity: Severity::Error,
            code: error.kind.code(),
            message: error.message,
            location: Location {
                path: error.location.path,
                line: error.location.line,
                column: error.location.column,
            },
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn entries_are_followed_by_id_or_by_value() {
        let before = [
            json!({ "id": "a" }),
            json!({ "id": "b" }),
            json!({ "id": "c" }),
        ];
        // "b" moved up, "c" removed, one added.
        let after = [
            json!({ "id": "b" }),
            json!({ "id": "a", "t": 1 }),
            json!({ "id": "" }),
        ];
        assert_eq!(moves(&before, &after), [Some(1), Some(0), None]);
        // Entries without ids (pictures, words), the same one twice in its order.
        let before = [json!("x"), json!("y"), json!("x"), json!({ "id": "" })];
        let after = [json!({ "id": "" }), json!("x"), json!("x")];
        assert_eq!(moves(&before, &after), [Some(1), None, Some(2), Some(0)]);
    }
}
