//! End-to-end checks of written PDFs with the real tools print shops and readers use
//! (poppler's pdftotext/pdffonts/pdfinfo, qpdf) and with lopdf for structure.

use std::path::PathBuf;
use std::process::Command;

use super::*;
use crate::print::display::{Color, Draw, LinkTarget, Rect};
use crate::print::fonts::{FaceKey, Family};
use crate::print::inline::shape::shape;
use crate::units::{Mm, Pt};

const KAZAKH: &str = "Әділет Ғалым Қазақстан Ңң Өнер Ұлт Үміт Һ Іс: әғқңөұүһі";
const SIGNS: &str = "«тырнақша» — сызықша – 5\u{00A0}000\u{202F}₸, №\u{00A0}7…";
const RUSSIAN: &str = "Съешь же ещё этих мягких французских булок, да выпей чаю.";
const KERNED: &str = "AVATAR Таңба Та office fluffy";

const BLACK: Color = Color {
    rgb: [0.0, 0.0, 0.0],
    cmyk: [0.0, 0.0, 0.0, 1.0],
    registration: false,
};

fn face(family: Family, bold: bool, italic: bool) -> FaceKey {
    FaceKey {
        family,
        bold,
        italic,
    }
}

fn text(fonts: &FontSet, key: FaceKey, size: f32, s: &str, x: f32, y: f32) -> Draw {
    Draw::Text {
        run: shape(fonts, fonts.face(key), size, s, "kk"),
        x: Pt(x),
        y: Pt(y),
        color: BLACK,
    }
}

/// An A5 page with 3 mm bleed on every side: media = trim + 2 × bleed.
fn a5_page(draws: Vec<Draw>) -> Page {
    let bleed = Pt::from(Mm(3.0));
    let (w, h) = (Pt::from(Mm(148.0)), Pt::from(Mm(210.0)));
    Page {
        width: w + bleed * 2.0,
        height: h + bleed * 2.0,
        trim: Some(Rect {
            x: bleed,
            y: bleed,
            w,
            h,
        }),
        bleed: Some(Rect {
            x: Pt(0.0),
            y: Pt(0.0),
            w: w + bleed * 2.0,
            h: h + bleed * 2.0,
        }),
        draws,
    }
}

fn meta() -> Meta {
    Meta {
        title: "Жоба туралы кітапша".into(),
        author: "Қоғамдық қор".into(),
        subject: "Project booklet".into(),
        lang: "kk".into(),
        date: (2025, 3, 7),
        creator: "egiz test".into(),
    }
}

fn text_page(fonts: &FontSet) -> Page {
    let serif = face(Family::Serif, false, false);
    a5_page(vec![
        text(
            fonts,
            face(Family::Sans, true, false),
            16.0,
            "Жоба туралы",
            40.0,
            540.0,
        ),
        text(fonts, serif, 11.0, KAZAKH, 40.0, 500.0),
        text(fonts, serif, 11.0, SIGNS, 40.0, 485.0),
        text(fonts, serif, 11.0, RUSSIAN, 40.0, 470.0),
        text(
            fonts,
            face(Family::Serif, true, false),
            11.0,
            KERNED,
            40.0,
            455.0,
        ),
    ])
}

fn write(fonts: &FontSet, pages: Vec<Page>, outline: &[Outline]) -> Vec<u8> {
    PdfWriter::new(fonts)
        .finish(pages, outline, &meta(), &Output::Screen)
        .expect("writes")
}

/// Writes `pdf` to a temporary file, runs `tool args… file [extra…]`, returns stdout.
fn run_tool(tool: &str, args: &[&str], pdf: &[u8], extra: &[&str]) -> String {
    // Tests run in parallel and may call the same tool with the same arguments: a number per
    // call keeps their files apart.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path: PathBuf = std::env::temp_dir().join(format!(
        "egiz-pdf-test-{}-{call}-{}-{}.pdf",
        std::process::id(),
        tool,
        args.join("").replace(['-', ' '], "")
    ));
    std::fs::write(&path, pdf).expect("temp file");
    let output = Command::new(tool)
        .args(args)
        .arg(&path)
        .args(extra)
        .output()
        .unwrap_or_else(|e| panic!("{tool} not runnable ({e}); install poppler-utils and qpdf"));
    let _ = std::fs::remove_file(&path);
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success() || tool == "qpdf",
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

