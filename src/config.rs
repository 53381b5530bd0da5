//! The site configuration, `site.yaml`: its schema, defaults and validation.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::taxonomy::Taxonomy;
use crate::yaml;

mod print;
mod social;
pub(crate) use print::{OutputCondition, SitePrint};
pub(crate) use social::SocialLink;

/// The file name of the configuration inside a site folder.
pub(crate) const CONFIG_FILE: &str = "site.yaml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub title: LangText,
    #[serde(default)]
    pub description: LangText,
    pub base_url: String,
    pub languages: Vec<LanguageConfig>,
    #[serde(default)]
    pub default_language: Option<String>,
    #[serde(default = "default_theme")]
    pub theme: String,
    #[serde(default)]
    pub missing_translation: MissingTranslation,
    /// Term labels per taxonomy: `district` and `topics`, and any taxonomy of the site's own
    /// (`donor: { usaid: { kk: ..., ru: ... } }`), which stories then name in a field of that name.
    #[serde(default)]
    pub taxonomies: BTreeMap<String, BTreeMap<String, LangText>>,
    /// What to call a taxonomy: `donor: { one: { kk: Донор, ru: Донор }, all: { kk: Донорлар,
    /// ru: Доноры } }`. Absent: the theme's strings `KEY`/`term_KEY` and `taxonomy_KEY`.
    #[serde(default)]
    pub taxonomy_names: BTreeMap<String, TaxonomyName>,
    /// Which taxonomies get an index page and a page per term (`[district, topics, year]`).
    /// Absent: `year`, and every taxonomy of `taxonomies` that has terms.
    #[serde(default)]
    pub taxonomy_pages: Option<Vec<String>>,
    /// How many of the newest stories each language's Atom feed carries, with their full text.
    /// Feed readers fetch the feed often; a site with hundreds of stories would otherwise send
    /// megabytes each time.
    #[serde(default = "default_feed_limit")]
    pub feed_limit: usize,
    /// How many stories (or booklets) one page of a list shows: the project list, every term
    /// page and the booklet list continue on `page/2/`, `page/3/`, ...
    #[serde(default = "default_page_size")]
    pub page_size: usize,
    /// The organisation's profiles on social networks (see `social`).
    #[serde(default)]
    pub social: Vec<SocialLink>,
    /// The web editor (Decap CMS) written to `output/admin/`; absent: no editor is published.
    #[serde(default)]
    pub admin: Option<AdminConfig>,
    /// What the site says about its printed booklets over the theme (see `print`).
    #[serde(default)]
    pub print: SitePrint,
}

/// `admin:` in site.yaml: where the published web editor saves (a git host the editors log in
/// to). `egiz serve` always offers the editor with its local backend, with or without this block.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdminConfig {
    pub backend: AdminBackend,
    /// `org/site` on GitHub or GitLab; git-gateway (Netlify Identity) needs none.
    #[serde(default)]
    pub repo: Option<String>,
    #[serde(default = "default_branch")]
    pub branch: String,
    /// The editor's interface language (kk or ru); absent: the site's default language.
    #[serde(default)]
    pub locale: Option<String>,
    /// The login service the editor sends editors to (Decap's `backend.base_url`): the
    /// address of an OAuth helper for GitHub, or of an own GitLab server.
    #[serde(default)]
    pub base_url: Option<String>,
    /// The OAuth application's id, for GitLab (implicit grant) logins.
    #[serde(default)]
    pub app_id: Option<String>,
}

/// The git hosts the published editor can save to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AdminBackend {
    Github,
    Gitlab,
    GitGateway,
}

impl AdminBackend {
    /// The name Decap CMS knows it by.
    pub fn key(self) -> &'static str {
        match self {
            AdminBackend::Github => "github",
            AdminBackend::Gitlab => "gitlab",
            AdminBackend::GitGateway => "git-gateway",
        }
    }
}

fn default_branch() -> String {
    "main".to_string()
}

fn default_theme() -> String {
    "default".to_string()
}

fn default_feed_limit() -> usize {
    20
}

fn default_page_size() -> usize {
    24
}

