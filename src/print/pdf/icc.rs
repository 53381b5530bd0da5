//! ICC profiles the print-shop edition embeds: the output intent's CMYK profile (FOGRA39 as
//! printpdf ships it, or a site's own, checked here to be a CMYK output profile) and a small
//! sRGB profile made in code, which tags RGB photos as `ICCBased` so that the print shop's RIP
//! converts them to its press with a known source.
//!
//! The sRGB profile is ICC version 2 (the version every PDF/X checker and RIP reads): the
//! D50-adapted sRGB primaries of IEC 61966-2.1, the D65 media white point as the common HP/Microsoft
//! `sRGB IEC61966-2.1` profile has it, and the sRGB tone curve sampled at 1024 points.

use std::sync::{Arc, OnceLock};

use moxcms::{
    ColorProfile, DataColorSpace, Layout, ProfileClass, ProfileText, RenderingIntent,
    TransformOptions,
};

use crate::theme::print_color::{Cmyk, Rgb};

/// A printing condition with its profile, as `/OutputIntents` names it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct OutputIntent {
    /// `OutputConditionIdentifier`: `FOGRA39`.
    pub name: String,
    /// `Info`: the profile's description.
    pub info: String,
    /// The ICC profile (CMYK, output class).
    pub profile: Arc<[u8]>,
}

impl OutputIntent {
    /// Coated FOGRA39 (ISO 12647-2:2004), the profile printpdf ships (Adobe's, under Adobe's
    /// colour profile bundling agreement).
    pub(crate) fn fogra39() -> OutputIntent {
        OutputIntent {
            name: "FOGRA39".to_string(),
            info: "Coated FOGRA39 (ISO 12647-2:2004)".to_string(),
            profile: fogra39_profile(),
        }
    }

    /// A site's own condition: `bytes` must be a CMYK output profile; `info` defaults to the
    /// profile's description.
    pub(crate) fn custom(
        name: &str,
        info: Option<&str>,
        bytes: Vec<u8>,
    ) -> Result<OutputIntent, String> {
        let description = check_cmyk_profile(&bytes)?;
        Ok(OutputIntent {
            name: name.to_string(),
            info: info.map_or(description, str::to_string),
            profile: bytes.into(),
        })
    }
}

/// `colors` (sRGB) as the press of `intent` prints them: the sRGB profile to the output
/// profile, relative colorimetric (the intent PDF/X assumes), whole percents. `None` when the
/// profile offers no such transform (then the theme's naive formula stands in).
pub(crate) fn press_colors(intent: &OutputIntent, colors: &[Rgb]) -> Option<Vec<Cmyk>> {
    let press = ColorProfile::new_from_slice(&intent.profile).ok()?;
    let options = TransformOptions {
        rendering_intent: RenderingIntent::RelativeColorimetric,
        ..TransformOptions::default()
    };
    let transform = ColorProfile::new_srgb()
        .create_transform_8bit(Layout::Rgb, &press, Layout::Rgba, options)
        .ok()?;
    let byte = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    let source: Vec<u8> = colors
        .iter()
        .flat_map(|c| [byte(c.0), byte(c.1), byte(c.2)])
        .collect();
    let mut out = vec![0u8; colors.len() * 4];
    transform.transform(&source, &mut out).ok()?;
    Some(
        out.chunks_exact(4)
            .map(|v| {
                let percent = |b: u8| (f32::from(b) / 2.55).round() / 100.0;
                Cmyk([percent(v[0]), percent(v[1]), percent(v[2]), percent(v[3])])
            })
            .collect(),
    )
}

/// printpdf writes its FOGRA39 profile into a document that asks for PDF/X; take it from
/// there once (the only public way to its bytes) rather than keep a second copy in this
/// repository.
fn fogra39_profile() -> Arc<[u8]> {
    static PROFILE: OnceLock<Arc<[u8]>> = OnceLock::new();
    PROFILE
        .get_or_init(|| {
            let mut doc = printpdf::PdfDocument::new("icc");
            doc.metadata.info.conformance = printpdf::PdfConformance::X4_2010_PDF_1_4;
            let options = printpdf::PdfSaveOptions::default();
            let lo = doc.to_lopdf_document(&options, &mut Vec::new());
            let stream = lo.catalog().ok().and_then(|catalog| {
                let intents = catalog.get(b"OutputIntents").ok()?.as_array().ok()?;
                let intent = intents.first()?.as_dict().ok()?;
                // printpdf names the key DestinationOutputProfile (PDF says DestOutputProfile).
                let id = intent
                    .get(b"DestinationOutputProfile")
                    .or_else(|_| intent.get(b"DestOutputProfile"))
                    .ok()?
                    .as_reference()
                    .ok()?;
                lo.get_object(id).ok()?.as_stream().ok().cloned()
            });
            let bytes = stream
                .map(|s| s.decompressed_content().unwrap_or(s.content))
                .unwrap_or_default();
            Arc::from(bytes)
        })
        .clone()
}