#[test]
fn kazakh_russian_and_kerned_lines_extract_exactly() {
    let fonts = FontSet::embedded();
    let pdf = write(&fonts, vec![text_page(&fonts)], &[]);
    let extracted = run_tool("pdftotext", &["-enc", "UTF-8"], &pdf, &["-"]);
    let lines: Vec<&str> = extracted.lines().map(str::trim).collect();
    // pdftotext turns no-break spaces into plain ones; the ToUnicode test below shows
    // the PDF itself maps them exactly.
    let plain = |s: &str| s.replace(['\u{00A0}', '\u{202F}'], " ");
    for expected in ["Жоба туралы", KAZAKH, &plain(SIGNS), RUSSIAN, KERNED] {
        assert!(
            lines.contains(&expected),
            "missing {expected:?} in {extracted:?}"
        );
    }
}

#[test]
fn to_unicode_maps_no_break_spaces_and_ligatures_exactly() {
    let fonts = FontSet::embedded();
    let pdf = write(&fonts, vec![text_page(&fonts)], &[]);
    let doc = lopdf::Document::load_mem(&pdf).expect("reads");
    let cmaps: String = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter_map(|s| s.decompressed_content().ok())
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .filter(|text| text.contains("beginbfchar"))
        .collect();
    for target in [
        "<00A0>",
        "<202F>",
        "<20B8>",
        "<2116>",
        "<04D9>",
        "<0456>",
        "<00660066>",
    ] {
        assert!(cmaps.contains(target), "no ToUnicode entry for {target}");
    }
}

#[test]
fn every_font_is_embedded_and_subset() {
    let fonts = FontSet::embedded();
    let pdf = write(&fonts, vec![text_page(&fonts)], &[]);
    let listing = run_tool("pdffonts", &[], &pdf, &[]);
    let rows: Vec<&str> = listing.lines().skip(2).collect();
    assert_eq!(rows.len(), 3, "{listing}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let name = cols.first().copied().unwrap_or_default();
        let (tag, rest) = name.split_once('+').unwrap_or_default();
        assert!(
            tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "{row}"
        );
        assert!(rest.starts_with("Noto"), "{row}");
        // name, type words…, encoding, emb, sub, uni, object, id
        let flags = &cols[cols.len() - 5..cols.len() - 2];
        assert_eq!(flags, ["yes", "yes", "yes"], "emb/sub/uni in {row}");
    }
}

#[test]
fn qpdf_finds_no_errors() {
    let fonts = FontSet::embedded();
    let mut writer = PdfWriter::new(&fonts);
    let jpeg = writer.add_image(JPEG_16X8_ROTATED).expect("jpeg");
    let png = writer.add_image(PNG_5X3_ALPHA).expect("png");
    let mut page = text_page(&fonts);
    page.draws.extend(image_and_shape_draws(jpeg, png));
    let pdf = writer
        .finish(
            vec![page.clone(), page],
            &outline_two_levels(),
            &meta(),
            &Output::Screen,
        )
        .expect("writes");
    let report = run_tool("qpdf", &["--check"], &pdf, &[]);
    assert!(
        report.contains("No syntax or stream encoding errors found"),
        "{report}"
    );
    assert!(!report.to_lowercase().contains("warning"), "{report}");
}