/// The names of one taxonomy: of one term's kind ("Донор") and of all of them ("Донорлар").
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaxonomyName {
    #[serde(default)]
    pub one: LangText,
    #[serde(default)]
    pub all: LangText,
}

/// Which of a taxonomy's names a place needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameForm {
    /// The label of a story's field and of a filter group: "Аудан", "Тақырыптар".
    Field,
    /// What one term is: "Аудан", "Тақырып" (the `one` name of `taxonomy_names`).
    Term,
    /// The title of the taxonomy's index page: "Аудандар" (the `all` name).
    All,
}

impl NameForm {
    /// The theme string that names `taxonomy` in this form: `district`, `term_district`,
    /// `taxonomy_district`.
    pub fn theme_key(self, taxonomy: &Taxonomy) -> String {
        match self {
            NameForm::Field => taxonomy.key().to_string(),
            NameForm::Term => format!("term_{}", taxonomy.key()),
            NameForm::All => format!("taxonomy_{}", taxonomy.key()),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageConfig {
    pub code: String,
    pub name: String,
}

/// What to do with a story that has no file in some language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MissingTranslation {
    /// No page in that language; the language switcher says the page is not translated.
    #[default]
    Skip,
    /// The page is generated from the default language's text with a notice.
    Fallback,
}

/// Text given per language (`{ kk: ..., ru: ... }`) or once for all languages (`"NGO"`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum LangText {
    #[default]
    Empty,
    Same(String),
    PerLanguage(BTreeMap<String, String>),
}

impl LangText {
    /// The text in `lang`, else in `fallback`, else any text there is.
    pub fn get<'a>(&'a self, lang: &str, fallback: &str) -> &'a str {
        match self {
            LangText::Empty => "",
            LangText::Same(text) => text,
            LangText::PerLanguage(map) => map
                .get(lang)
                .or_else(|| map.get(fallback))
                .or_else(|| map.values().next())
                .map(String::as_str)
                .unwrap_or(""),
        }
    }

    pub fn has(&self, lang: &str) -> bool {
        match self {
            LangText::Empty => false,
            LangText::Same(_) => true,
            LangText::PerLanguage(map) => map.contains_key(lang),
        }
    }

    fn languages(&self) -> Vec<&str> {
        match self {
            LangText::PerLanguage(map) => map.keys().map(String::as_str).collect(),
            _ => Vec::new(),
        }
    }
}

impl<'de> Deserialize<'de> for LangText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LangTextVisitor;
        impl<'de> Visitor<'de> for LangTextVisitor {
            type Value = LangText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text, or a text per language like `{ kk: ..., ru: ... }`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<LangText, E> {
                Ok(LangText::Same(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LangText, A::Error> {
                let mut texts = BTreeMap::new();
                while let Some((lang, text)) = map.next_entry::<String, String>()? {
                    texts.insert(lang, text);
                }
                Ok(LangText::PerLanguage(texts))
            }
        }
        deserializer.deserialize_any(LangTextVisitor)
    }
}

/// The site's address: the absolute URL and the path part every generated link starts with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// `https://org.github.io/ngo-site/`, always ending with `/`.
    pub absolute: String,
    /// `/ngo-site/`, always starting and ending with `/`.
    pub path: String,
}

impl BaseUrl {
    /// Reads `base_url`: an absolute http(s) URL, with a sub-path or none.
    pub fn parse(url: &str) -> Result<BaseUrl, String> {
        let url = url.trim();
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .ok_or_else(|| format!("\"{url}\" is not an absolute web address"))?;
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        if host.is_empty() || host.contains(char::is_whitespace) {
            return Err(format!("\"{url}\" has no valid host name"));
        }
        if path.contains(['?', '#']) || path.contains(char::is_whitespace) {
            return Err(format!(
                "\"{url}\" must be a plain address without spaces, `?` or `#`"
            ));
        }
        let path = path.trim_matches('/');
        let path = if path.is_empty() {
            "/".to_string()
        } else {
            format!("/{path}/")
        };
        let scheme = if url.starts_with("https://") {
            "https"
        } else {
            "http"
        };
        Ok(BaseUrl {
            absolute: format!("{scheme}://{host}{path}"),
            path,
        })
    }

