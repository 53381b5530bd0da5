//! The print-shop editions as PDF/X-4 and the images of every edition, on real files: the
//! example site's booklets through a structural preflight (output intent, XMP, Info, boxes,
//! fonts, no DeviceRGB, total ink, solid-black text, registration marks outside the bleed),
//! `pdfimages -list`, `qpdf --check` and pdftotext; and fixture sites for a PNG cover, a picture
//! too small for print, a theme's own CMYK and a site's own output intent.

use std::path::{Path, PathBuf};

use crate::support::pdf::{document_text, tool, words};
use crate::support::preflight::{
    ImageRow, filter, images, info, inks, load, names, output_intent, page_boxes, text,
    unembedded_fonts, xmp,
};
use crate::support::run::{arg, egiz_on};
use crate::support::site::{Fixture, jpeg, md, repo};

/// The example site's booklets, made once per test into a temporary folder.
fn example_booklets() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    egiz_on(&["booklet"], &repo(), &out, tmp.path()).assert_success();
    let folder = out.join("booklets");
    (tmp, folder)
}

fn files(folder: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("booklets folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    found.sort();
    found
}

/// `NAME.LANG.pdf`: one language, single pages.
fn screen_editions(folder: &Path) -> Vec<PathBuf> {
    files(folder, ".pdf")
        .into_iter()
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            name.is_some_and(|n| n.split('.').count() == 3)
        })
        .collect()
}

fn within(outer: [f32; 4], inner: [f32; 4]) -> bool {
    outer[0] <= inner[0] + 0.01
        && outer[1] <= inner[1] + 0.01
        && outer[2] + 0.01 >= inner[2]
        && outer[3] + 0.01 >= inner[3]
}

/// How the preflight writes solid black text.
fn black() -> String {
    format!("{:?}", vec![0.0f32, 0.0, 0.0, 1.0])
}

/// Everything a print shop's PDF/X-4 preflight checks in the structure of `path`.
fn assert_pdfx4(path: &Path, condition: &str) {
    let shown = path.display();
    let doc = load(path);
    assert_eq!(doc.version, "1.6", "{shown}: PDF/X-4 is PDF 1.6");
    let (s, identifier, n, profile) = output_intent(&doc);
    assert_eq!(s, "GTS_PDFX", "{shown}");
    assert_eq!(identifier, condition, "{shown}");
    assert_eq!(n, 4, "{shown}: a CMYK profile");
    assert_eq!(
        profile.get(16..20),
        Some(&b"CMYK"[..]),
        "{shown}: the profile's colour space"
    );
    assert_eq!(
        profile.get(36..40),
        Some(&b"acsp"[..]),
        "{shown}: an ICC profile"
    );
    let xmp = xmp(&doc);
    assert!(
        xmp.contains("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"),
        "{shown}: {xmp}"
    );
    assert!(xmp.contains("<pdf:Trapped>False</pdf:Trapped>"), "{shown}");
    let info = info(&doc);
    assert_eq!(
        info.get(b"GTS_PDFXVersion").map(text).ok().as_deref(),
        Some("PDF/X-4")
    );
    assert_eq!(
        info.get(b"Trapped").map(text).ok().as_deref(),
        Some("False")
    );
    assert!(
        info.get(b"Title").map(text).is_ok_and(|t| !t.is_empty()),
        "{shown}: a title"
    );
    let boxes = page_boxes(&doc);
    assert!(!boxes.is_empty());
    for (page, found) in boxes.iter().enumerate() {
        let (Some(media), Some(bleed), Some(trim)) = (
            found.get("MediaBox"),
            found.get("BleedBox"),
            found.get("TrimBox"),
        ) else {
            panic!("{shown} page {}: boxes {found:?}", page + 1);
        };
        assert!(
            within(*media, *bleed) && within(*bleed, *trim),
            "{shown} page {}",
            page + 1
        );
        assert!(
            bleed[2] - bleed[0] > trim[2] - trim[0] + 16.0,
            "{shown}: 3 mm bleed"
        );
    }
    assert_eq!(unembedded_fonts(&doc), Vec::<String>::new(), "{shown}");
    let names = names(&doc);
    for forbidden in ["DeviceRGB", "CalRGB"] {
        assert!(
            !names.contains_key(forbidden),
            "{shown}: /{forbidden} appears"
        );
    }
    assert!(
        !names.contains_key("Link"),
        "{shown}: no link annotations on the printed page"
    );
    let inks = inks(&doc);
    assert!(
        inks.other_operators.is_empty(),
        "{shown}: {:?}",
        inks.other_operators
    );
    assert!(
        inks.max_ink > 0.5 && inks.max_ink <= 3.0 + 1e-4,
        "{shown}: ink {}",
        inks.max_ink
    );
    // Body text is solid black on the black plate; no text is a rich black.
    assert!(inks.text.contains_key(&black()), "{shown}: {:?}", inks.text);
    for colour in inks.text.keys() {
        let values: Vec<f32> = colour
            .trim_matches(|c| c == '[' || c == ']')
            .split(", ")
            .filter_map(|v| v.parse().ok())
            .collect();
        if let [c, m, y, k] = values[..] {
            assert!(
                k < 0.8 || c + m + y == 0.0,
                "{shown}: rich black text {colour}"
            );
        } else {
            panic!("{shown}: text in {colour}");
        }
    }
    // Crop marks: registration colour, stroked, every point outside the bleed.
    assert!(
        inks.registration_points.len() >= boxes.len() * 16,
        "{shown}: crop marks"
    );
    assert_eq!(inks.registration_fills, 0);
    for (page, x, y) in &inks.registration_points {
        let bleed = boxes[*page]["BleedBox"];
        let inside = *x > bleed[0] && *x < bleed[2] && *y > bleed[1] && *y < bleed[3];
        assert!(
            !inside,
            "{shown} page {}: a mark at ({x}, {y}) inside the bleed",
            page + 1
        );
    }
    let check = tool("qpdf", &["--check", arg(path)]);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{shown}: {check}"
    );
}

