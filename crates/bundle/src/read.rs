//! The app's reader of the bundle's JSON: accepts exactly the texts that the serde types of
//! [`crate::model`] accept through `serde_json` (tested over corpora and checked by the fuzz target),
//! and reads the same bundle from them, but says nothing about what is wrong or where.
//!
//! Why not serde here: the derived deserialisers are monomorphised per type and per reader, 84 KB of
//! wasm in the module every visitor downloads first, for a bundle that is almost always good. This
//! reader is one plain function per type over the crate's JSON scanner ([`crate::json`]) (25 KB). A refused bundle is then parsed
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
//!   characters; whitespace is space, tab, line feed and carriage return; nothing after the value (the
//!   scanner's part of these rules is its own: [`crate::json`]).

use std::ops::{Deref, DerefMut};

use crate::json::Scanner;
use crate::model::*;
use crate::number::SlowFloat;
use crate::text::{Lang, Text};

/// `None`: the text is not a bundle. What is wrong is [`crate::parse`]'s to say.
type Res<T> = Option<T>;

/// Reads a bundle, or `None` where `serde_json::from_str::<Bundle>` fails.
pub(crate) fn bundle(source: &str, slow: SlowFloat) -> Option<Bundle> {
    let mut reader = Reader {
        json: Scanner::new(source),
        slow,
    };
    let bundle = read_bundle(&mut reader)?;
    reader.peek().is_none().then_some(bundle)
}

/// The JSON scanner ([`crate::json`]), and what reads the model's values from its tokens.
struct Reader<'a> {
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
type Field<'f, 'a> = &'f mut dyn FnMut(&mut Reader<'a>, usize) -> Res<()>;

impl<'a> Reader<'a> {
    fn bool(&mut self) -> Res<bool> {
        self.json.bool()
    }

    fn option<T>(&mut self, read: fn(&mut Self) -> Res<T>) -> Res<Option<T>> {
        if self.word(b"null") {
            Some(None)
        } else {
            read(self).map(Some)
        }
    }

    fn list<T>(&mut self, read: fn(&mut Self) -> Res<T>) -> Res<Vec<T>> {
        self.expect(b'[')?;
        let mut list = Vec::new();
        if self.eat(b']') {
            return Some(list);
        }
        loop {
            list.push(read(self)?);
            if self.eat(b']') {
                return Some(list);
            }
            self.expect(b',')?;
        }
    }

    fn string(&mut self) -> Res<String> {
        self.str().map(|s| s.into_owned())
    }

    /// A non-negative integer literal up to `max` (serde refuses floats and negatives for unsigned).
    fn unsigned(&mut self, max: u64) -> Res<u64> {
        match self.number()? {
            (text, true) => text.parse::<u64>().ok().filter(|&n| n <= max),
            _ => None,
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
        crate::number::read_float(text, self.slow).filter(|n| n.is_finite())
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
            return Some(());
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
                return Some(());
            }
            self.expect(b',')?;
        }
    }

    /// A unit variant among `names`: `"name"`, or `{"name": null}`.
    fn variant(&mut self, names: &[&str]) -> Res<usize> {
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
}

/// A field that must be there.
fn req<T>(field: Option<T>) -> Res<T> {
    field
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
                    return Some(());
                }
                i += 1;
            )*
            let _ = i;
            None
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
    Some(Text {
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
    Some(Lang::ALL[r.variant(&["zh", "en"])?])
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
    Some(Bundle {
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
    Some(Meta {
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
    Some(Introductions {
        gallery: gallery.flatten(),
        map: map.flatten(),
        story: story.flatten(),
        books: books.flatten(),
    })
}

fn read_source(r: &mut Reader) -> Res<Source> {
    let (title, url) = record!(r, ["title" => title: text, "url" => url: opt_string]);
    Some(Source {
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
    Some(Event {
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
    Some(Coordinates {
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
    Some(Unit {
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
    Some(Person {
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
    Some(Item {
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
    Some(Media {
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
    Some(MediaVariant {
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
    Some(ArtworkDetails {
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
    Some(CoverDetails {
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
    Some(BookDetails {
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
    Some(PlaqueDetails {
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
    Some(Activity {
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
    Some(MapSettings {
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
        Some(Basemap::None)
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
    Some(Route {
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
    Some(TileLayer {
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
    Some(KioskSettings {
        enabled: enabled.unwrap_or(d.enabled),
        idle_seconds: idle.unwrap_or(d.idle_seconds),
        countdown_seconds: countdown.unwrap_or(d.countdown_seconds),
        attract_after_seconds: attract.unwrap_or(d.attract_after_seconds),
        slide_seconds: slide.unwrap_or(d.slide_seconds),
        refresh_seconds: refresh.unwrap_or(d.refresh_seconds),
    })
}
