//! The validation pass: every problem of a parsed bundle, each with a severity and a JSON path.
//! Runs the same in the browser and in the maintainers' CLI.

use serde::Serialize;

use crate::model::{Bundle, Coordinates, Item, ItemKind, Media, SCHEMA_VERSION};
use crate::number::decimal;
use crate::parse::Location;
use crate::text::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The bundle must not be shown to visitors; the app keeps the last good one.
    Error,
    /// Shown as is, but something a visitor would notice is off (e.g. a text in one language only).
    Warning,
    /// Nothing wrong; a note for the maintainer (e.g. a text awaiting review).
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One finding of the validation pass.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub severity: Severity,
    /// Stable identifier of the rule, e.g. `duplicate-id`; tests and tools match on it.
    pub code: &'static str,
    /// What is wrong and what to do, in English.
    pub message: String,
    /// Path always; line and column once [`crate::check`] has located it in the source text.
    pub location: Location,
}

/// `x`, outside `lo..=hi`, for a message that says so: to 6 decimals, or "just above 90" where those
/// would round it onto the bound (90.0000001 is not "90").
fn outside(x: f64, lo: f64, hi: f64) -> String {
    let text = decimal(x, 6);
    if x > hi && text == decimal(hi, 6) {
        format!("just above {text}")
    } else if x < lo && text == decimal(lo, 6) {
        format!("just below {text}")
    } else {
        text
    }
}

/// Checks a parsed bundle and returns every problem found, errors first, in document order within each
/// severity. An empty list, or one without errors, means the bundle can be shown.
pub fn validate(bundle: &Bundle) -> Vec<Problem> {
    let mut v = Validator { sink: Vec::new() };
    v.check(bundle);
    v.sink.sort_by_key(|p| p.severity);
    v.sink
}

/// The errors of a bundle, each with its rule and JSON path but without its message (an empty
/// string); nothing at all for a bundle that can be shown. The same checks as [`validate`]: this is
/// what the app runs on every bundle it loads, and its code has none of the messages' text and
/// formatting. The messages of a refused bundle come from [`validate`], in the code the app loads only
/// then.
pub fn errors_briefly(bundle: &Bundle) -> Vec<Problem> {
    let mut v = Validator {
        sink: Brief(Vec::new()),
    };
    v.check(bundle);
    v.sink.0
}

