//! The font family of a booklet: the embedded Noto faces or a theme's own files, each
//! parsed once (shaping data, metrics, character coverage) and shared by all threads.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use harfrust::{Language, Script, ShapePlan};
use skrifa::instance::{LocationRef, Size};
use skrifa::string::StringId;
use skrifa::{FontRef, MetadataProvider};

/// The two families a booklet uses: serif for body text, sans for headings and figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Family {
    Serif,
    Sans,
}

/// One face of the family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct FaceKey {
    pub family: Family,
    pub bold: bool,
    pub italic: bool,
}

/// The face of `family` with the given weight and slant.
pub(crate) fn face(family: Family, bold: bool, italic: bool) -> FaceKey {
    FaceKey {
        family,
        bold,
        italic,
    }
}

/// A parsed face inside a [`FontSet`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct FontId(pub usize);

/// Vertical metrics in em units (multiply by the font size in points).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub(crate) struct FaceMetrics {
    pub ascender: f32,
    /// Below the baseline, so negative.
    pub descender: f32,
    pub cap_height: f32,
    pub x_height: f32,
    pub line_gap: f32,
}

#[derive(Debug, thiserror::Error)]
pub(crate) enum FontError {
    #[error("cannot read font file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not a usable TrueType/OpenType font")]
    Parse { path: PathBuf },
}

/// The face files compiled into the binary (trimmed by assets/fonts/trim.sh).
const EMBEDDED: [(FaceKey, &[u8]); 8] = [
    (
        key(Family::Serif, false, false),
        include_bytes!("../../assets/fonts/NotoSerif-Regular.ttf"),
    ),
    (
        key(Family::Serif, true, false),
        include_bytes!("../../assets/fonts/NotoSerif-Bold.ttf"),
    ),
    (
        key(Family::Serif, false, true),
        include_bytes!("../../assets/fonts/NotoSerif-Italic.ttf"),
    ),
    (
        key(Family::Serif, true, true),
        include_bytes!("../../assets/fonts/NotoSerif-BoldItalic.ttf"),
    ),
    (
        key(Family::Sans, false, false),
        include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"),
    ),
    (
        key(Family::Sans, true, false),
        include_bytes!("../../assets/fonts/NotoSans-Bold.ttf"),
    ),
    (
        key(Family::Sans, false, true),
        include_bytes!("../../assets/fonts/NotoSans-Italic.ttf"),
    ),
    (
        key(Family::Sans, true, true),
        include_bytes!("../../assets/fonts/NotoSans-BoldItalic.ttf"),
    ),
];

const fn key(family: Family, bold: bool, italic: bool) -> FaceKey {
    FaceKey {
        family,
        bold,
        italic,
    }
}

/// Where a [`FaceKey`] lives in the 8-slot face table.
fn slot(key: FaceKey) -> usize {
    let family = match key.family {
        Family::Serif => 0,
        Family::Sans => 4,
    };
    family + usize::from(key.bold) + 2 * usize::from(key.italic)
}

/// All faces of one build, parsed once. Cheap to share between threads by reference.
pub(crate) struct FontSet {
    faces: Vec<Face>,
    /// Face index for each [`slot`].
    slots: [usize; 8],
}

/// One parsed face: what shaping, measuring and PDF embedding need.
pub(super) struct Face {
    bytes: FaceBytes,
    /// Shaping view of the face; clones share the parsed tables and layout caches.
    pub(super) font: harfrust::Font,
    /// PostScript name, used as the PDF `/BaseFont`.
    pub(super) postscript_name: String,
    pub(super) units_per_em: u16,
    metrics: FaceMetrics,
    /// Covered code points as sorted, disjoint, inclusive ranges.
    coverage: Vec<(u32, u32)>,
    /// Shape plans built so far, per (script, language); a handful per build.
    plans: RwLock<Vec<Arc<ShapePlan>>>,
}

enum FaceBytes {
    Static(&'static [u8]),
    Owned(Arc<Vec<u8>>),
}

impl FaceBytes {
    fn as_slice(&self) -> &[u8] {
        match self {
            FaceBytes::Static(bytes) => bytes,
            FaceBytes::Owned(bytes) => bytes,
        }
    }

