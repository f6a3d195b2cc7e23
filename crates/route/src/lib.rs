//! The app's addresses as plain data, with no browser: which page a path shows ([`Route`]), whether a
//! navigation link is the current page ([`is_current`]), and query strings read and written as browsers
//! read and write them ([`Query`]). The browser glue (`src/router.rs` in the app) keeps the history and
//! the signals; everything that decides is here and tested natively.

use std::fmt::Write;

/// The route table: every page of the app, one line each, in the order of [`Page::ALL`]: its name,
/// the path it is shown at (`:id` stands for an item's or a unit's id; `""` for the page of every
/// other path), the wasm chunk its code goes into (`main`: the main module, which every visit
/// downloads first; pages sharing a chunk are downloaded together) and its module and component in
/// the app's `pages`.
///
/// Everything about pages is derived from it: [`Page`] and [`Route`] here, the app's `pages` modules
/// and the function that gets each page's code ready (`src/app.rs`), and, at build time, the
/// preloader of index.html (`cargo run -p route --example table`, read by scripts/wasm-split.mjs).
/// Adding a page is a line here and the page's file. A path is read by the first line that
/// matches it (a literal path such as `/gallery/new` goes before `/gallery/:id`; the tests check that
/// each page is found at its own path).
///
/// `pages!(then)` calls the macro `then` with the table.
#[macro_export]
macro_rules! pages {
    ($then:ident) => {
        $then! {
            Home "/" main home::HomePage,
            Gallery "/gallery" gallery gallery::GalleryPage,
            Item "/gallery/:id" item item::ItemPage,
            Map "/map" map map::MapPage,
            Story "/story" pages story::StoryPage,
            Books "/books" pages books::BooksPage,
            Unit "/units/:id" pages unit::UnitPage,
            NotFound "" main not_found::NotFound,
        }
    };
}

macro_rules! declare_pages {
    ($($page:ident $path:literal $chunk:ident $module:ident :: $component:ident,)*) => {
        /// The app's pages (see [`pages!`]). A route's id (an item's, a unit's) is in [`Route::id`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Page {
            $($page,)*
        }

        impl Page {
            /// Every page, in the table's order (that of [`Page::index`]).
            pub const ALL: &'static [Page] = &[$(Page::$page,)*];

            /// The page's path in the table: "/gallery", "/gallery/:id"; "" for the page of every
            /// path that is no other's.
            pub fn pattern(self) -> &'static str {
                match self {
                    $(Page::$page => $path,)*
                }
            }

            /// The wasm chunk the page's code is in ("main" for the main module).
            pub fn chunk(self) -> &'static str {
                match self {
                    $(Page::$page => stringify!($chunk),)*
                }
            }
        }
    };
}

pages!(declare_pages);

impl Page {
    /// A small number per page, for tables indexed by page.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// What a path shows: the page and, for an item or a unit, its id (percent-decoded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub page: Page,
    pub id: Option<String>,
}

impl From<Page> for Route {
    fn from(page: Page) -> Route {
        Route { page, id: None }
    }
}

impl Route {
    /// An item's page.
    pub fn item(id: &str) -> Route {
        Route {
            page: Page::Item,
            id: Some(id.to_owned()),
        }
    }

    /// A unit's page.
    pub fn unit(id: &str) -> Route {
        Route {
            page: Page::Unit,
            id: Some(id.to_owned()),
        }
    }

    /// The route of `path`, the address's path under the site's base ("/", "/gallery", "/units/x"),
    /// by the table's paths. A trailing slash is allowed ("/gallery/"); anything else unknown is
    /// [`Page::NotFound`].
    pub fn of(path: &str) -> Route {
        let trimmed = path.strip_prefix('/').unwrap_or(path);
        let trimmed = trimmed.strip_suffix('/').unwrap_or(trimmed);
        // "//" is not the home page.
        if trimmed.is_empty() && path.len() > 1 {
            return Page::NotFound.into();
        }
        Page::ALL
            .iter()
            .find_map(|&page| {
                let id = matches(page.pattern(), trimmed)?;
                Some(Route {
                    page,
                    id: id.map(|id| decode(id, false)),
                })
            })
            .unwrap_or_else(|| Page::NotFound.into())
    }