fn image_and_shape_draws(jpeg: ImageId, png: ImageId) -> Vec<Draw> {
    let red = Color {
        rgb: [0.8, 0.1, 0.1],
        cmyk: [0.0, 0.0, 0.0, 1.0],
        registration: false,
    };
    vec![
        Draw::Image {
            image: jpeg,
            x: Pt(40.0),
            y: Pt(200.0),
            w: Pt(80.0),
            h: Pt(160.0),
        },
        Draw::Image {
            image: png,
            x: Pt(200.0),
            y: Pt(200.0),
            w: Pt(50.0),
            h: Pt(30.0),
        },
        Draw::Rect {
            x: Pt(40.0),
            y: Pt(100.0),
            w: Pt(100.0),
            h: Pt(50.0),
            fill: Some(red),
            stroke: Some((Pt(2.0), BLACK)),
        },
        Draw::Line {
            from: (Pt(40.0), Pt(90.0)),
            to: (Pt(380.0), Pt(90.0)),
            width: Pt(0.5),
            color: red,
        },
        Draw::Link {
            x: Pt(40.0),
            y: Pt(455.0),
            w: Pt(100.0),
            h: Pt(15.0),
            target: LinkTarget::Uri("https://example.org/жоба?a=1".into()),
        },
        Draw::Link {
            x: Pt(40.0),
            y: Pt(475.0),
            w: Pt(100.0),
            h: Pt(15.0),
            target: LinkTarget::Page(1),
        },
    ]
}

fn outline_two_levels() -> Vec<Outline> {
    let item = |title: &str, level, page, y| Outline {
        title: title.into(),
        level,
        page,
        y: Pt(y),
    };
    vec![
        item("Кіріспе", 1, 0, 560.0),
        item("Мақсат", 2, 0, 400.0),
        item("Нәтиже", 2, 1, 300.0),
        item("Қорытынды", 1, 1, 200.0),
    ]
}

#[test]
fn trim_and_bleed_boxes_are_corner_rectangles() {
    let fonts = FontSet::embedded();
    let pdf = write(&fonts, vec![text_page(&fonts)], &[]);
    let info = run_tool("pdfinfo", &["-box"], &pdf, &[]);
    let numbers = |label: &str| -> Vec<f32> {
        info.lines()
            .find(|l| l.starts_with(label))
            .map(|l| {
                l.split_whitespace()
                    .skip(1)
                    .filter_map(|n| n.parse().ok())
                    .collect()
            })
            .unwrap_or_default()
    };
    let bleed = Pt::from(Mm(3.0)).0;
    let (w, h) = (Pt::from(Mm(148.0)).0, Pt::from(Mm(210.0)).0);
    let close = |got: Vec<f32>, want: [f32; 4]| {
        assert_eq!(got.len(), 4, "{info}");
        for (g, w) in got.iter().zip(want) {
            assert!((g - w).abs() < 0.01, "{got:?} vs {want:?}\n{info}");
        }
    };
    close(
        numbers("MediaBox:"),
        [0.0, 0.0, w + 2.0 * bleed, h + 2.0 * bleed],
    );
    close(numbers("TrimBox:"), [bleed, bleed, bleed + w, bleed + h]);
    close(
        numbers("BleedBox:"),
        [0.0, 0.0, w + 2.0 * bleed, h + 2.0 * bleed],
    );
}

#[test]
fn info_dictionary_carries_the_metadata_and_fixed_dates() {
    let fonts = FontSet::embedded();
    let pdf = write(&fonts, vec![text_page(&fonts)], &[]);
    let info = run_tool("pdfinfo", &["-isodates"], &pdf, &[]);
    for expected in [
        "Title:           Жоба туралы кітапша",
        "Author:          Қоғамдық қор",
        "Subject:         Project booklet",
        "Creator:         egiz test",
        "Producer:        egiz (printpdf)",
        "CreationDate:    2025-03-07T00:00:00Z",
        "ModDate:         2025-03-07T00:00:00Z",
    ] {
        assert!(info.contains(expected), "{expected:?} not in\n{info}");
    }
    let doc = lopdf::Document::load_mem(&pdf).expect("lopdf reads it");
    let lang = doc
        .catalog()
        .and_then(|c| c.get(b"Lang"))
        .and_then(lopdf::Object::as_str);
    assert_eq!(lang.ok(), Some(&b"kk"[..]));
}