    /// A site-relative path (`kk/projects/x/`) as a link path under the base (`/ngo-site/kk/projects/x/`).
    pub fn link(&self, site_path: &str) -> String {
        format!("{}{}", self.path, site_path.trim_start_matches('/'))
    }

    /// A site-relative path as an absolute URL.
    pub fn permalink(&self, site_path: &str) -> String {
        format!("{}{}", self.absolute, site_path.trim_start_matches('/'))
    }
}

/// The validated configuration, ready for the rest of the pipeline.
#[derive(Debug, Clone)]
pub struct Config {
    pub file: PathBuf,
    pub raw: SiteConfig,
    pub base: BaseUrl,
    pub default_language: String,
}

impl Config {
    pub fn languages(&self) -> impl Iterator<Item = &LanguageConfig> {
        self.raw.languages.iter()
    }

    pub fn language_codes(&self) -> Vec<&str> {
        self.raw.languages.iter().map(|l| l.code.as_str()).collect()
    }

    pub fn has_language(&self, code: &str) -> bool {
        self.raw.languages.iter().any(|l| l.code == code)
    }

    pub fn language_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.raw
            .languages
            .iter()
            .find(|l| l.code == code)
            .map(|l| l.name.as_str())
            .unwrap_or(code)
    }

    pub fn title(&self, lang: &str) -> &str {
        self.raw.title.get(lang, &self.default_language)
    }

    pub fn description(&self, lang: &str) -> &str {
        self.raw.description.get(lang, &self.default_language)
    }

    /// A taxonomy term's label in `lang`; the key itself when the taxonomy or term is unknown.
    pub fn term_label<'a>(&'a self, taxonomy: &Taxonomy, key: &'a str, lang: &str) -> &'a str {
        self.raw
            .taxonomies
            .get(taxonomy.key())
            .and_then(|terms| terms.get(key))
            .map(|label| label.get(lang, &self.default_language))
            .filter(|label| !label.is_empty())
            .unwrap_or(key)
    }

    pub fn has_term(&self, taxonomy: &Taxonomy, key: &str) -> bool {
        self.raw
            .taxonomies
            .get(taxonomy.key())
            .is_some_and(|terms| terms.contains_key(key))
    }

    pub fn term_keys(&self, taxonomy: &Taxonomy) -> Vec<&str> {
        self.raw
            .taxonomies
            .get(taxonomy.key())
            .map(|terms| terms.keys().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// The taxonomies stories name terms of: district, topics, then the site's own by key.
    pub fn taxonomies(&self) -> Vec<Taxonomy> {
        let mut all = vec![Taxonomy::District, Taxonomy::Topics];
        all.extend(self.custom_taxonomies());
        all
    }

    /// The site's own taxonomies (`donor`), in key order: the front matter fields they add.
    pub fn custom_taxonomies(&self) -> impl Iterator<Item = Taxonomy> + '_ {
        self.raw
            .taxonomies
            .keys()
            .map(|key| Taxonomy::from_key(key))
            .filter(|t| matches!(t, Taxonomy::Custom(_)))
    }

    /// The taxonomies that get pages: district, topics, the site's own, then year.
    pub fn taxonomy_pages(&self) -> Vec<Taxonomy> {
        let mut all = self.taxonomies();
        all.push(Taxonomy::Year);
        match &self.raw.taxonomy_pages {
            Some(chosen) => all.retain(|t| chosen.iter().any(|c| c == t.key())),
            None => all.retain(|t| {
                *t == Taxonomy::Year
                    || self
                        .raw
                        .taxonomies
                        .get(t.key())
                        .is_some_and(|terms| !terms.is_empty())
            }),
        }
        all
    }

    /// The name `site.yaml` gives a taxonomy in `lang`, if it gives one.
    pub fn taxonomy_name(&self, taxonomy: &Taxonomy, form: NameForm, lang: &str) -> Option<&str> {
        let names = self.raw.taxonomy_names.get(taxonomy.key())?;
        let text = match form {
            NameForm::Field | NameForm::Term => &names.one,
            NameForm::All => &names.all,
        };
        Some(text.get(lang, &self.default_language)).filter(|name| !name.is_empty())
    }
}

