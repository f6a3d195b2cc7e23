//! Every user-visible string of the app's own interface, in Chinese and English.
//!
//! The texts live in `locales/zh.json` and `locales/en.json` and are compiled in by leptos_i18n 0.6:
//! `build.rs` generates the `i18n` module below (the `Locale` enum, typed keys, `t!`, `t_string!`,
//! `td_string!`...), so every key used in the code is checked at compile time, and a key present in one
//! file but not the other fails the build. Content texts come from the bundle (`bundle::Text`), not here.
//!
//! The language itself stays in the store (`store.lang`: saved choice, bundle default, browser), and
//! `t!` / `t_string!` read it there (see [`I18n`]): the library's own context is not used.
//! Dates and digit grouping are formatted here by hand: the library would need ICU's data for that.

use bundle::number::fixed;
use bundle::{ItemKind, Lang, Severity, UnitKind};
use leptos::prelude::*;

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub use self::i18n::{td, td_string, Locale};

/// The library's locale for one of the bundle's languages.
pub fn locale(lang: Lang) -> Locale {
    match lang {
        Lang::Zh => Locale::zh,
        Lang::En => Locale::en,
    }
}

/// What `t!` and `t_string!` take: the store's language, read where a text is drawn, so that the text
/// follows it (a `t!` view is a closure over it; `t_string!` reads it once, as a closure's caller does).
///
/// This stands in for leptos_i18n's context, whose set-up also runs the library's own choice of a
/// language (the browser's languages matched by ICU's locale parser, a `languagechange` listener,
/// memos) although the store's language always overrides it: 15 KB gzip of the main module
/// (BENCHMARKS.md). The texts, their keys and interpolations stay the library's (`td!`, `td_string!`).
#[derive(Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    /// The language of the texts, tracked.
    pub fn get_locale(self) -> Locale {
        locale(self.lang.get())
    }
}

/// The store's language for `t!` and `t_string!` (the store must be provided).
pub fn use_i18n() -> I18n {
    I18n {
        lang: crate::state::use_store().lang,
    }
}

/// `t!(i18n, key, args…)`: a text that follows the language, as a view (leptos_i18n's `t!`, with the
/// language from [`I18n`]).
macro_rules! t {
    ($i18n:expr, $($key:tt)+) => {
        $crate::i18n::td!($crate::i18n::I18n::get_locale($i18n), $($key)+)
    };
}

/// `t_string!(i18n, key, args…)`: the text in the language now, as a string.
macro_rules! t_string {
    ($i18n:expr, $($key:tt)+) => {
        $crate::i18n::td_string!($crate::i18n::I18n::get_locale($i18n), $($key)+)
    };
}

pub(crate) use {t, t_string};

// Counts, their digits grouped ("4,416 books", "4,416 本图书"): "one" when the number is 1, else "other" (English's rule; Chinese gives both forms the same
// text). The library's own plurals would need its `plurals` and `icu_compiled_data` features: ICU plural
// rules and data, about 17 KB more gzipped wasm (measured) for these four strings.

/// The "one" or "other" text of a counted key.
macro_rules! counted {
    ($l:expr, $key:ident, $n:expr) => {
        if $n == 1 {
            td_string!($l, $key.one, count = group_thousands($n as u64))
        } else {
            td_string!($l, $key.other, count = group_thousands($n as u64))
        }
    };
}

/// "1 item", "12 items", "12 件展品".
pub fn items_count(l: Locale, n: usize) -> String {
    counted!(l, items_count, n)
}

/// "1 book", "100 books", "100 本图书".
pub fn books_count(l: Locale, n: u64) -> String {
    counted!(l, books_count, n)
}

/// Said after the total when some donations have no count.
pub fn uncounted(l: Locale, n: usize) -> String {
    counted!(l, uncounted, n)
}

/// "4 attempts", "已尝试 4 次".
pub fn attempts(l: Locale, n: u32) -> String {
    counted!(l, attempts, n)
}

/// `2024-05-01` as "2024年5月1日" or "1 May 2024"; anything else unchanged.
pub fn format_date(lang: Lang, iso: &str) -> String {
    let mut parts = iso.split('-').map(|p| p.parse::<u32>());
    let (Some(Ok(y)), Some(Ok(m)), Some(Ok(d)), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return iso.to_owned();
    };
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match lang {
        Lang::Zh => format!("{y}年{m}月{d}日"),
        Lang::En => match MONTHS.get(m.wrapping_sub(1) as usize) {
            Some(month) => format!("{d} {month} {y}"),
            None => iso.to_owned(),
        },
    }
}

pub fn item_kind(lang: Lang, kind: ItemKind) -> &'static str {
    let l = locale(lang);
    match kind {
        ItemKind::Artwork => td_string!(l, item_kind.artwork),
        ItemKind::FirstDayCover => td_string!(l, item_kind.first_day_cover),
        ItemKind::BookDonation => td_string!(l, item_kind.book_donation),
        ItemKind::Plaque => td_string!(l, item_kind.plaque),
        ItemKind::Other => td_string!(l, item_kind.other),
    }
}

pub fn unit_kind(lang: Lang, kind: UnitKind) -> &'static str {
    let l = locale(lang);
    match kind {
        UnitKind::Community => td_string!(l, unit_kind.community),
        UnitKind::Enterprise => td_string!(l, unit_kind.enterprise),
        UnitKind::School => td_string!(l, unit_kind.school),
        UnitKind::RecipientSchool => td_string!(l, unit_kind.recipient_school),
    }
}

pub fn severity(lang: Lang, severity: Severity) -> &'static str {
    let l = locale(lang);
    match severity {
        Severity::Error => td_string!(l, severity.error),
        Severity::Warning => td_string!(l, severity.warning),
        Severity::Info => td_string!(l, severity.info),
    }
}

/// 1234567 as "1,234,567" (both languages group digits by thousands with a comma).
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A unit's position for people: "31.162°N 120.672°E", marked when approximate.
pub fn position(lang: Lang, at: &bundle::Coordinates) -> String {
    let ns = if at.lat < 0.0 { 'S' } else { 'N' };
    let ew = if at.lon < 0.0 { 'W' } else { 'E' };
    let approximate = if at.approximate {
        td_string!(locale(lang), approximate)
    } else {
        ""
    };
    format!(
        "{}°{ns} {}°{ew}{approximate}",
        fixed(at.lat.abs(), 3),
        fixed(at.lon.abs(), 3)
    )
}
