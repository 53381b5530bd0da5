//! `social:` in site.yaml: the organisation's own profiles elsewhere (its Facebook page, its
//! Telegram channel, its Instagram). The footer links them, and the home page's structured data
//! names them as `sameAs`, so search engines know they speak for the same organisation.

use serde::Deserialize;

use crate::diagnostics::Diagnostic;

/// One profile: `- { url: https://t.me/ngo_almaty }`, with an optional `name` to show.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SocialLink {
    /// The profile's address, absolute.
    pub url: String,
    /// What the link says; absent: the network's name taken from the address ("Telegram").
    #[serde(default)]
    pub name: Option<String>,
}

/// Networks NGOs in the region use, by their host: the name people know them by.
const KNOWN: &[(&str, &str)] = &[
    ("facebook.com", "Facebook"),
    ("fb.com", "Facebook"),
    ("instagram.com", "Instagram"),
    ("t.me", "Telegram"),
    ("telegram.me", "Telegram"),
    ("wa.me", "WhatsApp"),
    ("whatsapp.com", "WhatsApp"),
    ("youtube.com", "YouTube"),
    ("youtu.be", "YouTube"),
    ("tiktok.com", "TikTok"),
    ("x.com", "X"),
    ("twitter.com", "X"),
    ("linkedin.com", "LinkedIn"),
    ("vk.com", "VK"),
];

impl SocialLink {
    /// The text of the link: its `name`, else the network's name, else the host.
    pub fn label(&self) -> String {
        if let Some(name) = self.name.as_deref().filter(|n| !n.trim().is_empty()) {
            return name.to_string();
        }
        let host = host(&self.url).unwrap_or(&self.url);
        let bare = host.strip_prefix("www.").unwrap_or(host);
        KNOWN
            .iter()
            .find(|(known, _)| bare == *known || bare.ends_with(&format!(".{known}")))
            .map_or_else(|| bare.to_string(), |(_, name)| name.to_string())
    }
}

/// The host of an absolute http(s) address; None for anything else.
fn host(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty() && host.contains('.')).then_some(host)
}

/// The problems of a site's `social:` list, placed by `place` (key, text to find, problem).
pub(crate) fn check(
    links: &[SocialLink],
    place: &dyn Fn(&str, Option<&str>, Diagnostic) -> Diagnostic,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for link in links {
        if host(&link.url).is_none() || link.url.contains(char::is_whitespace) {
            problems.push(place(
                "social",
                Some(&link.url),
                Diagnostic::error(format!("\"{}\" is not a web address", link.url)).with_hint(
                    "write the profile's full address, e.g. `- { url: https://t.me/ngo_almaty }`",
                ),
            ));
        } else if seen.contains(&link.url.as_str()) {
            problems.push(place(
                "social",
                Some(&link.url),
                Diagnostic::warning(format!("\"{}\" is listed twice", link.url))
                    .with_hint("remove one of them"),
            ));
        }
        seen.push(&link.url);
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(url: &str) -> SocialLink {
        SocialLink {
            url: url.to_string(),
            name: None,
        }
    }

    #[test]
    fn links_are_named_after_their_network_unless_named() {
        assert_eq!(link("https://t.me/ngo").label(), "Telegram");
        assert_eq!(link("https://www.facebook.com/ngo").label(), "Facebook");
        assert_eq!(link("https://m.youtube.com/@ngo").label(), "YouTube");
        assert_eq!(link("https://ngo.kz/blog").label(), "ngo.kz");
        let named = SocialLink {
            name: Some("Біздің арна".into()),
            ..link("https://t.me/ngo")
        };
        assert_eq!(named.label(), "Біздің арна");
    }

    #[test]
    fn addresses_must_be_absolute_and_listed_once() {
        let place = |_: &str, _: Option<&str>, d: Diagnostic| d;
        let links = [
            link("t.me/ngo"),
            link("https://t.me/ngo"),
            link("https://t.me/ngo"),
            link("javascript:alert(1)"),
            link("data:text/html,x"),
        ];
        let problems = check(&links, &place);
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(problems[0].message.contains("not a web address"));
        assert!(problems[1].message.contains("twice"));
        assert!(
            problems[2]
                .message
                .contains("\"javascript:alert(1)\" is not a web address")
        );
        assert!(problems[3].message.contains("not a web address"));
    }
}
