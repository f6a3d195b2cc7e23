//! The app's reader of the bundle's JSON: accepts exactly the texts that the serde types of
//! [`crate::model`] accept through `serde_json` (tested over corpora and checked by the fuzz target),
//! and reads the same bundle from them, but says nothing about what is wrong or where.
//!
//! Why not serde here: the derived deserialisers are monomorphised per type and per reader, 84 KB of
//! wasm in the module every visitor downloads first, for a bundle that is almost always good. This
//! reader is one plain function per type over one byte scanner (25 KB). A refused bundle is then parsed
//! again by [`crate::parse`] (serde, with paths, lines and columns), whose code the app loads only then.
//!
//! A field added to a type of [`crate::model`] is added here too: the compiler asks for it (each struct
//! is built whole below), and `tests/validation.rs` checks that serde and this reader read it alike.
//!
//! What serde and `serde_json` accept, and so this reader does too:
//! - a struct as an object, unknown keys refused, a key twice refused, or as an array of its fields in
//!   declaration order (trailing fields that have a default may be left out);
//! - a unit enum variant as its name, or as an object with the name as sole key and `null` as value;
//! - `null` for every `Option`; a `Vec` only as an array;
//! - `u32` and `u8` only from integer literals in range (not `1.0`, `1e2` or `-0`); `f64` from any
//!   number that is finite once read, rounded correctly (`serde_json`'s `float_roundtrip`);
//! - RFC 8259 strings: escapes, `\u` surrogate pairs (a lone surrogate is refused), no raw control
//!   characters; whitespace is space, tab, line feed and carriage return; nothing after the value.

use std::borrow::Cow;

use crate::model::*;
use crate::number::SlowFloat;
use crate::text::{Lang, Text};

/// The text is not a bundle. What is wrong is [`crate::parse`]'s to say.
#[derive(Debug)]
struct Refused;

type Res<T> = Result<T, Refused>;

/// Reads a bundle, or `None` where `serde_json::from_str::<Bundle>` fails.
pub(crate) fn bundle(source: &str, slow: SlowFloat) -> Option<Bundle> {
    let mut reader = Reader {
        text: source,
        bytes: source.as_bytes(),
        pos: 0,
        slow,
    };
    let bundle = read_bundle(&mut reader).ok()?;
    reader.peek().is_none().then_some(bundle)
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// Reads the numbers [`crate::number::read_float`] cannot read exactly on its own.
    slow: SlowFloat,
}

/// What a field's reader is: called with the reader at the field's value.
type Field<'f, 'a> = &'f mut dyn FnMut(&mut Reader<'a>, usize) -> Res<()>;

