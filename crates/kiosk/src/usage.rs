//! What visitors do on the kiosk, counted per day for the maintainers: the pages and items they
//! look at, their sessions and how long those last, how often they search and what they searched
//! for that found nothing.
//!
//! No personal data: counts per day and nothing finer, no identifiers, no times of day; a search text
//! is kept only when it found nothing, reduced to lower-case letters, digits and single spaces, at
//! most [`MAX_TEXT`] characters. Bounded: the last [`MAX_DAYS`] days, at most [`MAX_KEYS`] items or
//! texts a day (the rest counted together under [`OTHER`]).
//!
//! Kept as CSV, the format the maintainers export too (one row per day, measure and key): the glue
//! stores [`Usage::to_csv`] and reads it back with [`Usage::from_csv`], so the counts survive reloads
//! and app updates.
//!
//! Sessions: a visitor's first input starts one ([`Usage::input`]); it ends when the kiosk is back at
//! rest ([`Usage::at_rest`]: after the idle countdown, or asleep), and lasts from the first input to
//! the last. Searches: the gallery's search text as the visitor types it, and whether the gallery
//! showed anything for it, with the filters they chose ([`Usage::searched`]); typing on ("hon" →
//! "hong") or deleting is one search, which counts once it is left.

use std::collections::BTreeMap;

use crate::Millis;

/// Days kept; older ones are dropped.
pub const MAX_DAYS: usize = 60;
/// Items, pages or search texts kept per day and measure; beyond, counted under [`OTHER`].
pub const MAX_KEYS: usize = 100;
/// Characters of a search text kept.
pub const MAX_TEXT: usize = 40;
/// The key that counts what is beyond [`MAX_KEYS`].
pub const OTHER: &str = "(other)";

/// A calendar date, (year, month 1-12, day 1-31), as [`crate::hours::LocalTime`] has it.
pub type Date = (i32, u8, u8);

/// One day's counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Day {
    /// Views of each page (the glue's name for it, e.g. "gallery").
    pub pages: BTreeMap<String, u32>,
    /// Views of each item (its page, or its picture in the lightbox).
    pub items: BTreeMap<String, u32>,
    /// Sessions started that day.
    pub sessions: u32,
    /// Their total length, in seconds.
    pub session_seconds: u64,
    /// The longest, in seconds.
    pub longest_session_seconds: u64,
    /// Searches made.
    pub searches: u32,
    /// Searches that found nothing, by text.
    pub empty_searches: BTreeMap<String, u32>,
}

impl Day {
    pub fn page_views(&self) -> u32 {
        self.pages.values().sum()
    }

    pub fn item_views(&self) -> u32 {
        self.items.values().sum()
    }

    pub fn empty_search_count(&self) -> u32 {
        self.empty_searches.values().sum()
    }
}

/// A search as it is being typed: one text, until the visitor turns to another.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Search {
    day: Date,
    text: String,
    found: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Usage {
    days: BTreeMap<Date, Day>,
    /// The session under way: its day, first and last input.
    session: Option<(Date, Millis, Millis)>,
    search: Option<Search>,
}

impl Usage {
    /// The days counted, oldest first.
    pub fn days(&self) -> impl DoubleEndedIterator<Item = (&Date, &Day)> {
        self.days.iter()
    }

    /// Whether a visitor's session is under way (views count only then).
    pub fn in_session(&self) -> bool {
        self.session.is_some()
    }

    /// A visitor's input (touch, key) at `now`, on `today`: starts a session, or goes on with it.
    pub fn input(&mut self, now: Millis, today: Date) {
        match &mut self.session {
            Some((_, _, last)) => *last = now,
            None => {
                self.day(today).sessions += 1;
                self.session = Some((today, now, now));
            }
        }
    }

    /// The session under way is a maintainer's (they opened the maintenance panel): it is not counted.
    /// Views already counted in it stay.
    pub fn not_a_visitor(&mut self) {
        self.search = None;
        if let Some((date, _, _)) = self.session.take() {
            let day = self.day(date);
            day.sessions = day.sessions.saturating_sub(1);
            // A day of nothing but that is no day of use.
            if *day == Day::default() {
                self.days.remove(&date);
            }
        }
    }

    /// The kiosk is at rest (nobody here): the session under way ends, and its search counts.
    pub fn at_rest(&mut self) {
        self.leave_search();
        if let Some((day, first, last)) = self.session.take() {
            let seconds = last.saturating_sub(first) / 1000;
            let day = self.day(day);
            day.session_seconds += seconds;
            day.longest_session_seconds = day.longest_session_seconds.max(seconds);
        }
    }

    /// A page shown to a visitor (not counted outside a session: the reset to the home page, say).
    pub fn page(&mut self, today: Date, page: &str) {
        if self.in_session() {
            count(&mut self.day(today).pages, page);
        }
    }

    /// An item shown to a visitor.
    pub fn item(&mut self, today: Date, id: &str) {
        if self.in_session() {
            count(&mut self.day(today).items, id);
        }
    }

