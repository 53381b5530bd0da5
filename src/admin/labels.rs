//! The words of the generated editor: collection and field labels and hints in Kazakh,
//! Russian and English, keyed like the front matter fields they describe. Decap shows one
//! language at a time, so each interface language gets its own config file.

/// A label and an optional hint, per interface language.
struct Words {
    key: &'static str,
    kk: (&'static str, &'static str),
    ru: (&'static str, &'static str),
    en: (&'static str, &'static str),
}

const fn w(
    key: &'static str,
    kk: (&'static str, &'static str),
    ru: (&'static str, &'static str),
    en: (&'static str, &'static str),
) -> Words {
    Words { key, kk, ru, en }
}

/// Keys are front matter fields (`title`), sub-fields (`cover.alt`), collections
/// (`collection.stories`) and option values (`status.planned`).
const WORDS: &[Words] = &[
    w(
        "collection.stories",
        (
            "Жобалар",
            "Жоба туралы әңгімелер: сайттағы және кітапшалардағы",
        ),
        ("Проекты", "Истории проектов: на сайте и в буклетах"),
        ("Stories", "Project stories, on the site and in booklets"),
    ),
    w(
        "singular.stories",
        ("Жоба", ""),
        ("Проект", ""),
        ("Story", ""),
    ),
    w(
        "collection.pages",
        ("Беттер", "Мәзірдегі беттер, мысалы «Біз туралы»"),
        ("Страницы", "Страницы меню, например «О нас»"),
        ("Pages", "Menu pages such as About us"),
    ),
    w(
        "singular.pages",
        ("Бет", ""),
        ("Страница", ""),
        ("Page", ""),
    ),
    w(
        "collection.booklets",
        ("Кітапшалар", "Басып шығаруға арналған PDF кітапшалар"),
        ("Буклеты", "PDF-буклеты для печати"),
        ("Booklets", "Printable PDF booklets"),
    ),
    w(
        "singular.booklets",
        ("Кітапша", ""),
        ("Буклет", ""),
        ("Booklet", ""),
    ),
    w(
        "collection.home",
        (
            "Басты бет мәтіндері",
            "Басты беттің және бөлімдердің кіріспе мәтіндері",
        ),
        (
            "Тексты главной",
            "Вводные тексты главной страницы и разделов",
        ),
        ("Home texts", "Introductions of the home page and sections"),
    ),
    w(
        "home.site",
        ("Басты бет", ""),
        ("Главная страница", ""),
        ("Home page", ""),
    ),
    w(
        "home.projects",
        ("«Жобалар» бөлімі", ""),
        ("Раздел «Проекты»", ""),
        ("Stories section", ""),
    ),
    w(
        "home.booklets",
        ("«Кітапшалар» бөлімі", ""),
        ("Раздел «Буклеты»", ""),
        ("Booklets section", ""),
    ),
    w(
        "title",
        ("Тақырып", "Әр тілде өз тақырыбы"),
        ("Заголовок", "В каждом языке свой"),
        ("Title", "Each language has its own"),
    ),
    w(
        "subtitle",
        ("Тақырыпша", ""),
        ("Подзаголовок", ""),
        ("Subtitle", ""),
    ),
    w(
        "summary",
        (
            "Қысқаша мазмұны",
            "Бір-екі сөйлем: тізімдерде және іздеуде көрінеді",
        ),
        (
            "Краткое описание",
            "Одно-два предложения: видно в списках и поиске",
        ),
        ("Summary", "One or two sentences, shown in lists and search"),
    ),
    w(
        "date",
        ("Күні", "Барлық тілде бірдей"),
        ("Дата", "Одна для всех языков"),
        ("Date", "The same in every language"),
    ),
    w("district", ("Аудан", ""), ("Район", ""), ("District", "")),
    w(
        "topics",
        ("Тақырыптар", "Бірнешеуін таңдауға болады"),
        ("Темы", "Можно выбрать несколько"),
        ("Topics", "Choose any number"),
    ),
    w("status", ("Күйі", ""), ("Статус", ""), ("Status", "")),
    w(
        "status.planned",
        ("Жоспарланған", ""),
        ("Запланирован", ""),
        ("Planned", ""),
    ),
    w(
        "status.active",
        ("Жүріп жатыр", ""),
        ("Идёт", ""),
        ("Active", ""),
    ),
    w(
        "status.completed",
        ("Аяқталды", ""),
        ("Завершён", ""),
        ("Completed", ""),
    ),
    w("period", ("Мерзімі", ""), ("Сроки", ""), ("Period", "")),
    w(
        "period.start",
        ("Басталуы", ""),
        ("Начало", ""),
        ("Start", ""),
    ),
    w(
        "period.end",
        ("Аяқталуы", ""),
        ("Окончание", ""),
        ("End", ""),
    ),
    w(
        "beneficiaries",
        ("Қатысушылар саны", "Жобадан пайда көрген адамдар"),
        ("Число участников", "Сколько людей получили пользу"),
        ("Beneficiaries", "How many people the project reached"),
    ),
    w("budget", ("Бюджет", ""), ("Бюджет", ""), ("Budget", "")),
    w(
        "budget.amount",
        ("Сомасы", ""),
        ("Сумма", ""),
        ("Amount", ""),
    ),
    w(
        "budget.currency",
        ("Валюта", "Мысалы KZT, USD, EUR"),
        ("Валюта", "Например KZT, USD, EUR"),
        ("Currency", "For example KZT, USD, EUR"),
    ),
    w(
        "results",
        ("Нәтижелер", "Сандармен: мәні, өлшемі, не өзгерді"),
        ("Результаты", "В цифрах: значение, единица, что изменилось"),
        ("Results", "In figures: value, unit, what changed"),
    ),
    w(
        "results.value",
        ("Мәні", "Сан (40) немесе мәтін (70+)"),
        ("Значение", "Число (40) или текст (70+)"),
        ("Value", "A number (40) or text (70+)"),
    ),
    w(
        "results.unit",
        ("Өлшем бірлігі", "Мысалы %"),
        ("Единица", "Например %"),
        ("Unit", "For example %"),
    ),
    w(
        "results.label",
        ("Не өзгерді", ""),
        ("Что изменилось", ""),
        ("What changed", ""),
    ),
    w(
        "quotes",
        ("Дәйексөздер", "Қатысушылардың сөздері"),
        ("Цитаты", "Слова участников"),
        ("Quotes", "Participants' words"),
    ),
    w("quotes.text", ("Мәтіні", ""), ("Текст", ""), ("Text", "")),
    w(
        "quotes.by",
        ("Кімнің сөзі", ""),
        ("Чьи слова", ""),
        ("By", ""),
    ),
    w(
        "cover",
        ("Мұқаба суреті", ""),
        ("Обложка", ""),
        ("Cover image", ""),
    ),
    w(
        "cover.src",
        ("Сурет", ""),
        ("Изображение", ""),
        ("Image", ""),
    ),
    w(
        "cover.alt",
        (
            "Суреттің сипаттамасы",
            "Суретті көре алмайтын адамға не көрінетінін жазыңыз",
        ),
        (
            "Описание изображения",
            "Опишите, что на нём, для тех, кто не видит картинку",
        ),
        (
            "Image description",
            "What it shows, for those who cannot see it",
        ),
    ),
    w(
        "gallery",
        ("Фотогалерея", ""),
        ("Фотогалерея", ""),
        ("Gallery", ""),
    ),
    w(
        "partners",
        ("Серіктестер", ""),
        ("Партнёры", ""),
        ("Partners", ""),
    ),
    w(
        "partners.name",
        ("Атауы", ""),
        ("Название", ""),
        ("Name", ""),
    ),
    w("partners.url", ("Сайты", ""), ("Сайт", ""), ("Website", "")),
    w(
        "booklet",
        ("Жеке парақша", "Осы жоба үшін өз PDF парақшасы жасалады"),
        (
            "Отдельная листовка",
            "Для этого проекта делается свой PDF-листок",
        ),
        ("Own leaflet", "Make a PDF leaflet of this story"),
    ),
    w("body", ("Мәтін", ""), ("Текст", ""), ("Text", "")),
    w(
        "weight",
        ("Мәзірдегі реті", "Кішісі бірінші"),
        ("Порядок в меню", "Меньшее — раньше"),
        ("Menu position", "Smaller first"),
    ),
    w(
        "publisher",
        ("Баспагер", ""),
        ("Издатель", ""),
        ("Publisher", ""),
    ),
    w(
        "contacts",
        ("Байланыс", ""),
        ("Контакты", ""),
        ("Contacts", ""),
    ),
    w(
        "print_run",
        ("Таралымы", ""),
        ("Тираж", ""),
        ("Print run", ""),
    ),
    w(
        "stories",
        ("Кітапшадағы жобалар", "Осы ретпен басылады"),
        ("Проекты в буклете", "Печатаются в этом порядке"),
        ("Stories in the booklet", "Printed in this order"),
    ),
    w(
        "paper",
        ("Қағаз пішімі", "A4, A5, A6 немесе Letter"),
        ("Формат бумаги", "A4, A5, A6 или Letter"),
        ("Paper", "A4, A5, A6 or Letter"),
    ),
    w(
        "editions",
        ("Нұсқалары", "Қандай PDF файлдар жасалады"),
        ("Варианты", "Какие PDF-файлы сделать"),
        ("Editions", "Which PDF files to make"),
    ),
    w(
        "story_start",
        ("Әр жоба басталатын жер", ""),
        ("Где начинается каждый проект", ""),
        ("Each story starts", ""),
    ),
    w(
        "story_start.continue",
        ("Алдыңғысының астында, орын болса", ""),
        ("Под предыдущим, если есть место", ""),
        ("Under the one before, if there is room", ""),
    ),
    w(
        "story_start.new-page",
        ("Жаңа бетте", ""),
        ("С новой страницы", ""),
        ("On a new page", ""),
    ),
    w(
        "story_start.right-page",
        ("Оң жақ бетте", ""),
        ("С правой страницы", ""),
        ("On a right-hand page", ""),
    ),
    w(
        "cover_layout",
        ("Мұқаба", ""),
        ("Обложка", ""),
        ("Cover layout", ""),
    ),
    w(
        "cover_layout.framed",
        ("Жиектің ішінде", ""),
        ("В полях", ""),
        ("Framed", ""),
    ),
    w(
        "cover_layout.full-bleed",
        ("Бүкіл бетке", ""),
        ("На всю страницу", ""),
        ("Full page", ""),
    ),
    w(
        "creep_mm",
        ("Қағаз қалыңдығы, мм", "Бүктелген кітапша үшін"),
        ("Толщина бумаги, мм", "Для сфальцованного буклета"),
        ("Paper thickness, mm", "For the imposed edition"),
    ),
    w(
        "editions.single",
        ("Бір тілде", ""),
        ("На одном языке", ""),
        ("One language", ""),
    ),
    w(
        "editions.sequential",
        ("Екі тіл қатар", ""),
        ("Два языка подряд", ""),
        ("Two languages in turn", ""),
    ),
    w(
        "editions.flip",
        ("Аударылатын", ""),
        ("Перевёртыш", ""),
        ("Flip book", ""),
    ),
    w(
        "editions.parallel",
        ("Қатар бағандар", ""),
        ("Параллельный текст", ""),
        ("Parallel columns", ""),
    ),
    w(
        "editions.imposed",
        ("Бүктеуге арналған", ""),
        ("Для фальцовки", ""),
        ("Imposed for folding", ""),
    ),
    w(
        "editions.print-shop",
        ("Баспаханаға", ""),
        ("Для типографии", ""),
        ("For the print shop", ""),
    ),
];

fn find(key: &str, lang: &str) -> Option<(&'static str, &'static str)> {
    let words = WORDS.iter().find(|w| w.key == key)?;
    Some(match lang {
        "kk" => words.kk,
        "ru" => words.ru,
        _ => words.en,
    })
}

/// The label of `key` in `lang`; the key itself when the table has none (a site's own field).
pub(crate) fn label(key: &str, lang: &str) -> String {
    find(key, lang).map_or_else(|| key.to_string(), |(label, _)| label.to_string())
}

/// The hint under a field, if it has one.
pub(crate) fn hint(key: &str, lang: &str) -> Option<&'static str> {
    find(key, lang)
        .map(|(_, hint)| hint)
        .filter(|h| !h.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_listed_once() {
        let mut keys: Vec<&str> = WORDS.iter().map(|w| w.key).collect();
        keys.sort_unstable();
        let before = keys.len();
        keys.dedup();
        assert_eq!(before, keys.len());
    }

    #[test]
    fn labels_follow_the_interface_language() {
        assert_eq!(label("title", "kk"), "Тақырып");
        assert_eq!(label("title", "ru"), "Заголовок");
        assert_eq!(label("donor", "ru"), "donor");
        assert!(hint("cover.alt", "kk").is_some());
    }
}
