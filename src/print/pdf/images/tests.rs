use super::*;
use crate::print::pdf::jpeg::JpegInfo;

/// A minimal JPEG header: SOI, optional APP segments, SOF0 for a w×h image.
pub(crate) fn jpeg_header(width: u16, height: u16, components: u8, app: &[u8]) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xD8];
    bytes.extend_from_slice(app);
    let len = 8 + 3 * u16::from(components);
    bytes.extend_from_slice(&[0xFF, 0xC0]);
    bytes.extend_from_slice(&len.to_be_bytes());
    bytes.push(8);
    bytes.extend_from_slice(&height.to_be_bytes());
    bytes.extend_from_slice(&width.to_be_bytes());
    bytes.push(components);
    for c in 0..components {
        bytes.extend_from_slice(&[c + 1, 0x11, 0]);
    }
    bytes.extend_from_slice(&[0xFF, 0xD9]);
    bytes
}

pub(crate) fn exif_segment(orientation: u16) -> Vec<u8> {
    let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
    tiff.extend_from_slice(&1u16.to_be_bytes());
    tiff.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1]);
    tiff.extend_from_slice(&orientation.to_be_bytes());
    tiff.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
    let mut segment = b"Exif\0\0".to_vec();
    segment.extend_from_slice(&tiff);
    let mut app1 = vec![0xFF, 0xE1];
    app1.extend_from_slice(&(segment.len() as u16 + 2).to_be_bytes());
    app1.extend_from_slice(&segment);
    app1
}

const SCREEN: ImageTarget = ImageTarget {
    max_ppi: 150.0,
    icc_rgb: false,
};
const PRINT: ImageTarget = ImageTarget {
    max_ppi: 300.0,
    icc_rgb: true,
};

#[test]
fn jpeg_frame_header_gives_size_and_components() {
    let info = jpeg_info(&jpeg_header(640, 480, 3, &[])).expect("parses");
    assert_eq!((info.width, info.height, info.components), (640, 480, 3));
    assert_eq!(info.orientation, 1);
}

#[test]
fn exif_orientation_is_read_and_swaps_the_displayed_size() {
    let bytes = jpeg_header(640, 480, 3, &exif_segment(6));
    let image = Image::from_bytes(&bytes).expect("parses");
    assert_eq!(image.orientation, 6);
    assert_eq!(image.display_size(), (480, 640));
}

#[test]
fn truncated_or_foreign_files_are_errors_not_panics() {
    let full = jpeg_header(10, 10, 3, &exif_segment(3));
    for cut in 0..full.len() - 2 {
        let _ = Image::from_bytes(&full[..cut]);
    }
    assert!(Image::from_bytes(&full[..12]).is_err());
    assert!(Image::from_bytes(b"GIF89a....").is_err());
    assert!(Image::from_bytes(b"\x89PNG\r\n\x1a\nbroken").is_err());
}

#[test]
fn adobe_cmyk_jpeg_is_marked_inverted_and_rgb_is_icc_based_in_print() {
    let with_decode = |adobe| match jpeg_stream(Vec::new(), (2, 2), 4, adobe, PRINT)
        .dict
        .get("Decode")
    {
        Some(DictItem::Array(values)) => values.len(),
        _ => 0,
    };
    assert_eq!(with_decode(true), 8);
    assert_eq!(with_decode(false), 0);
    let gray = jpeg_stream(Vec::new(), (2, 2), 1, false, PRINT);
    assert_eq!(
        gray.dict.get("ColorSpace"),
        Some(&DictItem::Name(b"DeviceGray".to_vec()))
    );
    let rgb = jpeg_stream(Vec::new(), (2, 2), 3, false, PRINT);
    let Some(DictItem::Array(space)) = rgb.dict.get("ColorSpace") else {
        panic!("not ICCBased: {:?}", rgb.dict.get("ColorSpace"));
    };
    assert_eq!(space.first(), Some(&DictItem::Name(b"ICCBased".to_vec())));
    let screen = jpeg_stream(Vec::new(), (2, 2), 3, false, SCREEN);
    assert_eq!(
        screen.dict.get("ColorSpace"),
        Some(&DictItem::Name(b"DeviceRGB".to_vec()))
    );
    let app14 = [&[0xFF, 0xEE, 0, 14][..], b"Adobe", &[0, 100, 0, 0, 0, 0, 2]].concat();
    let info: JpegInfo = jpeg_info(&jpeg_header(4, 4, 4, &app14)).expect("parses");
    assert!(info.adobe && info.components == 4);
}