    /// The search text settled on `text` (empty: no search), which found something or not. Typing on
    /// or deleting goes on with the same search; the longest text of it is the one kept.
    pub fn searched(&mut self, today: Date, text: &str, found: bool) {
        if !self.in_session() {
            return;
        }
        let text = clean(text);
        if let Some(search) = &mut self.search {
            if !text.is_empty() && text.starts_with(&search.text) {
                // Typing on: the longer text is the search.
                search.text = text;
                search.found = found;
                return;
            }
            if !text.is_empty() && search.text.starts_with(&text) {
                // Deleting: the same search, as it was at its longest.
                return;
            }
        }
        self.leave_search();
        if !text.is_empty() {
            self.search = Some(Search {
                day: today,
                text,
                found,
            });
        }
    }

    /// The visitor left the search (another page, or the session ended): it counts now.
    pub fn leave_search(&mut self) {
        if let Some(search) = self.search.take() {
            let day = self.day(search.day);
            day.searches += 1;
            if !search.found {
                count(&mut day.empty_searches, &search.text);
            }
        }
    }

    /// Forgets every count (the maintenance panel's "clear").
    pub fn clear(&mut self) {
        self.days.clear();
        self.search = None;
        if let Some((day, _, _)) = &mut self.session {
            // The session goes on, counted from now on the day it started.
            let day = *day;
            self.day(day).sessions = 1;
        }
    }

    /// The counts of `date`; the oldest days go beyond [`MAX_DAYS`]. (A date older than all of them
    /// is dropped at once, and made again here: one day over, until the next new day.)
    fn day(&mut self, date: Date) -> &mut Day {
        self.days.entry(date).or_default();
        while self.days.len() > MAX_DAYS {
            self.days.pop_first();
        }
        self.days.entry(date).or_default()
    }

    /// The counts as CSV: `date,measure,key,count`, a row per day and measure (and key, for pages,
    /// items and texts), oldest day first. Spreadsheets open it; [`Usage::from_csv`] reads it back.
    pub fn to_csv(&self) -> String {
        let mut out = csv::Writer::from_writer(Vec::new());
        let _ = out.write_record(["date", "measure", "key", "count"]);
        for (date, day) in &self.days {
            let date = format_date(*date);
            let mut row = |measure: &str, key: &str, count: u64| {
                let _ = out.write_record([&date, measure, key, &count.to_string()]);
            };
            for (page, n) in &day.pages {
                row("page_views", page, u64::from(*n));
            }
            for (item, n) in &day.items {
                row("item_views", item, u64::from(*n));
            }
            row("sessions", "", u64::from(day.sessions));
            row("session_seconds", "", day.session_seconds);
            row("longest_session_seconds", "", day.longest_session_seconds);
            row("searches", "", u64::from(day.searches));
            for (text, n) in &day.empty_searches {
                row("empty_searches", text, u64::from(*n));
            }
        }
        String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default()
    }

    /// Reads back what [`Usage::to_csv`] wrote. Rows it cannot read are skipped (a stored text damaged
    /// somehow costs those rows, not every count), and the bounds apply again.
    pub fn from_csv(text: &str) -> Usage {
        let mut usage = Usage::default();
        let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
        for record in reader.records().flatten() {
            let (Some(date), Some(measure), Some(key), Some(n)) =
                (record.get(0), record.get(1), record.get(2), record.get(3))
            else {
                continue;
            };
            let (Some(date), Ok(n)) = (parse_date(date), n.parse::<u64>()) else {
                continue;
            };
            let small = u32::try_from(n).unwrap_or(u32::MAX);
            let day = usage.day(date);
            match measure {
                "page_views" => add(&mut day.pages, key, small),
                "item_views" => add(&mut day.items, key, small),
                "sessions" => day.sessions = small,
                "session_seconds" => day.session_seconds = n,
                "longest_session_seconds" => day.longest_session_seconds = n,
                "searches" => day.searches = small,
                "empty_searches" => add(&mut day.empty_searches, &clean(key), small),
                _ => {}
            }
        }
        usage
    }
}

/// Adds one to `key`, or to [`OTHER`] when the day has [`MAX_KEYS`] others already.
fn count(map: &mut BTreeMap<String, u32>, key: &str) {
    add(map, key, 1);
}

fn add(map: &mut BTreeMap<String, u32>, key: &str, n: u32) {
    if key.is_empty() {
        return;
    }
    let key = if map.contains_key(key) || map.len() < MAX_KEYS {
        key
    } else {
        OTHER
    };
    let slot = map.entry(key.to_owned()).or_default();
    *slot = slot.saturating_add(n);
}

/// A search text as kept: lower-case letters and digits (any script) and single spaces, at most
/// [`MAX_TEXT`] characters. Nothing else survives, so the CSV holds no formula or markup either.
fn clean(text: &str) -> String {
    let kept: String = text
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .flat_map(char::to_lowercase)
        .collect();
    let words: Vec<&str> = kept.split_whitespace().collect();
    words
        .join(" ")
        .chars()
        .take(MAX_TEXT)
        .collect::<String>()
        .trim_end()
        .to_owned()
}

/// `YYYY-MM-DD`.
pub fn format_date((y, m, d): Date) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn parse_date(text: &str) -> Option<Date> {
    let mut parts = text.splitn(3, '-');
    let y = parts.next()?.parse().ok()?;
    let m: u8 = parts.next()?.parse().ok()?;
    let d: u8 = parts.next()?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}
