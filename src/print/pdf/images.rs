//! Images as embedded in the PDF, made for the edition that shows them ([`ImageTarget`]): never
//! more pixels than its resolution limit asks for at the largest size the image is placed (300
//! ppi for print, 150 for screens), so a big photo does not weigh down every file.
//!
//! - A JPEG that needs no fewer pixels goes in byte for byte (DCTDecode), with its EXIF
//!   orientation applied when placing it; one that does is decoded, downsampled and encoded
//!   again at its own quality, at most [`JPEG_QUALITY`] — it was lossy already, a finer copy
//!   would only add bytes, and a second JPEG costs far less than keeping the pixels losslessly.
//! - A PNG is decoded and stored losslessly: Flate with PNG row predictors (what the PNG file
//!   itself does), never as JPEG, as PNGs are drawings, charts and screenshots whose edges JPEG
//!   would smear. Transparency becomes a soft mask.
//! - In print, RGB pixels are tagged `ICCBased` with the sRGB profile of [`super::icc`]: legal in
//!   PDF/X-4 with a CMYK output intent, and the print shop's RIP converts them to its press
//!   from a known source. Converting them here would need the press profile's tables (which
//!   only the print shop knows to be right) and would lose the JPEG pass-through.

use std::collections::BTreeMap;
use std::sync::Mutex;

use image::imageops::FilterType;
use image::{DynamicImage, GenericImageView};
use printpdf::{DictItem, ExternalStream, ExternalXObject, Px, XObject};

use super::error::PdfError;
use super::icc;
use super::jpeg::{jpeg_info, jpeg_quality};

/// Quality of a JPEG encoded again after downsampling: no visible loss in print.
pub(super) const JPEG_QUALITY: u8 = 90;

/// What an edition asks of its images.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct ImageTarget {
    /// Pixels per inch at the placed size, at most.
    pub max_ppi: f32,
    /// RGB as `ICCBased` sRGB (print) instead of DeviceRGB (screens).
    pub icc_rgb: bool,
}

pub(super) struct Image {
    kind: Kind,
    /// Pixel size as stored in the file.
    width: u32,
    height: u32,
    /// EXIF orientation 1–8 (1 = as stored).
    orientation: u8,
    /// What was made of it, by pixel size and target: the editions of a booklet mostly ask
    /// for the same, and resampling is the slow part of writing.
    made: Mutex<Vec<(Made, XObject)>>,
}

/// What an image was made as: pixel width and height, ICC-based or not.
type Made = (u32, u32, bool);