/// The profile's description when it is a CMYK output profile; a plain-words reason if not.
fn check_cmyk_profile(bytes: &[u8]) -> Result<String, String> {
    let profile = ColorProfile::new_from_slice(bytes)
        .map_err(|e| format!("it is not an ICC profile ({e:?})"))?;
    if profile.color_space != DataColorSpace::Cmyk {
        return Err(format!(
            "it is an ICC profile for {:?} colour, not CMYK; a print shop's output condition is a CMYK profile such as PSOcoated_v3.icc",
            profile.color_space
        ));
    }
    if profile.profile_class != ProfileClass::OutputDevice {
        return Err(format!(
            "it is a CMYK profile of the {:?} class; an output intent needs an output (printer) profile",
            profile.profile_class
        ));
    }
    Ok(profile
        .description
        .as_ref()
        .and_then(text)
        .unwrap_or_else(|| "CMYK output profile".to_string()))
}

fn text(text: &ProfileText) -> Option<String> {
    match text {
        ProfileText::PlainString(s) => Some(s.clone()),
        ProfileText::Localizable(all) => all.first().map(|l| l.value.clone()),
        ProfileText::Description(d) => Some(d.ascii_string.clone()),
    }
    .filter(|s| !s.trim().is_empty())
}

/// The sRGB profile, made once.
pub(crate) fn srgb_profile() -> Arc<[u8]> {
    static PROFILE: OnceLock<Arc<[u8]>> = OnceLock::new();
    PROFILE.get_or_init(|| Arc::from(srgb_v2())).clone()
}

/// s15Fixed16Number.
fn fixed(v: f64) -> [u8; 4] {
    ((v * 65536.0).round() as i32).to_be_bytes()
}

fn xyz_tag(x: f64, y: f64, z: f64) -> Vec<u8> {
    let mut tag = b"XYZ \0\0\0\0".to_vec();
    for v in [x, y, z] {
        tag.extend_from_slice(&fixed(v));
    }
    tag
}

/// `textDescriptionType` (ICC v2) with an ASCII description and empty Unicode and Mac parts.
fn desc_tag(text: &str) -> Vec<u8> {
    let mut tag = b"desc\0\0\0\0".to_vec();
    tag.extend_from_slice(&(text.len() as u32 + 1).to_be_bytes());
    tag.extend_from_slice(text.as_bytes());
    tag.push(0);
    tag.extend_from_slice(&[0; 4]); // Unicode language code
    tag.extend_from_slice(&[0; 4]); // Unicode count
    tag.extend_from_slice(&[0; 2]); // ScriptCode code
    tag.push(0); // ScriptCode count
    tag.extend_from_slice(&[0; 67]); // ScriptCode description
    tag
}

fn text_tag(text: &str) -> Vec<u8> {
    let mut tag = b"text\0\0\0\0".to_vec();
    tag.extend_from_slice(text.as_bytes());
    tag.push(0);
    tag
}

/// The sRGB transfer function (IEC 61966-2.1) as a sampled curve.
fn srgb_curve() -> Vec<u8> {
    const POINTS: u32 = 1024;
    let mut tag = b"curv\0\0\0\0".to_vec();
    tag.extend_from_slice(&POINTS.to_be_bytes());
    for i in 0..POINTS {
        let v = f64::from(i) / f64::from(POINTS - 1);
        let linear = if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        };
        tag.extend_from_slice(&((linear * 65535.0).round() as u16).to_be_bytes());
    }
    tag
}