/// Read and validate `site.yaml` in `site_dir`. `base_url` overrides the configured one.
pub(crate) fn load(
    site_dir: &Path,
    base_url: Option<&str>,
) -> Result<(Config, Diagnostics), Diagnostics> {
    let file = site_dir.join(CONFIG_FILE);
    let shown = PathBuf::from(CONFIG_FILE);
    let text = std::fs::read_to_string(&file).map_err(|err| {
        let hint = if err.kind() == std::io::ErrorKind::NotFound {
            format!(
                "run egiz in a site folder (one that has {CONFIG_FILE}), pass --site DIR, or create a site with `egiz init DIR`"
            )
        } else {
            "check that the file is readable text (UTF-8)".to_string()
        };
        Diagnostics::from_iter([Diagnostic::error(format!("cannot read {}: {err}", file.display()))
            .in_file(&shown)
            .with_hint(hint)])
    })?;
    let raw: SiteConfig = yaml::parse(&text, &shown, 1).map_err(|d| Diagnostics::from_iter([d]))?;
    validate(raw, &text, &shown, base_url)
}

fn validate(
    raw: SiteConfig,
    text: &str,
    file: &Path,
    base_override: Option<&str>,
) -> Result<(Config, Diagnostics), Diagnostics> {
    let mut problems = Diagnostics::new();
    let place = |key: &str, needle: Option<&str>, d: Diagnostic| {
        let d = d.in_file(file);
        match yaml::position_of(text, key, needle) {
            Some((line, column)) => d.at(line, column),
            None => d,
        }
    };

    let base_source = base_override.unwrap_or(&raw.base_url);
    let base = match BaseUrl::parse(base_source) {
        Ok(base) => Some(base),
        Err(message) => {
            let d = Diagnostic::error(format!("base_url: {message}"))
                .with_hint("write the full address where the site will live, e.g. `base_url: https://example.org/` or `https://org.github.io/ngo-site/`");
            problems.push(if base_override.is_some() {
                d.with_hint(
                    "the --base-url option must be a full address such as https://example.org/",
                )
            } else {
                place("base_url", None, d)
            });
            None
        }
    };

    if raw.languages.is_empty() {
        problems.push(place(
            "languages",
            None,
            Diagnostic::error("no languages are configured").with_hint(
                "add `languages: [{ code: kk, name: Қазақша }, { code: ru, name: Русский }]`",
            ),
        ));
    }
    let mut seen = Vec::new();
    for language in &raw.languages {
        if !is_language_code(&language.code) {
            problems.push(place(
                "languages",
                Some(&language.code),
                Diagnostic::error(format!("\"{}\" is not a language code", language.code))
                    .with_hint("use a short lowercase code such as kk, ru or en (not kz: that is the country)"),
            ));
        }
        if seen.contains(&language.code.as_str()) {
            problems.push(place(
                "languages",
                Some(&language.code),
                Diagnostic::error(format!(
                    "the language \"{}\" is listed twice",
                    language.code
                )),
            ));
        }
        seen.push(language.code.as_str());
    }

    let default_language = match &raw.default_language {
        Some(code) if !seen.contains(&code.as_str()) => {
            problems.push(place(
                "default_language",
                Some(code),
                Diagnostic::error(format!(
                    "the default language \"{code}\" is not in `languages`"
                ))
                .with_hint(format!("use one of: {}", seen.join(", "))),
            ));
            code.clone()
        }
        Some(code) => code.clone(),
        None => seen.first().map(|c| c.to_string()).unwrap_or_default(),
    };

    for (key, value) in [("title", &raw.title), ("description", &raw.description)] {
        for lang in value.languages() {
            if !seen.contains(&lang) {
                problems.push(place(
                    key,
                    Some(lang),
                    Diagnostic::error(format!(
                        "{key} is given for \"{lang}\", which is not in `languages`"
                    ))
                    .with_hint(format!("the configured languages are: {}", seen.join(", "))),
                ));
            }
        }
    }
    if raw.title == LangText::Empty {
        problems.push(place(
            "title",
            None,
            Diagnostic::error("the site has no title"),
        ));
    }

    for (taxonomy, terms) in &raw.taxonomies {
        if let Some(d) = check_taxonomy_key(taxonomy) {
            problems.push(place("taxonomies", Some(taxonomy), d));
        }
        for (key, label) in terms {
            if !is_term_key(key) {
                problems.push(place(
                    "taxonomies",
                    Some(key),
                    Diagnostic::error(format!("the term key \"{key}\" must be lowercase Latin letters, digits and dashes"))
                        .with_hint(format!(
                            "keys are shared by all languages and used in addresses; write e.g. `{}: {{ kk: ..., ru: ... }}`",
                            crate::i18n::slugify(key)
                        )),
                ));
            }
            for lang in &seen {
                if !label.has(lang) {
                    problems.push(place(
                        "taxonomies",
                        Some(key),
                        Diagnostic::warning(format!(
                            "the term \"{taxonomy}.{key}\" has no label in \"{lang}\""
                        ))
                        .with_hint(format!(
                            "add `{lang}: ...` to it; until then its key is shown"
                        )),
                    ));
                }
            }
        }
    }

    check_taxonomy_pages(&raw, &place, &mut problems);
    for d in social::check(&raw.social, &place) {
        problems.push(d);
    }
    check_taxonomy_names(&raw, &seen, &place, &mut problems);
    if let Some(admin) = &raw.admin {
        check_admin(admin, &place, &mut problems);
    }

    if raw.page_size == 0 {
        problems.push(place(
            "page_size",
            None,
            Diagnostic::error("`page_size: 0` would show no story on a list page")
                .with_hint("give how many stories a list page shows, e.g. `page_size: 24`"),
        ));
    }

    let theme_ok = !raw.theme.is_empty()
        && raw
            .theme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !theme_ok {
        problems.push(place(
            "theme",
            None,
            Diagnostic::error(format!("\"{}\" is not a theme folder name", raw.theme)).with_hint(
                "use the name of a folder in themes/ (letters, digits, - and _), or `default`",
            ),
        ));
    }

    match base {
        Some(base) if !problems.has_errors() => Ok((
            Config {
                file: file.to_path_buf(),
                raw,
                base,
                default_language,
            },
            problems,
        )),
        _ => Err(problems),
    }
}

