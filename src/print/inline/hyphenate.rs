//! Liang hyphenation for print: Russian through the `hypher` crate (hyph-ru patterns), Kazakh
//! through a small pattern engine with embedded patterns; at least 2 letters stay on each side.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The hyphenation pattern set to use for a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
/// Which hyphenation patterns a text takes.
pub(crate) enum HyphLang {
    /// Our own Liang patterns for Kazakh.
    Kazakh,
    /// The Russian patterns of hypher.
    Russian,
    /// No hyphenation (other languages).
    None,
}

impl HyphLang {
    /// `"kk"` → Kazakh, `"ru"` → Russian, anything else → None. Region subtags and case are
    /// ignored (`"kk-KZ"`, `"RU"`).
    pub(crate) fn from_code(code: &str) -> HyphLang {
        let primary = code.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("kk") {
            HyphLang::Kazakh
        } else if primary.eq_ignore_ascii_case("ru") {
            HyphLang::Russian
        } else {
            HyphLang::None
        }
    }
}

/// Letters that must stay before the first and after the last hyphenation point.
const LEFT_MIN: usize = 2;
const RIGHT_MIN: usize = 2;
/// Shorter words are never hyphenated: a 4-letter word split 2/2 only looks broken.
const MIN_WORD_LETTERS: usize = 5;
/// Explicit hyphens inside a word; the caller breaks there, we hyphenate the parts.
const EXPLICIT_HYPHENS: [char; 3] = ['-', '\u{2010}', '\u{2011}'];

/// Byte offsets inside `word` where a hyphen may be inserted (never within 2 letters of either
/// end). `word` is one word without surrounding punctuation and may contain upper-case letters.
/// A word with explicit hyphens (`ақыл-ой`) is hyphenated part by part, each part as if it were
/// a word of its own; the explicit hyphens themselves are not returned. Parts that contain
/// anything but Cyrillic letters (digits, Latin letters, apostrophes), or have fewer than 5
/// letters, get no points.
pub(crate) fn hyphenation_points(word: &str, lang: HyphLang) -> Vec<usize> {
    if lang == HyphLang::None {
        return Vec::new();
    }
    let mut points = Vec::new();
    let mut part_start = 0;
    for (at, c) in word
        .char_indices()
        .filter(|(_, c)| EXPLICIT_HYPHENS.contains(c))
        .chain(std::iter::once((word.len(), ' ')))
    {
        let part = word.get(part_start..at).unwrap_or_default();
        points.extend(part_points(part, lang).into_iter().map(|p| part_start + p));
        part_start = at + c.len_utf8();
    }
    points
}

/// Hyphenation points of a word without explicit hyphens.
fn part_points(part: &str, lang: HyphLang) -> Vec<usize> {
    let letters = part.chars().count();
    if letters < MIN_WORD_LETTERS || !part.chars().all(is_cyrillic_letter) {
        return Vec::new();
    }
    let raw = match lang {
        HyphLang::Russian => russian_points(part),
        HyphLang::Kazakh => kazakh_points(part),
        HyphLang::None => Vec::new(),
    };
    // The letters before a point, by binary search: counting them anew for each point
    // would be quadratic in a word of tens of thousands of letters.
    let bounds: Vec<usize> = part.char_indices().map(|(i, _)| i).collect();
    let mut points: Vec<usize> = raw
        .into_iter()
        .filter(|&p| part.is_char_boundary(p))
        .filter(|&p| {
            let before = bounds.partition_point(|&b| b < p);
            before >= LEFT_MIN && letters - before >= RIGHT_MIN
        })
        .collect();
    points.sort_unstable();
    points.dedup();
    points
}

/// Cyrillic and Cyrillic Supplement letters (every Kazakh and Russian letter lives there).
fn is_cyrillic_letter(c: char) -> bool {
    c.is_alphabetic() && matches!(u32::from(c), 0x0400..=0x052F)
}

// ---------------------------------------------------------------------------------------------
// Russian: hyph-ru through hypher.

