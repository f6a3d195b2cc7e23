//! Where a value is in the draft, written as `bundle::check` writes a problem's place
//! (`items[2].media[0].alt`), so a problem finds its field by its path alone.

use serde_json::Value;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Step {
    Field(String),
    Index(usize),
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Path(pub Vec<Step>);

impl Path {
    pub fn field(&self, name: &str) -> Path {
        let mut steps = self.0.clone();
        steps.push(Step::Field(name.to_owned()));
        Path(steps)
    }

    pub fn index(&self, n: usize) -> Path {
        let mut steps = self.0.clone();
        steps.push(Step::Index(n));
        Path(steps)
    }

    /// The form control's element id: the path itself, behind a prefix no other id has.
    pub fn dom_id(&self) -> String {
        format!("field:{self}")
    }

    /// Reads a path back from its text (a problem's location).
    pub fn parse(text: &str) -> Path {
        let mut steps = Vec::new();
        for part in text.split('.').filter(|p| !p.is_empty()) {
            let (name, indices) = part.split_once('[').map_or((part, ""), |(n, r)| (n, r));
            if !name.is_empty() {
                steps.push(Step::Field(name.to_owned()));
            }
            for index in indices.split('[') {
                if let Ok(n) = index.trim_end_matches(']').parse() {
                    steps.push(Step::Index(n));
                }
            }
        }
        Path(steps)
    }

    /// The value at this path, if there is one.
    pub fn get<'a>(&self, mut value: &'a Value) -> Option<&'a Value> {
        for step in &self.0 {
            value = match step {
                Step::Field(name) => value.get(name)?,
                Step::Index(n) => value.get(n)?,
            };
        }
        Some(value)
    }

    /// The place for a value at this path, made on the way where missing (fields of objects).
    pub fn get_mut<'a>(&self, mut value: &'a mut Value) -> Option<&'a mut Value> {
        for step in &self.0 {
            value = match step {
                Step::Field(name) => {
                    if value.is_null() {
                        *value = Value::Object(Default::default());
                    }
                    value
                        .as_object_mut()?
                        .entry(name.clone())
                        .or_insert(Value::Null)
                }
                Step::Index(n) => value.get_mut(n)?,
            };
        }
        Some(value)
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, step) in self.0.iter().enumerate() {
            match step {
                Step::Field(name) if n == 0 => write!(f, "{name}")?,
                Step::Field(name) => write!(f, ".{name}")?,
                Step::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn written_and_read_as_the_checker_writes_them() {
        let path = Path::default()
            .field("items")
            .index(2)
            .field("media")
            .index(0)
            .field("alt");
        assert_eq!(path.to_string(), "items[2].media[0].alt");
        assert_eq!(Path::parse("items[2].media[0].alt"), path);
        assert_eq!(Path::parse(""), Path::default());
        assert_eq!(Path::parse("a[1][2]").0.len(), 3);
    }

    #[test]
    fn values_are_found_and_made() {
        let mut value = json!({ "items": [{ "title": { "zh": "甲" } }] });
        let zh = Path::parse("items[0].title.zh");
        assert_eq!(zh.get(&value), Some(&json!("甲")));
        *Path::parse("items[0].title.en")
            .get_mut(&mut value)
            .unwrap() = json!("A");
        assert_eq!(value["items"][0]["title"]["en"], "A");
        assert!(Path::parse("items[3].title").get_mut(&mut value).is_none());
    }
}