/// The `admin:` block names a repository where its backend needs one, in the `org/site` form.
fn check_admin(
    admin: &AdminConfig,
    place: &dyn Fn(&str, Option<&str>, Diagnostic) -> Diagnostic,
    problems: &mut Diagnostics,
) {
    let needs_repo = admin.backend != AdminBackend::GitGateway;
    match admin.repo.as_deref() {
        None if needs_repo => problems.push(place(
            "admin",
            None,
            Diagnostic::error(format!(
                "admin: the {} backend needs `repo:`, the repository the editor saves to",
                admin.backend.key()
            ))
            .with_hint("add e.g. `repo: my-ngo/site` (the owner and the name, as in the repository's address)"),
        )),
        Some(repo) if repo.split('/').filter(|p| !p.is_empty()).count() < 2 => problems.push(place(
            "admin",
            Some(repo),
            Diagnostic::error(format!("admin: \"{repo}\" is not an owner/name repository"))
                .with_hint("write the owner and the repository name with a slash: `repo: my-ngo/site`"),
        )),
        _ => {}
    }
    if let Some(locale) = admin.locale.as_deref()
        && !matches!(locale, "kk" | "ru" | "en")
    {
        problems.push(place(
            "admin",
            Some(locale),
            Diagnostic::error(format!(
                "admin: the editor has no interface in \"{locale}\""
            ))
            .with_hint("use `locale: kk`, `locale: ru` or `locale: en`"),
        ));
    }
}