/// `pdfimages -list` of `path`: every image JPEG or Flate, at most `max_ppi`; in print, no
/// DeviceRGB. The rows, with each image's filter.
fn assert_images(path: &Path, max_ppi: u32, print: bool) -> Vec<ImageRow> {
    let rows = images(path);
    let doc = load(path);
    for row in &rows {
        let filter = filter(&doc, row.object);
        assert!(
            (row.enc == "jpeg" && filter == "DCTDecode")
                || (row.enc == "image" && filter == "FlateDecode"),
            "{}: {row:?} ({filter}) is neither JPEG nor Flate",
            path.display()
        );
        assert!(
            row.x_ppi <= max_ppi && row.y_ppi <= max_ppi,
            "{}: {row:?} over {max_ppi} ppi",
            path.display()
        );
        if print {
            assert!(
                matches!(row.color.as_str(), "icc" | "gray" | "cmyk"),
                "{}: {row:?}",
                path.display()
            );
        }
    }
    rows
}

#[test]
fn every_print_edition_of_the_example_site_is_pdfx4() {
    let (_tmp, folder) = example_booklets();
    let print = files(&folder, ".print.pdf");
    assert!(print.len() >= 10, "{print:?}");
    let mut with_images = 0;
    for path in &print {
        assert_pdfx4(path, "FOGRA39");
        // In a real booklet, most text is the body text: solid black.
        let text = inks(&load(path)).text;
        let most = text.iter().max_by_key(|(_, n)| **n).map(|(c, _)| c.clone());
        assert_eq!(most, Some(black()), "{}: {text:?}", path.display());
        let rows = assert_images(path, 300, true);
        // The example's 1600-pixel pictures are larger than A5 needs at 300 ppi.
        if rows.iter().any(|r| r.x_ppi >= 290) {
            with_images += 1;
        }
    }
    assert!(
        with_images >= 6,
        "pictures at print resolution in {with_images} files"
    );
    let kazakh = print
        .iter()
        .find(|p| p.to_string_lossy().contains("appeals-guide.kk"))
        .expect("the appeals guide");
    let text = words(&document_text(kazakh));
    assert!(text.contains("Жүгінудің үш жолы"), "{text}");
}

#[test]
fn screen_editions_stay_rgb_small_and_at_150_ppi() {
    let (_tmp, folder) = example_booklets();
    let screen = screen_editions(&folder);
    assert!(screen.len() >= 10, "{screen:?}");
    for path in &screen {
        let size = std::fs::metadata(path).expect("a file").len();
        assert!(size <= 300_000, "{}: {size} bytes", path.display());
        let rows = assert_images(path, 150, false);
        assert!(rows.iter().all(|r| r.color != "cmyk"));
        let doc = load(path);
        assert!(
            doc.catalog()
                .expect("catalog")
                .get(b"OutputIntents")
                .is_err()
        );
        // The preflight's detectors see what a screen edition is made of: RGB operators.
        let screen_inks = inks(&doc);
        assert!(
            screen_inks.other_operators.iter().any(|o| o == "rg"),
            "{}",
            path.display()
        );
        assert!(
            screen_inks.text.keys().all(|c| !c.starts_with('[')),
            "no CMYK text on screen"
        );
    }
    // The imposed sheets are printed on an office printer: up to 300 ppi.
    for path in files(&folder, ".imposed.pdf") {
        assert_images(&path, 300, false);
    }
}

