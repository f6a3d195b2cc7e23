//! The app's reader of the bundle's JSON: accepts exactly the texts that the serde types of
//! [`crate::model`] accept through `serde_json` (tested over corpora and checked by the fuzz target),
//! and reads the same bundle from them, but says nothing about what is wrong or where.
//!
//! Why not serde here: the derived deserialisers are monomorphised per type and per reader, 84 KB of
//! wasm in the module every visitor downloads first, for a bundle that is almost always good. This
//! reader is one plain function per type over the crate's JSON scanner ([`crate::json`]), 25 KB. A
//! refused bundle is then parsed again by [`crate::parse`] (serde, with paths, lines and columns), whose
//! code the app loads only then. (miniserde and nanoserde were measured for this and read other texts
//! than serde: bench/model-reader.md.)
//!
//! Each type's function is derived from its declaration: `#[derive(FastRead)]` beside serde's
//! `Deserialize` in `model.rs` reads the same serde attributes (`rename`, `default`,
//! `deny_unknown_fields`, `rename_all`; crates/bundle-derive says which, and refuses to compile on any
//! other). A field added to a type of the model is so written once, with its doc and serde attributes;
//! nothing here changes. Written by hand below: the numbers, strings, flags, `Option`, `Vec`, and
//! [`Basemap`] (whose `Deserialize` is hand-written too). `tests/validation.rs` checks that serde and
//! this reader read every field alike.
//!
//! What serde and `serde_json` accept, and so this reader does too:
//! - a struct as an object, unknown keys refused, a key twice refused, or as an array of its fields in
//!   declaration order (trailing fields that have a default may be left out);
//! - a unit enum variant as its name, or as an object with the name as sole key and `null` as value;
//! - `null` for every `Option`; a `Vec` only as an array;
//! - `u32` and `u8` only from integer literals in range (not `1.0`, `1e2` or `-0`); `f64` from any
//!   number that is finite once read, rounded correctly (`serde_json`'s `float_roundtrip`);
//! - RFC 8259 strings: escapes, `\u` surrogate pairs (a lone surrogate is refused), no raw control
//!   characters; whitespace is space, tab, line feed and carriage return; nothing after the value (the
//!   scanner's part of these rules is its own: [`crate::json`]).

use std::ops::{Deref, DerefMut};

pub(crate) use bundle_derive::FastRead;

use crate::json::Scanner;
use crate::model::{Basemap, Bundle};
use crate::number::SlowFloat;

/// Reads a bundle, or `None` where `serde_json::from_str::<Bundle>` fails.
pub(crate) fn bundle(source: &str, slow: SlowFloat) -> Option<Bundle> {
    let mut reader = Reader {
        json: Scanner::new(source),
        slow,
    };
    let bundle = Bundle::read(&mut reader)?;
    reader.peek().is_none().then_some(bundle)
}

/// A type the fast reader reads: `None` where the text is not one (what is wrong is
/// [`crate::parse`]'s to say).
#[diagnostic::on_unimplemented(
    message = "the bundle's fast reader cannot read `{Self}`",
    note = "derive FastRead on it beside Deserialize (as in model.rs), or write FastRead for it by hand \
            in crates/bundle/src/read.rs, where String, u32 or Basemap have theirs"
)]
pub(crate) trait FastRead: Sized {
    /// Reads a value at the reader's position.
    fn read(reader: &mut Reader<'_>) -> Option<Self>;
}

/// The JSON scanner ([`crate::json`]), and the two shapes the derived readers are made of: a struct's
/// fields and a unit variant.
pub(crate) struct Reader<'a> {
    json: Scanner<'a>,
    /// Reads the numbers [`crate::number::read_float`] cannot read exactly on its own.
    slow: SlowFloat,
}

impl<'a> Deref for Reader<'a> {
    type Target = Scanner<'a>;
    fn deref(&self) -> &Scanner<'a> {
        &self.json
    }
}

impl DerefMut for Reader<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.json
    }
}

/// What a field's reader is: called with the reader at the field's value.
pub(crate) type Field<'f, 'a> = &'f mut dyn FnMut(&mut Reader<'a>, usize) -> Option<()>;

impl<'a> Reader<'a> {
    /// A struct with the fields `names`: `read(reader, i)` reads field `i`'s value. Written as an
    /// object (each key once, none unknown) or as an array of the first fields in order; `true` for
    /// the array.
    pub(crate) fn fields(&mut self, names: &[&str], read: Field<'_, 'a>) -> Option<bool> {
        if self.eat(b'[') {
            for index in 0..names.len() {
                if self.peek() == Some(b']') {
                    break;
                }
                if index > 0 {
                    self.expect(b',')?;
                }
                read(self, index)?;
            }
            self.expect(b']')?;
            return Some(true);
        }
        self.expect(b'{')?;
        let mut seen = 0u64;
        if self.eat(b'}') {
            return Some(false);
        }
        loop {
            if self.peek() != Some(b'"') {
                return None;
            }
            let key = self.str()?;
            let index = names.iter().position(|n| *n == key)?;
            if seen & (1 << index) != 0 {
                return None;
            }
            seen |= 1 << index;
            self.expect(b':')?;
            read(self, index)?;
            if self.eat(b'}') {
                return Some(false);
            }
            self.expect(b',')?;
        }
    }

    /// A unit variant among `names`: `"name"`, or `{"name": null}`.
    pub(crate) fn variant(&mut self, names: &[&str]) -> Option<usize> {
        let wrapped = self.eat(b'{');
        if self.peek() != Some(b'"') {
            return None;
        }
        let name = self.str()?;
        let index = names.iter().position(|n| *n == name)?;
        if wrapped {
            self.expect(b':')?;
            if !self.word(b"null") {
                return None;
            }
            self.expect(b'}')?;
        }
        Some(index)
    }