impl<'a> Reader<'a> {
    /// The next byte after whitespace, not consumed.
    fn peek(&mut self) -> Option<u8> {
        while let Some(&b) = self.bytes.get(self.pos) {
            if !matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(b);
            }
            self.pos += 1;
        }
        None
    }

    /// Consumes `b` if it is next (after whitespace).
    fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        if found {
            self.pos += 1;
        }
        found
    }

    fn expect(&mut self, b: u8) -> Res<()> {
        if self.eat(b) {
            Ok(())
        } else {
            Err(Refused)
        }
    }

    /// Consumes `word` (`null`, `true`, `false`) if it is next.
    fn word(&mut self, word: &[u8]) -> bool {
        let found = self.peek().is_some() && self.bytes[self.pos..].starts_with(word);
        if found {
            self.pos += word.len();
        }
        found
    }

    fn bool(&mut self) -> Res<bool> {
        if self.word(b"true") {
            Ok(true)
        } else if self.word(b"false") {
            Ok(false)
        } else {
            Err(Refused)
        }
    }

    fn option<T>(&mut self, read: fn(&mut Self) -> Res<T>) -> Res<Option<T>> {
        if self.word(b"null") {
            Ok(None)
        } else {
            read(self).map(Some)
        }
    }

    fn list<T>(&mut self, read: fn(&mut Self) -> Res<T>) -> Res<Vec<T>> {
        self.expect(b'[')?;
        let mut list = Vec::new();
        if self.eat(b']') {
            return Ok(list);
        }
        loop {
            list.push(read(self)?);
            if self.eat(b']') {
                return Ok(list);
            }
            self.expect(b',')?;
        }
    }

    fn string(&mut self) -> Res<String> {
        self.str().map(Cow::into_owned)
    }

    /// A string's contents, borrowed from the text when it has no escapes (keys, most values).
    fn str(&mut self) -> Res<Cow<'a, str>> {
        self.expect(b'"')?;
        let start = self.pos;
        self.plain_run();
        if self.bytes.get(self.pos) == Some(&b'"') {
            self.pos += 1;
            return Ok(Cow::Borrowed(&self.text[start..self.pos - 1]));
        }
        let mut out = String::from(&self.text[start..self.pos]);
        loop {
            match self.bytes.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escape = *self.bytes.get(self.pos).ok_or(Refused)?;
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
                        _ => return Err(Refused),
                    });
                }
                // A raw control character, or the end of the text inside the string.
                _ => return Err(Refused),
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
    fn unicode_escape(&mut self) -> Res<char> {
        let first = self.hex4()?;
        let code = match first {
            0xDC00..=0xDFFF => return Err(Refused),
            0xD800..=0xDBFF => {
                if !self.bytes[self.pos..].starts_with(b"\\u") {
                    return Err(Refused);
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(Refused);
                }
                0x1_0000 + ((u32::from(first) - 0xD800) << 10) + (u32::from(second) - 0xDC00)
            }
            _ => u32::from(first),
        };
        char::from_u32(code).ok_or(Refused)
    }

    fn hex4(&mut self) -> Res<u16> {
        let digits = self.bytes.get(self.pos..self.pos + 4).ok_or(Refused)?;
        let mut value = 0u16;
        for &d in digits {
            let digit = (d as char).to_digit(16).ok_or(Refused)?;
            value = value * 16 + digit as u16;
        }
        self.pos += 4;
        Ok(value)
    }

    /// A number as JSON writes it: its text, and whether it is a plain non-negative integer.
    fn number(&mut self) -> Res<(&'a str, bool)> {
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
            0 => return Err(Refused),
            // No leading zeros.
            n if n > 1 && self.bytes[int_start] == b'0' => return Err(Refused),
            _ => {}
        }
        let mut integer = !negative;
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            integer = false;
            if digits(self) == 0 {
                return Err(Refused);
            }
        }
        if matches!(self.bytes.get(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            integer = false;
            if matches!(self.bytes.get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if digits(self) == 0 {
                return Err(Refused);
            }
        }
        // Only ASCII was consumed: character boundaries.
        Ok((&self.text[start..self.pos], integer))
    }

    /// A non-negative integer literal up to `max` (serde refuses floats and negatives for unsigned).
    fn unsigned(&mut self, max: u64) -> Res<u64> {
        match self.number()? {
            (text, true) => text
                .parse::<u64>()
                .ok()
                .filter(|&n| n <= max)
                .ok_or(Refused),
            _ => Err(Refused),
        }
    }

    fn u32(&mut self) -> Res<u32> {
        self.unsigned(u64::from(u32::MAX)).map(|n| n as u32)
    }

    fn u8(&mut self) -> Res<u8> {
        self.unsigned(u64::from(u8::MAX)).map(|n| n as u8)
    }

    fn f64(&mut self) -> Res<f64> {
        let (text, _) = self.number()?;
        crate::number::read_float(text, self.slow)
            .filter(|n| n.is_finite())
            .ok_or(Refused)
    }

    /// A struct with the fields `names`: `read(reader, i)` reads field `i`'s value. Written as an
    /// object (each key once, none unknown) or as an array of the first fields in order.
    fn fields(&mut self, names: &[&str], read: Field<'_, 'a>) -> Res<()> {
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
            return self.expect(b']');
        }
        self.expect(b'{')?;
        let mut seen = 0u64;
        if self.eat(b'}') {
            return Ok(());
        }
        loop {
            if self.peek() != Some(b'"') {
                return Err(Refused);
            }
            let key = self.str()?;
            let index = names.iter().position(|n| *n == key).ok_or(Refused)?;
            if seen & (1 << index) != 0 {
                return Err(Refused);
            }
            seen |= 1 << index;
            self.expect(b':')?;
            read(self, index)?;
            if self.eat(b'}') {
                return Ok(());
            }
            self.expect(b',')?;
        }
    }

    /// A unit variant among `names`: `"name"`, or `{"name": null}`.
    fn variant(&mut self, names: &[&str]) -> Res<usize> {
        let wrapped = self.eat(b'{');
        if self.peek() != Some(b'"') {
            return Err(Refused);
        }
        let name = self.str()?;
        let index = names.iter().position(|n| *n == name).ok_or(Refused)?;
        if wrapped {
            self.expect(b':')?;
            if !self.word(b"null") {
                return Err(Refused);
            }
            self.expect(b'}')?;
        }
        Ok(index)
    }
}