/// hyph-ru's longest pattern spans 7 characters including the word-edge dot (measured on
/// hypher 0.1.8's trie), so a point 7 characters away from a window edge sees every pattern
/// that can reach it.
const RU_PATTERN_REACH: usize = 7;

fn russian_points(word: &str) -> Vec<usize> {
    russian_points_windowed(word, hypher::MAX_INLINE_SIZE)
}

/// hypher without its `alloc` feature panics on words longer than `MAX_INLINE_SIZE` bytes
/// (22 Cyrillic letters), so longer words are hyphenated through overlapping windows, keeping
/// from each window only the points far enough from its artificial edges to be exact.
fn russian_points_windowed(word: &str, max_bytes: usize) -> Vec<usize> {
    let bounds: Vec<usize> = word
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(word.len()))
        .collect();
    let chars = bounds.len() - 1;
    let mut points = Vec::new();
    let mut start = 0;
    while let Some(&start_byte) = bounds.get(start) {
        // The last boundary within reach (the bounds are sorted: a binary search, so that
        // the windows of a very long word cost linear time in all).
        let end = bounds
            .partition_point(|&b| b <= start_byte + max_bytes)
            .checked_sub(1)
            .unwrap_or(start);
        let lowest = if start == 0 {
            1
        } else {
            start + RU_PATTERN_REACH
        };
        let highest = if end == chars {
            chars.saturating_sub(1)
        } else {
            end.saturating_sub(RU_PATTERN_REACH)
        };
        let window = bounds
            .get(end)
            .and_then(|&end_byte| word.get(start_byte..end_byte))
            .unwrap_or_default();
        for offset in syllable_offsets(window) {
            let byte = start_byte + offset;
            if let Ok(at) = bounds.binary_search(&byte)
                && (lowest..=highest).contains(&at)
            {
                points.push(byte);
            }
        }
        // The next window starts early enough that its exact region begins right after ours.
        let next = (highest + 1).saturating_sub(RU_PATTERN_REACH);
        if end == chars || next <= start {
            break;
        }
        start = next;
    }
    points
}

/// Byte offsets between hypher's syllables of `text` (at most `MAX_INLINE_SIZE` bytes).
fn syllable_offsets(text: &str) -> Vec<usize> {
    if text.is_empty() || text.len() > hypher::MAX_INLINE_SIZE {
        return Vec::new();
    }
    let mut offsets = Vec::new();
    let mut at = 0;
    for syllable in hypher::hyphenate_bounded(text, hypher::Lang::Russian, 1, 1) {
        at += syllable.len();
        offsets.push(at);
    }
    offsets.pop(); // the end of the last syllable is the end of the text
    offsets
}

// ---------------------------------------------------------------------------------------------
// Kazakh: an embedded Liang pattern set.