/// A story with a leaflet (single and print-shop editions) whose cover and picture are `cover`
/// and `picture` (file name, bytes).
fn leaflet_site(cover: (&str, &[u8]), picture: (&str, &[u8]), theme: Option<&str>) -> Fixture {
    let fixture = Fixture::new();
    let body = format!(
        "Ауыл тұрғындары жобаның барлық кезеңіне белсенді қатысты.\n\n![Сурет]({})\n\nЕріктілер кездесулер өткізді.\n",
        picture.0
    );
    fixture.write(
        "content/projects/well/index.kk.md",
        &md(
            &format!(
                "title: Ауылға таза су\ndate: 2023-05-01\ndistrict: balkhash\ncover: {{ src: {}, alt: Құдық }}\nbooklet: {{ editions: [single, print-shop] }}",
                cover.0
            ),
            &body,
        ),
    );
    fixture.write_bytes(&format!("content/projects/well/{}", cover.0), cover.1);
    fixture.write_bytes(&format!("content/projects/well/{}", picture.0), picture.1);
    if let Some(print) = theme {
        let yaml = std::fs::read_to_string(fixture.site().join("site.yaml")).expect("site.yaml");
        fixture.write("site.yaml", &format!("{yaml}theme: mine\n"));
        fixture.write(
            "themes/mine/theme.yaml",
            &format!("extends: default\nprint:\n{print}"),
        );
    }
    fixture
}