    /// The path that shows this route, its id percent-encoded: the other way from [`Route::of`].
    pub fn path(&self) -> String {
        let pattern = self.page.pattern();
        if pattern.is_empty() {
            return "/".to_owned();
        }
        // The table's one placeholder, `:id`, found by its colon.
        let Some(at) = pattern.find(':') else {
            return pattern.to_owned();
        };
        let mut path = pattern[..at].to_owned();
        encode_into(&mut path, self.id.as_deref().unwrap_or_default());
        path.push_str(&pattern[at + ":id".len()..]);
        path
    }
}

/// Whether `path` (without its slashes at either end) is the table's `pattern`: `Some` with the id
/// where the pattern has one.
fn matches<'p>(pattern: &str, path: &'p str) -> Option<Option<&'p str>> {
    if pattern.is_empty() {
        return None;
    }
    let mut parts = path.split('/');
    let mut id = None;
    for expected in pattern.trim_start_matches('/').split('/') {
        let part = parts.next()?;
        if expected == ":id" {
            if part.is_empty() {
                return None;
            }
            id = Some(part);
        } else if expected != part {
            return None;
        }
    }
    parts.next().is_none().then_some(id)
}

/// Whether a navigation link to `href` (a path under the base) marks the current page `current`: the
/// same path, or, unless `exact`, a path under it ("/gallery" for "/gallery/x", not for "/galleryx").
/// Trailing slashes do not count.
pub fn is_current(href: &str, current: &str, exact: bool) -> bool {
    let href = href.trim_end_matches('/');
    let current = current.trim_end_matches('/');
    if exact || href.is_empty() {
        return href == current;
    }
    current
        .strip_prefix(href)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// A query string's parameters, in their order. Read as `URLSearchParams` reads one (`+` is a space,
/// `%XX` a byte, invalid escapes kept as they are); written as `encodeURIComponent` writes each part.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query(Vec<(String, String)>);

impl Query {
    /// Reads `search`, with or without its leading `?`.
    pub fn parse(search: &str) -> Query {
        let search = search.strip_prefix('?').unwrap_or(search);
        Query(
            search
                .split('&')
                .filter(|pair| !pair.is_empty())
                .map(|pair| {
                    let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                    (decode(key, true), decode(value, true))
                })
                .collect(),
        )
    }

    /// The last value of `key`, as the browser's and the old router's `get` give it.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The parameters, each key once with its last value, in the order the keys first appear.
    pub fn latest(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().enumerate().filter_map(|(n, (key, _))| {
            let first = self.0[..n].iter().all(|(k, _)| k != key);
            first.then(|| (key.as_str(), self.get(key).unwrap_or_default()))
        })
    }

    /// Sets `key` to `value` alone, where `key` was (at the end if it was not there).
    pub fn set(&mut self, key: &str, value: impl Into<String>) {
        let value = value.into();
        match self.0.iter().position(|(k, _)| k == key) {
            Some(n) => {
                self.0[n].1 = value;
                let mut seen = 0;
                self.0.retain(|(k, _)| {
                    seen += usize::from(k == key);
                    k != key || seen == 1
                });
            }
            None => self.0.push((key.to_owned(), value)),
        }
    }

    /// Removes every value of `key`; the others keep their order.
    pub fn remove(&mut self, key: &str) {
        self.0.retain(|(k, _)| k != key);
    }

    /// `?key=value&…`, or "" when there is nothing.
    pub fn to_search(&self) -> String {
        let mut out = String::new();
        for (n, (key, value)) in self.0.iter().enumerate() {
            out.push(if n == 0 { '?' } else { '&' });
            encode_into(&mut out, key);
            out.push('=');
            encode_into(&mut out, value);
        }
        out
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for Query {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        Query(
            pairs
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )
    }
}

/// Percent-decodes `text` (and `+` as a space when `plus`), keeping an invalid escape as it is and
/// replacing bytes that are not UTF-8, as browsers do.
pub fn decode(text: &str, plus: bool) -> String {
    if !text.contains(['%', '+']) {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut n = 0;
    while n < bytes.len() {
        let byte = bytes[n];
        let hex = |at: usize| bytes.get(at).and_then(|b| (*b as char).to_digit(16));
        match (byte, hex(n + 1), hex(n + 2)) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                n += 3;
                continue;
            }
            (b'+', _, _) if plus => out.push(b' '),
            _ => out.push(byte),
        }
        n += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `text` as `encodeURIComponent` writes it: letters, digits and `-_.!~*'()` as they are, every other
/// byte of its UTF-8 as `%XX`.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    encode_into(&mut out, text);
    out
}

fn encode_into(out: &mut String, text: &str) {
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route(path: &str) -> (Page, Option<&str>) {
        let r = Route::of(path);
        (r.page, r.id.map(|id| &*id.leak()))
    }

    #[test]
    fn paths_show_their_pages() {
        assert_eq!(route("/"), (Page::Home, None));
        assert_eq!(route(""), (Page::Home, None));
        assert_eq!(route("/gallery"), (Page::Gallery, None));
        assert_eq!(route("/gallery/"), (Page::Gallery, None));
        assert_eq!(route("/gallery/red-ship"), (Page::Item, Some("red-ship")));
        assert_eq!(route("/gallery/red-ship/"), (Page::Item, Some("red-ship")));
        assert_eq!(route("/map"), (Page::Map, None));
        assert_eq!(route("/story"), (Page::Story, None));
        assert_eq!(route("/books"), (Page::Books, None));
        assert_eq!(route("/units/hudong"), (Page::Unit, Some("hudong")));
        assert_eq!(route("/units/%E7%BA%A2"), (Page::Unit, Some("红")));
    }

    #[test]
    fn other_paths_are_not_found() {
        for path in [
            "/units",
            "/units/",
            "/gallery/a/b",
            "/gallery//",
            "/galleryx",
            "/map/x",
            "/index.html",
            "//",
            "/Gallery",
        ] {
            assert_eq!(Route::of(path).page, Page::NotFound, "{path}");
        }
    }

    #[test]
    fn routes_give_the_paths_that_show_them() {
        let routes = [
            Route::from(Page::Home),
            Page::Gallery.into(),
            Route::item("red-ship"),
            Route::item("红 船/1"),
            Page::Map.into(),
            Page::Story.into(),
            Page::Books.into(),
            Route::unit("hudong"),
        ];
        for route in routes {
            assert_eq!(Route::of(&route.path()), route, "{}", route.path());
        }
        assert_eq!(Route::item("red-ship").path(), "/gallery/red-ship");
        assert_eq!(Route::unit("红").path(), "/units/%E7%BA%A2");
        assert_eq!(Route::from(Page::Home).path(), "/");
    }

    #[test]
    fn every_page_of_the_table_is_found_at_its_own_path() {
        for &page in Page::ALL.iter().filter(|p| **p != Page::NotFound) {
            let pattern = page.pattern();
            let holes = pattern.matches(':').count();
            assert!(holes <= 1, "{pattern}: one placeholder at most");
            assert!(
                holes == 0 || pattern.contains(":id"),
                "{pattern}: the placeholder is :id"
            );
            let route = Route {
                page,
                id: (holes == 1).then(|| "some-id".to_owned()),
            };
            // Found as itself: no line of the table before it takes its path.
            assert_eq!(Route::of(&route.path()), route, "{pattern}");
        }
    }

    #[test]
    fn the_table_has_one_page_per_path() {
        let paths: Vec<_> = Page::ALL.iter().map(|p| p.pattern()).collect();
        for (n, path) in paths.iter().enumerate() {
            assert!(!paths[..n].contains(path), "{path} twice");
        }
        assert_eq!(
            Page::NotFound.pattern(),
            "",
            "not found is every other path"
        );
        assert_eq!(Page::Home.chunk(), "main", "the first page needs no chunk");
        assert_eq!(Page::NotFound.chunk(), "main");
    }

    #[test]
    fn page_indexes_follow_all() {
        for (n, page) in Page::ALL.iter().enumerate() {
            assert_eq!(page.index(), n);
        }
    }

    #[test]
    fn current_page_links() {
        assert!(is_current("/", "/", true));
        assert!(is_current("/", "", true));
        assert!(!is_current("/", "/gallery", true));
        assert!(
            !is_current("/", "/gallery", false),
            "home is current only at home"
        );
        assert!(is_current("/gallery", "/gallery", false));
        assert!(is_current("/gallery", "/gallery/", false));
        assert!(is_current("/gallery", "/gallery/red-ship", false));
        assert!(!is_current("/gallery", "/gallery/red-ship", true));
        assert!(!is_current("/gallery", "/galleryx", false));
        assert!(!is_current("/map", "/gallery", false));
    }

    #[test]
    fn queries_read_as_browsers_read_them() {
        let q = Query::parse("?kind=artwork&q=red+ship&donor=%E6%B9%96&empty=&flag&&kind=book");
        assert_eq!(q.get("kind"), Some("book"), "the last value");
        assert_eq!(q.get("q"), Some("red ship"));
        assert_eq!(q.get("donor"), Some("湖"));
        assert_eq!(q.get("empty"), Some(""));
        assert_eq!(q.get("flag"), Some(""));
        assert_eq!(q.get("view"), None);
        let latest: Vec<_> = q.latest().collect();
        assert_eq!(
            latest,
            [
                ("kind", "book"),
                ("q", "red ship"),
                ("donor", "湖"),
                ("empty", ""),
                ("flag", "")
            ]
        );
        assert_eq!(Query::parse(""), Query::default());
        assert_eq!(Query::parse("?"), Query::default());
    }

    #[test]
    fn bad_escapes_are_kept_and_bad_bytes_replaced() {
        assert_eq!(decode("100%", true), "100%");
        assert_eq!(decode("%zz%4", true), "%zz%4");
        assert_eq!(decode("%FF", true), "\u{FFFD}");
        assert_eq!(decode("a+b", false), "a+b");
        assert_eq!(decode("a%2Bb", true), "a+b");
    }

    #[test]
    fn queries_written_as_encode_uri_component() {
        // encodeURIComponent's unescaped set, and what it escapes.
        assert_eq!(encode("AZaz09-_.!~*'()"), "AZaz09-_.!~*'()");
        assert_eq!(encode(" &=?#/+%"), "%20%26%3D%3F%23%2F%2B%25");
        assert_eq!(encode("风筝"), "%E9%A3%8E%E7%AD%9D");
        let mut q: Query = [("kind", "artwork"), ("q", "red ship & 红")]
            .into_iter()
            .collect();
        assert_eq!(
            q.to_search(),
            "?kind=artwork&q=red%20ship%20%26%20%E7%BA%A2"
        );
        q.set("view", "0");
        q.set("kind", "book");
        assert_eq!(
            q.to_search(),
            "?kind=book&q=red%20ship%20%26%20%E7%BA%A2&view=0"
        );
        q.remove("q");
        assert_eq!(q.to_search(), "?kind=book&view=0");
        q.remove("kind");
        q.remove("view");
        assert_eq!(q.to_search(), "");
    }

    #[test]
    fn set_leaves_one_value() {
        let mut q = Query::parse("a=1&b=2&a=3");
        q.set("a", "4");
        assert_eq!(q.to_search(), "?a=4&b=2");
    }

    #[test]
    fn written_queries_read_back_the_same() {
        let texts = [
            "",
            " ",
            "+",
            "%",
            "%25",
            "a=b&c",
            "风筝 · 灯笼",
            "\u{1F680}",
            "'\"<>",
        ];
        for text in texts {
            let q: Query = [("q", text), ("x", text)].into_iter().collect();
            assert_eq!(Query::parse(&q.to_search()), q, "{text:?}");
        }
    }
}