    fn to_source(&self) -> harfrust::font::Source {
        match self {
            FaceBytes::Static(bytes) => (*bytes).into(),
            FaceBytes::Owned(bytes) => {
                let shared: Arc<dyn AsRef<[u8]> + Send + Sync> = bytes.clone();
                harfrust::font::Blob::from(shared).into()
            }
        }
    }
}

impl Face {
    fn parse(bytes: FaceBytes) -> Option<Face> {
        let font = harfrust::Font::new(bytes.to_source(), 0)?;
        let font_ref = FontRef::new(bytes.as_slice()).ok()?;
        let raw = font_ref.metrics(Size::unscaled(), LocationRef::default());
        let upm = f32::from(raw.units_per_em.max(1));
        let metrics = FaceMetrics {
            ascender: raw.ascent / upm,
            descender: raw.descent / upm,
            // Rough typographic defaults for fonts without an OS/2 v2 table.
            cap_height: raw.cap_height.unwrap_or(raw.ascent * 0.7) / upm,
            x_height: raw.x_height.unwrap_or(raw.ascent * 0.5) / upm,
            line_gap: raw.leading / upm,
        };
        let postscript_name = font_ref
            .localized_strings(StringId::POSTSCRIPT_NAME)
            .english_or_first()
            .map(|name| pdf_name_chars(&name.to_string()))
            .filter(|name| !name.is_empty())
            .unwrap_or_else(|| "Font".to_string());
        let coverage = coverage_ranges(font_ref.charmap().mappings().map(|(cp, _)| cp));
        Some(Face {
            bytes,
            font,
            postscript_name,
            units_per_em: raw.units_per_em.max(1),
            metrics,
            coverage,
            plans: RwLock::new(Vec::new()),
        })
    }

    pub(super) fn bytes(&self) -> &[u8] {
        self.bytes.as_slice()
    }

    fn has_char(&self, c: char) -> bool {
        let cp = u32::from(c);
        let after = self.coverage.partition_point(|&(start, _)| start <= cp);
        after > 0
            && self
                .coverage
                .get(after - 1)
                .is_some_and(|&(_, end)| cp <= end)
    }

    /// The cached plan for `script`/`language`, built on first use.
    pub(super) fn plan(
        &self,
        script: Option<Script>,
        language: Option<&Language>,
    ) -> Arc<ShapePlan> {
        let matches =
            |plan: &&Arc<ShapePlan>| plan.script() == script && plan.language() == language;
        if let Ok(plans) = self.plans.read()
            && let Some(plan) = plans.iter().find(matches)
        {
            return plan.clone();
        }
        let plan = Arc::new(ShapePlan::new(
            &self.font,
            harfrust::Direction::LeftToRight,
            script,
            language,
            &[],
        ));
        // A poisoned lock only means another thread panicked mid-push; the cache is
        // still a valid list, so keep using it.
        let mut plans = self.plans.write().unwrap_or_else(|e| e.into_inner());
        if let Some(existing) = plans.iter().find(matches) {
            return existing.clone();
        }
        plans.push(plan.clone());
        plan
    }
}

/// Keeps only characters that are safe in a PDF name token.
fn pdf_name_chars(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_ascii_graphic() && !"()<>[]{}/%#".contains(*c))
        .collect()
}

/// Folds code points (in any order) into sorted inclusive ranges.
fn coverage_ranges(code_points: impl Iterator<Item = u32>) -> Vec<(u32, u32)> {
    let mut cps: Vec<u32> = code_points.collect();
    cps.sort_unstable();
    cps.dedup();
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for cp in cps {
        match ranges.last_mut() {
            Some((_, end)) if *end + 1 == cp => *end = cp,
            _ => ranges.push((cp, cp)),
        }
    }
    ranges
}

impl FontSet {
    /// The default family (Noto Serif and Noto Sans), compiled into the binary.
    pub(crate) fn embedded() -> FontSet {
        let faces: Vec<Face> = EMBEDDED
            .iter()
            .filter_map(|(_, bytes)| Face::parse(FaceBytes::Static(bytes)))
            .collect();
        // The embedded files are tested to parse, so all 8 are present; should one ever
        // fail, fall back to the first face that did rather than panicking.
        let mut slots = [0; 8];
        if faces.len() == EMBEDDED.len() {
            for (index, (key, _)) in EMBEDDED.iter().enumerate() {
                if let Some(s) = slots.get_mut(slot(*key)) {
                    *s = index;
                }
            }
        }
        FontSet { faces, slots }
    }

    /// The embedded family with some faces replaced by a theme's files.
    pub(crate) fn from_files(files: &[(FaceKey, PathBuf)]) -> Result<FontSet, FontError> {
        let mut set = FontSet::embedded();
        for (key, path) in files {
            let face = load_face(path)?;
            set.faces.push(face);
            if let Some(s) = set.slots.get_mut(slot(*key)) {
                *s = set.faces.len() - 1;
            }
        }
        Ok(set)
    }

    pub(crate) fn face(&self, key: FaceKey) -> FontId {
        FontId(self.slots.get(slot(key)).copied().unwrap_or(0))
    }