/// A field that must be there.
fn req<T>(field: Option<T>) -> Res<T> {
    field.ok_or(Refused)
}

/// Declares a slot per field, reads the struct's fields into them, and gives the slots back in order:
/// `record!(reader, ["key" => slot: read_fn, …])`.
macro_rules! record {
    ($r:expr, [$($name:literal => $slot:ident: $read:expr),* $(,)?]) => {{
        $(let mut $slot = None;)*
        $r.fields(&[$($name),*], &mut |r, index| {
            let mut i = 0usize;
            $(
                if index == i {
                    $slot = Some($read(r)?);
                    return Ok(());
                }
                i += 1;
            )*
            let _ = i;
            Err(Refused)
        })?;
        ($($slot),*)
    }};
}

fn string(r: &mut Reader) -> Res<String> {
    r.string()
}

fn opt_string(r: &mut Reader) -> Res<Option<String>> {
    r.option(Reader::string)
}

fn strings(r: &mut Reader) -> Res<Vec<String>> {
    r.list(Reader::string)
}

fn text(r: &mut Reader) -> Res<Text> {
    let (zh, en, review) = record!(r, [
        "zh" => zh: opt_string,
        "en" => en: opt_string,
        "review" => review: opt_string,
    ]);
    Ok(Text {
        zh: zh.flatten(),
        en: en.flatten(),
        review: review.flatten(),
    })
}

fn opt_text(r: &mut Reader) -> Res<Option<Text>> {
    r.option(text)
}

fn texts(r: &mut Reader) -> Res<Vec<Text>> {
    r.list(text)
}

fn lang(r: &mut Reader) -> Res<Lang> {
    Ok(Lang::ALL[r.variant(&["zh", "en"])?])
}

fn opt_lang(r: &mut Reader) -> Res<Option<Lang>> {
    r.option(lang)
}

fn read_bundle(r: &mut Reader) -> Res<Bundle> {
    let (
        json_schema,
        schema_version,
        default_language,
        meta,
        event,
        units,
        people,
        items,
        timeline,
        map,
        kiosk,
    ) = record!(r, [
        "$schema" => json_schema: opt_string,
        "schema_version" => schema_version: Reader::u32,
        "default_language" => default_language: opt_lang,
        "meta" => meta: read_meta,
        "event" => event: read_event,
        "units" => units: |r: &mut Reader| r.list(read_unit),
        "people" => people: |r: &mut Reader| r.list(read_person),
        "items" => items: |r: &mut Reader| r.list(read_item),
        "timeline" => timeline: |r: &mut Reader| r.list(read_activity),
        "map" => map: read_map,
        "kiosk" => kiosk: read_kiosk,
    ]);
    Ok(Bundle {
        json_schema: json_schema.flatten(),
        schema_version: req(schema_version)?,
        default_language: default_language.flatten(),
        meta: req(meta)?,
        event: req(event)?,
        units: req(units)?,
        people: people.unwrap_or_default(),
        items: req(items)?,
        timeline: timeline.unwrap_or_default(),
        map: map.unwrap_or_default(),
        kiosk: kiosk.unwrap_or_default(),
    })
}

