//! The bundle's types, exactly as they appear in `public/data/bundle.json` (see docs/bundle.md).
//! Unknown fields are rejected so that a misspelt key is reported instead of silently ignored.
//!
//! Each type is declared once: serde's derives read it (the located parse, `crate::parse`), and so does
//! `FastRead` (the app's fast reader, `crate::read`), from the same serde attributes. A field added here,
//! with its doc and attributes, is read by both; the JSON Schema follows too (`bundle schema`).

use serde::{Deserialize, Serialize};

use crate::read::FastRead;
use crate::text::{Lang, Text};

/// The schema version this build of the showcase understands.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    /// Editor hint: the JSON Schema of the bundle. Ignored by the app.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub json_schema: Option<String>,
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 1)))]
    pub schema_version: u32,
    /// Language shown to a visitor who has not chosen one (before the browser's preference).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_language: Option<Lang>,
    pub meta: Meta,
    pub event: Event,
    pub units: Vec<Unit>,
    #[serde(default)]
    pub people: Vec<Person>,
    pub items: Vec<Item>,
    #[serde(default)]
    pub timeline: Vec<Activity>,
    #[serde(default)]
    pub map: MapSettings,
    #[serde(default)]
    pub kiosk: KioskSettings,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// The showcase's title, shown on the home page and in the document title.
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<Text>,
    /// Date of this edition of the bundle (YYYY-MM-DD).
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub updated: String,
    /// Public address of the site, for links and QR codes handed to visitors (https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// The site's name: in the header and at the end of every page's title. Default: `title`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_name: Option<Text>,
    /// A shorter name, for the header on narrow screens. Default: `site_name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<Text>,
    /// One or two characters shown in the round mark beside the site's name (e.g. "纪"). Default:
    /// no mark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark: Option<String>,
    /// One or two sentences on the showcase, for search engines and link previews. Default:
    /// `subtitle`, else the event's summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// What the home page says of each section under its name. Default: a general sentence.
    #[serde(default, skip_serializing_if = "Introductions::is_empty")]
    pub introductions: Introductions,
}

/// A sentence for each section of the site, shown on the home page's ways in.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Introductions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gallery: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub books: Option<Text>,
}

impl Introductions {
    pub fn is_empty(&self) -> bool {
        self == &Introductions::default()
    }
}

impl Meta {
    /// [`Meta::site_name`], else the title.
    pub fn site_name(&self) -> &Text {
        self.site_name.as_ref().unwrap_or(&self.title)
    }

    /// [`Meta::short_name`], else [`Meta::site_name()`].
    pub fn short_name(&self) -> &Text {
        self.short_name.as_ref().unwrap_or_else(|| self.site_name())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub title: Text,
    /// YYYY-MM-DD.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub date: String,
    pub place: Text,
    /// The unit that hosted the event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_unit: Option<String>,
    pub theme: Text,
    #[serde(default)]
    pub principles: Vec<Text>,
    pub summary: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Community,
    Enterprise,
    School,
    RecipientSchool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum UnitRole {
    Partner,
    Recipient,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Coordinates {
    /// WGS84 latitude in degrees, -90 to 90.
    #[cfg_attr(feature = "schema", schemars(range(min = -90.0, max = 90.0)))]
    pub lat: f64,
    /// WGS84 longitude in degrees, -180 to 180.
    #[cfg_attr(feature = "schema", schemars(range(min = -180.0, max = 180.0)))]
    pub lon: f64,
    /// True when the position is a best effort that a maintainer should correct.
    #[serde(default)]
    pub approximate: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Unit {
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$"))
    )]
    pub id: String,
    pub kind: UnitKind,
    pub role: UnitRole,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<Text>,
    /// The party branch of the unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branch: Option<Text>,
    /// Id of the person who is the branch secretary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("x-refers" = "people")))]
    pub secretary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Text>,
    pub location: Coordinates,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$"))
    )]
    pub id: String,
    pub name: Text,
    /// What the person is, e.g. "Secretary of the Party Branch".
    pub role: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Artwork,
    FirstDayCover,
    BookDonation,
    Plaque,
    Other,
}

impl ItemKind {
    pub const ALL: [ItemKind; 5] = [
        ItemKind::Artwork,
        ItemKind::FirstDayCover,
        ItemKind::BookDonation,
        ItemKind::Plaque,
        ItemKind::Other,
    ];