/// A photo-like PNG: a gradient with noise, so that it does not compress to nothing.
fn photo_png(width: u32, height: u32) -> Vec<u8> {
    let mut seed = 7u32;
    let pixels = image::RgbImage::from_fn(width, height, |x, y| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let noise = (seed >> 24) as u8 / 8;
        image::Rgb([
            (x * 200 / width) as u8 + noise,
            (y * 200 / height) as u8 + noise,
            120 + noise,
        ])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    pixels
        .write_to(&mut out, image::ImageFormat::Png)
        .expect("a PNG");
    out.into_inner()
}

#[test]
fn a_png_cover_is_flate_and_sized_for_each_edition() {
    let png = photo_png(2400, 1500);
    let fixture = leaflet_site(("cover.png", &png), ("small.jpg", &jpeg(900, 600)), None);
    fixture.build_ok();
    let folder = fixture.out().join("booklets");
    let screen = folder.join("well.kk.pdf");
    let print = folder.join("well.kk.print.pdf");
    let screen_rows = assert_images(&screen, 150, false);
    let print_rows = assert_images(&print, 300, true);
    let cover = |path: &Path, rows: &[ImageRow]| {
        rows.iter()
            .find(|r| r.page == 1)
            .map(|r| (filter(&load(path), r.object), r.width, r.x_ppi))
            .expect("a cover picture")
    };
    let (filter, width, ppi) = cover(&screen, &screen_rows);
    assert_eq!(filter, "FlateDecode");
    assert!(width < 2400 && ppi >= 140, "{width} px, {ppi} ppi");
    let (filter, width, ppi) = cover(&print, &print_rows);
    assert_eq!(filter, "FlateDecode");
    assert!(width < 2400 && ppi >= 290, "{width} px, {ppi} ppi");
    let screen_size = std::fs::metadata(&screen).expect("file").len();
    assert!(
        screen_size < 2_000_000,
        "{screen_size} bytes: the PNG is not kept raw"
    );
    assert_pdfx4(&print, "FOGRA39");
}

#[test]
fn pictures_below_250_ppi_are_named_with_page_and_resolution() {
    // 300 pixels across a text column of about 4.7 inches: about 64 ppi.
    let fixture = leaflet_site(
        ("cover.jpg", &jpeg(1600, 1000)),
        ("small.jpg", &jpeg(300, 200)),
        None,
    );
    let run = fixture.build_ok();
    let line = run
        .stderr
        .lines()
        .find(|l| l.contains("small.jpg") && l.contains("ppi"))
        .unwrap_or_else(|| panic!("no resolution warning:\n{}", run.stderr));
    assert!(line.contains("well.kk.print.pdf"), "{line}");
    // The page is the one pdfimages finds the 300-pixel picture on.
    let print = fixture.out().join("booklets/well.kk.print.pdf");
    let page = images(&print)
        .iter()
        .find(|r| r.width == 300)
        .map(|r| r.page)
        .expect("the small picture is printed");
    assert!(
        line.contains(&format!("on page {page} of")),
        "page {page}: {line}"
    );
    let ppi: u32 = line
        .split(" ppi")
        .next()
        .and_then(|head| head.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no number: {line}"));
    assert!((40..100).contains(&ppi), "{line}");
    assert!(!run.stderr.contains("cover.jpg prints"), "{}", run.stderr);
    let check =
        crate::support::run::egiz(&["check", "--site", arg(&fixture.site())], fixture.root());
    assert!(
        check.stderr.contains("small.jpg") && check.stderr.contains(&format!("{ppi} ppi")),
        "egiz check: {}",
        check.stderr
    );
}

#[test]
fn a_themes_own_cmyk_is_printed_as_given() {
    let fixture = leaflet_site(
        ("cover.jpg", &jpeg(1600, 1000)),
        ("small.jpg", &jpeg(1200, 800)),
        Some("  colors:\n    accent: { hex: '#0b6e79', cmyk: [90, 10, 0, 50] }\n"),
    );
    fixture.build_ok();
    let print = fixture.out().join("booklets/well.kk.print.pdf");
    let doc = load(&print);
    let inks = inks(&doc);
    let accent = format!("{:?}", vec![0.9f32, 0.1, 0.0, 0.5]);
    assert!(inks.text.contains_key(&accent), "{:?}", inks.text);
    let too_much = leaflet_site(
        ("cover.jpg", &jpeg(160, 100)),
        ("small.jpg", &jpeg(120, 80)),
        Some("  colors:\n    text: { hex: '#000000', cmyk: [100, 100, 100, 100] }\n"),
    );
    let run = too_much.build();
    assert_ne!(run.code, Some(0));
    assert!(run.stderr.contains("400 % ink"), "{}", run.stderr);
}

#[test]
fn a_site_chooses_its_output_intent_and_a_wrong_profile_is_a_clear_error() {
    // A CMYK profile to hand: the one the default print edition embeds.
    let (_tmp, folder) = example_booklets();
    let doc = load(&folder.join("appeals-guide.kk.print.pdf"));
    let (_, _, _, profile) = output_intent(&doc);
    let fixture = leaflet_site(
        ("cover.jpg", &jpeg(1600, 1000)),
        ("small.jpg", &jpeg(1200, 800)),
        None,
    );
    fixture.write_bytes("icc/press.icc", &profile);
    let yaml = std::fs::read_to_string(fixture.site().join("site.yaml")).expect("site.yaml");
    let with = |intent: &str| format!("{yaml}print:\n  output_intent: {intent}\n");
    fixture.write(
        "site.yaml",
        &with("{ name: OurPress, profile: icc/press.icc }"),
    );
    fixture.build_ok();
    assert_pdfx4(
        &fixture.out().join("booklets/well.kk.print.pdf"),
        "OurPress",
    );
    // An RGB profile (the one the print edition tags photos with) is refused in plain words.
    let rgb = doc
        .objects
        .values()
        .find_map(|o| match o {
            lopdf::Object::Stream(s)
                if s.dict.get(b"N").and_then(lopdf::Object::as_i64).ok() == Some(3) =>
            {
                s.decompressed_content().ok()
            }
            _ => None,
        })
        .expect("an sRGB profile in the print edition");
    fixture.write_bytes("icc/screen.icc", &rgb);
    fixture.write("site.yaml", &with("{ name: X, profile: icc/screen.icc }"));
    let run = fixture.build();
    assert_ne!(run.code, Some(0));
    assert!(run.stderr.contains("not CMYK"), "{}", run.stderr);
    assert!(run.stderr.contains("site.yaml"), "{}", run.stderr);
    fixture.write("site.yaml", &with("{ name: X, profile: ../press.icc }"));
    let run = fixture.build();
    assert_ne!(run.code, Some(0));
    assert!(run.stderr.contains("outside the folder"), "{}", run.stderr);
}