enum Kind {
    Jpeg {
        bytes: Vec<u8>,
        components: u8,
        adobe: bool,
    },
    Decoded(DynamicImage),
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
                made: Mutex::default(),
            });
        }
        if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Err(PdfError::Image("not a JPEG or PNG file".into()));
        }
        let decoded = image::load_from_memory_with_format(bytes, image::ImageFormat::Png)
            .map_err(|e| PdfError::Image(e.to_string()))?;
        Ok(Image {
            width: decoded.width(),
            height: decoded.height(),
            kind: Kind::Decoded(decoded),
            orientation: 1,
            made: Mutex::default(),
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

    /// The image for an edition that places it at most `placed` points large (width, height
    /// as displayed).
    pub(super) fn xobject(
        &self,
        placed: (f32, f32),
        target: ImageTarget,
    ) -> Result<XObject, PdfError> {
        let (shown_w, shown_h) = self.display_size();
        let scale = downscale(shown_w, shown_h, placed, target.max_ppi);
        let size = (
            scaled(self.width, scale).min(self.width),
            scaled(self.height, scale).min(self.height),
        );
        let key = (size.0, size.1, target.icc_rgb);
        let mut made = self.made.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, xobject)) = made.iter().find(|(k, _)| *k == key) {
            return Ok(xobject.clone());
        }
        let resized = size != (self.width, self.height);
        let stream = match &self.kind {
            // CMYK JPEGs are made for a press already: never touched.
            Kind::Jpeg {
                bytes,
                components,
                adobe,
            } if !resized || *components == 4 => jpeg_stream(
                bytes.clone(),
                (self.width, self.height),
                *components,
                *adobe,
                target,
            ),
            Kind::Jpeg { bytes, .. } => {
                let decoded = image::load_from_memory_with_format(bytes, image::ImageFormat::Jpeg)
                    .map_err(|e| PdfError::Image(e.to_string()))?;
                let small = decoded.resize_exact(size.0, size.1, FilterType::Lanczos3);
                let grey = small.color().channel_count() == 1;
                let pixels = if grey {
                    DynamicImage::ImageLuma8(small.to_luma8())
                } else {
                    DynamicImage::ImageRgb8(small.to_rgb8())
                };
                let quality = jpeg_quality(bytes).map_or(JPEG_QUALITY, |q| q.min(JPEG_QUALITY));
                let mut out = Vec::new();
                image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality.max(50))
                    .encode_image(&pixels)
                    .map_err(|e| PdfError::Image(e.to_string()))?;
                jpeg_stream(out, size, if grey { 1 } else { 3 }, false, target)
            }
            Kind::Decoded(decoded) => {
                let pixels = if resized {
                    decoded.resize_exact(size.0, size.1, FilterType::Lanczos3)
                } else {
                    decoded.clone()
                };
                flate_stream(&pixels, target)?
            }
        };
        let xobject = XObject::External(ExternalXObject {
            stream,
            width: Some(Px(size.0 as usize)),
            height: Some(Px(size.1 as usize)),
            dpi: None,
        });
        made.push((key, xobject.clone()));
        Ok(xobject)
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

/// The factor (at most 1) that brings a `w` × `h` pixel image placed at `placed` points down to
/// `max_ppi`; 1 for an image not placed or placed at no size.
pub(super) fn downscale(w: u32, h: u32, placed: (f32, f32), max_ppi: f32) -> f32 {
    let inches = (placed.0.abs() / 72.0, placed.1.abs() / 72.0);
    if !(inches.0 > 0.0 && inches.1 > 0.0 && max_ppi > 0.0) || w == 0 || h == 0 {
        return 1.0;
    }
    let ppi = (w as f32 / inches.0).max(h as f32 / inches.1);
    (max_ppi / ppi).min(1.0)
}

/// Pixels after scaling, rounded down so the limit holds; never none.
fn scaled(pixels: u32, scale: f32) -> u32 {
    if scale >= 1.0 {
        return pixels;
    }
    ((pixels as f32 * scale).floor() as u32).max(1)
}

fn name(n: &str) -> DictItem {
    DictItem::Name(n.as_bytes().to_vec())
}

/// The colour space of 1, 3 or 4 channels as the edition wants it.
fn color_space(components: u8, target: ImageTarget) -> DictItem {
    match components {
        1 => name("DeviceGray"),
        4 => name("DeviceCMYK"),
        _ if target.icc_rgb => {
            let profile = ExternalStream {
                dict: BTreeMap::from([("N".to_string(), DictItem::Int(3))]),
                content: icc::srgb_profile().to_vec(),
                compress: true,
            };
            DictItem::Array(vec![name("ICCBased"), DictItem::Stream { stream: profile }])
        }
        _ => name("DeviceRGB"),
    }
}

fn image_dict(width: u32, height: u32, space: DictItem) -> BTreeMap<String, DictItem> {
    BTreeMap::from([
        ("Type".to_string(), name("XObject")),
        ("Subtype".to_string(), name("Image")),
        ("Width".to_string(), DictItem::Int(i64::from(width))),
        ("Height".to_string(), DictItem::Int(i64::from(height))),
        ("ColorSpace".to_string(), space),
        ("BitsPerComponent".to_string(), DictItem::Int(8)),
    ])
}

