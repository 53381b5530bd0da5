//! New sites and new stories: the files `egiz init` and `egiz new story` write, and the
//! deploy recipes beside a new site ([`deploy`]).

mod deploy;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::{self, Date};
use crate::taxonomy::Taxonomy;

const SITE_YAML: &str = r#"# The site's settings. Every field is explained in the egiz README.
title: { kk: Біздің ұйымның жобалары, ru: Проекты нашей организации }
description: { kk: Ауылдағы азаматтық бастамалар туралы әңгімелер, ru: Истории о гражданских инициативах на селе }
base_url: https://example.org/          # where the site will live; a sub-path such as https://org.github.io/site/ works too
languages:                              # in display order; the first is shown first everywhere
  - { code: kk, name: Қазақша }
  - { code: ru, name: Русский }
default_language: kk
theme: default
missing_translation: skip               # skip | fallback
taxonomies:
  district:
    balkhash: { kk: Балқаш ауданы, ru: Балхашский район }
  topics:
    children: { kk: Балалар, ru: Дети }
    sport: { kk: Спорт, ru: Спорт }
# The web editor at /admin/ (README, "Publish your site"): uncomment and name your repository.
# admin: { backend: github, repo: ORG/REPO, branch: main }
"#;

const HOME_KK: &str = "---\ntitle: Біздің жобалар\n---\n\nБұл сайтта ұйымымыздың жобалары, олардың нәтижелері мен қатысушылардың пікірлері жинақталған.\n";
const HOME_RU: &str = "---\ntitle: Наши проекты\n---\n\nНа этом сайте собраны проекты нашей организации, их результаты и отзывы участников.\n";

const STORY_KK: &str = r#"---
title: Ауылдағы балалар спорты
summary: Балқаш ауданының шалғай ауылдарынан 70-тен астам бала спортпен айналысты.
date: 2023-10-15
district: balkhash
topics: [children, sport]
status: completed
period: { start: 2023-04-01, end: 2023-10-15 }
beneficiaries: 70
results:
  - { value: 70, label: "баладан астам спортқа тартылды" }
quotes:
  - { text: "Балалар жаңа достар тауып, өздеріне деген сенімділіктері арта түсті.", by: Жоба үйлестірушісі }
---

«Ауылдағы балалар спорты» жобасы Балқаш ауданының шалғай ауылдарынан 70-тен астам баланы қамтыды.

## Нәтижелер

- Балалардың физикалық жағдайы мен денсаулығы жақсарды.
- Спорт командалары құрылды және талантты спортшылар анықталды.
- Балалардың спортқа қызығушылығы артты.
"#;

const STORY_RU: &str = r#"---
title: Детский спорт на селе
summary: Более 70 детей из отдалённых сёл Балхашского района занялись спортом.
results:
  - { value: 70, label: "детей и больше вовлечены в спорт" }
quotes:
  - { text: "Дети нашли новых друзей и стали увереннее в себе.", by: Координатор проекта }
---

Проект «Детский спорт на селе» охватил более 70 детей из отдалённых сёл Балхашского района.

## Результаты

- Улучшились физическое состояние и здоровье детей.
- Созданы спортивные команды, выявлены талантливые спортсмены.
- Вырос интерес детей к спорту.
"#;

/// `egiz init`: write a new working site into `dir` (which must not exist or be empty).
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, Diagnostics> {
    if dir.exists()
        && std::fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(Diagnostic::error(format!(
            "{} already exists and is not empty",
            dir.display()
        ))
        .with_hint("choose a new folder name, e.g. `egiz init my-site`")
        .into());
    }
    let files = [
        ("site.yaml", SITE_YAML),
        ("content/_index.kk.md", HOME_KK),
        ("content/_index.ru.md", HOME_RU),
        ("content/projects/kids-sport.kk.md", STORY_KK),
        ("content/projects/kids-sport.ru.md", STORY_RU),
        (".gitignore", "/output/\n/.egiz-cache/\n/.egiz-bin/\n"),
    ];
    let recipes = deploy::files();
    let written: Result<Vec<PathBuf>, Diagnostic> = files
        .iter()
        .copied()
        .chain(recipes.iter().map(|(path, text)| (*path, text.as_str())))
        .map(|(path, text)| write_new(&dir.join(path), text))
        .collect();
    Ok(written?)
}