    /// The kind as written in the bundle; also used for CSS classes and URL queries.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Artwork => "artwork",
            ItemKind::FirstDayCover => "first_day_cover",
            ItemKind::BookDonation => "book_donation",
            ItemKind::Plaque => "plaque",
            ItemKind::Other => "other",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Item {
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$"))
    )]
    pub id: String,
    pub kind: ItemKind,
    pub title: Text,
    pub description: Text,
    /// Ids of the giving units.
    #[cfg_attr(feature = "schema", schemars(extend("x-refers" = "units")))]
    pub donors: Vec<String>,
    /// Ids of the receiving units.
    #[cfg_attr(feature = "schema", schemars(extend("x-refers" = "units")))]
    pub recipients: Vec<String>,
    /// YYYY-MM-DD.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub date: String,
    #[serde(default)]
    pub media: Vec<Media>,
    /// Shown first in the kiosk's attract loop and on the home page.
    #[serde(default)]
    pub featured: bool,
    /// Details of an artwork; only on items of kind `artwork`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artwork: Option<ArtworkDetails>,
    /// Details of a first-day cover; only on items of kind `first_day_cover`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover: Option<CoverDetails>,
    /// Details of a book donation; required on items of kind `book_donation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub books: Option<BookDetails>,
    /// Details of a plaque; only on items of kind `plaque`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plaque: Option<PlaqueDetails>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Media {
    /// Relative path (from the bundle's page) or https URL.
    pub src: String,
    /// Intrinsic size in pixels, so the page reserves the space before the image loads.
    pub width: u32,
    pub height: u32,
    /// Describes the image for people who cannot see it. Required.
    pub alt: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<Text>,
    /// True for the illustrations that stand in until a photograph is supplied.
    #[serde(default)]
    pub sample: bool,
    /// Smaller renditions for `srcset`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<MediaVariant>,
    /// CSS colour shown while the image loads, e.g. `#a33`.
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"))
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MediaVariant {
    pub src: String,
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ArtworkDetails {
    /// Who made it, e.g. "teachers and students of the school".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artists: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medium: Option<Text>,
    /// Physical size, as written (e.g. "68 × 45 cm").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CoverDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stamp: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postmark: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BookDetails {
    /// Number of books, when known; totals on the books page are summed from this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Titles, where known.
    #[serde(default)]
    pub titles: Vec<Text>,
    /// Id of the person the books travelled through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("x-refers" = "people")))]
    pub via: Option<String>,
    /// Ids of the units the books came from.
    #[cfg_attr(feature = "schema", schemars(extend("x-refers" = "units")))]
    pub from: Vec<String>,
    /// Id of the unit that received them.
    #[cfg_attr(feature = "schema", schemars(extend("x-refers" = "units")))]
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlaqueDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inscription: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub material: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Activity {
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$"))
    )]
    pub id: String,
    /// Local time HH:MM, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    pub title: Text,
    pub description: Text,
    #[cfg_attr(feature = "schema", schemars(extend("x-refers" = "units")))]
    #[serde(default)]
    pub units: Vec<String>,
    #[cfg_attr(feature = "schema", schemars(extend("x-refers" = "people")))]
    #[serde(default)]
    pub people: Vec<String>,
    #[cfg_attr(feature = "schema", schemars(extend("x-refers" = "items")))]
    #[serde(default)]
    pub items: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Datum {
    #[default]
    Wgs84,
    /// The datum of Chinese tile providers; markers are shifted into it before drawing.
    Gcj02,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MapSettings {
    /// The outlines drawn under the markers: absent, the ones the site ships ([`SITE_BASEMAP`]); a
    /// GeoJSON file of the bundle's own (relative or https); `false` for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basemap: Option<Basemap>,
    pub center: Coordinates,
    #[cfg_attr(feature = "schema", schemars(range(min = 1.0, max = 18.0)))]
    pub zoom: f64,
    #[serde(default)]
    pub routes: Vec<Route>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tiles: Option<TileLayer>,
    /// Map approval number (审图号), shown under the map when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval_number: Option<Text>,
    /// Credit for the bundle's own basemap file, shown on the map. (Last: a struct may be written as
    /// an array of its fields in order, and a field added before others would shift them.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basemap_credit: Option<Text>,
}

impl Default for MapSettings {
    fn default() -> Self {
        MapSettings {
            basemap: None,
            center: Coordinates {
                lat: 30.0,
                lon: 115.0,
                approximate: false,
            },
            zoom: 5.0,
            routes: Vec::new(),
            tiles: None,
            approval_number: None,
            basemap_credit: None,
        }
    }
}

/// The outlines the site itself ships (province outlines of China, see NOTICE), used when a bundle
/// names no basemap of its own.
pub const SITE_BASEMAP: &str = "basemap/china-provinces.geojson";

/// A bundle's choice of outlines: a file of its own, or none (JSON: the file's address, or `false`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Basemap {
    File(String),
    None,
}

impl MapSettings {
    /// Whether the outlines drawn are the site's own (credited by the site): no choice, or the site's
    /// file named (as bundles made before the choice existed do).
    pub fn site_basemap(&self) -> bool {
        match &self.basemap {
            None => true,
            Some(Basemap::File(url)) => url == SITE_BASEMAP,
            Some(Basemap::None) => false,
        }
    }

    /// The address of the outlines to draw, if any: the bundle's own, else the site's.
    pub fn basemap_url(&self) -> Option<&str> {
        match &self.basemap {
            None => Some(SITE_BASEMAP),
            Some(Basemap::File(url)) => Some(url),
            Some(Basemap::None) => None,
        }
    }
}

impl Serialize for Basemap {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Basemap::File(url) => serializer.serialize_str(url),
            Basemap::None => serializer.serialize_bool(false),
        }
    }
}