/// Kazakh hyphenation patterns in the hyph-utf8 `.pat.txt` format (whitespace-separated Liang
/// patterns, `%` comments), so an official hyph-kk pattern file can replace them unchanged.
/// Generated from Kazakh syllabification (a syllable starts with at most one consonant), which
/// includes hyph-kk.tex v0.1's rule "break after a vowel when a single consonant follows":
/// `1CV` for every consonant C and vowel V breaks before the last consonant ahead of a vowel
/// (V-CV, VC-CV, VCC-CV; never before a word-final consonant); `.CD2` for every two consonants
/// keeps a word-initial cluster together (`ст-ратегия` is wrong); `2ь 2ъ` never start a fragment
/// with a soft or hard sign. и and у count as vowels, й as a consonant; vowel pairs are not broken.
/// `kazakh_patterns_are_generated_from_the_syllable_rules` regenerates this text.
const KAZAKH_PATTERNS: &str = r"
% V-CV, VC-CV, VCC-CV: break before a consonant that a vowel follows
1ба 1бә 1бе 1бё 1би 1бо 1бө 1бу 1бұ 1бү 1бы 1бі 1бэ 1бю 1бя
1ва 1вә 1ве 1вё 1ви 1во 1вө 1ву 1вұ 1вү 1вы 1ві 1вэ 1вю 1вя
1га 1гә 1ге 1гё 1ги 1го 1гө 1гу 1гұ 1гү 1гы 1гі 1гэ 1гю 1гя
1ға 1ғә 1ғе 1ғё 1ғи 1ғо 1ғө 1ғу 1ғұ 1ғү 1ғы 1ғі 1ғэ 1ғю 1ғя
1да 1дә 1де 1дё 1ди 1до 1дө 1ду 1дұ 1дү 1ды 1ді 1дэ 1дю 1дя
1жа 1жә 1же 1жё 1жи 1жо 1жө 1жу 1жұ 1жү 1жы 1жі 1жэ 1жю 1жя
1за 1зә 1зе 1зё 1зи 1зо 1зө 1зу 1зұ 1зү 1зы 1зі 1зэ 1зю 1зя
1йа 1йә 1йе 1йё 1йи 1йо 1йө 1йу 1йұ 1йү 1йы 1йі 1йэ 1йю 1йя
1ка 1кә 1ке 1кё 1ки 1ко 1кө 1ку 1кұ 1кү 1кы 1кі 1кэ 1кю 1кя
1қа 1қә 1қе 1қё 1қи 1қо 1қө 1қу 1құ 1қү 1қы 1қі 1қэ 1қю 1қя
1ла 1лә 1ле 1лё 1ли 1ло 1лө 1лу 1лұ 1лү 1лы 1лі 1лэ 1лю 1ля
1ма 1мә 1ме 1мё 1ми 1мо 1мө 1му 1мұ 1мү 1мы 1мі 1мэ 1мю 1мя
1на 1нә 1не 1нё 1ни 1но 1нө 1ну 1нұ 1нү 1ны 1ні 1нэ 1ню 1ня
1ңа 1ңә 1ңе 1ңё 1ңи 1ңо 1ңө 1ңу 1ңұ 1ңү 1ңы 1ңі 1ңэ 1ңю 1ңя
1па 1пә 1пе 1пё 1пи 1по 1пө 1пу 1пұ 1пү 1пы 1пі 1пэ 1пю 1пя
1ра 1рә 1ре 1рё 1ри 1ро 1рө 1ру 1рұ 1рү 1ры 1рі 1рэ 1рю 1ря
1са 1сә 1се 1сё 1си 1со 1сө 1су 1сұ 1сү 1сы 1сі 1сэ 1сю 1ся
1та 1тә 1те 1тё 1ти 1то 1тө 1ту 1тұ 1тү 1ты 1ті 1тэ 1тю 1тя
1фа 1фә 1фе 1фё 1фи 1фо 1фө 1фу 1фұ 1фү 1фы 1фі 1фэ 1фю 1фя
1ха 1хә 1хе 1хё 1хи 1хо 1хө 1ху 1хұ 1хү 1хы 1хі 1хэ 1хю 1хя
1һа 1һә 1һе 1һё 1һи 1һо 1һө 1һу 1һұ 1һү 1һы 1һі 1һэ 1һю 1һя
1ца 1цә 1це 1цё 1ци 1цо 1цө 1цу 1цұ 1цү 1цы 1ці 1цэ 1цю 1ця
1ча 1чә 1че 1чё 1чи 1чо 1чө 1чу 1чұ 1чү 1чы 1чі 1чэ 1чю 1чя
1ша 1шә 1ше 1шё 1ши 1шо 1шө 1шу 1шұ 1шү 1шы 1ші 1шэ 1шю 1шя
1ща 1щә 1ще 1щё 1щи 1що 1щө 1щу 1щұ 1щү 1щы 1щі 1щэ 1щю 1щя
% keep a word-initial consonant cluster together
.бб2 .бв2 .бг2 .бғ2 .бд2 .бж2 .бз2 .бй2 .бк2 .бқ2 .бл2 .бм2 .бн2
.бң2 .бп2 .бр2 .бс2 .бт2 .бф2 .бх2 .бһ2 .бц2 .бч2 .бш2 .бщ2
.вб2 .вв2 .вг2 .вғ2 .вд2 .вж2 .вз2 .вй2 .вк2 .вқ2 .вл2 .вм2 .вн2
.вң2 .вп2 .вр2 .вс2 .вт2 .вф2 .вх2 .вһ2 .вц2 .вч2 .вш2 .вщ2
.гб2 .гв2 .гг2 .гғ2 .гд2 .гж2 .гз2 .гй2 .гк2 .гқ2 .гл2 .гм2 .гн2
.гң2 .гп2 .гр2 .гс2 .гт2 .гф2 .гх2 .гһ2 .гц2 .гч2 .гш2 .гщ2
.ғб2 .ғв2 .ғг2 .ғғ2 .ғд2 .ғж2 .ғз2 .ғй2 .ғк2 .ғқ2 .ғл2 .ғм2 .ғн2
.ғң2 .ғп2 .ғр2 .ғс2 .ғт2 .ғф2 .ғх2 .ғһ2 .ғц2 .ғч2 .ғш2 .ғщ2
.дб2 .дв2 .дг2 .дғ2 .дд2 .дж2 .дз2 .дй2 .дк2 .дқ2 .дл2 .дм2 .дн2
.дң2 .дп2 .др2 .дс2 .дт2 .дф2 .дх2 .дһ2 .дц2 .дч2 .дш2 .дщ2
.жб2 .жв2 .жг2 .жғ2 .жд2 .жж2 .жз2 .жй2 .жк2 .жқ2 .жл2 .жм2 .жн2
.жң2 .жп2 .жр2 .жс2 .жт2 .жф2 .жх2 .жһ2 .жц2 .жч2 .жш2 .жщ2
.зб2 .зв2 .зг2 .зғ2 .зд2 .зж2 .зз2 .зй2 .зк2 .зқ2 .зл2 .зм2 .зн2
.зң2 .зп2 .зр2 .зс2 .зт2 .зф2 .зх2 .зһ2 .зц2 .зч2 .зш2 .зщ2
.йб2 .йв2 .йг2 .йғ2 .йд2 .йж2 .йз2 .йй2 .йк2 .йқ2 .йл2 .йм2 .йн2
.йң2 .йп2 .йр2 .йс2 .йт2 .йф2 .йх2 .йһ2 .йц2 .йч2 .йш2 .йщ2
.кб2 .кв2 .кг2 .кғ2 .кд2 .кж2 .кз2 .кй2 .кк2 .кқ2 .кл2 .км2 .кн2
.кң2 .кп2 .кр2 .кс2 .кт2 .кф2 .кх2 .кһ2 .кц2 .кч2 .кш2 .кщ2
.қб2 .қв2 .қг2 .қғ2 .қд2 .қж2 .қз2 .қй2 .қк2 .ққ2 .қл2 .қм2 .қн2
.қң2 .қп2 .қр2 .қс2 .қт2 .қф2 .қх2 .қһ2 .қц2 .қч2 .қш2 .қщ2
.лб2 .лв2 .лг2 .лғ2 .лд2 .лж2 .лз2 .лй2 .лк2 .лқ2 .лл2 .лм2 .лн2
.лң2 .лп2 .лр2 .лс2 .лт2 .лф2 .лх2 .лһ2 .лц2 .лч2 .лш2 .лщ2
.мб2 .мв2 .мг2 .мғ2 .мд2 .мж2 .мз2 .мй2 .мк2 .мқ2 .мл2 .мм2 .мн2
.мң2 .мп2 .мр2 .мс2 .мт2 .мф2 .мх2 .мһ2 .мц2 .мч2 .мш2 .мщ2
.нб2 .нв2 .нг2 .нғ2 .нд2 .нж2 .нз2 .нй2 .нк2 .нқ2 .нл2 .нм2 .нн2
.нң2 .нп2 .нр2 .нс2 .нт2 .нф2 .нх2 .нһ2 .нц2 .нч2 .нш2 .нщ2
.ңб2 .ңв2 .ңг2 .ңғ2 .ңд2 .ңж2 .ңз2 .ңй2 .ңк2 .ңқ2 .ңл2 .ңм2 .ңн2
.ңң2 .ңп2 .ңр2 .ңс2 .ңт2 .ңф2 .ңх2 .ңһ2 .ңц2 .ңч2 .ңш2 .ңщ2
.пб2 .пв2 .пг2 .пғ2 .пд2 .пж2 .пз2 .пй2 .пк2 .пқ2 .пл2 .пм2 .пн2
.пң2 .пп2 .пр2 .пс2 .пт2 .пф2 .пх2 .пһ2 .пц2 .пч2 .пш2 .пщ2
.рб2 .рв2 .рг2 .рғ2 .рд2 .рж2 .рз2 .рй2 .рк2 .рқ2 .рл2 .рм2 .рн2
.рң2 .рп2 .рр2 .рс2 .рт2 .рф2 .рх2 .рһ2 .рц2 .рч2 .рш2 .рщ2
.сб2 .св2 .сг2 .сғ2 .сд2 .сж2 .сз2 .сй2 .ск2 .сқ2 .сл2 .см2 .сн2
.сң2 .сп2 .ср2 .сс2 .ст2 .сф2 .сх2 .сһ2 .сц2 .сч2 .сш2 .сщ2
.тб2 .тв2 .тг2 .тғ2 .тд2 .тж2 .тз2 .тй2 .тк2 .тқ2 .тл2 .тм2 .тн2
.тң2 .тп2 .тр2 .тс2 .тт2 .тф2 .тх2 .тһ2 .тц2 .тч2 .тш2 .тщ2
.фб2 .фв2 .фг2 .фғ2 .фд2 .фж2 .фз2 .фй2 .фк2 .фқ2 .фл2 .фм2 .фн2
.фң2 .фп2 .фр2 .фс2 .фт2 .фф2 .фх2 .фһ2 .фц2 .фч2 .фш2 .фщ2
.хб2 .хв2 .хг2 .хғ2 .хд2 .хж2 .хз2 .хй2 .хк2 .хқ2 .хл2 .хм2 .хн2
.хң2 .хп2 .хр2 .хс2 .хт2 .хф2 .хх2 .хһ2 .хц2 .хч2 .хш2 .хщ2
.һб2 .һв2 .һг2 .һғ2 .һд2 .һж2 .һз2 .һй2 .һк2 .һқ2 .һл2 .һм2 .һн2
.һң2 .һп2 .һр2 .һс2 .һт2 .һф2 .һх2 .һһ2 .һц2 .һч2 .һш2 .һщ2
.цб2 .цв2 .цг2 .цғ2 .цд2 .цж2 .цз2 .цй2 .цк2 .цқ2 .цл2 .цм2 .цн2
.цң2 .цп2 .цр2 .цс2 .цт2 .цф2 .цх2 .цһ2 .цц2 .цч2 .цш2 .цщ2
.чб2 .чв2 .чг2 .чғ2 .чд2 .чж2 .чз2 .чй2 .чк2 .чқ2 .чл2 .чм2 .чн2
.чң2 .чп2 .чр2 .чс2 .чт2 .чф2 .чх2 .чһ2 .чц2 .чч2 .чш2 .чщ2
.шб2 .шв2 .шг2 .шғ2 .шд2 .шж2 .шз2 .шй2 .шк2 .шқ2 .шл2 .шм2 .шн2
.шң2 .шп2 .шр2 .шс2 .шт2 .шф2 .шх2 .шһ2 .шц2 .шч2 .шш2 .шщ2
.щб2 .щв2 .щг2 .щғ2 .щд2 .щж2 .щз2 .щй2 .щк2 .щқ2 .щл2 .щм2 .щн2
.щң2 .щп2 .щр2 .щс2 .щт2 .щф2 .щх2 .щһ2 .щц2 .щч2 .щш2 .щщ2
% a soft or hard sign never starts a fragment
2ь 2ъ
";