/// `egiz new story NAME`: write `content/projects/NAME.LANG.md` for every language of the site
/// in `site_dir`, never overwriting.
pub fn new_story(site_dir: &Path, name: &str) -> Result<Vec<PathBuf>, Diagnostics> {
    let (config, _) = crate::config::load(site_dir, None)?;
    Ok(story_files(site_dir, &config, name)?)
}

fn story_files(site_dir: &Path, config: &Config, name: &str) -> Result<Vec<PathBuf>, Diagnostic> {
    let slug = i18n::slugify(name);
    if slug.is_empty() {
        return Err(Diagnostic::error(format!(
            "\"{name}\" has no letters or digits to make a file name from"
        ))
        .with_hint("use a short name such as `egiz new story kids-sport`"));
    }
    let dir = site_dir.join("content").join("projects");
    let paths: Vec<PathBuf> = config
        .language_codes()
        .iter()
        .map(|lang| dir.join(format!("{slug}.{lang}.md")))
        .collect();
    if let Some(existing) = paths.iter().find(|p| p.exists()) {
        return Err(
            Diagnostic::error(format!("{} already exists", existing.display()))
                .with_hint("choose another name, or edit the existing story"),
        );
    }
    let today = Date::today();
    let mut written = Vec::new();
    for (lang, path) in config.language_codes().into_iter().zip(paths) {
        let text = story_skeleton(config, lang, today);
        written.push(write_new(&path, &text)?);
    }
    Ok(written)
}

fn story_skeleton(config: &Config, lang: &str, today: Date) -> String {
    let (title, summary) = match lang {
        "kk" => ("Жобаның атауы", "Жоба туралы бір-екі сөйлем."),
        "ru" => ("Название проекта", "Одно-два предложения о проекте."),
        _ => ("Project title", "One or two sentences about the project."),
    };
    let mut text = format!("---\ntitle: {title}\nsummary: {summary}\n");
    if lang == config.default_language {
        let _ = writeln!(text, "date: {}", today.iso());
        for taxonomy in config.taxonomies() {
            let keys = config.term_keys(&taxonomy);
            let Some(first) = keys.first() else { continue };
            let field = taxonomy.key();
            let line = match taxonomy {
                Taxonomy::District => format!("{field}: {first}"),
                _ => format!("{field}: []"),
            };
            let choice = if taxonomy == Taxonomy::District {
                "one of"
            } else {
                "any of"
            };
            let _ = writeln!(text, "{line:<24} # {choice}: {}", keys.join(", "));
        }
        let _ = writeln!(
            text,
            "status: active           # planned | active | completed"
        );
        let _ = writeln!(
            text,
            "period: {{ start: {}, end: {} }}",
            today.iso(),
            today.iso()
        );
        text.push_str("# beneficiaries: 100\n# budget: { amount: 300000, currency: KZT }\n# cover: { src: cover.jpg, alt: what the photo shows }\n");
    } else {
        let _ = writeln!(
            text,
            "# date, district, topics, status, period, beneficiaries and budget are taken from the {} file",
            config.default_language
        );
    }
    text.push_str("# results:\n#   - { value: 40, unit: \"%\", label: ... }\n# quotes:\n#   - { text: ..., by: ... }\n---\n\n");
    text
}

fn write_new(path: &Path, text: &str) -> Result<PathBuf, Diagnostic> {
    let problem =
        |e: std::io::Error| Diagnostic::error(format!("cannot write {}: {e}", path.display()));
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(problem)?;
    }
    std::fs::write(path, text).map_err(problem)?;
    Ok(path.to_path_buf())
}