#[test]
fn two_writes_are_byte_identical() {
    let fonts = FontSet::embedded();
    let once = || {
        let mut writer = PdfWriter::new(&fonts);
        let jpeg = writer.add_image(JPEG_16X8_ROTATED).expect("jpeg");
        let png = writer.add_image(PNG_5X3_ALPHA).expect("png");
        let mut page = text_page(&fonts);
        page.draws.extend(image_and_shape_draws(jpeg, png));
        writer
            .finish(
                vec![page.clone(), page],
                &outline_two_levels(),
                &meta(),
                &Output::Screen,
            )
            .expect("writes")
    };
    let (a, b) = (once(), once());
    assert!(a == b, "outputs differ ({} vs {} bytes)", a.len(), b.len());
    let mut other_meta = meta();
    other_meta.title.push('!');
    let c = PdfWriter::new(&fonts)
        .finish(vec![text_page(&fonts)], &[], &other_meta, &Output::Screen)
        .expect("writes");
    let d = write(&fonts, vec![text_page(&fonts)], &[]);
    let id = |pdf: &[u8]| {
        let doc = lopdf::Document::load_mem(pdf).expect("reads");
        doc.trailer
            .get(b"ID")
            .ok()
            .cloned()
            .map(|o| format!("{o:?}"))
    };
    assert_ne!(id(&c), id(&d), "the /ID must follow the content");
}

#[test]
fn every_stream_is_compressed() {
    let fonts = FontSet::embedded();
    let pdf = write(&fonts, vec![text_page(&fonts)], &outline_two_levels());
    let doc = lopdf::Document::load_mem(&pdf).expect("reads");
    let streams: Vec<&lopdf::Stream> = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .collect();
    assert!(
        streams.len() >= 7,
        "content, 3 font programs, 3 ToUnicode maps"
    );
    for stream in streams {
        let filter = stream.dict.get(b"Filter").and_then(lopdf::Object::as_name);
        assert_eq!(filter.ok(), Some(&b"FlateDecode"[..]), "{:?}", stream.dict);
    }
}

#[test]
fn full_page_of_text_in_three_faces_stays_small() {
    let fonts = FontSet::embedded();
    let serif = face(Family::Serif, false, false);
    let bold = face(Family::Serif, true, false);
    let sans = face(Family::Sans, true, false);
    let mut draws = vec![text(&fonts, sans, 16.0, "Жобаның нәтижелері", 40.0, 560.0)];
    for line in 0..40 {
        let y = 530.0 - line as f32 * 12.5;
        let key = if line % 5 == 0 { bold } else { serif };
        let s = if line % 2 == 0 { KAZAKH } else { RUSSIAN };
        draws.push(text(&fonts, key, 9.0, s, 40.0, y));
    }
    let pdf = write(&fonts, vec![a5_page(draws)], &[]);
    eprintln!("one A5 page of text in 3 faces: {} bytes", pdf.len());
    assert!(pdf.len() < 40_000, "{} bytes", pdf.len());
}