/// A Liang pattern set: for each letter string, the levels at its boundaries.
struct Patterns {
    levels: HashMap<Box<[char]>, Box<[u8]>>,
    longest: usize,
}

impl Patterns {
    /// Parses whitespace-separated patterns such as `1ба` or `.ст2`; `%` starts a comment, and
    /// TeX wrapper tokens (`\patterns{`, `}`) are skipped.
    fn parse(text: &str) -> Patterns {
        let mut levels = HashMap::new();
        let mut longest = 0;
        let tokens = text
            .lines()
            .map(|line| line.split('%').next().unwrap_or_default())
            .flat_map(str::split_whitespace)
            .filter(|token| !token.contains(['\\', '{', '}']));
        for token in tokens {
            let mut letters = Vec::new();
            let mut marks = vec![0u8];
            for c in token.chars() {
                match c.to_digit(10) {
                    Some(level) => {
                        if let Some(last) = marks.last_mut() {
                            *last = u8::try_from(level).unwrap_or(0);
                        }
                    }
                    None => {
                        letters.push(c);
                        marks.push(0);
                    }
                }
            }
            if !letters.is_empty() {
                longest = longest.max(letters.len());
                levels.insert(letters.into_boxed_slice(), marks.into_boxed_slice());
            }
        }
        Patterns { levels, longest }
    }