impl<'de> Deserialize<'de> for Basemap {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Choice;
        impl serde::de::Visitor<'_> for Choice {
            type Value = Basemap;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("the address of a GeoJSON file, or false for no outlines")
            }
            fn visit_str<E: serde::de::Error>(self, url: &str) -> Result<Basemap, E> {
                Ok(Basemap::File(url.to_owned()))
            }
            fn visit_bool<E: serde::de::Error>(self, value: bool) -> Result<Basemap, E> {
                if value {
                    Err(E::invalid_value(serde::de::Unexpected::Bool(true), &self))
                } else {
                    Ok(Basemap::None)
                }
            }
        }
        deserializer.deserialize_any(Choice)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Basemap {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Basemap".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "The address of a GeoJSON file (relative or https), or false for no outlines.",
            "anyOf": [{ "type": "string" }, { "const": false }]
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Route {
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$"))
    )]
    pub id: String,
    #[cfg_attr(feature = "schema", schemars(extend("x-refers" = "units")))]
    pub from: String,
    #[cfg_attr(feature = "schema", schemars(extend("x-refers" = "units")))]
    pub to: String,
    pub label: Text,
    /// Items that travelled this route (e.g. the book donation).
    #[cfg_attr(feature = "schema", schemars(extend("x-refers" = "items")))]
    #[serde(default)]
    pub items: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TileLayer {
    /// `https://…/{z}/{x}/{y}.png`.
    pub url_template: String,
    pub attribution: Text,
    pub max_zoom: u8,
    #[serde(default)]
    pub datum: Datum,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct KioskSettings {
    /// Turns kiosk mode on for every visitor (otherwise only with `?kiosk` in the address).
    pub enabled: bool,
    /// Seconds without a touch before the "touch to continue" countdown.
    pub idle_seconds: u32,
    /// Length of that countdown in seconds.
    pub countdown_seconds: u32,
    /// Seconds on the home page without a touch before the attract loop starts.
    pub attract_after_seconds: u32,
    /// Seconds each slide of the attract loop stays.
    pub slide_seconds: u32,
    /// Seconds between checks for a new bundle.
    pub refresh_seconds: u32,
    /// When the community centre is open, in the kiosk's local time. Outside these hours, once
    /// nobody is using it, the kiosk shows a dim clock and the event's title, and wakes on a touch.
    /// Left out: always open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<OpeningHours>,
}

/// The kiosk's opening hours: the times of each day of the week, and dates closed all day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OpeningHours {
    /// When it is open: days of the week, each with a time range. A day that no line names is
    /// closed.
    pub open: Vec<OpeningTimes>,
    /// Dates closed all day whatever `open` says (holidays), written YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closed: Vec<String>,
}

/// Days of the week open from one time to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OpeningTimes {
    pub days: Vec<Weekday>,
    /// Opening time, "HH:MM" (24-hour clock, local time).
    pub from: String,
    /// Closing time, "HH:MM"; "24:00" is midnight at the end of the day. Earlier than `from`: open
    /// past midnight into the next day.
    pub to: String,
}