/// A taxonomy key of `taxonomies:` must be usable as a front matter field and an address.
fn check_taxonomy_key(key: &str) -> Option<Diagnostic> {
    if key == "year" {
        return Some(
            Diagnostic::error(
                "the year taxonomy comes from each story's date and has no terms to list",
            )
            .with_hint("remove `year:` from `taxonomies:`; year pages are made by themselves"),
        );
    }
    if !matches!(key, "district" | "topics") && !Taxonomy::is_free_name(key) {
        return Some(
            Diagnostic::error(format!("\"{key}\" cannot be a taxonomy: a story field or an address egiz makes has that name"))
                .with_hint("choose another name, such as `donor` or `programme`"),
        );
    }
    if !is_term_key(key) {
        return Some(
            Diagnostic::error(format!(
                "the taxonomy name \"{key}\" must be lowercase Latin letters, digits and dashes"
            ))
            .with_hint(format!(
                "it becomes a front matter field and an address; write e.g. `{}:`",
                crate::i18n::slugify(key)
            )),
        );
    }
    None
}

/// `taxonomy_pages` may only name taxonomies the site has.
fn check_taxonomy_pages(
    raw: &SiteConfig,
    place: &dyn Fn(&str, Option<&str>, Diagnostic) -> Diagnostic,
    problems: &mut Diagnostics,
) {
    let mut known = vec!["district", "topics"];
    let custom = raw.taxonomies.keys().map(String::as_str);
    known.extend(custom.filter(|k| !matches!(*k, "district" | "topics")));
    known.push("year");
    for name in raw.taxonomy_pages.iter().flatten() {
        if known.contains(&name.as_str()) {
            continue;
        }
        let hint = crate::diagnostics::suggest(
            name,
            known.iter().copied(),
            &format!("taxonomies that can have pages: {}", known.join(", ")),
        );
        problems.push(place(
            "taxonomy_pages",
            Some(name),
            Diagnostic::error(format!("\"{name}\" is not a taxonomy egiz makes pages for"))
                .with_hint(hint),
        ));
    }
}

/// `taxonomy_names` may only name taxonomies of `taxonomies:` and should name them in every language.
fn check_taxonomy_names(
    raw: &SiteConfig,
    languages: &[&str],
    place: &dyn Fn(&str, Option<&str>, Diagnostic) -> Diagnostic,
    problems: &mut Diagnostics,
) {
    for (key, names) in &raw.taxonomy_names {
        if !raw.taxonomies.contains_key(key) {
            let known: Vec<&str> = raw.taxonomies.keys().map(String::as_str).collect();
            let hint = crate::diagnostics::suggest(
                key,
                known.iter().copied(),
                "name a taxonomy of `taxonomies:` (and list its terms there)",
            );
            problems.push(place(
                "taxonomy_names",
                Some(key),
                Diagnostic::error(format!("\"{key}\" is not a taxonomy of this site"))
                    .with_hint(hint),
            ));
            continue;
        }
        for lang in languages {
            for (form, text) in [("one", &names.one), ("all", &names.all)] {
                if !text.has(lang) {
                    problems.push(place(
                        "taxonomy_names",
                        Some(key),
                        Diagnostic::warning(format!("the taxonomy \"{key}\" has no `{form}` name in \"{lang}\""))
                            .with_hint(format!("add `{form}: {{ {lang}: ... }}`; until then the theme's text or the key is shown")),
                    ));
                }
            }
        }
    }
}

fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts
            .all(|p| !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Term keys appear in URLs, so they are restricted to what a URL segment can hold unescaped.
pub(crate) fn is_term_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !key.starts_with('-')
        && !key.ends_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Result<(Config, Diagnostics), Diagnostics> {
        let raw: SiteConfig = yaml::parse(text, Path::new("site.yaml"), 1)
            .map_err(|d| Diagnostics::from_iter([d]))?;
        validate(raw, text, Path::new("site.yaml"), None)
    }

    const GOOD: &str = "title: { kk: Азаматтық бастамалар, ru: Гражданские инициативы }\nbase_url: https://org.github.io/ngo-site\nlanguages:\n  - { code: kk, name: Қазақша }\n  - { code: ru, name: Русский }\ntaxonomies:\n  district:\n    balkhash: { kk: Балқаш ауданы, ru: Балхашский район }\n";

    #[test]
    fn base_url_gets_a_trailing_slash_and_a_path() {
        let (config, _) = check(GOOD).expect("valid");
        assert_eq!(config.base.absolute, "https://org.github.io/ngo-site/");
        assert_eq!(config.base.path, "/ngo-site/");
        assert_eq!(
            config.base.link("kk/projects/x/"),
            "/ngo-site/kk/projects/x/"
        );
        assert_eq!(config.default_language, "kk");
        assert_eq!(
            config.term_label(&Taxonomy::District, "balkhash", "ru"),
            "Балхашский район"
        );
    }

    #[test]
    fn unknown_default_language_is_placed_on_its_line() {
        let text = format!("{GOOD}default_language: kz\n");
        let problems = check(&text).expect_err("invalid");
        let d = problems.iter().next().expect("one problem");
        assert!(d.message.contains("\"kz\""));
        assert_eq!(d.line, Some(9));
    }

    #[test]
    fn unknown_key_suggests_a_name() {
        let text = format!("{GOOD}defualt_language: kk\n");
        let problems = check(&text).expect_err("invalid");
        let d = problems.iter().next().expect("one problem");
        assert_eq!(
            d.hint.as_deref(),
            Some("did you mean \"default_language\"?")
        );
    }

    #[test]
    fn taxonomy_pages_default_to_configured_taxonomies_and_year() {
        let (config, _) = check(GOOD).expect("valid");
        assert_eq!(
            config.taxonomy_pages(),
            [Taxonomy::District, Taxonomy::Year]
        );
        let (config, _) = check(&format!("{GOOD}taxonomy_pages: [year, topics]\n")).expect("valid");
        assert_eq!(config.taxonomy_pages(), [Taxonomy::Topics, Taxonomy::Year]);
        let custom = format!("{GOOD}  donor:\n    eu: {{ kk: ЕО, ru: ЕС }}\n");
        let (config, _) = check(&custom).expect("valid");
        let donor = Taxonomy::Custom("donor".into());
        assert_eq!(
            config.taxonomy_pages(),
            [Taxonomy::District, donor.clone(), Taxonomy::Year]
        );
        assert_eq!(
            config.taxonomies(),
            [Taxonomy::District, Taxonomy::Topics, donor]
        );
        let (config, _) = check(&format!("{GOOD}taxonomy_pages: []\n")).expect("valid");
        assert!(config.taxonomy_pages().is_empty());
    }

    #[test]
    fn unknown_taxonomy_page_suggests_a_name() {
        let problems =
            check(&format!("{GOOD}taxonomy_pages: [district, yaer]\n")).expect_err("invalid");
        let d = problems.iter().next().expect("one problem");
        assert_eq!(d.hint.as_deref(), Some("did you mean \"year\"?"));
        assert_eq!(d.line, Some(9));
    }

    #[test]
    fn a_page_size_of_zero_is_refused_at_its_line() {
        let problems = check(&format!("{GOOD}page_size: 0\n")).expect_err("invalid");
        let d = problems.iter().next().expect("one problem");
        assert!(d.message.contains("would show no story"), "{}", d.message);
        assert_eq!(d.line, Some(9));
    }

    #[test]
    fn a_negative_feed_limit_is_explained_in_plain_words() {
        let problems = check(&format!("{GOOD}feed_limit: -1\n")).expect_err("invalid");
        let d = problems.iter().next().expect("one problem");
        assert!(
            d.message.contains("should be a whole number (0 or more)"),
            "{}",
            d.message
        );
        assert!(d.hint.as_deref().is_some_and(|h| h.contains("digits")));
        assert_eq!(d.line, Some(9));
    }

    #[test]
    fn relative_base_url_is_an_error() {
        let problems = check(&GOOD.replace("https://org.github.io/ngo-site", "/ngo-site/"))
            .expect_err("invalid");
        assert!(problems.iter().any(|d| d.message.starts_with("base_url:")));
    }
}
