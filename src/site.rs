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
