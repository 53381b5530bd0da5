#!/usr/bin/env python3
"""Write the benchmark site: N synthetic bilingual (kk default + ru) project stories, the same
deterministic texts as an egiz site and as the equivalent Hugo site.

usage: gen.py N [--out DIR] [--seed S] [--only egiz|hugo]

Writes DIR/egiz-N and DIR/hugo-N (DIR defaults to bench/sites). The same N and seed give the same
files. Each story, per language: ~600 words of Cyrillic pseudo-text with two h2 headings, a bullet
list, a blockquote, an external and an internal link, bold and italic; front matter with title,
date, district (1 of 8), tags (2-3 of 10) and summary.

- egiz: site.yaml with the taxonomies `district` (d1..d8) and `topics` (t0..t9), kk and ru labels;
  content/projects/project-00001.kk.md and .ru.md; internal links at egiz addresses (/kk/...).
- Hugo: a copy of skel/hugo/ (tags taxonomy, lists paginated by 20, RSS feeds) with
  content/projects/project-00001.md (kk) and project-00001.ru.md (ru).

The texts are those of the project's first benchmark generator (Hugo and Zola sites), so figures
measured on these sites compare with the earlier ones.
"""
import argparse
import datetime as dt
import hashlib
import json
import os
import random
import re
import shutil
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "sites")
HUGO_SKEL = os.path.join(HERE, "skel", "hugo")
LANGS = ("kk", "ru")

KK_TEXT = """Қала тұрғындарының бастамасымен жүзеге асырылған бұл жоба аудандағы
қоғамдық кеңістікті жаңартуға бағытталған. Жоба аясында ескі аулалар абаттандырылып,
балалар алаңдары мен спорт алаңдары салынды, көшелерге жаңа шамдар мен орындықтар
орнатылды. Жергілікті кәсіпкерлер мен еріктілер жұмысқа белсенді қатысып,
қаржыландырудың бір бөлігін өз мойнына алды. Әкімдік өкілдерінің айтуынша, мұндай
бастамалар тұрғындардың өмір сапасын арттырып, көршілер арасындағы ынтымақты
нығайтады. Болашақта жоба тәжірибесін басқа аудандарға да тарату жоспарлануда. Мектеп
оқушылары мен студенттер ағаш отырғызу, қоқыс сұрыптау және экологиялық сабақтар
өткізу арқылы өз үлестерін қосты. Цифрлық платформа арқылы әр тұрғын жобаның барысын
бақылап, ұсыныстарын жолдай алады. Қоғамдық тыңдаулар нәтижесінде жобаның бюджеті
ашық жарияланып, әрбір теңгенің қайда жұмсалғаны көрсетілді. Су құбырлары мен жылу
желілері жөнделіп, қысқы маусымға дайындық уақытында аяқталды."""

RU_TEXT = """Этот проект, реализованный по инициативе жителей города, направлен на
обновление общественных пространств района. В рамках проекта были благоустроены
старые дворы, построены детские и спортивные площадки, на улицах установлены новые
фонари и скамейки. Местные предприниматели и волонтёры активно участвовали в работе и
взяли на себя часть финансирования. По словам представителей акимата, такие
инициативы повышают качество жизни горожан и укрепляют добрососедские отношения. В
будущем планируется распространить опыт проекта на другие районы. Школьники и студенты
внесли свой вклад, высаживая деревья, сортируя отходы и проводя экологические уроки.
Через цифровую платформу каждый житель может следить за ходом проекта и отправлять свои
предложения. По итогам общественных слушаний бюджет проекта был опубликован открыто, и
было показано, на что потрачен каждый тенге. Водопроводные и тепловые сети были
отремонтированы, а подготовка к зимнему сезону завершена вовремя."""

DISTRICTS = [  # Almaty's 8 districts, (kk, ru)
    ("Алатау", "Алатауский"), ("Алмалы", "Алмалинский"), ("Әуезов", "Ауэзовский"),
    ("Бостандық", "Бостандыкский"), ("Жетісу", "Жетысуский"), ("Медеу", "Медеуский"),
    ("Наурызбай", "Наурызбайский"), ("Түрксіб", "Турксибский"),
]
TAGS = [  # (kk, ru)
    ("білім", "образование"), ("денсаулық", "здравоохранение"), ("экология", "экология"),
    ("спорт", "спорт"), ("мәдениет", "культура"), ("цифрландыру", "цифровизация"),
    ("жастар", "молодёжь"), ("көлік", "транспорт"), ("туризм", "туризм"),
    ("ауыл шаруашылығы", "сельское хозяйство"),
]
LABELS = {
    "kk": {"goals": "Жобаның мақсаттары", "results": "Нәтижелер мен жоспарлар",
           "more": "толығырақ ақпарат", "related": "ұқсас жоба"},
    "ru": {"goals": "Цели проекта", "results": "Результаты и планы",
           "more": "подробнее", "related": "похожий проект"},
}


