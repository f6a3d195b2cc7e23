//! The site itself: its identity (name, short name and mark, from the bundle, or before the bundle has
//! come from the page's head, where the build wrote them: scripts/site-content.mjs), its description
//! and the document title. Its addresses are the router's (`crate::router::href`).

use bundle::{Lang, Text};
use leptos::prelude::*;

use crate::i18n::*;
use crate::state::{use_store, Store};

/// Who the site is, in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Identity {
    pub name: String,
    /// For narrow screens; the name when the bundle has no short name.
    pub short_name: String,
    /// One or two characters for the header's round mark.
    pub mark: Option<String>,
}

/// The site's identity in `lang`: the bundle's (tracked), else what the build wrote into the head,
/// else a general name.
pub fn identity(store: Store, lang: Lang) -> Identity {
    store
        .bundle
        .with(|b| {
            b.as_ref().map(|b| Identity {
                name: b.meta.site_name().get(lang).to_owned(),
                short_name: b.meta.short_name().get(lang).to_owned(),
                mark: b.meta.mark.clone(),
            })
        })
        .or_else(|| head_identity(lang))
        .unwrap_or_else(|| {
            let name = td_string!(locale(lang), site_name).to_owned();
            Identity {
                short_name: name.clone(),
                name,
                mark: None,
            }
        })
}