impl OpeningTimes {
    /// `from` and `to` as minutes after midnight, when both are times of the day.
    pub fn minutes(&self) -> Option<(u16, u16)> {
        Some((clock_minutes(&self.from)?, clock_minutes(&self.to)?))
    }
}

/// "HH:MM" as minutes after midnight: 00:00 to 24:00.
pub fn clock_minutes(text: &str) -> Option<u16> {
    let (h, m) = text.split_once(':')?;
    if h.len() != 2 || m.len() != 2 || !(h.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    let minutes = h * 60 + m;
    (m < 60 && minutes <= 24 * 60).then_some(minutes)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    /// Monday 0 to Sunday 6.
    pub fn index(self) -> usize {
        self as usize
    }
}

impl Default for KioskSettings {
    fn default() -> Self {
        KioskSettings {
            enabled: false,
            idle_seconds: 60,
            countdown_seconds: 10,
            attract_after_seconds: 120,
            slide_seconds: 8,
            refresh_seconds: 300,
            hours: None,
        }
    }
}

impl Bundle {
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// A unit's name for lists in `lang`: its short name when it has one; the id itself for a unit
    /// the bundle does not have (validation reports such a reference).
    pub fn unit_label(&self, id: &str, lang: Lang) -> String {
        self.unit(id)
            .map(|u| {
                u.short_name
                    .as_ref()
                    .unwrap_or(&u.name)
                    .get(lang)
                    .to_owned()
            })
            .unwrap_or_else(|| id.to_owned())
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// What describes the showcase to search engines and link previews: [`Meta::description`], else
    /// the subtitle, else the event's summary (scripts/site-content.mjs gives the build's the same way).
    pub fn description(&self) -> &Text {
        (self.meta.description.as_ref())
            .or(self.meta.subtitle.as_ref())
            .unwrap_or(&self.event.summary)
    }

    /// Every image file the bundle names, with its variants (the kiosk keeps them all offline).
    pub fn media_urls(&self) -> Vec<String> {
        self.items
            .iter()
            .flat_map(|item| &item.media)
            .flat_map(|m| std::iter::once(&m.src).chain(m.variants.iter().map(|v| &v.src)))
            .cloned()
            .collect()
    }

    /// Items in the kiosk's attract loop: the featured ones, else every item with an image.
    pub fn featured_items(&self) -> impl Iterator<Item = &Item> {
        let any_featured = self.items.iter().any(|i| i.featured);
        self.items.iter().filter(move |i| {
            if any_featured {
                i.featured
            } else {
                !i.media.is_empty()
            }
        })
    }

    /// Books over every book donation: the sum of the known counts, and how many donations have no count.
    pub fn book_totals(&self) -> BookTotals {
        let mut totals = BookTotals::default();
        for books in self.items.iter().filter_map(|i| i.books.as_ref()) {
            totals.add(books.count);
        }
        totals
    }

    /// Every person named as a book donation's `via`, once, in the order they first appear, with what
    /// they carried. A `via` naming no person is left out (validation reports it).
    pub fn book_carriers(&self) -> Vec<Carrier<'_>> {
        let mut carriers: Vec<Carrier> = Vec::new();
        for item in &self.items {
            let Some(books) = &item.books else { continue };
            let Some(person) = books.via.as_deref().and_then(|id| self.person(id)) else {
                continue;
            };
            let at = match carriers.iter().position(|c| c.person.id == person.id) {
                Some(at) => at,
                None => {
                    carriers.push(Carrier {
                        person,
                        items: Vec::new(),
                        totals: BookTotals::default(),
                    });
                    carriers.len() - 1
                }
            };
            let carrier = &mut carriers[at];
            carrier.items.push(item);
            carrier.totals.add(books.count);
        }
        carriers
    }
}

impl BookTotals {
    fn add(&mut self, count: Option<u32>) {
        match count {
            Some(count) => self.counted += u64::from(count),
            None => self.uncounted_donations += 1,
        }
        self.donations += 1;
    }
}

/// A person the books travelled through, with the donations they carried.
#[derive(Debug, Clone, PartialEq)]
pub struct Carrier<'a> {
    pub person: &'a Person,
    /// The book donations that went through them, in the bundle's order.
    pub items: Vec<&'a Item>,
    pub totals: BookTotals,
}

/// Totals of the book-donation ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BookTotals {
    pub donations: usize,
    /// Sum of the known counts.
    pub counted: u64,
    /// Donations whose count the bundle does not give.
    pub uncounted_donations: usize,
}