    /// A non-negative integer literal up to `max` (serde refuses floats and negatives for unsigned).
    fn unsigned(&mut self, max: u64) -> Option<u64> {
        match self.number()? {
            (text, true) => text.parse::<u64>().ok().filter(|&n| n <= max),
            _ => None,
        }
    }
}

impl FastRead for String {
    fn read(reader: &mut Reader<'_>) -> Option<Self> {
        reader.str().map(|s| s.into_owned())
    }
}

impl FastRead for bool {
    fn read(reader: &mut Reader<'_>) -> Option<Self> {
        reader.bool()
    }
}

impl FastRead for u32 {
    fn read(reader: &mut Reader<'_>) -> Option<Self> {
        reader.unsigned(u64::from(u32::MAX)).map(|n| n as u32)
    }
}

impl FastRead for u8 {
    fn read(reader: &mut Reader<'_>) -> Option<Self> {
        reader.unsigned(u64::from(u8::MAX)).map(|n| n as u8)
    }
}

impl FastRead for f64 {
    fn read(reader: &mut Reader<'_>) -> Option<Self> {
        let (text, _) = reader.number()?;
        crate::number::read_float(text, reader.slow).filter(|n| n.is_finite())
    }
}

impl<T: FastRead> FastRead for Option<T> {
    fn read(reader: &mut Reader<'_>) -> Option<Self> {
        if reader.word(b"null") {
            Some(None)
        } else {
            T::read(reader).map(Some)
        }
    }
}

impl<T: FastRead> FastRead for Vec<T> {
    fn read(reader: &mut Reader<'_>) -> Option<Self> {
        reader.expect(b'[')?;
        let mut list = Vec::new();
        if reader.eat(b']') {
            return Some(list);
        }
        loop {
            list.push(T::read(reader)?);
            if reader.eat(b']') {
                return Some(list);
            }
            reader.expect(b',')?;
        }
    }
}

/// A file's address, or `false` (see [`Basemap`]'s `Deserialize`).
impl FastRead for Basemap {
    fn read(reader: &mut Reader<'_>) -> Option<Self> {
        if reader.word(b"false") {
            Some(Basemap::None)
        } else {
            String::read(reader).map(Basemap::File)
        }
    }
}

/// What the derive reads that the model does not use today, checked against serde on the same types.
#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    fn seven() -> u32 {
        7
    }

    #[derive(Debug, PartialEq, Deserialize, FastRead)]
    #[serde(deny_unknown_fields)]
    struct Probe {
        /// Without `default`: `None` when missing from an object, refused when missing from an array.
        #[serde(rename = "A")]
        a: Option<u32>,
        #[serde(default = "seven")]
        b: u32,
        #[serde(default)]
        c: Vec<Shade>,
        r#type: Option<String>,
    }

    #[derive(Debug, PartialEq, Deserialize, FastRead)]
    #[serde(deny_unknown_fields, default = "Settings::new")]
    struct Settings {
        x: u32,
        y: Option<bool>,
    }

    impl Settings {
        fn new() -> Self {
            Settings {
                x: 3,
                y: Some(true),
            }
        }
    }

    #[derive(Debug, PartialEq, Deserialize, FastRead)]
    #[serde(rename_all = "SCREAMING-KEBAB-CASE")]
    enum Shade {
        DarkRed,
        #[serde(rename = "pale")]
        PaleBlue,
        Green,
    }

    fn fast<T: FastRead>(text: &str) -> Option<T> {
        let mut reader = Reader {
            json: Scanner::new(text),
            slow: crate::number::std_float,
        };
        let value = T::read(&mut reader)?;
        reader.peek().is_none().then_some(value)
    }

    fn agree<T: FastRead + std::fmt::Debug + PartialEq + for<'de> Deserialize<'de>>(
        texts: &[&str],
    ) -> (usize, usize) {
        let (mut accepted, mut refused) = (0, 0);
        for text in texts {
            let serde = serde_json::from_str::<T>(text).ok();
            match &serde {
                Some(_) => accepted += 1,
                None => refused += 1,
            }
            assert_eq!(fast::<T>(text), serde, "{text}");
        }
        (accepted, refused)
    }

    #[test]
    fn derived_readers_read_as_serde_does() {
        let probes = [
            "{}",
            r#"{"A": 1}"#,
            r#"{"A": null, "b": 2, "c": ["DARK-RED", "pale", {"GREEN": null}], "type": "x"}"#,
            r#"{"a": 1}"#,
            r#"{"r#type": "x"}"#,
            r#"{"type": null, "type": null}"#,
            r#"{"c": ["PALE-BLUE"]}"#,
            r#"{"c": ["Green"]}"#,
            r#"{"c": null}"#,
            "[]",
            "[1]",
            "[null, 2]",
            "[1, 2, []]",
            r#"[1, 2, [], "t"]"#,
            r#"[1, 2, [], null]"#,
            r#"[1, 2, [], "t", 5]"#,
        ];
        assert_eq!(agree::<Probe>(&probes), (5, 11));
        let settings = [
            "{}",
            "[]",
            "[5]",
            r#"{"y": null}"#,
            r#"{"x": 1, "y": false}"#,
            "[1, null]",
            "[1, null, 3]",
            r#"{"x": -1}"#,
        ];
        assert_eq!(agree::<Settings>(&settings), (6, 2));
    }
}