fn srgb_v2() -> Vec<u8> {
    let curve = srgb_curve();
    // (signature, data); the three curves share one data block.
    let tags: Vec<(&[u8; 4], Vec<u8>)> = vec![
        (b"desc", desc_tag("sRGB IEC61966-2.1")),
        (b"cprt", text_tag("No copyright, use freely")),
        (b"wtpt", xyz_tag(0.9505, 1.0, 1.0891)),
        (b"rXYZ", xyz_tag(0.436_07, 0.222_49, 0.013_92)),
        (b"gXYZ", xyz_tag(0.385_15, 0.716_87, 0.097_08)),
        (b"bXYZ", xyz_tag(0.143_07, 0.060_61, 0.714_10)),
        (b"rTRC", curve),
    ];
    let shared: [&[u8; 4]; 2] = [b"gTRC", b"bTRC"];
    let count = tags.len() + shared.len();
    let mut table = Vec::new();
    let mut data = Vec::new();
    let data_start = 128 + 4 + 12 * count;
    let mut curve_at = (0, 0);
    for (signature, bytes) in &tags {
        let offset = data_start + data.len();
        table.extend_from_slice(*signature);
        table.extend_from_slice(&(offset as u32).to_be_bytes());
        table.extend_from_slice(&(bytes.len() as u32).to_be_bytes());
        if *signature == b"rTRC" {
            curve_at = (offset, bytes.len());
        }
        data.extend_from_slice(bytes);
        while data.len() % 4 != 0 {
            data.push(0); // tag data starts on 4-byte boundaries
        }
    }
    for signature in shared {
        table.extend_from_slice(signature);
        table.extend_from_slice(&(curve_at.0 as u32).to_be_bytes());
        table.extend_from_slice(&(curve_at.1 as u32).to_be_bytes());
    }
    let size = data_start + data.len();
    let mut header = Vec::with_capacity(128);
    header.extend_from_slice(&(size as u32).to_be_bytes());
    header.extend_from_slice(&[0; 4]); // preferred CMM: any
    header.extend_from_slice(&[2, 0x10, 0, 0]); // version 2.1.0
    header.extend_from_slice(b"mntrRGB XYZ ");
    for part in [2026u16, 1, 1, 0, 0, 0] {
        header.extend_from_slice(&part.to_be_bytes()); // a fixed date: reproducible files
    }
    header.extend_from_slice(b"acsp");
    header.extend_from_slice(&[0; 4]); // platform
    header.extend_from_slice(&[0; 4]); // flags
    header.extend_from_slice(&[0; 8]); // manufacturer, model
    header.extend_from_slice(&[0; 8]); // attributes
    header.extend_from_slice(&[0; 4]); // rendering intent: perceptual
    for v in [0.9642, 1.0, 0.8249] {
        header.extend_from_slice(&fixed(v)); // the PCS illuminant, D50
    }
    header.extend_from_slice(&[0; 4]); // creator
    header.resize(128, 0); // profile ID (v4 only) and reserved bytes
    let mut profile = header;
    profile.extend_from_slice(&(count as u32).to_be_bytes());
    profile.extend_from_slice(&table);
    profile.extend_from_slice(&data);
    profile
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_srgb_profile_reads_back_as_srgb() {
        let bytes = srgb_profile();
        assert!(bytes.len() < 3000, "{} bytes", bytes.len());
        let profile = ColorProfile::new_from_slice(&bytes).expect("a valid profile");
        assert_eq!(profile.color_space, DataColorSpace::Rgb);
        assert_eq!(profile.pcs, DataColorSpace::Xyz);
        assert_eq!(profile.profile_class, ProfileClass::DisplayDevice);
        assert!((profile.red_colorant.x - 0.436).abs() < 0.001);
        // Mid grey: 50 % signal is about 21.4 % light in sRGB.
        let srgb = ColorProfile::new_srgb();
        let transform = profile
            .create_transform_8bit(
                moxcms::Layout::Rgb,
                &srgb,
                moxcms::Layout::Rgb,
                moxcms::TransformOptions::default(),
            )
            .expect("a transform");
        let mut out = [0u8; 6];
        transform
            .transform(&[128, 128, 128, 11, 110, 121], &mut out)
            .expect("transforms");
        for (a, b) in out.iter().zip([128u8, 128, 128, 11, 110, 121]) {
            assert!(a.abs_diff(b) <= 2, "{out:?}");
        }
    }

    #[test]
    fn fogra39_comes_from_printpdf_and_is_a_cmyk_output_profile() {
        let intent = OutputIntent::fogra39();
        assert!(intent.profile.len() > 500_000, "{}", intent.profile.len());
        let description = check_cmyk_profile(&intent.profile).expect("CMYK");
        assert!(description.contains("FOGRA39"), "{description}");
    }

    #[test]
    fn theme_colours_convert_through_the_press_profile() {
        let colors = [
            Rgb::parse("#0b6e79").expect("hex"),
            Rgb::parse("#1c2126").expect("hex"),
            Rgb(1.0, 1.0, 1.0),
        ];
        let press = press_colors(&OutputIntent::fogra39(), &colors).expect("converts");
        // The default accent on coated paper: cyan with some magenta and yellow, a little black.
        let [c, m, y, k] = press[0].0;
        assert!(c > 0.8 && (0.25..0.45).contains(&m) && (0.3..0.55).contains(&y) && k < 0.35);
        // Near-black text through the profile is the rich black print shops refuse (318 %),
        // which is why text goes on the black plate (see theme::print_color).
        assert!(press[1].ink() > 3.0, "{:?}", press[1]);
        assert!(press[2].ink() < 0.02, "{:?}", press[2]);
    }

    #[test]
    fn rgb_or_broken_profiles_are_refused_in_plain_words() {
        let rgb = OutputIntent::custom("X", None, srgb_profile().to_vec()).expect_err("RGB");
        assert!(rgb.contains("not CMYK"), "{rgb}");
        let junk = OutputIntent::custom("X", None, b"not a profile".to_vec()).expect_err("junk");
        assert!(junk.contains("not an ICC profile"), "{junk}");
        let own = OutputIntent::custom("FOGRA39", Some("mine"), fogra39_profile().to_vec())
            .expect("valid");
        assert_eq!(own.info, "mine");
    }
}