#[test]
fn outline_nests_two_levels_with_counts_and_destinations() {
    let fonts = FontSet::embedded();
    let pages = vec![text_page(&fonts), text_page(&fonts)];
    let pdf = write(&fonts, pages, &outline_two_levels());
    let doc = lopdf::Document::load_mem(&pdf).expect("reads");
    let page_ids: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    let deref = |obj: &lopdf::Object| -> lopdf::Dictionary {
        let id = obj.as_reference().expect("reference");
        doc.get_dictionary(id).expect("dictionary").clone()
    };
    let catalog = doc.catalog().expect("catalog");
    assert_eq!(
        catalog
            .get(b"PageMode")
            .and_then(lopdf::Object::as_name)
            .ok(),
        Some(&b"UseOutlines"[..])
    );
    let root = deref(catalog.get(b"Outlines").expect("outlines"));
    assert_eq!(
        root.get(b"Count").and_then(lopdf::Object::as_i64).ok(),
        Some(4)
    );
    let first = deref(root.get(b"First").expect("first"));
    assert_eq!(
        first.get(b"Count").and_then(lopdf::Object::as_i64).ok(),
        Some(2)
    );
    let child = deref(first.get(b"First").expect("child"));
    let grandchild_next = deref(child.get(b"Next").expect("second child"));
    assert!(grandchild_next.get(b"Next").is_err());
    let dest = grandchild_next
        .get(b"Dest")
        .and_then(lopdf::Object::as_array)
        .expect("dest");
    assert_eq!(
        dest.first().and_then(|o| o.as_reference().ok()),
        page_ids.get(1).copied()
    );
    assert_eq!(
        dest.get(1).and_then(|o| o.as_name().ok()),
        Some(&b"XYZ"[..])
    );
    assert_eq!(dest.get(3).and_then(|o| o.as_float().ok()), Some(300.0));
    let second_top = deref(first.get(b"Next").expect("second top-level"));
    let title = second_top
        .get(b"Title")
        .and_then(lopdf::Object::as_str)
        .expect("title");
    let utf16: Vec<u16> = title[2..]
        .chunks(2)
        .map(|p| u16::from_be_bytes([p[0], p[1]]))
        .collect();
    assert_eq!(String::from_utf16_lossy(&utf16), "Қорытынды");
    assert!(second_top.get(b"Prev").is_ok() && second_top.get(b"First").is_err());
}

#[test]
fn link_annotations_have_no_border_and_right_targets() {
    let fonts = FontSet::embedded();
    let mut writer = PdfWriter::new(&fonts);
    let jpeg = writer.add_image(JPEG_16X8_ROTATED).expect("jpeg");
    let png = writer.add_image(PNG_5X3_ALPHA).expect("png");
    let mut page = text_page(&fonts);
    page.draws.extend(image_and_shape_draws(jpeg, png));
    let pdf = writer
        .finish(vec![page.clone(), page], &[], &meta(), &Output::Screen)
        .expect("writes");
    let doc = lopdf::Document::load_mem(&pdf).expect("reads");
    let page_ids: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    let first_page = doc.get_dictionary(page_ids[0]).expect("page");
    let annots = first_page
        .get(b"Annots")
        .and_then(lopdf::Object::as_array)
        .expect("annots");
    assert_eq!(annots.len(), 2);
    let mut seen_uri = false;
    for annot in annots {
        let dict = doc
            .get_dictionary(annot.as_reference().expect("indirect"))
            .expect("dict");
        let border: Vec<f32> = dict
            .get(b"Border")
            .and_then(lopdf::Object::as_array)
            .expect("border")
            .iter()
            .filter_map(|o| o.as_float().ok())
            .collect();
        assert_eq!(border, vec![0.0, 0.0, 0.0]);
        let action = dict
            .get(b"A")
            .and_then(lopdf::Object::as_dict)
            .expect("action");
        if let Ok(uri) = action.get(b"URI").and_then(lopdf::Object::as_str) {
            assert_eq!(uri, b"https://example.org/%D0%B6%D0%BE%D0%B1%D0%B0?a=1");
            seen_uri = true;
        } else {
            let dest = action
                .get(b"D")
                .and_then(lopdf::Object::as_array)
                .expect("dest");
            assert_eq!(
                dest.first().and_then(|o| o.as_reference().ok()),
                page_ids.get(1).copied()
            );
        }
    }
    assert!(seen_uri);
}

#[test]
fn shaped_words_end_where_shaping_says() {
    let fonts = FontSet::embedded();
    let key = face(Family::Serif, false, false);
    let word = "AVATAR";
    let run = shape(&fonts, fonts.face(key), 20.0, word, "en");
    let width = run.width;
    let draw = Draw::Text {
        run,
        x: Pt(50.0),
        y: Pt(300.0),
        color: BLACK,
    };
    let pdf = write(&fonts, vec![a5_page(vec![draw])], &[]);
    let html = run_tool("pdftotext", &["-bbox"], &pdf, &["-"]);
    let line = html.lines().find(|l| l.contains(word)).expect("word box");
    let attr = |name: &str| -> f32 {
        let start = line.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
        line[start..]
            .split('"')
            .next()
            .and_then(|v| v.parse().ok())
            .expect("number")
    };
    assert!((attr("xMin") - 50.0).abs() < 0.05, "{line}");
    assert!(
        (attr("xMax") - (50.0 + width)).abs() < 0.05,
        "{line} vs width {width}"
    );
}

