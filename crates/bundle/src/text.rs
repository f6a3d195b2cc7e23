//! Languages and bilingual text.
//!
//! Fallback rule (documented in docs/bundle.md): a text is shown in the requested language when the bundle
//! has it (non-blank); otherwise in the other language; a text blank in both languages is a validation
//! error, so a valid bundle never shows an empty label.

use serde::{Deserialize, Serialize};

use crate::read::FastRead;

/// A language the showcase is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, FastRead, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// Short code used in the bundle and in storage: `zh`, `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// BCP 47 tag for `<html lang>`.
    pub fn bcp47(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// Parses a code or a browser language tag (`zh`, `zh-CN`, `en-GB`, …).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A human-readable text in Chinese and English.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, FastRead)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Text {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// Set when a maintainer still has to review this text (e.g. a person's name whose Chinese characters
    /// are not confirmed). The note says what to check; `bundle check` lists every such text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<String>,
}

impl Text {
    pub fn new(zh: &str, en: &str) -> Self {
        Text {
            zh: Some(zh.to_owned()),
            en: Some(en.to_owned()),
            review: None,
        }
    }

    /// The text in `lang` when present, else in the other language (see the module's fallback rule).
    pub fn get(&self, lang: Lang) -> &str {
        self.exact(lang)
            .or_else(|| self.exact(lang.other()))
            .unwrap_or("")
    }

    /// The text in exactly `lang`, if the bundle has it (non-blank).
    pub fn exact(&self, lang: Lang) -> Option<&str> {
        let value = match lang {
            Lang::Zh => self.zh.as_deref(),
            Lang::En => self.en.as_deref(),
        };
        value.filter(|s| !s.trim().is_empty())
    }

    /// True when `get(lang)` would fall back to the other language.
    pub fn falls_back(&self, lang: Lang) -> bool {
        self.exact(lang).is_none() && self.exact(lang.other()).is_some()
    }

    pub fn is_blank(&self) -> bool {
        self.exact(Lang::Zh).is_none() && self.exact(Lang::En).is_none()
    }

    /// Both languages, for searching.
    pub fn both(&self) -> impl Iterator<Item = &str> {
        self.exact(Lang::Zh).into_iter().chain(self.exact(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_the_other_language_only_when_missing_or_blank() {
        let both = Text::new("北门社区", "North Gate Community");
        assert_eq!(both.get(Lang::En), "North Gate Community");
        assert_eq!(both.get(Lang::Zh), "北门社区");

        let zh_only = Text {
            zh: Some("北门社区".into()),
            en: Some("  ".into()),
            review: None,
        };
        assert_eq!(zh_only.get(Lang::En), "北门社区");
        assert!(zh_only.falls_back(Lang::En));
        assert!(!zh_only.falls_back(Lang::Zh));
        assert!(Text::default().is_blank());
        assert_eq!(Text::default().get(Lang::Zh), "");
    }

    #[test]
    fn reads_browser_language_tags() {
        assert_eq!(Lang::from_tag("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("zh_TW"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::from_tag(""), None);
    }
}