fn read_meta(r: &mut Reader) -> Res<Meta> {
    let (
        title,
        subtitle,
        updated,
        base_url,
        sources,
        site_name,
        short_name,
        mark,
        description,
        introductions,
    ) = record!(r, [
        "title" => title: text,
        "subtitle" => subtitle: opt_text,
        "updated" => updated: string,
        "base_url" => base_url: opt_string,
        "sources" => sources: |r: &mut Reader| r.list(read_source),
        "site_name" => site_name: opt_text,
        "short_name" => short_name: opt_text,
        "mark" => mark: opt_string,
        "description" => description: opt_text,
        "introductions" => introductions: read_introductions,
    ]);
    Ok(Meta {
        title: req(title)?,
        subtitle: subtitle.flatten(),
        updated: req(updated)?,
        base_url: base_url.flatten(),
        sources: sources.unwrap_or_default(),
        site_name: site_name.flatten(),
        short_name: short_name.flatten(),
        mark: mark.flatten(),
        description: description.flatten(),
        introductions: introductions.unwrap_or_default(),
    })
}

fn read_introductions(r: &mut Reader) -> Res<Introductions> {
    let (gallery, map, story, books) = record!(r, [
        "gallery" => gallery: opt_text,
        "map" => map: opt_text,
        "story" => story: opt_text,
        "books" => books: opt_text,
    ]);
    Ok(Introductions {
        gallery: gallery.flatten(),
        map: map.flatten(),
        story: story.flatten(),
        books: books.flatten(),
    })
}

fn read_source(r: &mut Reader) -> Res<Source> {
    let (title, url) = record!(r, ["title" => title: text, "url" => url: opt_string]);
    Ok(Source {
        title: req(title)?,
        url: url.flatten(),
    })
}

fn read_event(r: &mut Reader) -> Res<Event> {
    let (title, date, place, host_unit, theme, principles, summary) = record!(r, [
        "title" => title: text,
        "date" => date: string,
        "place" => place: text,
        "host_unit" => host_unit: opt_string,
        "theme" => theme: text,
        "principles" => principles: texts,
        "summary" => summary: text,
    ]);
    Ok(Event {
        title: req(title)?,
        date: req(date)?,
        place: req(place)?,
        host_unit: host_unit.flatten(),
        theme: req(theme)?,
        principles: principles.unwrap_or_default(),
        summary: req(summary)?,
    })
}

fn read_coordinates(r: &mut Reader) -> Res<Coordinates> {
    let (lat, lon, approximate) = record!(r, [
        "lat" => lat: Reader::f64,
        "lon" => lon: Reader::f64,
        "approximate" => approximate: Reader::bool,
    ]);
    Ok(Coordinates {
        lat: req(lat)?,
        lon: req(lon)?,
        approximate: approximate.unwrap_or_default(),
    })
}

fn read_unit(r: &mut Reader) -> Res<Unit> {
    const KINDS: [UnitKind; 4] = [
        UnitKind::Community,
        UnitKind::Enterprise,
        UnitKind::School,
        UnitKind::RecipientSchool,
    ];
    let unit_kind = |r: &mut Reader| {
        r.variant(&["community", "enterprise", "school", "recipient_school"])
            .map(|i| KINDS[i])
    };
    let unit_role = |r: &mut Reader| {
        r.variant(&["partner", "recipient"])
            .map(|i| [UnitRole::Partner, UnitRole::Recipient][i])
    };
    let (id, kind, role, name, short_name, branch, secretary, address, location, description) = record!(r, [
        "id" => id: string,
        "kind" => kind: unit_kind,
        "role" => role: unit_role,
        "name" => name: text,
        "short_name" => short_name: opt_text,
        "branch" => branch: opt_text,
        "secretary" => secretary: opt_string,
        "address" => address: opt_text,
        "location" => location: read_coordinates,
        "description" => description: opt_text,
    ]);
    Ok(Unit {
        id: req(id)?,
        kind: req(kind)?,
        role: req(role)?,
        name: req(name)?,
        short_name: short_name.flatten(),
        branch: branch.flatten(),
        secretary: secretary.flatten(),
        address: address.flatten(),
        location: req(location)?,
        description: description.flatten(),
    })
}

fn read_person(r: &mut Reader) -> Res<Person> {
    let (id, name, role, unit, description) = record!(r, [
        "id" => id: string,
        "name" => name: text,
        "role" => role: text,
        "unit" => unit: opt_string,
        "description" => description: opt_text,
    ]);
    Ok(Person {
        id: req(id)?,
        name: req(name)?,
        role: req(role)?,
        unit: unit.flatten(),
        description: description.flatten(),
    })
}

