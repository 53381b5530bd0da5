//! Images as embedded in the PDF: JPEG passed through byte for byte (DCTDecode, with its
//! EXIF orientation applied when placing it), PNG decoded losslessly by printpdf.

use std::collections::BTreeMap;

use printpdf::{DictItem, ExternalStream, ExternalXObject, Px, RawImage, XObject};

use super::error::PdfError;

pub(super) struct Image {
    kind: Kind,
    /// Pixel size as stored in the file.
    width: u32,
    height: u32,
    /// EXIF orientation 1–8 (1 = as stored).
    orientation: u8,
}

enum Kind {
    Jpeg {
        bytes: Vec<u8>,
        components: u8,
        adobe: bool,
    },
    Decoded(RawImage),
}

impl Image {
    pub(super) fn from_bytes(bytes: &[u8]) -> Result<Image, PdfError> {
        if bytes.starts_with(&[0xFF, 0xD8]) {
            let info = jpeg_info(bytes).map_err(PdfError::Image)?;
            return Ok(Image {
                kind: Kind::Jpeg {
                    bytes: bytes.to_vec(),
                    components: info.components,
                    adobe: info.adobe,
                },
                width: u32::from(info.width),
                height: u32::from(info.height),
                orientation: info.orientation,
            });
        }
        if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Err(PdfError::Image("not a JPEG or PNG file".into()));
        }
        let mut warnings = Vec::new();
        let raw = RawImage::decode_from_bytes(bytes, &mut warnings).map_err(PdfError::Image)?;
        Ok(Image {
            width: u32::try_from(raw.width).unwrap_or(u32::MAX),
            height: u32::try_from(raw.height).unwrap_or(u32::MAX),
            kind: Kind::Decoded(raw),
            orientation: 1,
        })
    }

    /// Pixel size as displayed (after EXIF rotation).
    pub(super) fn display_size(&self) -> (u32, u32) {
        if self.orientation >= 5 {
            (self.height, self.width)
        } else {
            (self.width, self.height)
        }
    }

    pub(super) fn xobject(&self) -> XObject {
        match &self.kind {
            Kind::Decoded(raw) => XObject::Image(raw.clone()),
            Kind::Jpeg {
                bytes,
                components,
                adobe,
            } => XObject::External(jpeg_xobject(
                bytes,
                self.width,
                self.height,
                *components,
                *adobe,
            )),
        }
    }

    /// The `cm` matrix that maps the image's unit square onto the box (x, y, w, h) in
    /// display orientation.
    pub(super) fn placement(&self, x: f32, y: f32, w: f32, h: f32) -> [f32; 6] {
        // (s, t) = where stored-image point (u, v) lands in the box, in box fractions:
        // s = su*u + sv*v + s0, t = tu*u + tv*v + t0 (v grows up, as in PDF image space).
        let [su, sv, s0, tu, tv, t0] = match self.orientation {
            2 => [-1.0, 0.0, 1.0, 0.0, 1.0, 0.0],  // mirrored left-right
            3 => [-1.0, 0.0, 1.0, 0.0, -1.0, 1.0], // upside down
            4 => [1.0, 0.0, 0.0, 0.0, -1.0, 1.0],  // mirrored top-bottom
            5 => [0.0, -1.0, 1.0, -1.0, 0.0, 1.0], // transposed
            6 => [0.0, 1.0, 0.0, -1.0, 0.0, 1.0],  // needs 90° clockwise
            7 => [0.0, 1.0, 0.0, 1.0, 0.0, 0.0],   // transversed
            8 => [0.0, -1.0, 1.0, 1.0, 0.0, 0.0],  // needs 90° counter-clockwise
            _ => [1.0, 0.0, 0.0, 0.0, 1.0, 0.0],
        };
        [w * su, h * tu, w * sv, h * tv, x + w * s0, y + h * t0]
    }
}

fn jpeg_xobject(
    bytes: &[u8],
    width: u32,
    height: u32,
    components: u8,
    adobe: bool,
) -> ExternalXObject {
    let name = |n: &str| DictItem::Name(n.as_bytes().to_vec());
    let color_space = match components {
        1 => "DeviceGray",
        4 => "DeviceCMYK",
        _ => "DeviceRGB",
    };
    let mut dict = BTreeMap::from([
        ("Type".to_string(), name("XObject")),
        ("Subtype".to_string(), name("Image")),
        ("Width".to_string(), DictItem::Int(i64::from(width))),
        ("Height".to_string(), DictItem::Int(i64::from(height))),
        ("ColorSpace".to_string(), name(color_space)),
        ("BitsPerComponent".to_string(), DictItem::Int(8)),
        ("Filter".to_string(), name("DCTDecode")),
    ]);
    // Photoshop writes CMYK JPEGs inverted and marks them with an Adobe segment.
    if components == 4 && adobe {
        let inverted = [1, 0, 1, 0, 1, 0, 1, 0].map(DictItem::Int).to_vec();
        dict.insert("Decode".to_string(), DictItem::Array(inverted));
    }
    ExternalXObject {
        stream: ExternalStream {
            dict,
            content: bytes.to_vec(),
            compress: false,
        },
        width: Some(Px(width as usize)),
        height: Some(Px(height as usize)),
        dpi: None,
    }
}

#[derive(Debug, PartialEq)]
struct JpegInfo {
    width: u16,
    height: u16,
    components: u8,
    adobe: bool,
    orientation: u8,
}