    /// The highest pattern level at each boundary of `word` (lower-case letters): index k is
    /// the boundary before letter k, so the result has `word.len() + 1` entries.
    fn levels(&self, word: &[char]) -> Vec<u8> {
        let dotted: Vec<char> = std::iter::once('.')
            .chain(word.iter().copied())
            .chain(std::iter::once('.'))
            .collect();
        let mut levels = vec![0u8; dotted.len() + 1];
        for start in 0..dotted.len() {
            let reach = self.longest.min(dotted.len() - start);
            for len in 1..=reach {
                let Some(found) = dotted
                    .get(start..start + len)
                    .and_then(|key| self.levels.get(key))
                else {
                    continue;
                };
                for (k, &level) in found.iter().enumerate() {
                    if let Some(slot) = levels.get_mut(start + k) {
                        *slot = (*slot).max(level);
                    }
                }
            }
        }
        // Dotted boundary k + 1 is word boundary k.
        levels
            .get(1..=word.len() + 1)
            .map(<[u8]>::to_vec)
            .unwrap_or_default()
    }
}

fn kazakh_patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| Patterns::parse(KAZAKH_PATTERNS))
}

fn kazakh_points(word: &str) -> Vec<usize> {
    let (offsets, lower): (Vec<usize>, Vec<char>) =
        word.char_indices().map(|(i, c)| (i, lower_one(c))).unzip();
    kazakh_patterns()
        .levels(&lower)
        .iter()
        .enumerate()
        .filter(|(_, level)| *level % 2 == 1)
        .filter_map(|(k, _)| offsets.get(k).copied())
        .collect()
}