fn read_item(r: &mut Reader) -> Res<Item> {
    let item_kind = |r: &mut Reader| {
        r.variant(&[
            "artwork",
            "first_day_cover",
            "book_donation",
            "plaque",
            "other",
        ])
        .map(|i| ItemKind::ALL[i])
    };
    let (
        id,
        kind,
        title,
        description,
        donors,
        recipients,
        date,
        media,
        featured,
        artwork,
        cover,
        books,
        plaque,
    ) = record!(r, [
        "id" => id: string,
        "kind" => kind: item_kind,
        "title" => title: text,
        "description" => description: text,
        "donors" => donors: strings,
        "recipients" => recipients: strings,
        "date" => date: string,
        "media" => media: |r: &mut Reader| r.list(read_media),
        "featured" => featured: Reader::bool,
        "artwork" => artwork: |r: &mut Reader| r.option(read_artwork),
        "cover" => cover: |r: &mut Reader| r.option(read_cover),
        "books" => books: |r: &mut Reader| r.option(read_books),
        "plaque" => plaque: |r: &mut Reader| r.option(read_plaque),
    ]);
    Ok(Item {
        id: req(id)?,
        kind: req(kind)?,
        title: req(title)?,
        description: req(description)?,
        donors: req(donors)?,
        recipients: req(recipients)?,
        date: req(date)?,
        media: media.unwrap_or_default(),
        featured: featured.unwrap_or_default(),
        artwork: artwork.flatten(),
        cover: cover.flatten(),
        books: books.flatten(),
        plaque: plaque.flatten(),
    })
}

fn read_media(r: &mut Reader) -> Res<Media> {
    let (src, width, height, alt, caption, credit, sample, variants, placeholder) = record!(r, [
        "src" => src: string,
        "width" => width: Reader::u32,
        "height" => height: Reader::u32,
        "alt" => alt: text,
        "caption" => caption: opt_text,
        "credit" => credit: opt_text,
        "sample" => sample: Reader::bool,
        "variants" => variants: |r: &mut Reader| r.list(read_variant),
        "placeholder" => placeholder: opt_string,
    ]);
    Ok(Media {
        src: req(src)?,
        width: req(width)?,
        height: req(height)?,
        alt: req(alt)?,
        caption: caption.flatten(),
        credit: credit.flatten(),
        sample: sample.unwrap_or_default(),
        variants: variants.unwrap_or_default(),
        placeholder: placeholder.flatten(),
    })
}

fn read_variant(r: &mut Reader) -> Res<MediaVariant> {
    let (src, width, height) = record!(r, [
        "src" => src: string,
        "width" => width: Reader::u32,
        "height" => height: Reader::u32,
    ]);
    Ok(MediaVariant {
        src: req(src)?,
        width: req(width)?,
        height: req(height)?,
    })
}

fn read_artwork(r: &mut Reader) -> Res<ArtworkDetails> {
    let (artists, medium, size) = record!(r, [
        "artists" => artists: opt_text,
        "medium" => medium: opt_text,
        "size" => size: opt_text,
    ]);
    Ok(ArtworkDetails {
        artists: artists.flatten(),
        medium: medium.flatten(),
        size: size.flatten(),
    })
}

fn read_cover(r: &mut Reader) -> Res<CoverDetails> {
    let (issuer, stamp, postmark) = record!(r, [
        "issuer" => issuer: opt_text,
        "stamp" => stamp: opt_text,
        "postmark" => postmark: opt_text,
    ]);
    Ok(CoverDetails {
        issuer: issuer.flatten(),
        stamp: stamp.flatten(),
        postmark: postmark.flatten(),
    })
}

fn read_books(r: &mut Reader) -> Res<BookDetails> {
    let (count, titles, via, from, to) = record!(r, [
        "count" => count: |r: &mut Reader| r.option(Reader::u32),
        "titles" => titles: texts,
        "via" => via: opt_string,
        "from" => from: strings,
        "to" => to: string,
    ]);
    Ok(BookDetails {
        count: count.flatten(),
        titles: titles.unwrap_or_default(),
        via: via.flatten(),
        from: req(from)?,
        to: req(to)?,
    })
}