/// Reads the frame header and the Adobe/EXIF segments before the scan data.
fn jpeg_info(bytes: &[u8]) -> Result<JpegInfo, String> {
    let mut adobe = false;
    let mut orientation = 1;
    let mut pos = 2; // after SOI
    loop {
        // Markers are 0xFF followed by the code; extra 0xFF bytes are padding.
        while bytes.get(pos) == Some(&0xFF) && bytes.get(pos + 1) == Some(&0xFF) {
            pos += 1;
        }
        let (Some(&0xFF), Some(&marker)) = (bytes.get(pos), bytes.get(pos + 1)) else {
            return Err("damaged JPEG: no frame header".into());
        };
        pos += 2;
        if matches!(marker, 0x01 | 0xD0..=0xD7) {
            continue; // markers without a length
        }
        let length = usize::from(read_u16(bytes, pos).ok_or("damaged JPEG: cut short")?);
        let segment = bytes
            .get(pos + 2..pos + length.max(2))
            .ok_or("damaged JPEG: cut short")?;
        match marker {
            0xC0..=0xC2 => return frame_info(segment, adobe, orientation),
            0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF => {
                return Err("JPEG uses lossless or arithmetic coding, which PDF viewers do not read; save it as a baseline JPEG".into());
            }
            0xDA | 0xD9 => return Err("damaged JPEG: no frame header".into()),
            0xEE if segment.starts_with(b"Adobe") => adobe = true,
            0xE1 if segment.starts_with(b"Exif\0\0") => {
                orientation = segment.get(6..).and_then(exif_orientation).unwrap_or(1);
            }
            _ => {}
        }
        pos += length;
    }
}

fn frame_info(segment: &[u8], adobe: bool, orientation: u8) -> Result<JpegInfo, String> {
    let precision = segment
        .first()
        .copied()
        .ok_or("damaged JPEG frame header")?;
    let height = read_u16(segment, 1).ok_or("damaged JPEG frame header")?;
    let width = read_u16(segment, 3).ok_or("damaged JPEG frame header")?;
    let components = segment.get(5).copied().ok_or("damaged JPEG frame header")?;
    if precision != 8 {
        return Err(format!(
            "{precision}-bit JPEG is not supported; save it with 8 bits per channel"
        ));
    }
    if width == 0 || height == 0 || !matches!(components, 1 | 3 | 4) {
        return Err("JPEG with an unusual size or colour layout".into());
    }
    Ok(JpegInfo {
        width,
        height,
        components,
        adobe,
        orientation,
    })
}

fn read_u16(bytes: &[u8], pos: usize) -> Option<u16> {
    let pair = bytes.get(pos..pos + 2)?;
    Some(u16::from_be_bytes([*pair.first()?, *pair.get(1)?]))
}

/// The orientation tag (0x0112) of IFD0 in a TIFF-structured EXIF block.
fn exif_orientation(tiff: &[u8]) -> Option<u8> {
    let big_endian = match tiff.get(0..2)? {
        b"MM" => true,
        b"II" => false,
        _ => return None,
    };
    let u16_at = |pos: usize| -> Option<u16> {
        let b = tiff.get(pos..pos + 2)?;
        let pair = [*b.first()?, *b.get(1)?];
        Some(if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        })
    };
    let u32_at = |pos: usize| -> Option<u32> {
        let b = tiff.get(pos..pos + 4)?;
        let quad = [*b.first()?, *b.get(1)?, *b.get(2)?, *b.get(3)?];
        Some(if big_endian {
            u32::from_be_bytes(quad)
        } else {
            u32::from_le_bytes(quad)
        })
    };
    let ifd = usize::try_from(u32_at(4)?).ok()?;
    let entries = usize::from(u16_at(ifd)?);
    (0..entries)
        .find_map(|i| {
            let entry = ifd + 2 + i * 12;
            (u16_at(entry)? == 0x0112).then(|| u16_at(entry + 8))?
        })
        .and_then(|value| u8::try_from(value).ok())
        .filter(|value| (1..=8).contains(value))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

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
    fn adobe_cmyk_jpeg_is_marked_inverted() {
        let with_decode = |adobe| match jpeg_xobject(&[], 2, 2, 4, adobe).stream.dict.get("Decode")
        {
            Some(DictItem::Array(values)) => values.len(),
            _ => 0,
        };
        assert_eq!(with_decode(true), 8);
        assert_eq!(with_decode(false), 0);
        let gray = jpeg_xobject(&[], 2, 2, 1, false);
        assert_eq!(
            gray.stream.dict.get("ColorSpace"),
            Some(&DictItem::Name(b"DeviceGray".to_vec()))
        );
        let app14 = [&[0xFF, 0xEE, 0, 14][..], b"Adobe", &[0, 100, 0, 0, 0, 0, 2]].concat();
        let info = jpeg_info(&jpeg_header(4, 4, 4, &app14)).expect("parses");
        assert!(info.adobe && info.components == 4);
    }

    #[test]
    fn rotated_photo_fills_its_box_corner_to_corner() {
        let image = Image {
            kind: Kind::Decoded(RawImage::empty(1, 1, printpdf::RawImageFormat::RGB8)),
            width: 4,
            height: 3,
            orientation: 6,
        };
        let m = image.placement(10.0, 20.0, 30.0, 40.0);
        let apply = |u: f32, v: f32| (m[0] * u + m[2] * v + m[4], m[1] * u + m[3] * v + m[5]);
        // Stored top-left goes to the box's top-right, stored bottom-left to top-left.
        assert_eq!(apply(0.0, 1.0), (40.0, 60.0));
        assert_eq!(apply(0.0, 0.0), (10.0, 60.0));
        assert_eq!(apply(1.0, 1.0), (40.0, 20.0));
    }
}