#[test]
fn jpeg_is_embedded_byte_for_byte_and_png_at_full_size() {
    let fonts = FontSet::embedded();
    let mut writer = PdfWriter::new(&fonts);
    let jpeg = writer.add_image(JPEG_16X8_ROTATED).expect("jpeg");
    let png = writer.add_image(PNG_5X3_ALPHA).expect("png");
    assert_eq!(
        writer.image_size(jpeg),
        (8, 16),
        "EXIF 6 turns 16×8 upright"
    );
    assert_eq!(writer.image_size(png), (5, 3));
    assert_eq!(writer.image_size(ImageId(9)), (0, 0));
    let page = a5_page(image_and_shape_draws(jpeg, png));
    let pdf = writer
        .finish(vec![page], &[], &meta(), &Output::Screen)
        .expect("writes");
    let doc = lopdf::Document::load_mem(&pdf).expect("reads");
    let images: Vec<&lopdf::Stream> = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").and_then(lopdf::Object::as_name).ok() == Some(b"Image"))
        .collect();
    let dct = images
        .iter()
        .find(|s| s.dict.get(b"Filter").and_then(lopdf::Object::as_name).ok() == Some(b"DCTDecode"))
        .expect("a DCTDecode image");
    assert_eq!(dct.content, JPEG_16X8_ROTATED);
    let size = |s: &lopdf::Stream| {
        let get = |k: &[u8]| s.dict.get(k).and_then(lopdf::Object::as_i64).unwrap_or(0);
        (get(b"Width"), get(b"Height"))
    };
    assert!(images.iter().any(|s| size(s) == (5, 3)), "PNG kept at 5×3");
    let listed = run_tool("pdfimages", &["-list"], &pdf, &[]);
    assert!(listed.contains("jpeg"), "{listed}");
    assert!(
        listed.contains("smask"),
        "PNG alpha becomes a soft mask: {listed}"
    );
}

#[test]
fn unknown_images_and_bad_files_are_errors() {
    let fonts = FontSet::embedded();
    let mut writer = PdfWriter::new(&fonts);
    assert!(matches!(
        writer.add_image(b"not an image"),
        Err(PdfError::Image(_))
    ));
    let page = a5_page(vec![Draw::Image {
        image: ImageId(3),
        x: Pt(0.0),
        y: Pt(0.0),
        w: Pt(10.0),
        h: Pt(10.0),
    }]);
    let result = writer.finish(vec![page], &[], &meta(), &Output::Screen);
    assert!(matches!(result, Err(PdfError::UnknownImage(3))));
}

