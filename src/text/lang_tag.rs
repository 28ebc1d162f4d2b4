//! BCP 47 language tags and the language suffix of a translation's file name
//! (`about.fr`): the pure part of [`crate::lang`], which the configuration and the load
//! stage read, below both.

/// The language of a handbook that names none.
pub const DEFAULT: &str = "en";

/// Whether `tag` is shaped as a BCP 47 language tag: a language of 2–3 letters (the
/// registry has no longer one in use, and "French" or "english" is a name, not a tag),
/// then subtags of 1–8 letters or digits (`pt-BR`, `zh-Hant-TW`,
/// `sr-Latn`, `de-CH-1996`), or a private-use tag (`x-klingon`).
pub fn is_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or("");
    let private = first.eq_ignore_ascii_case("x") || first.eq_ignore_ascii_case("i");
    let language_ok =
        private || (matches!(first.len(), 2 | 3) && first.bytes().all(|b| b.is_ascii_alphabetic()));
    let mut rest = 0;
    for p in parts {
        if p.is_empty() || p.len() > 8 || !p.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return false;
        }
        rest += 1;
    }
    language_ok && (!private || rest > 0)
}

/// The invalid-value problem of a language tag that is not one, with the fix: `pt_BR`
/// (as locales are written on Unix) becomes `pt-BR`.
pub fn not_a_tag(value: &str) -> (String, String) {
    let fixed = value.trim().replace('_', "-");
    let help = if fixed != value && is_tag(&fixed) {
        format!("write it as a BCP 47 tag, with hyphens: \"{fixed}\"")
    } else {
        "write a BCP 47 language tag: a language's two- or three-letter code, with a region after a hyphen if it matters (\"de\", \"fr-CA\", \"pt-BR\", \"zh-Hant\")".to_string()
    };
    (
        format!(
            "\"{}\" is not a language tag",
            value.chars().take(40).collect::<String>()
        ),
        help,
    )
}

/// The language of a translation's file name without its extension, Hugo's `NAME.LANG`: two or three
/// lowercase letters, with a region after a hyphen (`fr`, `pt-br`, `zh-cn`), and the path
/// without it (`content/about.fr` → `("content/about", "fr")`). `None` for other
/// names (`v1.2.md`, `release.v2.md`), which whether the page without the suffix exists
/// does not come into.
pub fn stem_language(stem: &str) -> Option<(&str, &str)> {
    let (base, lang) = stem.rsplit_once('.')?;
    if base.is_empty() || base.ends_with('/') {
        return None;
    }
    let (language, region) = match lang.split_once('-') {
        Some((l, r)) => (l, Some(r)),
        None => (lang, None),
    };
    let language_ok =
        matches!(language.len(), 2 | 3) && language.bytes().all(|b| b.is_ascii_lowercase());
    let region_ok = region
        .is_none_or(|r| (2..=4).contains(&r.len()) && r.bytes().all(|b| b.is_ascii_alphanumeric()));
    (language_ok && region_ok).then_some((base, lang))
}

/// A language's name in itself ("français"), for the links between a page's language
/// versions; the tag itself for languages not listed.
pub fn name(tag: &str) -> String {
    let primary = tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
    let known = match primary.as_str() {
        "ar" => "العربية",
        "ca" => "català",
        "cs" => "čeština",
        "da" => "dansk",
        "de" => "Deutsch",
        "el" => "Ελληνικά",
        "en" => "English",
        "es" => "español",
        "fa" => "فارسی",
        "fi" => "suomi",
        "fr" => "français",
        "he" => "עברית",
        "hi" => "हिन्दी",
        "hu" => "magyar",
        "id" => "Bahasa Indonesia",
        "it" => "italiano",
        "ja" => "日本語",
        "ko" => "한국어",
        "nb" | "no" => "norsk",
        "nl" => "Nederlands",
        "pl" => "polski",
        "pt" => "português",
        "ro" => "română",
        "ru" => "русский",
        "sv" => "svenska",
        "th" => "ไทย",
        "tr" => "Türkçe",
        "uk" => "українська",
        "vi" => "Tiếng Việt",
        "zh" => "中文",
        _ => return tag.to_string(),
    };
    match tag.split_once('-') {
        Some((_, region)) => format!("{known} ({region})"),
        None => known.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_checked_for_their_shape() {
        for t in [
            "en",
            "fr",
            "pt-BR",
            "zh-Hant-TW",
            "de-CH-1996",
            "x-klingon",
            "haw",
        ] {
            assert!(is_tag(t), "{t}");
        }
        for t in [
            "",
            "e",
            "English",
            "english-",
            "pt_BR",
            "fr--CA",
            "12",
            "x",
            "en-toolongsubtag",
        ] {
            assert!(!is_tag(t), "{t}");
        }
        assert!(not_a_tag("pt_BR").1.contains("\"pt-BR\""));
    }

    #[test]
    fn languages_are_named_in_themselves() {
        assert_eq!(name("fr"), "français");
        assert_eq!(name("pt-br"), "português (br)");
        assert_eq!(name("tlh"), "tlh");
    }
}