/// `<meta name="application-name" lang="…" content="…" data-short="…">` and `<meta name="site-mark">`.
fn head_identity(lang: Lang) -> Option<Identity> {
    let document = document();
    let selector = format!(r#"meta[name="application-name"][lang="{}"]"#, lang.bcp47());
    let meta = document.query_selector(&selector).ok()??;
    let name = meta.get_attribute("content").filter(|n| !n.is_empty())?;
    let mark = document
        .query_selector(r#"meta[name="site-mark"]"#)
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"));
    Some(Identity {
        short_name: meta
            .get_attribute("data-short")
            .unwrap_or_else(|| name.clone()),
        name,
        mark,
    })
}

/// Keeps `<meta name="description">` (the build's, from the bundle it was built with) that of the
/// bundle on show, in the visitor's language: a bundle swapped on the server, or the other language,
/// describes the page as it is.
pub fn sync_description(store: Store) {
    Effect::new(move |_| {
        let lang = store.lang.get();
        let text = store
            .bundle
            .with(|b| Some(b.as_ref()?.description().get(lang).to_owned()));
        let meta = document().query_selector(r#"meta[name="description"]"#);
        if let (Some(text), Ok(Some(meta))) = (text, meta) {
            let _ = meta.set_attribute("content", &text);
        }
    });
}

/// A bundle text in `lang`, or `fallback` where the bundle leaves it out.
pub fn text_or(text: Option<&Text>, lang: Lang, fallback: &str) -> String {
    text.map_or_else(|| fallback.to_owned(), |t| t.get(lang).to_owned())
}

/// Sets the document title while the calling page is shown: "<page> · <the site's name>". Natively
/// (a page rendered to HTML), the title is written into the [`RenderedHead`] in context instead.
pub fn use_document_title(page: impl Fn() -> Option<String> + Send + Sync + 'static) {
    let store = use_store();
    let title = move || {
        let lang = store.lang.get();
        let site = identity(store, lang).name;
        match page() {
            Some(page) if !site.is_empty() => format!("{page} · {site}"),
            Some(page) => page,
            None => site,
        }
    };
    if !crate::web::IN_BROWSER {
        if let Some(head) = use_context::<RenderedHead>() {
            head.title.set_value(title());
        }
        return;
    }
    Effect::new(move |_| document().set_title(&title()));
}

/// What a page rendered to HTML natively puts in its head, gathered while it renders.
#[derive(Clone, Copy)]
pub struct RenderedHead {
    pub title: StoredValue<String>,
}

impl RenderedHead {
    /// An empty head, in context for the page about to render.
    pub fn provide() -> Self {
        let head = RenderedHead {
            title: StoredValue::new(String::new()),
        };
        provide_context(head);
        head
    }
}

/// A page's head rendered natively, beside its title: what share cards and search engines read.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, PartialEq)]
pub struct PageHead {
    pub description: String,
    /// The public address of the page (`meta.base_url` and the path), when the bundle gives one.
    pub canonical: Option<String>,
    /// The public address of the page's picture (an item's first), when the bundle gives one.
    pub image: Option<String>,
    /// What the page is about, as schema.org JSON-LD (the event, an item, a unit).
    pub linked_data: Option<serde_json::Value>,
    /// The page in each language (`hreflang`), the site's first language first: at its public address,
    /// else under the site's base.
    pub languages: Vec<(Lang, String)>,
}

/// The language of a site's addresses without a language in them: the bundle's default (Chinese when
/// it has none). The other language's pages are at `/en/…` (or `/zh/…`): `crate::router::address_lang`.
pub fn unprefixed_lang(bundle: &bundle::Bundle) -> Lang {
    bundle.default_language.unwrap_or_default()
}

/// The language named in the addresses of the pages in `lang`: none for the site's first language.
pub fn address_prefix(bundle: &bundle::Bundle, lang: Lang) -> Option<Lang> {
    (lang != unprefixed_lang(bundle)).then_some(lang)
}

/// The head of the page at `route` in `lang`, from the bundle: an item's page is described by the
/// item, a unit's by the unit, the home page by the event; every page else by the site's description.
/// `base`: the site's path ("" at the root, "/showcase").
#[cfg(feature = "ssr")]
pub fn page_head(
    bundle: &bundle::Bundle,
    route: &crate::router::Route,
    lang: Lang,
    base: &str,
) -> PageHead {
    use crate::router::Page;
    use bundle::linked_data;

    let in_lang = |lang: Lang| {
        let prefix = address_prefix(bundle, lang).map(|l| format!("/{}", l.code()));
        format!("{}{}", prefix.unwrap_or_default(), route.path())
    };

    let public = |path: &str| {
        let base = bundle.meta.base_url.as_deref()?;
        Some(format!(
            "{}/{}",
            base.trim_end_matches('/'),
            path.trim_start_matches('/')
        ))
    };
    let found = route.page != Page::NotFound;
    let canonical = found.then(|| public(&in_lang(lang))).flatten();
    let mut languages = Vec::new();
    if found {
        let first = unprefixed_lang(bundle);
        for l in [first, first.other()] {
            let path = in_lang(l);
            languages.push((l, public(&path).unwrap_or_else(|| format!("{base}{path}"))));
        }
    }
    let url = canonical.as_deref();
    let site = bundle.description().get(lang).to_owned();
    let id = route.id.as_deref().unwrap_or_default();
    let (description, image, linked_data) = match route.page {
        Page::Item => match bundle.item(id) {
            Some(item) => {
                let image = item.media.first().and_then(|m| public(&m.src));
                let data = linked_data::item(item, lang, url, image.as_deref());
                (item.description.get(lang).to_owned(), image, Some(data))
            }
            None => (site, None, None),
        },
        Page::Unit => match bundle.unit(id) {
            Some(unit) => {
                let description = unit
                    .description
                    .as_ref()
                    .map_or(site, |d| d.get(lang).to_owned());
                (description, None, Some(linked_data::unit(unit, lang, url)))
            }
            None => (site, None, None),
        },
        Page::Home => (site, None, Some(linked_data::event(bundle, lang, url))),
        _ => (site, None, None),
    };
    PageHead {
        description,
        canonical,
        image,
        linked_data,
        languages,
    }
}

#[cfg(feature = "ssr")]
impl PageHead {
    /// The head's elements as HTML, after `<title>`: the description, the canonical address, the
    /// Open Graph and Twitter card, the JSON-LD. Every value is escaped; none is HTML.
    pub fn to_html(&self, title: &str, site_name: &str, lang: Lang) -> String {
        let attr = |s: &str| html_escape::encode_double_quoted_attribute(s).into_owned();
        let mut html = format!(
            r#"<meta name="description" content="{}">"#,
            attr(&self.description)
        );
        let mut meta = |property: &str, value: &str| {
            html.push_str(&format!(
                r#"<meta property="{property}" content="{}">"#,
                attr(value)
            ));
        };
        meta("og:type", "website");
        meta("og:site_name", site_name);
        meta("og:title", title);
        meta("og:description", &self.description);
        meta("og:locale", &lang.bcp47().replace('-', "_"));
        if let Some(url) = &self.canonical {
            meta("og:url", url);
        }
        if let Some(image) = &self.image {
            meta("og:image", image);
        }
        let card = if self.image.is_some() {
            "summary_large_image"
        } else {
            "summary"
        };
        html.push_str(&format!(r#"<meta name="twitter:card" content="{card}">"#));
        if let Some(url) = &self.canonical {
            html.push_str(&format!(r#"<link rel="canonical" href="{}">"#, attr(url)));
        }
        // Search engines take only full addresses for the other languages' pages (as for the canonical
        // one): without the site's public address (`meta.base_url`), the switch alone joins them.
        let public = self.canonical.is_some();
        for (n, (lang, url)) in self.languages.iter().enumerate().filter(|_| public) {
            let link = |hreflang: &str| {
                format!(
                    r#"<link rel="alternate" hreflang="{hreflang}" href="{}">"#,
                    attr(url)
                )
            };
            html.push_str(&link(lang.bcp47()));
            if n == 0 {
                html.push_str(&link("x-default"));
            }
        }
        if let Some(data) = &self.linked_data {
            html.push_str(&format!(
                r#"<script type="application/ld+json">{}</script>"#,
                bundle::linked_data::script_text(data)
            ));
        }
        html
    }
}

/// A page's file: the build's `index.html` (`template`, the app shell) with the page's language, title
/// and head, and the page itself (`body`, in its `<div id="prerendered">`, which the app replaces with
/// its own drawing: `crate::web::prerendered`) at the start of the body, in place of the shell's
/// notice that the site needs JavaScript (the page has its own, `NoScriptNotice`). An error names what
/// the template lacks: a changed index.html cannot ship a page without its head.
#[cfg(feature = "ssr")]
pub fn page_document(
    template: &str,
    lang: Lang,
    title: &str,
    head: &str,
    body: &str,
) -> Result<String, String> {
    fn between(text: &str, start: &str, end: &str) -> Result<(usize, usize), String> {
        let from = text
            .find(start)
            .ok_or_else(|| format!("index.html has no {start}"))?;
        let to = text[from..]
            .find(end)
            .map(|n| from + n + end.len())
            .ok_or_else(|| format!("index.html: {start} is not closed by {end}"))?;
        Ok((from, to))
    }
    let mut out = template.to_owned();
    let mut replace = |start: &str, end: &str, by: &str| -> Result<(), String> {
        let (from, to) = between(&out, start, end)?;
        out.replace_range(from..to, by);
        Ok(())
    };
    replace(
        "<html lang=",
        ">",
        &format!(r#"<html lang="{}">"#, lang.bcp47()),
    )?;
    let title = html_escape::encode_text(title);
    replace("<title>", "</title>", &format!("<title>{title}</title>"))?;
    replace(r#"<meta name="description""#, ">", head)?;
    let (from, to) = between(&out, "<body>", "</noscript>")?;
    if !out[from + "<body>".len()..]
        .trim_start()
        .starts_with("<noscript>")
    {
        return Err("index.html: the body does not start with its <noscript> notice".into());
    }
    out.replace_range(from..to, &format!("<body>{body}"));
    Ok(out)
}

/// sitemap.xml for `pages`: each page's public address and its address in each language.
#[cfg(feature = "ssr")]
pub fn sitemap(pages: &[(String, Vec<(Lang, String)>)]) -> String {
    let text = |s: &str| html_escape::encode_double_quoted_attribute(s).into_owned();
    let mut xml = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8"?>"#,
        "\n",
        r#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">"#,
        "\n"
    ));
    for (url, languages) in pages {
        xml.push_str(&format!("  <url>\n    <loc>{}</loc>\n", text(url)));
        for (lang, href) in languages {
            xml.push_str(&format!(
                r#"    <xhtml:link rel="alternate" hreflang="{}" href="{}"/>"#,
                lang.bcp47(),
                text(href)
            ));
            xml.push('\n');
        }
        xml.push_str("  </url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}