#[test]
fn odd_input_still_gives_a_valid_pdf() {
    let fonts = FontSet::embedded();
    let nan = Pt(f32::NAN);
    let weird = Color {
        rgb: [2.0, -1.0, f32::NAN],
        cmyk: [2.0, -1.0, f32::NAN, 0.5],
        registration: false,
    };
    let mut run = shape(
        &fonts,
        fonts.face(face(Family::Sans, false, true)),
        10.0,
        "Сынақ",
        "kk",
    );
    let empty = shape(
        &fonts,
        fonts.face(face(Family::Sans, false, true)),
        10.0,
        "",
        "kk",
    );
    run.glyphs.push(crate::print::display::Glyph {
        gid: 60_000,
        advance: 3.0,
        x_offset: 1.0,
        y_offset: 2.0,
        cluster: 99,
    });
    let page = a5_page(vec![
        Draw::Text {
            run,
            x: nan,
            y: Pt(100.0),
            color: weird,
        },
        Draw::Text {
            run: empty,
            x: Pt(1.0),
            y: Pt(1.0),
            color: BLACK,
        },
        Draw::Rect {
            x: Pt(0.0),
            y: Pt(0.0),
            w: Pt(-5.0),
            h: nan,
            fill: Some(weird),
            stroke: None,
        },
        Draw::Rect {
            x: Pt(0.0),
            y: Pt(0.0),
            w: Pt(5.0),
            h: Pt(5.0),
            fill: None,
            stroke: None,
        },
        Draw::Link {
            x: Pt(0.0),
            y: Pt(0.0),
            w: Pt(5.0),
            h: Pt(5.0),
            target: LinkTarget::Page(7),
        },
    ]);
    let outline = [Outline {
        title: String::new(),
        level: 0,
        page: 99,
        y: nan,
    }];
    let pdf = PdfWriter::new(&fonts)
        .finish(vec![page], &outline, &Meta::default(), &Output::Screen)
        .expect("writes");
    let report = run_tool("qpdf", &["--check"], &pdf, &[]);
    assert!(
        report.contains("No syntax or stream encoding errors found"),
        "{report}"
    );
    let no_pages = PdfWriter::new(&fonts).finish(Vec::new(), &outline, &meta(), &Output::Screen);
    assert!(no_pages.is_ok());
}

/// Timing for the booklet budget: `cargo test --release -- --ignored --nocapture`.
#[test]
#[ignore]
fn speed_of_sixteen_text_pages() {
    let fonts = FontSet::embedded();
    let serif = fonts.face(face(Family::Serif, false, false));
    let bold = fonts.face(face(Family::Serif, true, false));
    let words: Vec<&str> = KAZAKH.split(' ').chain(RUSSIAN.split(' ')).collect();
    let start = std::time::Instant::now();
    let mut pages = Vec::new();
    let mut count = 0;
    for _ in 0..16 {
        let mut draws = Vec::new();
        for line in 0..36 {
            let mut x = 40.0;
            let y = 560.0 - line as f32 * 14.0;
            for i in 0..9 {
                let word = words[(count + i) % words.len()];
                let id = if (count + i) % 17 == 0 { bold } else { serif };
                let run = shape(&fonts, id, 10.0, word, "kk");
                let width = run.width;
                draws.push(Draw::Text {
                    run,
                    x: Pt(x),
                    y: Pt(y),
                    color: BLACK,
                });
                x += width + 3.0;
            }
            count += 9;
        }
        pages.push(a5_page(draws));
    }
    let shaped = start.elapsed();
    let start = std::time::Instant::now();
    let pdf = write(&fonts, pages, &outline_two_levels());
    let written = start.elapsed();
    eprintln!(
        "16 A5 pages, {count} words: shaping {shaped:?}, finish {written:?}, {} bytes",
        pdf.len()
    );
}