pub(super) fn jpeg_stream(
    bytes: Vec<u8>,
    (width, height): (u32, u32),
    components: u8,
    adobe: bool,
    target: ImageTarget,
) -> ExternalStream {
    let mut dict = image_dict(width, height, color_space(components, target));
    dict.insert("Filter".to_string(), name("DCTDecode"));
    // Photoshop writes CMYK JPEGs inverted and marks them with an Adobe segment.
    if components == 4 && adobe {
        let inverted = [1, 0, 1, 0, 1, 0, 1, 0].map(DictItem::Int).to_vec();
        dict.insert("Decode".to_string(), DictItem::Array(inverted));
    }
    ExternalStream {
        dict,
        content: bytes,
        compress: false,
    }
}

/// Lossless pixels: grey or RGB, and a soft mask when any pixel is not opaque.
fn flate_stream(image: &DynamicImage, target: ImageTarget) -> Result<ExternalStream, PdfError> {
    let (width, height) = image.dimensions();
    let color = image.color();
    let (pixels, components) = if color.channel_count() <= 2 {
        (image.to_luma8().into_raw(), 1)
    } else {
        (image.to_rgb8().into_raw(), 3)
    };
    let mut dict = image_dict(width, height, color_space(components, target));
    predicted_flate(&mut dict, width, components);
    let content = flate(&pixels, width, height, components)?;
    if color.has_alpha() {
        let alpha: Vec<u8> = image.to_rgba8().pixels().map(|p| p.0[3]).collect();
        if alpha.iter().any(|a| *a < 255) {
            let mut mask = image_dict(width, height, name("DeviceGray"));
            predicted_flate(&mut mask, width, 1);
            let mask_content = flate(&alpha, width, height, 1)?;
            dict.insert(
                "SMask".to_string(),
                DictItem::Stream {
                    stream: ExternalStream {
                        dict: mask,
                        content: mask_content,
                        compress: false,
                    },
                },
            );
        }
    }
    Ok(ExternalStream {
        dict,
        content,
        compress: false,
    })
}

/// The filter entries of Flate data with PNG predictors.
fn predicted_flate(dict: &mut BTreeMap<String, DictItem>, width: u32, components: u8) {
    dict.insert("Filter".to_string(), name("FlateDecode"));
    let parms = BTreeMap::from([
        ("Predictor".to_string(), DictItem::Int(15)),
        ("Colors".to_string(), DictItem::Int(i64::from(components))),
        ("BitsPerComponent".to_string(), DictItem::Int(8)),
        ("Columns".to_string(), DictItem::Int(i64::from(width))),
    ]);
    dict.insert("DecodeParms".to_string(), DictItem::Dict { map: parms });
}

/// Flate data with a PNG predictor byte per row, as PDF's `/Predictor 15` reads it: exactly
/// the IDAT data of a PNG file, so the png crate's encoder (adaptive filters) makes it.
fn flate(pixels: &[u8], width: u32, height: u32, components: u8) -> Result<Vec<u8>, PdfError> {
    let failed = |e: png::EncodingError| PdfError::Image(e.to_string());
    let mut file = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut file, width, height);
        encoder.set_color(if components == 1 {
            png::ColorType::Grayscale
        } else {
            png::ColorType::Rgb
        });
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::High);
        encoder.set_filter(png::Filter::Adaptive);
        let mut writer = encoder.write_header().map_err(failed)?;
        writer.write_image_data(pixels).map_err(failed)?;
        writer.finish().map_err(failed)?;
    }
    Ok(idat(&file))
}

/// The IDAT chunks' data of a PNG file, joined: one zlib stream.
fn idat(file: &[u8]) -> Vec<u8> {
    let mut data = Vec::new();
    let mut pos = 8; // the signature
    while let Some((length, kind)) = file
        .get(pos..pos + 8)
        .and_then(|header| header.split_first_chunk::<4>())
    {
        let length = u32::from_be_bytes(*length) as usize;
        if kind == b"IDAT"
            && let Some(chunk) = file.get(pos + 8..pos + 8 + length)
        {
            data.extend_from_slice(chunk);
        }
        pos += 12 + length;
    }
    data
}

#[cfg(test)]
mod tests;
