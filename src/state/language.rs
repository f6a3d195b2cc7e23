//! The visitor's language: the one the address names (/en/…), else a choice they made (kept in local
//! storage), else the bundle's default, else the browser's, else Chinese.

use bundle::Lang;
use leptos::prelude::*;

use super::Store;
use crate::web::storage::{read_local, remove_local, write_local};

const LANG_KEY: &str = "showcase.lang";

impl Store {
    pub fn set_lang(self, lang: Lang) {
        self.lang.set(lang);
        self.remember_lang(lang);
    }

    /// Keeps `lang` as the visitor's choice, for the pages they open next (index.html's first script
    /// takes a page in the other language to this one's address before it is drawn).
    pub fn remember_lang(self, lang: Lang) {
        write_local(LANG_KEY, lang.code());
    }
}

/// Whether the visitor has chosen a language (a choice outranks the bundle's default).
pub(super) fn chosen() -> bool {
    read_local(LANG_KEY).is_some()
}

/// Forgets the visitor's language choice and returns to the default (the kiosk's reset).
pub fn forget_lang_choice(store: Store) {
    remove_local(LANG_KEY);
    store.lang.set(default_lang(store));
}

/// The language a visitor who has not chosen one gets: the bundle's default, else the browser's.
pub fn default_lang(store: Store) -> Lang {
    unchosen_lang(
        store
            .bundle
            .with_untracked(|b| b.as_ref().and_then(|b| b.default_language)),
    )
}

/// The language the address names (/en/…), else the visitor's saved choice, else the bundle's
/// default, else the browser's language, else Chinese.
pub(super) fn initial_lang(bundle_default: Option<Lang>) -> Lang {
    crate::router::address_lang()
        .or_else(|| read_local(LANG_KEY).and_then(|code| Lang::from_tag(&code)))
        .unwrap_or_else(|| unchosen_lang(bundle_default))
}

/// For a visitor who has not chosen: the bundle's default (before the bundle is read, the one the build
/// wrote into index.html), else the browser's language, else Chinese.
fn unchosen_lang(bundle_default: Option<Lang>) -> Lang {
    // Natively (a page rendered to HTML) there is no page nor browser to ask.
    if !crate::web::IN_BROWSER {
        return bundle_default.unwrap_or_default();
    }
    bundle_default
        .or_else(|| {
            let meta = document()
                .query_selector(r#"meta[name="default-language"]"#)
                .ok()??;
            Lang::from_tag(&meta.get_attribute("content")?)
        })
        .or_else(|| {
            let navigator = web_sys::window()?.navigator();
            navigator.language().and_then(|tag| Lang::from_tag(&tag))
        })
        .unwrap_or_default()
}