SECTION_TITLES = {"kk": "Жобалар", "ru": "Проекты"}
HOME_TITLES = {"kk": "Қала жобалары", "ru": "Городские проекты"}


def words_of(text):
    return [w.lower() for w in re.findall(r"[^\W\d_]+", text)]


WORDS = {"kk": words_of(KK_TEXT), "ru": words_of(RU_TEXT)}


def sentence(rng, lang, lo=8, hi=16):
    ws = [rng.choice(WORDS[lang]) for _ in range(rng.randint(lo, hi))]
    if len(ws) > 6 and rng.random() < 0.4:
        ws[rng.randrange(2, len(ws) - 2)] += ","
    ws[0] = ws[0].capitalize()
    return " ".join(ws) + "."


def para(rng, lang, n):
    return " ".join(sentence(rng, lang) for _ in range(n))


def phrase(rng, lang, lo, hi):
    ws = [rng.choice(WORDS[lang]) for _ in range(rng.randint(lo, hi))]
    ws[0] = ws[0].capitalize()
    return " ".join(ws)


def body(rng, lang, i, n):
    """A story's Markdown; its internal link has a Hugo address (/projects/x/, /ru/projects/x/)."""
    lab = LABELS[lang]
    other = (i + 1 + rng.randrange(n - 1)) % n + 1 if n > 1 else i
    prefix = "" if lang == "kk" else "/ru"
    p1 = para(rng, lang, 9)
    w = p1.split(" ")
    w[1] = f"**{w[1].rstrip(',')}**" + ("," if w[1].endswith(",") else "")
    s = [" ".join(w)]
    s.append(f"## {lab['goals']}: {phrase(rng, lang, 2, 4).lower()}")
    s.append(para(rng, lang, 9))
    s.append("\n".join(f"- {phrase(rng, lang, 4, 8)}" for _ in range(5)))
    s.append(para(rng, lang, 8))
    s.append(f"## {lab['results']}")
    s.append("> " + para(rng, lang, 3) + f" *{phrase(rng, lang, 2, 3)}*")
    p = para(rng, lang, 9).split(". ")
    k = len(p) // 2
    p[k] = p[k] + f", [{lab['more']}](https://egov.kz/projects/{i:05d})"
    p[k + 1] = p[k + 1] + f" ([{lab['related']}]({prefix}/projects/project-{other:05d}/))"
    s.append(". ".join(p))
    s.append(para(rng, lang, 9))
    return "\n\n".join(s) + "\n"


def story(i, n, seed):
    """Story i of n in both languages: {lang: fields}; `district` and `tags` are indexes."""
    rng = random.Random(seed * 1_000_003 + i)
    base = dt.datetime(2018, 1, 1, tzinfo=dt.timezone.utc)
    date = base + dt.timedelta(minutes=rng.randrange(8 * 365 * 24 * 60))
    district = rng.randrange(8)
    tags = rng.sample(range(10), rng.choice((2, 3)))
    out = {}
    for lang in LANGS:
        out[lang] = dict(
            title=phrase(rng, lang, 3, 6),
            date=date.strftime("%Y-%m-%dT%H:%M:%SZ"),
            district=district,
            tags=tags,
            summary=sentence(rng, lang, 14, 22),
            body=body(rng, lang, i, n),
        )
    return out


def label(pairs, index, lang):
    return pairs[index][LANGS.index(lang)]


def toml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def yaml_str(s):
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a YAML string


def hugo_page(p, lang):
    tags = ", ".join(toml_str(label(TAGS, t, lang)) for t in p["tags"])
    return (f"+++\ntitle = {toml_str(p['title'])}\ndate = {p['date']}\n"
            f"summary = {toml_str(p['summary'])}\n"
            f"district = {toml_str(label(DISTRICTS, p['district'], lang))}\n"
            f"tags = [{tags}]\n+++\n\n{p['body']}")


def egiz_page(p, lang):
    body_md = p["body"]
    if lang == "kk":  # Hugo puts the default language at the root, egiz under /kk/
        body_md = body_md.replace("](/projects/", "](/kk/projects/")
    front = [
        f"title: {yaml_str(p['title'])}",
        f"summary: {yaml_str(p['summary'])}",
        f"date: {p['date'][:10]}",
        f"district: d{p['district'] + 1}",
        f"topics: [{', '.join(f't{t}' for t in sorted(p['tags']))}]",
    ]
    return "---\n" + "\n".join(front) + "\n---\n\n" + body_md