fn read_plaque(r: &mut Reader) -> Res<PlaqueDetails> {
    let (inscription, material) = record!(r, [
        "inscription" => inscription: opt_text,
        "material" => material: opt_text,
    ]);
    Ok(PlaqueDetails {
        inscription: inscription.flatten(),
        material: material.flatten(),
    })
}

fn read_activity(r: &mut Reader) -> Res<Activity> {
    let (id, time, title, description, units, people, items) = record!(r, [
        "id" => id: string,
        "time" => time: opt_string,
        "title" => title: text,
        "description" => description: text,
        "units" => units: strings,
        "people" => people: strings,
        "items" => items: strings,
    ]);
    Ok(Activity {
        id: req(id)?,
        time: time.flatten(),
        title: req(title)?,
        description: req(description)?,
        units: units.unwrap_or_default(),
        people: people.unwrap_or_default(),
        items: items.unwrap_or_default(),
    })
}

fn read_map(r: &mut Reader) -> Res<MapSettings> {
    let (basemap, center, zoom, routes, tiles, approval_number, basemap_credit) = record!(r, [
        "basemap" => basemap: |r: &mut Reader| r.option(read_basemap),
        "center" => center: read_coordinates,
        "zoom" => zoom: Reader::f64,
        "routes" => routes: |r: &mut Reader| r.list(read_route),
        "tiles" => tiles: |r: &mut Reader| r.option(read_tiles),
        "approval_number" => approval_number: opt_text,
        "basemap_credit" => basemap_credit: opt_text,
    ]);
    Ok(MapSettings {
        basemap: basemap.flatten(),
        center: req(center)?,
        zoom: req(zoom)?,
        routes: routes.unwrap_or_default(),
        tiles: tiles.flatten(),
        approval_number: approval_number.flatten(),
        basemap_credit: basemap_credit.flatten(),
    })
}

/// A file's address, or `false` (see [`Basemap`]'s `Deserialize`).
fn read_basemap(r: &mut Reader) -> Res<Basemap> {
    if r.word(b"false") {
        Ok(Basemap::None)
    } else {
        r.string().map(Basemap::File)
    }
}

fn read_route(r: &mut Reader) -> Res<Route> {
    let (id, from, to, label, items) = record!(r, [
        "id" => id: string,
        "from" => from: string,
        "to" => to: string,
        "label" => label: text,
        "items" => items: strings,
    ]);
    Ok(Route {
        id: req(id)?,
        from: req(from)?,
        to: req(to)?,
        label: req(label)?,
        items: items.unwrap_or_default(),
    })
}

fn read_tiles(r: &mut Reader) -> Res<TileLayer> {
    let datum_of = |r: &mut Reader| {
        r.variant(&["wgs84", "gcj02"])
            .map(|i| [Datum::Wgs84, Datum::Gcj02][i])
    };
    let (url_template, attribution, max_zoom, datum) = record!(r, [
        "url_template" => url_template: string,
        "attribution" => attribution: text,
        "max_zoom" => max_zoom: Reader::u8,
        "datum" => datum: datum_of,
    ]);
    Ok(TileLayer {
        url_template: req(url_template)?,
        attribution: req(attribution)?,
        max_zoom: req(max_zoom)?,
        datum: datum.unwrap_or_default(),
    })
}

/// Every field has a default (the struct's own).
fn read_kiosk(r: &mut Reader) -> Res<KioskSettings> {
    let d = KioskSettings::default();
    let (enabled, idle, countdown, attract, slide, refresh) = record!(r, [
        "enabled" => enabled: Reader::bool,
        "idle_seconds" => idle: Reader::u32,
        "countdown_seconds" => countdown: Reader::u32,
        "attract_after_seconds" => attract: Reader::u32,
        "slide_seconds" => slide: Reader::u32,
        "refresh_seconds" => refresh: Reader::u32,
    ]);
    Ok(KioskSettings {
        enabled: enabled.unwrap_or(d.enabled),
        idle_seconds: idle.unwrap_or(d.idle_seconds),
        countdown_seconds: countdown.unwrap_or(d.countdown_seconds),
        attract_after_seconds: attract.unwrap_or(d.attract_after_seconds),
        slide_seconds: slide.unwrap_or(d.slide_seconds),
        refresh_seconds: refresh.unwrap_or(d.refresh_seconds),
    })
}