/// A 16×8 JPEG (blue-green gradient) whose EXIF says "rotate 90° clockwise".
const JPEG_16X8_ROTATED: &[u8] = &[
    255, 216, 255, 224, 0, 16, 74, 70, 73, 70, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 255, 225, 0, 34, 69,
    120, 105, 102, 0, 0, 77, 77, 0, 42, 0, 0, 0, 8, 0, 1, 1, 18, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0,
    0, 0, 0, 255, 219, 0, 67, 0, 6, 4, 5, 6, 5, 4, 6, 6, 5, 6, 7, 7, 6, 8, 10, 16, 10, 10, 9, 9,
    10, 20, 14, 15, 12, 16, 23, 20, 24, 24, 23, 20, 22, 22, 26, 29, 37, 31, 26, 27, 35, 28, 22, 22,
    32, 44, 32, 35, 38, 39, 41, 42, 41, 25, 31, 45, 48, 45, 40, 48, 37, 40, 41, 40, 255, 219, 0,
    67, 1, 7, 7, 7, 10, 8, 10, 19, 10, 10, 19, 40, 26, 22, 26, 40, 40, 40, 40, 40, 40, 40, 40, 40,
    40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40,
    40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 255, 192, 0, 17, 8, 0, 8,
    0, 16, 3, 1, 34, 0, 2, 17, 1, 3, 17, 1, 255, 196, 0, 31, 0, 0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0,
    0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 255, 196, 0, 181, 16, 0, 2, 1, 3, 3, 2, 4, 3,
    5, 5, 4, 4, 0, 0, 1, 125, 1, 2, 3, 0, 4, 17, 5, 18, 33, 49, 65, 6, 19, 81, 97, 7, 34, 113, 20,
    50, 129, 145, 161, 8, 35, 66, 177, 193, 21, 82, 209, 240, 36, 51, 98, 114, 130, 9, 10, 22, 23,
    24, 25, 26, 37, 38, 39, 40, 41, 42, 52, 53, 54, 55, 56, 57, 58, 67, 68, 69, 70, 71, 72, 73, 74,
    83, 84, 85, 86, 87, 88, 89, 90, 99, 100, 101, 102, 103, 104, 105, 106, 115, 116, 117, 118, 119,
    120, 121, 122, 131, 132, 133, 134, 135, 136, 137, 138, 146, 147, 148, 149, 150, 151, 152, 153,
    154, 162, 163, 164, 165, 166, 167, 168, 169, 170, 178, 179, 180, 181, 182, 183, 184, 185, 186,
    194, 195, 196, 197, 198, 199, 200, 201, 202, 210, 211, 212, 213, 214, 215, 216, 217, 218, 225,
    226, 227, 228, 229, 230, 231, 232, 233, 234, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250,
    255, 196, 0, 31, 1, 0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8,
    9, 10, 11, 255, 196, 0, 181, 17, 0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 119, 0, 1, 2, 3,
    17, 4, 5, 33, 49, 6, 18, 65, 81, 7, 97, 113, 19, 34, 50, 129, 8, 20, 66, 145, 161, 177, 193, 9,
    35, 51, 82, 240, 21, 98, 114, 209, 10, 22, 36, 52, 225, 37, 241, 23, 24, 25, 26, 38, 39, 40,
    41, 42, 53, 54, 55, 56, 57, 58, 67, 68, 69, 70, 71, 72, 73, 74, 83, 84, 85, 86, 87, 88, 89, 90,
    99, 100, 101, 102, 103, 104, 105, 106, 115, 116, 117, 118, 119, 120, 121, 122, 130, 131, 132,
    133, 134, 135, 136, 137, 138, 146, 147, 148, 149, 150, 151, 152, 153, 154, 162, 163, 164, 165,
    166, 167, 168, 169, 170, 178, 179, 180, 181, 182, 183, 184, 185, 186, 194, 195, 196, 197, 198,
    199, 200, 201, 202, 210, 211, 212, 213, 214, 215, 216, 217, 218, 226, 227, 228, 229, 230, 231,
    232, 233, 234, 242, 243, 244, 245, 246, 247, 248, 249, 250, 255, 218, 0, 12, 3, 1, 0, 2, 17, 3,
    17, 0, 63, 0, 229, 180, 159, 135, 127, 119, 247, 63, 165, 118, 122, 79, 195, 191, 187, 251,
    159, 210, 138, 43, 147, 29, 155, 98, 117, 247, 143, 47, 133, 115, 204, 103, 187, 239, 31, 255,
    217,
];

/// A 5×3 PNG, half-transparent red (RGBA).
const PNG_5X3_ALPHA: &[u8] = &[
    137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 5, 0, 0, 0, 3, 8, 6, 0,
    0, 0, 91, 54, 197, 248, 0, 0, 0, 21, 73, 68, 65, 84, 120, 156, 99, 252, 207, 192, 208, 192,
    128, 6, 152, 208, 5, 112, 10, 2, 0, 92, 62, 1, 133, 213, 18, 200, 70, 0, 0, 0, 0, 73, 69, 78,
    68, 174, 66, 96, 130,
];
