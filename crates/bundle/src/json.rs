//! The one JSON scanner of the crate: the app's reader (`read.rs`, behind [`crate::parse_unlocated`]),
//! the located parse's search for a path ([`crate::locate`]) and the CLI's edits of the bundle's text
//! all read JSON with it.
//!
//! It reads what RFC 8259 and `serde_json` accept, and nothing else: whitespace is space, tab, line feed
//! and carriage return; strings have the standard escapes, `\u` surrogate pairs (a lone surrogate is
//! refused) and no raw control characters; numbers have no leading zeros, no `+`, digits on both sides
//! of a point. Every method returns `None` where the text is not that, leaving the position anywhere:
//! the callers give up on the whole text then.

use std::borrow::Cow;

/// A position in a JSON text, moved on by each token read.
pub struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Scanner<'a> {
    /// A scanner at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Scanner::at(text, 0)
    }

    /// A scanner at byte `pos` of `text`.
    pub fn at(text: &'a str, pos: usize) -> Self {
        Scanner {
            text,
            bytes: text.as_bytes(),
            pos,
        }
    }

    /// The byte offset of what is read next (after [`Scanner::peek`], past the whitespace).
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// The next byte after whitespace, not consumed; `None` at the end of the text.
    pub fn peek(&mut self) -> Option<u8> {
        while let Some(&b) = self.bytes.get(self.pos) {
            if !matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(b);
            }
            self.pos += 1;
        }
        None
    }

    /// Consumes `b` if it is next (after whitespace).
    pub fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        if found {
            self.pos += 1;
        }
        found
    }

    /// Consumes `b`, which must be next.
    pub fn expect(&mut self, b: u8) -> Option<()> {
        self.eat(b).then_some(())
    }

    /// Consumes `word` (`null`, `true`, `false`) if it is next.
    pub fn word(&mut self, word: &[u8]) -> bool {
        let found = self.peek().is_some() && self.bytes[self.pos..].starts_with(word);
        if found {
            self.pos += word.len();
        }
        found
    }

    /// `true` or `false`.
    pub fn bool(&mut self) -> Option<bool> {
        if self.word(b"true") {
            Some(true)
        } else if self.word(b"false") {
            Some(false)
        } else {
            None
        }
    }

    /// A string's contents, borrowed from the text when it has no escapes (keys, most values).
    pub fn str(&mut self) -> Option<Cow<'a, str>> {
        self.expect(b'"')?;
        let start = self.pos;
        self.plain_run();
        if self.bytes.get(self.pos) == Some(&b'"') {
            self.pos += 1;
            return Some(Cow::Borrowed(&self.text[start..self.pos - 1]));
        }
        let mut out = String::from(&self.text[start..self.pos]);
        loop {
            match self.bytes.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Some(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escape = *self.bytes.get(self.pos)?;
                    self.pos += 1;
                    out.push(match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return None,
                    });
                }
                // A raw control character, or the end of the text inside the string.
                _ => return None,
            }
            let run = self.pos;
            self.plain_run();
            out.push_str(&self.text[run..self.pos]);
        }
    }

    /// Moves past characters that stand for themselves in a string: up to a quote, a backslash, a
    /// control character or the end (all ASCII, so `pos` stays on a character boundary).
    fn plain_run(&mut self) {
        while let Some(&b) = self.bytes.get(self.pos) {
            if b == b'"' || b == b'\\' || b < 0x20 {
                break;
            }
            self.pos += 1;
        }
    }

    /// After `\u`: one code point, from a surrogate pair where it takes two escapes.
    fn unicode_escape(&mut self) -> Option<char> {
        let first = self.hex4()?;
        let code = match first {
            0xDC00..=0xDFFF => return None,
            0xD800..=0xDBFF => {
                if !self.bytes[self.pos..].starts_with(b"\\u") {
                    return None;
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return None;
                }
                0x1_0000 + ((u32::from(first) - 0xD800) << 10) + (u32::from(second) - 0xDC00)
            }
            _ => u32::from(first),
        };
        char::from_u32(code)
    }

    fn hex4(&mut self) -> Option<u16> {
        let digits = self.bytes.get(self.pos..self.pos + 4)?;
        let mut value = 0u16;
        for &d in digits {
            let digit = (d as char).to_digit(16)?;
            value = value * 16 + digit as u16;
        }
        self.pos += 4;
        Some(value)
    }

    /// A number as JSON writes it: its text, and whether it is a plain non-negative integer.
    pub fn number(&mut self) -> Option<(&'a str, bool)> {
        self.peek();
        let start = self.pos;
        let digits = |r: &mut Self| {
            let from = r.pos;
            while r.bytes.get(r.pos).is_some_and(u8::is_ascii_digit) {
                r.pos += 1;
            }
            r.pos - from
        };
        let negative = self.bytes.get(self.pos) == Some(&b'-');
        if negative {
            self.pos += 1;
        }
        let int_start = self.pos;
        match digits(self) {
            0 => return None,
            // No leading zeros.
            n if n > 1 && self.bytes[int_start] == b'0' => return None,
            _ => {}
        }
        let mut integer = !negative;
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            integer = false;
            if digits(self) == 0 {
                return None;
            }
        }
        if matches!(self.bytes.get(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            integer = false;
            if matches!(self.bytes.get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if digits(self) == 0 {
                return None;
            }
        }
        // Only ASCII was consumed: character boundaries.
        Some((&self.text[start..self.pos], integer))
    }

    /// Moves past one value of any kind, checking it as it goes. Without recursion: a text nested
    /// deeper than any parser allows is walked, not a stack overflow.
    pub fn skip_value(&mut self) -> Option<()> {
        // The containers open around the scanner, innermost last: `true` for an object.
        let mut open: Vec<bool> = Vec::new();
        loop {
            match self.peek()? {
                b'{' => {
                    self.pos += 1;
                    if !self.eat(b'}') {
                        open.push(true);
                        self.key()?;
                        continue;
                    }
                }
                b'[' => {
                    self.pos += 1;
                    if !self.eat(b']') {
                        open.push(false);
                        continue;
                    }
                }
                b'"' => drop(self.str()?),
                b't' | b'f' => drop(self.bool()?),
                b'n' => self.word(b"null").then_some(())?,
                _ => drop(self.number()?),
            }
            // After a value: the containers it closes, then the next member or element.
            loop {
                let Some(&object) = open.last() else {
                    return Some(());
                };
                if self.eat(b',') {
                    if object {
                        self.key()?;
                    }
                    break;
                }
                self.expect(if object { b'}' } else { b']' })?;
                open.pop();
            }
        }
    }

    /// An object's key and its colon.
    fn key(&mut self) -> Option<Cow<'a, str>> {
        if self.peek()? != b'"' {
            return None;
        }
        let key = self.str()?;
        self.expect(b':')?;
        Some(key)
    }

    /// From an object, to the value of its member `key` (the first, if the text has it twice).
    pub fn enter_member(&mut self, key: &str) -> Option<()> {
        self.expect(b'{')?;
        if self.peek()? == b'}' {
            return None;
        }
        loop {
            if self.key()? == key {
                self.peek();
                return Some(());
            }
            self.skip_value()?;
            self.expect(b',')?;
        }
    }

    /// From an array, to its element `index`.
    pub fn enter_element(&mut self, index: usize) -> Option<()> {
        self.expect(b'[')?;
        for _ in 0..index {
            if self.peek()? == b']' {
                return None;
            }
            self.skip_value()?;
            self.expect(b',')?;
        }
        (self.peek()? != b']').then_some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skipped(text: &str) -> Option<usize> {
        let mut scanner = Scanner::new(text);
        scanner.skip_value()?;
        Some(scanner.pos())
    }

    #[test]
    fn skips_one_value_of_each_kind() {
        assert_eq!(skipped(r#" "a\"b" , 1"#), Some(7));
        assert_eq!(skipped("-1.5e3]"), Some(6));
        assert_eq!(skipped("true,"), Some(4));
        assert_eq!(skipped("null}"), Some(4));
        assert_eq!(skipped(r#"{"a": [1, {"b": "]}"}], "c": {}} 2"#), Some(32));
        assert_eq!(skipped("[[], {}, [[1]]]x"), Some(15));
    }

    #[test]
    fn refuses_what_is_not_json() {
        for text in [
            "",
            "[1,]",
            "{\"a\" 1}",
            "{\"a\": 1,}",
            "[1 2]",
            "01",
            "+1",
            "1.",
            "nul",
            "'a'",
            "\"\\x\"",
            "\"\\uD800\"",
            "\"a\tb\"",
            "{a: 1}",
            "[",
            "{\"a\": 1",
        ] {
            assert_eq!(skipped(text), None, "{text:?}");
        }
    }

    #[test]
    fn walks_deep_nesting_without_recursion() {
        let deep = format!("{}{}", "[".repeat(1_000_000), "]".repeat(1_000_000));
        assert_eq!(skipped(&deep), Some(deep.len()));
    }

    #[test]
    fn enters_members_by_their_unescaped_key_and_elements_by_index() {
        let text = r#"{ "a": 1, "\u0062": [10, { "c": true }] }"#;
        let mut scanner = Scanner::new(text);
        assert_eq!(scanner.enter_member("b"), Some(()));
        assert_eq!(scanner.enter_element(1), Some(()));
        assert_eq!(scanner.enter_member("c"), Some(()));
        assert_eq!(&text[scanner.pos()..scanner.pos() + 4], "true");
        assert_eq!(Scanner::new(text).enter_member("z"), None);
        assert_eq!(Scanner::new("[1]").enter_element(1), None);
    }
}