/// Lower-cases a letter when that gives exactly one character, so positions stay aligned
/// with the original word.
fn lower_one(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word with `-` at every hyphenation point.
    fn marked(word: &str, lang: HyphLang) -> String {
        let points = hyphenation_points(word, lang);
        let mut out = String::new();
        for (i, c) in word.char_indices() {
            if points.contains(&i) {
                out.push('-');
            }
            out.push(c);
        }
        out
    }

    const KAZAKH_VOWELS: &str = "аәеёиоөуұүыіэюя";
    const KAZAKH_CONSONANTS: &str = "бвгғджзйкқлмнңпрстфхһцчшщ";

    fn generate_kazakh_patterns() -> Vec<String> {
        let mut patterns = Vec::new();
        for c in KAZAKH_CONSONANTS.chars() {
            for v in KAZAKH_VOWELS.chars() {
                patterns.push(format!("1{c}{v}"));
            }
        }
        for c in KAZAKH_CONSONANTS.chars() {
            for d in KAZAKH_CONSONANTS.chars() {
                patterns.push(format!(".{c}{d}2"));
            }
        }
        patterns.extend(["2ь".to_string(), "2ъ".to_string()]);
        patterns
    }

    #[test]
    fn kazakh_patterns_are_generated_from_the_syllable_rules() {
        let embedded: Vec<&str> = KAZAKH_PATTERNS
            .lines()
            .map(|line| line.split('%').next().unwrap_or_default())
            .flat_map(str::split_whitespace)
            .collect();
        assert_eq!(embedded, generate_kazakh_patterns());
    }

    #[test]
    fn language_codes_map_to_pattern_sets() {
        assert_eq!(HyphLang::from_code("kk"), HyphLang::Kazakh);
        assert_eq!(HyphLang::from_code("kk-KZ"), HyphLang::Kazakh);
        assert_eq!(HyphLang::from_code("RU"), HyphLang::Russian);
        assert_eq!(HyphLang::from_code("en"), HyphLang::None);
        assert_eq!(HyphLang::from_code(""), HyphLang::None);
    }

    #[test]
    fn kazakh_words_break_before_the_consonant_that_starts_a_syllable() {
        let cases = [
            ("мемлекеттік", "мем-ле-кет-тік"),
            ("балалар", "ба-ла-лар"),
            ("қатысушылар", "қа-ты-су-шы-лар"),
            ("ақпараттық", "ақ-па-рат-тық"),
            ("жергілікті", "жер-гі-лік-ті"),
            ("шығармашылық", "шы-ғар-ма-шы-лық"),
            ("айналысатын", "ай-на-лы-са-тын"),
        ];
        for (word, expected) in cases {
            assert_eq!(marked(word, HyphLang::Kazakh), expected, "{word}");
        }
    }

    #[test]
    fn kazakh_three_consonants_between_vowels_split_before_the_last() {
        // VCCCV → VCC-CV: a Kazakh syllable starts with at most one consonant.
        assert_eq!(marked("Қазақстанның", HyphLang::Kazakh), "Қа-зақс-тан-ның");
    }

    #[test]
    fn kazakh_upper_case_words_break_like_lower_case() {
        assert_eq!(marked("МЕМЛЕКЕТТІК", HyphLang::Kazakh), "МЕМ-ЛЕ-КЕТ-ТІК");
    }

    #[test]
    fn kazakh_word_initial_cluster_stays_together() {
        assert_eq!(marked("стратегия", HyphLang::Kazakh), "стра-те-гия");
    }

    #[test]
    fn kazakh_soft_sign_never_starts_a_fragment() {
        assert_eq!(marked("апельсин", HyphLang::Kazakh), "апель-син");
        assert_eq!(marked("объекті", HyphLang::Kazakh), "объек-ті");
    }

    #[test]
    fn kazakh_vowel_pairs_are_not_broken() {
        assert_eq!(
            marked("жауапкершілік", HyphLang::Kazakh),
            "жауап-кер-ші-лік"
        );
    }

    #[test]
    fn russian_words_follow_hyph_ru() {
        let cases = [
            ("бесплатно", "бес-плат-но"),
            ("организация", "ор-га-ни-за-ция"),
            ("информационный", "ин-фор-ма-ци-он-ный"),
            ("государственный", "го-су-дар-ствен-ный"),
        ];
        for (word, expected) in cases {
            assert_eq!(marked(word, HyphLang::Russian), expected, "{word}");
        }
    }

    #[test]
    fn long_russian_words_are_hyphenated_through_windows() {
        let word = "человеконенавистничество"; // 24 letters, longer than hypher's inline buffer
        assert!(word.len() > hypher::MAX_INLINE_SIZE);
        let points = hyphenation_points(word, HyphLang::Russian);
        assert!(points.len() >= 6, "{}", marked(word, HyphLang::Russian));
    }

    #[test]
    fn windowed_russian_hyphenation_matches_whole_word_hyphenation() {
        // 18-letter windows must give exactly the points of one whole-word pass.
        let words = [
            "высокопроизводительный",
            "электроэнергетический",
            "достопримечательность",
            "неудовлетворительный",
            "сельскохозяйственный",
            "интернационализация",
        ];
        for word in words {
            assert!(word.len() <= hypher::MAX_INLINE_SIZE, "{word}");
            assert!(word.chars().count() > 18, "{word}");
            assert_eq!(
                russian_points_windowed(word, 36),
                russian_points_windowed(word, hypher::MAX_INLINE_SIZE),
                "{word}"
            );
        }
    }

    #[test]
    fn no_point_within_two_letters_of_either_end() {
        for (word, lang) in [
            ("мемлекеттік", HyphLang::Kazakh),
            ("оқиға", HyphLang::Kazakh),
            ("ауылдық", HyphLang::Kazakh),
            ("информационный", HyphLang::Russian),
            ("обеспечение", HyphLang::Russian),
        ] {
            let letters = word.chars().count();
            for p in hyphenation_points(word, lang) {
                let before = word[..p].chars().count();
                assert!(before >= 2 && letters - before >= 2, "{word} at {p}");
            }
        }
        assert_eq!(marked("оқиға", HyphLang::Kazakh), "оқи-ға");
    }

    #[test]
    fn short_words_get_no_points() {
        assert!(hyphenation_points("бала", HyphLang::Kazakh).is_empty());
        assert!(hyphenation_points("мама", HyphLang::Russian).is_empty());
    }

    #[test]
    fn words_with_latin_letters_or_digits_get_no_points() {
        assert!(hyphenation_points("information", HyphLang::Russian).is_empty());
        assert!(hyphenation_points("балаларx", HyphLang::Kazakh).is_empty());
        assert!(hyphenation_points("2025жылы", HyphLang::Kazakh).is_empty());
        assert!(hyphenation_points("мемлекеттік", HyphLang::None).is_empty());
    }

    #[test]
    fn hyphenated_compounds_are_hyphenated_part_by_part() {
        assert!(hyphenation_points("ақыл-ой", HyphLang::Kazakh).is_empty());
        assert_eq!(
            marked("ғылыми-зерттеу", HyphLang::Kazakh),
            "ғы-лы-ми-зерт-теу"
        );
        let points = hyphenation_points("ғылыми-зерттеу", HyphLang::Kazakh);
        let hyphen = "ғылыми-зерттеу".find('-').unwrap_or_default();
        assert!(!points.contains(&hyphen) && !points.contains(&(hyphen + 1)));
        assert_eq!(
            marked("научно-исследовательский", HyphLang::Russian),
            "на-уч-но-ис-сле-до-ва-тель-ский"
        );
    }

    #[test]
    fn every_point_is_a_char_boundary_inside_the_word() {
        let text = "Жергілікті қауымдастықтың белсенді қатысуымен және халықтың қажеттіліктерін \
            бірлесіп бағалау әдісін (ҚБӘ) қолдана отырып, әлеуметтік-инфрақұрылымдық картасының \
            платформасында көрініс тапты. Организация бесплатно проводит информационный семинар \
            для государственных служащих; ЮНИСЕФ, Ёлка, объявление, подъезд, пьеса, Қазақстанның \
            ведомстволар ұйымдары 40%-ға артты, үздік әлеуметтік жобалар байқауы";
        let mut checked = 0;
        for word in text.split(|c: char| !c.is_alphanumeric() && c != '-') {
            for lang in [HyphLang::Kazakh, HyphLang::Russian] {
                for p in hyphenation_points(word, lang) {
                    assert!(
                        p > 0 && p < word.len() && word.is_char_boundary(p),
                        "{word}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 100, "{checked}");
    }
}