#[test]
fn rotated_photo_fills_its_box_corner_to_corner() {
    let image = Image {
        kind: Kind::Decoded(DynamicImage::new_rgb8(1, 1)),
        width: 4,
        height: 3,
        orientation: 6,
        made: Mutex::default(),
    };
    let m = image.placement(10.0, 20.0, 30.0, 40.0);
    let apply = |u: f32, v: f32| (m[0] * u + m[2] * v + m[4], m[1] * u + m[3] * v + m[5]);
    // Stored top-left goes to the box's top-right, stored bottom-left to top-left.
    assert_eq!(apply(0.0, 1.0), (40.0, 60.0));
    assert_eq!(apply(0.0, 0.0), (10.0, 60.0));
    assert_eq!(apply(1.0, 1.0), (40.0, 20.0));
}

#[test]
fn downscaling_stops_at_the_limit_and_never_enlarges() {
    // 1600 px across 2 inches is 800 ppi: to 300 ppi is 600 px.
    let scale = downscale(1600, 1000, (144.0, 90.0), 300.0);
    assert_eq!(scaled(1600, scale), 600);
    assert!(scaled(1000, scale) as f32 / 1.25 <= 300.0);
    assert_eq!(downscale(100, 100, (144.0, 144.0), 300.0), 1.0);
    assert_eq!(downscale(100, 100, (0.0, 0.0), 300.0), 1.0);
    assert_eq!(scaled(3, 0.01), 1);
}

fn png_bytes(image: &DynamicImage) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    image
        .write_to(&mut out, image::ImageFormat::Png)
        .expect("encodes");
    out.into_inner()
}

#[test]
fn pngs_are_flate_with_predictors_and_transparency_is_a_soft_mask() {
    let rgba = image::RgbaImage::from_fn(40, 20, |x, _| image::Rgba([x as u8 * 6, 90, 200, 128]));
    let image = Image::from_bytes(&png_bytes(&DynamicImage::ImageRgba8(rgba))).expect("reads");
    let XObject::External(xobject) = image.xobject((40.0, 20.0), PRINT).expect("made") else {
        panic!("not an external stream");
    };
    let dict = &xobject.stream.dict;
    assert_eq!(
        dict.get("Filter"),
        Some(&DictItem::Name(b"FlateDecode".to_vec()))
    );
    assert!(matches!(dict.get("SMask"), Some(DictItem::Stream { .. })));
    // A zlib stream (deflate, 32 KiB window) far smaller than the 2,400 bytes of pixels.
    assert_eq!(xobject.stream.content.first(), Some(&0x78));
    assert!(
        xobject.stream.content.len() < 1200,
        "{}",
        xobject.stream.content.len()
    );
    // An opaque grey PNG: one channel, no mask.
    let grey = DynamicImage::ImageLuma8(image::GrayImage::from_pixel(8, 8, image::Luma([7])));
    let image = Image::from_bytes(&png_bytes(&grey)).expect("reads");
    let XObject::External(xobject) = image.xobject((8.0, 8.0), SCREEN).expect("made") else {
        panic!("not an external stream");
    };
    assert_eq!(
        xobject.stream.dict.get("ColorSpace"),
        Some(&DictItem::Name(b"DeviceGray".to_vec()))
    );
    assert!(!xobject.stream.dict.contains_key("SMask"));
}

#[test]
fn a_big_png_is_downsampled_to_the_edition_limit() {
    let big = DynamicImage::ImageRgb8(image::RgbImage::from_pixel(
        1200,
        600,
        image::Rgb([1, 2, 3]),
    ));
    let image = Image::from_bytes(&png_bytes(&big)).expect("reads");
    // Placed 2 inches wide: 150 ppi = 300 px on screen, 600 px in print.
    for (target, width) in [(SCREEN, 300), (PRINT, 600)] {
        let XObject::External(xobject) = image.xobject((144.0, 72.0), target).expect("made") else {
            panic!("not an external stream");
        };
        assert_eq!(xobject.width, Some(Px(width)));
        assert_eq!(xobject.height, Some(Px(width / 2)));
    }
}

#[test]
fn a_downsampled_jpeg_keeps_its_own_quality() {
    let photo = DynamicImage::ImageRgb8(image::RgbImage::from_fn(64, 64, |x, y| {
        image::Rgb([(x * 4) as u8, (y * 4) as u8, 90])
    }));
    for quality in [60u8, 85, 95] {
        let mut bytes = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, quality)
            .encode_image(&photo)
            .expect("encodes");
        let found = crate::print::pdf::jpeg::jpeg_quality(&bytes).expect("a table");
        assert!(found.abs_diff(quality) <= 1, "{quality}: {found}");
    }
}