def egiz_site_yaml():
    lines = [
        "title: { kk: Қала жобалары, ru: Городские проекты }",
        "description: { kk: Жобалар, ru: Проекты }",
        "base_url: https://example.org/bench/",
        "languages:",
        "  - { code: kk, name: Қазақша }",
        "  - { code: ru, name: Русский }",
        "default_language: kk",
        "taxonomies:",
        "  district:",
    ]
    lines += [f"    d{i}: {{ kk: {yaml_str(kk)}, ru: {yaml_str(ru)} }}"
              for i, (kk, ru) in enumerate(DISTRICTS, 1)]
    lines.append("  topics:")
    lines += [f"    t{i}: {{ kk: {yaml_str(kk)}, ru: {yaml_str(ru)} }}"
              for i, (kk, ru) in enumerate(TAGS)]
    return "\n".join(lines) + "\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def start_egiz(site):
    os.makedirs(site)
    write(os.path.join(site, "site.yaml"), egiz_site_yaml())


def start_hugo(site):
    shutil.copytree(HUGO_SKEL, site)
    for lang in LANGS:
        suf = "" if lang == "kk" else ".ru"
        write(f"{site}/content/_index{suf}.md",
              f"+++\ntitle = {toml_str(HOME_TITLES[lang])}\n+++\n")
        write(f"{site}/content/projects/_index{suf}.md",
              f"+++\ntitle = {toml_str(SECTION_TITLES[lang])}\n+++\n")


def egiz_story_path(site, i, lang):
    return os.path.join(site, "content", "projects", f"project-{i:05d}.{lang}.md")


def hugo_story_path(site, i, lang):
    suf = "" if lang == "kk" else ".ru"
    return os.path.join(site, "content", "projects", f"project-{i:05d}{suf}.md")


# kind: (write the site's frame, a story's file, a story's text)
KINDS = {
    "egiz": (start_egiz, egiz_story_path, egiz_page),
    "hugo": (start_hugo, hugo_story_path, hugo_page),
}


def site_dir(out, kind, n):
    return os.path.join(out, f"{kind}-{n}")


def generate(n, out=DEFAULT_OUT, seed=42, kinds=tuple(KINDS)):
    """Write DIR/KIND-N for each kind, replacing what was there; returns the average body words."""
    sites = {kind: site_dir(out, kind, n) for kind in kinds}
    for kind, site in sites.items():
        if os.path.exists(site):
            shutil.rmtree(site)
        KINDS[kind][0](site)
    words = 0
    for i in range(1, n + 1):
        st = story(i, n, seed)
        for lang in LANGS:
            for kind, site in sites.items():
                _, path_of, text_of = KINDS[kind]
                write(path_of(site, i, lang), text_of(st[lang], lang))
            words += len(st[lang]["body"].split())
    return words / (2 * n)


def write_egiz_site(n, out, seed=42):
    """Only the egiz site, at OUT itself (replacing it): the site serve_site.py writes."""
    out = os.path.abspath(out)
    with tempfile.TemporaryDirectory(dir=os.path.dirname(out)) as tmp:
        generate(n, tmp, seed, kinds=("egiz",))
        if os.path.exists(out):
            shutil.rmtree(out)
        os.rename(site_dir(tmp, "egiz", n), out)


def fingerprint(n, seed):
    """What the sites depend on: this file, the Hugo skeleton, N and the seed."""
    h = hashlib.sha256(f"{n} {seed}\n".encode())
    files = [os.path.abspath(__file__)]
    for root, _, names in sorted(os.walk(HUGO_SKEL)):
        files += [os.path.join(root, name) for name in sorted(names)]
    for path in files:
        h.update(os.path.relpath(path, HERE).encode())
        with open(path, "rb") as f:
            h.update(f.read())
    return h.hexdigest()


def ensure(n, out=DEFAULT_OUT, seed=42):
    """The egiz and Hugo sites for N, generated unless DIR already has them from this generator."""
    stamp = os.path.join(out, f".stamp-{n}")
    want = fingerprint(n, seed)
    sites = {kind: site_dir(out, kind, n) for kind in KINDS}
    if os.path.exists(stamp):
        with open(stamp, encoding="utf-8") as f:
            if f.read() == want and all(map(os.path.isdir, sites.values())):
                return sites
        os.remove(stamp)
    generate(n, out, seed)
    write(stamp, want)
    return sites


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--only", choices=sorted(KINDS))
    a = ap.parse_args()
    kinds = (a.only,) if a.only else tuple(KINDS)
    avg = generate(a.n, a.out, a.seed, kinds)
    print(f"wrote {2 * a.n} story files into each of "
          f"{', '.join(site_dir(a.out, k, a.n) for k in kinds)}; average body words {avg:.0f}")


if __name__ == "__main__":
    main()