    pub(crate) fn metrics(&self, id: FontId) -> FaceMetrics {
        self.get(id).map(|face| face.metrics).unwrap_or_default()
    }

    pub(crate) fn has_char(&self, id: FontId, c: char) -> bool {
        self.get(id).is_some_and(|face| face.has_char(c))
    }

    /// The font file of a face: share cards draw its glyph outlines.
    pub(crate) fn file(&self, id: FontId) -> Option<&[u8]> {
        self.get(id).map(Face::bytes)
    }

    pub(super) fn get(&self, id: FontId) -> Option<&Face> {
        self.faces.get(id.0)
    }
}

fn load_face(path: &Path) -> Result<Face, FontError> {
    let bytes = std::fs::read(path).map_err(|source| FontError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    Face::parse(FaceBytes::Owned(Arc::new(bytes))).ok_or_else(|| FontError::Parse {
        path: path.to_path_buf(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const KAZAKH_AND_PUNCTUATION: &str = "ӘҒҚҢӨҰҮҺІәғқңөұүһі«»—–…\u{00A0}\u{202F}₸№";

    fn all_keys() -> Vec<FaceKey> {
        EMBEDDED.iter().map(|(k, _)| *k).collect()
    }

    #[test]
    fn every_embedded_face_parses_into_its_own_slot() {
        let fonts = FontSet::embedded();
        assert_eq!(fonts.faces.len(), 8);
        let mut ids: Vec<usize> = all_keys().into_iter().map(|k| fonts.face(k).0).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 8);
    }

    #[test]
    fn every_embedded_face_covers_kazakh_letters_and_typographic_signs() {
        let fonts = FontSet::embedded();
        for key in all_keys() {
            let id = fonts.face(key);
            for c in KAZAKH_AND_PUNCTUATION.chars() {
                assert!(
                    fonts.has_char(id, c),
                    "{key:?} lacks U+{:04X}",
                    u32::from(c)
                );
            }
        }
    }

    #[test]
    fn embedded_faces_do_not_cover_cjk() {
        let fonts = FontSet::embedded();
        let id = fonts.face(key(Family::Serif, false, false));
        assert!(!fonts.has_char(id, '中'));
        assert!(!fonts.has_char(FontId(99), 'a'));
    }

    #[test]
    fn metrics_are_plausible_em_fractions() {
        let fonts = FontSet::embedded();
        for key in all_keys() {
            let m = fonts.metrics(fonts.face(key));
            assert!(m.ascender > 0.7 && m.ascender < 1.3, "{key:?} {m:?}");
            assert!(m.descender < -0.1 && m.descender > -0.5, "{key:?} {m:?}");
            assert!(m.cap_height > 0.6 && m.cap_height < 0.8, "{key:?} {m:?}");
            assert!(m.x_height > 0.4 && m.x_height < 0.6, "{key:?} {m:?}");
            assert!(m.line_gap >= 0.0);
        }
    }

    #[test]
    fn postscript_names_identify_the_faces() {
        let fonts = FontSet::embedded();
        let name = |k| &fonts.faces[fonts.face(k).0].postscript_name;
        assert_eq!(name(key(Family::Serif, false, false)), "NotoSerif-Regular");
        assert_eq!(name(key(Family::Sans, true, true)), "NotoSans-BoldItalic");
    }

    #[test]
    fn theme_file_replaces_only_its_face() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/fonts/NotoSans-Regular.ttf");
        let serif = key(Family::Serif, false, false);
        let fonts = FontSet::from_files(&[(serif, path)]).expect("loads");
        assert_eq!(
            fonts.faces[fonts.face(serif).0].postscript_name,
            "NotoSans-Regular"
        );
        let bold = key(Family::Serif, true, false);
        assert_eq!(
            fonts.faces[fonts.face(bold).0].postscript_name,
            "NotoSerif-Bold"
        );
    }

    #[test]
    fn unreadable_or_invalid_theme_files_are_errors() {
        let serif = key(Family::Serif, false, false);
        let missing = FontSet::from_files(&[(serif, PathBuf::from("/nonexistent/x.ttf"))]);
        assert!(matches!(missing, Err(FontError::Read { .. })));
        let not_a_font = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
        let invalid = FontSet::from_files(&[(serif, not_a_font)]);
        assert!(matches!(invalid, Err(FontError::Parse { .. })));
    }

    #[test]
    fn font_set_can_be_shared_between_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<FontSet>();
    }

    #[test]
    fn coverage_ranges_merge_neighbours() {
        let ranges = coverage_ranges([5, 1, 2, 3, 9, 2].into_iter());
        assert_eq!(ranges, vec![(1, 3), (5, 5), (9, 9)]);
    }
}