/// A JSON path, built as the validator walks the bundle and written out only for a problem.
#[derive(Clone, Copy)]
enum At<'a> {
    Root(&'a str),
    Field(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl<'a> At<'a> {
    fn f(&'a self, name: &'a str) -> At<'a> {
        At::Field(self, name)
    }

    fn i(&'a self, index: usize) -> At<'a> {
        At::Index(self, index)
    }

    fn write(&self, out: &mut String) {
        match self {
            At::Root(name) => out.push_str(name),
            At::Field(parent, name) => {
                parent.write(out);
                out.push('.');
                out.push_str(name);
            }
            At::Index(parent, index) => {
                parent.write(out);
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }

    fn path(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }
}

/// Where the validator's findings go.
trait Sink {
    /// One problem. `message` is called only by a sink that keeps it.
    fn report(
        &mut self,
        severity: Severity,
        code: &'static str,
        at: &At,
        message: impl FnOnce() -> String,
    );
}

/// Every problem, with its message: [`validate`].
impl Sink for Vec<Problem> {
    fn report(
        &mut self,
        severity: Severity,
        code: &'static str,
        at: &At,
        message: impl FnOnce() -> String,
    ) {
        self.push(Problem {
            severity,
            code,
            message: message(),
            location: Location {
                path: at.path(),
                line: None,
                column: None,
            },
        });
    }
}

/// The errors, without messages: [`errors_briefly`].
struct Brief(Vec<Problem>);

impl Sink for Brief {
    fn report(
        &mut self,
        severity: Severity,
        code: &'static str,
        at: &At,
        _message: impl FnOnce() -> String,
    ) {
        if severity == Severity::Error {
            self.error(code, at);
        }
    }
}

impl Brief {
    /// Out of line: one call at each of the validator's checks, not a copy of this.
    #[inline(never)]
    fn error(&mut self, code: &'static str, at: &At) {
        self.0.push(Problem {
            severity: Severity::Error,
            code,
            message: String::new(),
            location: Location {
                path: at.path(),
                line: None,
                column: None,
            },
        });
    }
}

/// The code of every rule [`validate`] applies, for tools that explain a rule in their own words (the
/// editor's Chinese lines). A rule not listed here fails every test that reaches it.
pub const RULES: &[&str] = &[
    "awaiting-review",
    "coordinates-out-of-range",
    "details-kind-mismatch",
    "duplicate-id",
    "empty-text",
    "invalid-colour",
    "invalid-date",
    "invalid-hours",
    "invalid-id",
    "invalid-mark",
    "invalid-time",
    "missing-alt",
    "missing-book-details",
    "missing-translation",
    "never-open",
    "no-donor",
    "no-media",
    "unknown-book-count",
    "unknown-reference",
    "unknown-schema-version",
    "unsafe-link",
    "unsafe-url",
    "zero-books",
    "zero-duration",
    "zero-size",
    "zoom-out-of-range",
];

struct Validator<S> {
    sink: S,
}

impl<S: Sink> Validator<S> {
    fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        at: &At,
        message: impl FnOnce() -> String,
    ) {
        debug_assert!(RULES.contains(&code), "rule {code} is not in RULES");
        self.sink.report(severity, code, at, message);
    }

    fn check(&mut self, b: &Bundle) {
        if b.schema_version != SCHEMA_VERSION {
            self.push(Severity::Error, "unknown-schema-version", &At::Root("schema_version"), || {
                format!(
                    "schema_version is {}, but this showcase reads version {SCHEMA_VERSION}. Deploy a matching app, or convert the bundle.",
                    b.schema_version
                )
            });
        }
        let meta = At::Root("meta");
        self.text(&b.meta.title, &meta.f("title"));
        self.optional_text(b.meta.subtitle.as_ref(), &meta.f("subtitle"));
        self.date(&b.meta.updated, &meta.f("updated"));
        if let Some(url) = &b.meta.base_url {
            self.url(url, &meta.f("base_url"), UrlRule::HttpsOnly);
        }
        self.optional_text(b.meta.site_name.as_ref(), &meta.f("site_name"));
        self.optional_text(b.meta.short_name.as_ref(), &meta.f("short_name"));
        self.optional_text(b.meta.description.as_ref(), &meta.f("description"));
        if let Some(mark) = &b.meta.mark {
            self.mark(mark, &meta.f("mark"));
        }
        let intros = meta.f("introductions");
        let i = &b.meta.introductions;
        self.optional_text(i.gallery.as_ref(), &intros.f("gallery"));
        self.optional_text(i.map.as_ref(), &intros.f("map"));
        self.optional_text(i.story.as_ref(), &intros.f("story"));
        self.optional_text(i.books.as_ref(), &intros.f("books"));
        let sources = meta.f("sources");
        for (i, source) in b.meta.sources.iter().enumerate() {
            let at = sources.i(i);
            self.text(&source.title, &at.f("title"));
            if let Some(url) = &source.url {
                // An https address on the site's own host names a file of the site, as a relative
                // one does: the same rule for its path.
                let own = b
                    .meta
                    .base_url
                    .as_deref()
                    .and_then(|site| path_on_site(url, site));
                let checked = own.map(|path| if path.is_empty() { "/" } else { path });
                if let Some(fault) = url_fault(checked.unwrap_or(url), UrlRule::Link) {
                    self.push(Severity::Error, fault.code(), &at.f("url"), || {
                        fault.message(url)
                    });
                }
            }
        }

        let units = self.ids(b.units.iter().map(|u| u.id.as_str()), "units");
        let people = self.ids(b.people.iter().map(|p| p.id.as_str()), "people");
        let items = self.ids(b.items.iter().map(|i| i.id.as_str()), "items");
        self.ids(b.timeline.iter().map(|a| a.id.as_str()), "timeline");
        self.ids(b.map.routes.iter().map(|r| r.id.as_str()), "map.routes");
        let known = Known {
            units,
            people,
            items,
        };

        let e = &b.event;
        let event = At::Root("event");
        self.text(&e.title, &event.f("title"));
        self.date(&e.date, &event.f("date"));
        self.text(&e.place, &event.f("place"));
        self.text(&e.theme, &event.f("theme"));
        self.text(&e.summary, &event.f("summary"));
        let principles = event.f("principles");
        for (i, principle) in e.principles.iter().enumerate() {
            self.text(principle, &principles.i(i));
        }
        if let Some(host) = &e.host_unit {
            self.reference(&known.units, host, &event.f("host_unit"), "unit");
        }

        let all = At::Root("units");
        for (i, unit) in b.units.iter().enumerate() {
            let at = all.i(i);
            self.text(&unit.name, &at.f("name"));
            self.optional_text(unit.short_name.as_ref(), &at.f("short_name"));
            self.optional_text(unit.branch.as_ref(), &at.f("branch"));
            self.optional_text(unit.address.as_ref(), &at.f("address"));
            self.optional_text(unit.description.as_ref(), &at.f("description"));
            if let Some(secretary) = &unit.secretary {
                self.reference(&known.people, secretary, &at.f("secretary"), "person");
            }
            self.coordinates(&unit.location, &at.f("location"));
        }

        let all = At::Root("people");
        for (i, person) in b.people.iter().enumerate() {
            let at = all.i(i);
            self.text(&person.name, &at.f("name"));
            self.text(&person.role, &at.f("role"));
            self.optional_text(person.description.as_ref(), &at.f("description"));
            if let Some(unit) = &person.unit {
                self.reference(&known.units, unit, &at.f("unit"), "unit");
            }
        }

        let all = At::Root("items");
        for (i, item) in b.items.iter().enumerate() {
            self.item(item, &all.i(i), &known);
        }

        let all = At::Root("timeline");
        for (i, activity) in b.timeline.iter().enumerate() {
            let at = all.i(i);
            self.text(&activity.title, &at.f("title"));
            self.text(&activity.description, &at.f("description"));
            if let Some(time) = &activity.time {
                if !is_time(time) {
                    self.push(Severity::Error, "invalid-time", &at.f("time"), || {
                        format!("time \"{time}\" is not a 24-hour HH:MM time such as \"09:30\".")
                    });
                }
            }
            self.references(&known.units, &activity.units, &at.f("units"), "unit");
            self.references(&known.people, &activity.people, &at.f("people"), "person");
            self.references(&known.items, &activity.items, &at.f("items"), "item");
        }

        let map = &b.map;
        let at = At::Root("map");
        if let Some(crate::model::Basemap::File(basemap)) = &map.basemap {
            self.url(basemap, &at.f("basemap"), UrlRule::RelativeOrHttps);
        }
        self.optional_text(map.basemap_credit.as_ref(), &at.f("basemap_credit"));
        self.coordinates(&map.center, &at.f("center"));
        if !(1.0..=18.0).contains(&map.zoom) {
            self.push(Severity::Error, "zoom-out-of-range", &at.f("zoom"), || {
                format!("zoom {} is outside 1 to 18.", outside(map.zoom, 1.0, 18.0))
            });
        }
        let routes = at.f("routes");
        for (i, route) in map.routes.iter().enumerate() {
            let at = routes.i(i);
            self.reference(&known.units, &route.from, &at.f("from"), "unit");
            self.reference(&known.units, &route.to, &at.f("to"), "unit");
            self.text(&route.label, &at.f("label"));
            self.references(&known.items, &route.items, &at.f("items"), "item");
        }
        if let Some(tiles) = &map.tiles {
            let tiles_at = at.f("tiles");
            self.url(
                &tiles.url_template,
                &tiles_at.f("url_template"),
                UrlRule::HttpsOnly,
            );
            self.text(&tiles.attribution, &tiles_at.f("attribution"));
        }
        self.optional_text(map.approval_number.as_ref(), &at.f("approval_number"));

        let k = &b.kiosk;
        let kiosk = At::Root("kiosk");
        for (value, field) in [
            (k.idle_seconds, "idle_seconds"),
            (k.countdown_seconds, "countdown_seconds"),
            (k.attract_after_seconds, "attract_after_seconds"),
            (k.slide_seconds, "slide_seconds"),
            (k.refresh_seconds, "refresh_seconds"),
        ] {
            if value == 0 {
                self.push(Severity::Error, "zero-duration", &kiosk.f(field), || {
                    format!("kiosk.{field} must be at least 1 second.")
                });
            }
        }
        if let Some(hours) = &k.hours {
            let at = kiosk.f("hours");
            let open = at.f("open");
            for (n, times) in hours.open.iter().enumerate() {
                let line = open.i(n);
                if times.days.is_empty() {
                    self.push(Severity::Error, "invalid-hours", &line.f("days"), || {
                        "name at least one day, such as [\"mon\", \"tue\"].".into()
                    });
                }
                for (value, field) in [(&times.from, "from"), (&times.to, "to")] {
                    if crate::model::clock_minutes(value).is_none() {
                        self.push(Severity::Error, "invalid-hours", &line.f(field), || {
                            format!("\"{value}\" is not a time written HH:MM on a 24-hour clock, such as \"09:30\".")
                        });
                    }
                }
                if times.minutes().is_some_and(|(from, to)| from == to) {
                    self.push(Severity::Error, "invalid-hours", &line.f("to"), || {
                        "the kiosk would open and close at the same time: give a later closing time.".into()
                    });
                }
            }
            if hours.open.is_empty() {
                self.push(Severity::Warning, "never-open", &open, || {
                    "no opening times: the kiosk would sleep all the time. Leave `hours` out for a kiosk that is always open.".into()
                });
            }
            for (n, date) in hours.closed.iter().enumerate() {
                self.date(date, &at.f("closed").i(n));
            }
        }
    }

    fn item(&mut self, item: &Item, at: &At, known: &Known) {
        self.text(&item.title, &at.f("title"));
        self.text(&item.description, &at.f("description"));
        self.date(&item.date, &at.f("date"));
        self.references(&known.units, &item.donors, &at.f("donors"), "unit");
        self.references(&known.units, &item.recipients, &at.f("recipients"), "unit");
        if item.donors.is_empty() {
            self.push(Severity::Error, "no-donor", &at.f("donors"), || {
                "an item needs at least one donor unit.".into()
            });
        }
        let media = at.f("media");
        for (j, m) in item.media.iter().enumerate() {
            self.media(m, &media.i(j));
        }
        if item.media.is_empty() {
            self.push(Severity::Warning, "no-media", &media, || {
                "this item has no image; the gallery shows a placeholder with its title.".into()
            });
        }

        let details = [
            (ItemKind::Artwork, "artwork", item.artwork.is_some()),
            (ItemKind::FirstDayCover, "cover", item.cover.is_some()),
            (ItemKind::BookDonation, "books", item.books.is_some()),
            (ItemKind::Plaque, "plaque", item.plaque.is_some()),
        ];
        for (kind, field, present) in details {
            if present && item.kind != kind {
                self.push(Severity::Error, "details-kind-mismatch", &at.f(field), || {
                    format!(
                        "\"{field}\" details belong to items of kind \"{}\", but this item is \"{}\". Change the kind or remove the details.",
                        kind.as_str(),
                        item.kind.as_str()
                    )
                });
            }
        }
        if let Some(a) = &item.artwork {
            let at = at.f("artwork");
            self.optional_text(a.artists.as_ref(), &at.f("artists"));
            self.optional_text(a.medium.as_ref(), &at.f("medium"));
            self.optional_text(a.size.as_ref(), &at.f("size"));
        }
        if let Some(c) = &item.cover {
            let at = at.f("cover");
            self.optional_text(c.issuer.as_ref(), &at.f("issuer"));
            self.optional_text(c.stamp.as_ref(), &at.f("stamp"));
            self.optional_text(c.postmark.as_ref(), &at.f("postmark"));
        }
        if let Some(p) = &item.plaque {
            let at = at.f("plaque");
            self.optional_text(p.inscription.as_ref(), &at.f("inscription"));
            self.optional_text(p.material.as_ref(), &at.f("material"));
        }
        match &item.books {
            Some(books) => {
                let bt = at.f("books");
                match books.count {
                    Some(0) => self.push(Severity::Error, "zero-books", &bt.f("count"), || {
                        "a book donation's count must be at least 1; leave \"count\" out when it is unknown.".into()
                    }),
                    None => self.push(Severity::Info, "unknown-book-count", &bt, || {
                        "the number of books is not given; totals count this donation separately.".into()
                    }),
                    Some(_) => {}
                }
                let titles = bt.f("titles");
                for (j, title) in books.titles.iter().enumerate() {
                    self.text(title, &titles.i(j));
                }
                if let Some(via) = &books.via {
                    self.reference(&known.people, via, &bt.f("via"), "person");
                }
                self.references(&known.units, &books.from, &bt.f("from"), "unit");
                self.reference(&known.units, &books.to, &bt.f("to"), "unit");
            }
            None if item.kind == ItemKind::BookDonation => {
                self.push(Severity::Error, "missing-book-details", at, || {
                    "an item of kind \"book_donation\" needs \"books\": { \"count\", \"from\", \"to\" }.".into()
                })
            }
            None => {}
        }
    }

    fn media(&mut self, media: &Media, at: &At) {
        self.url(&media.src, &at.f("src"), UrlRule::RelativeOrHttps);
        if media.alt.is_blank() {
            self.push(Severity::Error, "missing-alt", &at.f("alt"), || {
                "every image needs alt text describing it, in Chinese and English.".into()
            });
        } else {
            self.text(&media.alt, &at.f("alt"));
        }
        self.optional_text(media.caption.as_ref(), &at.f("caption"));
        self.optional_text(media.credit.as_ref(), &at.f("credit"));
        if media.width == 0 || media.height == 0 {
            self.push(Severity::Error, "zero-size", at, || {
                format!(
                    "width and height must be the image's size in pixels, not {}×{}.",
                    media.width, media.height
                )
            });
        }
        let variants = at.f("variants");
        for (k, variant) in media.variants.iter().enumerate() {
            let at = variants.i(k);
            self.url(&variant.src, &at.f("src"), UrlRule::RelativeOrHttps);
            if variant.width == 0 || variant.height == 0 {
                self.push(Severity::Error, "zero-size", &at, || {
                    "a variant's width and height must be its size in pixels.".into()
                });
            }
        }
        if let Some(colour) = &media.placeholder {
            if !is_hex_colour(colour) {
                self.push(Severity::Error, "invalid-colour", &at.f("placeholder"), || {
                    format!("placeholder \"{colour}\" is not a colour like \"#a33\" or \"#aa3333\".")
                });
            }
        }
    }

    /// Registers the ids of one collection, reporting duplicates and malformed ids.
    fn ids<'a>(&mut self, ids: impl Iterator<Item = &'a str>, collection: &str) -> Ids {
        let ids: Vec<&str> = ids.collect();
        // Each id with its index, sorted by id and then index: a repeated id comes after its first use.
        let mut order: Vec<(&str, usize)> = ids.iter().copied().zip(0..).collect();
        order.sort_unstable();
        let mut first_use = vec![None; ids.len()];
        for pair in order.windows(2) {
            if pair[0].0 == pair[1].0 {
                first_use[pair[1].1] = Some(first_use[pair[0].1].unwrap_or(pair[0].1));
            }
        }
        let all = At::Root(collection);
        for (i, (id, first)) in ids.iter().zip(first_use).enumerate() {
            let item = all.i(i);
            let at = item.f("id");
            if !is_slug(id) {
                self.push(Severity::Error, "invalid-id", &at, || {
                    format!("id \"{id}\" must be lowercase letters, digits and hyphens (it appears in page addresses).")
                });
            }
            if let Some(first) = first {
                self.push(Severity::Error, "duplicate-id", &at, || {
                    format!(
                        "id \"{id}\" is already used by {collection}[{first}]; ids must be unique."
                    )
                });
            }
        }
        let mut known: Vec<String> = order.into_iter().map(|(id, _)| id.to_owned()).collect();
        known.dedup();
        Ids(known)
    }

    fn reference(&mut self, known: &Ids, id: &str, at: &At, what: &str) {
        if !known.contains(id) {
            self.push(Severity::Error, "unknown-reference", at, || {
                format!("there is no {what} with id \"{id}\".")
            });
        }
    }

    fn references(&mut self, known: &Ids, ids: &[String], at: &At, what: &str) {
        for (i, id) in ids.iter().enumerate() {
            self.reference(known, id, &at.i(i), what);
        }
    }

    fn text(&mut self, text: &Text, at: &At) {
        if text.is_blank() {
            self.push(Severity::Error, "empty-text", at, || {
                "this text is empty in both languages; give it \"zh\" and \"en\".".into()
            });
            return;
        }
        for lang in crate::Lang::ALL {
            if text.falls_back(lang) {
                self.push(Severity::Warning, "missing-translation", at, || {
                    format!(
                        "no \"{}\" text; visitors reading {} see the other language instead.",
                        lang.code(),
                        match lang {
                            crate::Lang::Zh => "Chinese",
                            crate::Lang::En => "English",
                        }
                    )
                });
            }
        }
        if let Some(note) = &text.review {
            self.push(Severity::Info, "awaiting-review", at, || {
                format!("awaiting review: {note}")
            });
        }
    }

    /// The header's mark is a circle that holds one or two characters.
    fn mark(&mut self, mark: &str, at: &At) {
        let count = mark.chars().count();
        if !(1..=2).contains(&count) || mark.trim() != mark {
            self.push(Severity::Error, "invalid-mark", at, || {
                format!("the mark \"{mark}\" has {count} characters; give one or two, without spaces, or leave \"mark\" out.")
            });
        }
    }

    fn optional_text(&mut self, text: Option<&Text>, at: &At) {
        if let Some(text) = text {
            self.text(text, at);
        }
    }

    fn date(&mut self, date: &str, at: &At) {
        if !is_date(date) {
            self.push(Severity::Error, "invalid-date", at, || {
                format!("date \"{date}\" is not a calendar date written YYYY-MM-DD, such as \"2024-05-01\".")
            });
        }
    }

    fn coordinates(&mut self, c: &Coordinates, at: &At) {
        if !(c.lat.is_finite() && (-90.0..=90.0).contains(&c.lat)) {
            self.push(
                Severity::Error,
                "coordinates-out-of-range",
                &at.f("lat"),
                || {
                    format!(
                        "latitude {} is outside -90 to 90 (WGS84 degrees).",
                        outside(c.lat, -90.0, 90.0)
                    )
                },
            );
        }
        if !(c.lon.is_finite() && (-180.0..=180.0).contains(&c.lon)) {
            self.push(
                Severity::Error,
                "coordinates-out-of-range",
                &at.f("lon"),
                || {
                    format!(
                        "longitude {} is outside -180 to 180 (WGS84 degrees).",
                        outside(c.lon, -180.0, 180.0)
                    )
                },
            );
        }
    }

    fn url(&mut self, url: &str, at: &At, rule: UrlRule) {
        if let Some(fault) = url_fault(url, rule) {
            self.push(Severity::Error, fault.code(), at, || fault.message(url));
        }
    }
}

struct Known {
    units: Ids,
    people: Ids,
    items: Ids,
}

/// One collection's ids, sorted, looked up by binary search. (A hash set was the main module's only
/// use of SipHash and of a hash table keyed by strings.)
struct Ids(Vec<String>);

impl Ids {
    fn contains(&self, id: &str) -> bool {
        self.0
            .binary_search_by(|known| known.as_str().cmp(id))
            .is_ok()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum UrlRule {
    /// A path relative to the page (stays on the app's own origin), or an https URL.
    RelativeOrHttps,
    /// Only an absolute https URL.
    HttpsOnly,
    /// A link a visitor follows (`meta.sources[].url`, the only bundle URL that becomes an `<a href>`):
    /// an https URL, or a relative one that names a file a browser shows inertly (PDF, raster images,
    /// text, audio, video…). An SVG, HTML or XML file of the site opened from a link is a page of the
    /// site's own origin, where its script would run as the site itself (the page's policy is a
    /// `<meta>` of index.html, and does not reach it); so may be a folder, or a name without an
    /// extension, as the server sends it.
    Link,
}

/// The types of the site's own files that a link may open (by the extension of the URL's last path
/// segment, percent-decoded, in any case): a browser shows or plays them, or downloads them, and never
/// runs script in them. Everything else is refused, a folder or a name without an extension included.
const INERT_LINK_TYPES: &[&str] = &[
    "pdf", "jpg", "jpeg", "png", "gif", "webp", "avif", "txt", "csv", "json", "mp3", "m4a", "mp4",
    "webm", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "zip",
];

/// Types that a browser opens as a document which can run script (named as such in the message).
const DOCUMENT_TYPES: &[&str] = &[
    "svg", "svgz", "html", "htm", "xhtml", "xht", "shtml", "xml", "xsl", "xslt", "mht", "mhtml",
    "rdf", "mml",
];

/// Accepts only URLs that cannot run script or leave https: relative paths and `https://` URLs (and for
/// [`UrlRule::Link`], no file of the site that a browser would open as a page).
pub fn check_url(url: &str, rule: UrlRule) -> Result<(), String> {
    match url_fault(url, rule) {
        Some(fault) => Err(fault.message(url)),
        None => Ok(()),
    }
}

/// Why [`check_url`] refuses a URL; its message is written only when asked for.
#[derive(Clone, Copy)]
enum UrlFault {
    Empty,
    Spaces,
    NoHost,
    NotHttps,
    ProtocolRelative,
    OtherScheme,
    /// A link to a file of the site that is not of an inert type (its message says what it is).
    SiteFile,
}

/// The path of `url` (from its `/`) when it is an https address on the host of `site` (compared without
/// case, a default port or trailing dot); `None` for any other address.
fn path_on_site<'u>(url: &'u str, site: &str) -> Option<&'u str> {
    let authority = |url: &str| -> Option<(usize, String)> {
        let rest = url
            .get(..8)
            .filter(|s| s.eq_ignore_ascii_case("https://"))?;
        let rest = &url[rest.len()..];
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let host = rest[..end].rsplit('@').next().unwrap_or("");
        let host = host
            .strip_suffix(":443")
            .unwrap_or(host)
            .trim_end_matches('.');
        Some((8 + end, host.to_ascii_lowercase()))
    };
    let (end, host) = authority(url)?;
    (authority(site)?.1 == host).then(|| &url[end..])
}

fn url_fault(url: &str, rule: UrlRule) -> Option<UrlFault> {
    let trimmed = url.trim();
    if trimmed.is_empty() {
        return Some(UrlFault::Empty);
    }
    if trimmed != url || url.chars().any(|c| c.is_control() || c == '\\') {
        return Some(UrlFault::Spaces);
    }
    if let Some(rest) = url.strip_prefix("https://") {
        return (rest.is_empty() || rest.starts_with('/')).then_some(UrlFault::NoHost);
    }
    if rule == UrlRule::HttpsOnly {
        return Some(UrlFault::NotHttps);
    }
    if url.starts_with("//") {
        return Some(UrlFault::ProtocolRelative);
    }
    // A scheme is letters, digits, + - . before the first ':' that comes before any '/', '?' or '#'.
    let head = url.split(['/', '?', '#']).next().unwrap_or("");
    if head.contains(':') {
        return Some(UrlFault::OtherScheme);
    }
    if rule != UrlRule::Link {
        return None;
    }
    // A link to a file of the site: refused unless the server would send a file of an inert type.
    let name = file_name(url);
    let inert = !name.contains(&b';')
        && name.iter().rposition(|&b| b == b'.').is_some_and(|dot| {
            INERT_LINK_TYPES
                .iter()
                .any(|t| t.as_bytes().eq_ignore_ascii_case(&name[dot + 1..]))
        });
    (!inert).then_some(UrlFault::SiteFile)
}

/// The name of the file a relative URL names, as the server finds it: the last segment of its path
/// (without `?query` and `#fragment`), percent-decoded, where `\` separates as `/` does; empty for a
/// folder. (A name with a `;` is refused whatever follows it: a server may read `a.svg;.pdf` as
/// `a.svg`.)
fn file_name(url: &str) -> Vec<u8> {
    let bytes = url.as_bytes();
    let mut name = Vec::new();
    let mut i = 0;
    while i < bytes.len() && bytes[i] != b'?' && bytes[i] != b'#' {
        let hex = |at: usize| bytes.get(at).and_then(|&b| (b as char).to_digit(16));
        let mut b = bytes[i];
        if let (b'%', Some(high), Some(low)) = (b, hex(i + 1), hex(i + 2)) {
            b = (high * 16 + low) as u8;
            i += 2;
        }
        i += 1;
        if b == b'/' || b == b'\\' {
            name.clear();
        } else {
            name.push(b);
        }
    }
    name
}

impl UrlFault {
    /// The rule's code: a link to a file of the site has its own, as its advice differs.
    fn code(self) -> &'static str {
        match self {
            UrlFault::SiteFile => "unsafe-link",
            _ => "unsafe-url",
        }
    }

    fn message(self, url: &str) -> String {
        match self {
            UrlFault::Empty => "the URL is empty.".into(),
            UrlFault::Spaces => format!(
                "URL \"{}\" contains spaces, control characters or backslashes.",
                url.escape_default()
            ),
            UrlFault::NoHost => format!("URL \"{url}\" has no host."),
            UrlFault::NotHttps => format!("URL \"{url}\" must start with https://."),
            UrlFault::ProtocolRelative => {
                format!("URL \"{url}\" is protocol-relative; write https:// or a relative path.")
            }
            UrlFault::OtherScheme => format!(
                "URL \"{url}\" uses a scheme other than https; only relative paths and https URLs are allowed."
            ),
            UrlFault::SiteFile => {
                let name = file_name(url);
                let ext = name
                    .iter()
                    .rposition(|&b| b == b'.')
                    .map(|dot| String::from_utf8_lossy(&name[dot + 1..]).to_lowercase())
                    .filter(|ext| !ext.is_empty());
                let what = match &ext {
                    _ if name.contains(&b';') => "names a file with \";\" in its name, which a server may read as another file, and send as".to_owned(),
                    None => "names a folder of this site or a file without an extension, which the server may send as".to_owned(),
                    Some(ext) if DOCUMENT_TYPES.contains(&ext.as_str()) => {
                        format!("opens a .{ext} file of this site, which browsers show as a document:")
                    }
                    Some(ext) => {
                        format!("opens a .{ext} file of this site, a type a browser may show as")
                    }
                };
                format!(
                    "link \"{url}\" {what} a page of the site's own address, where a script in it would run as the site itself. A link may open only the site's {} files. Link to an https:// page instead; to show an image, make it an item's media (an image there never runs script).",
                    INERT_LINK_TYPES.join(", ")
                )
            }
        }
    }
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

fn is_time(s: &str) -> bool {
    let Some((h, m)) = s.split_once(':') else {
        return false;
    };
    h.len() == 2
        && m.len() == 2
        && h.parse::<u32>().is_ok_and(|h| h < 24)
        && m.parse::<u32>().is_ok_and(|m| m < 60)
}

fn is_hex_colour(s: &str) -> bool {
    s.strip_prefix('#')
        .is_some_and(|hex| matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}
