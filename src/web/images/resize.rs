//! One image's pixels: reading its size (as shown, after its EXIF orientation), choosing the
//! widths to make, and decoding, resizing and encoding it. JPEG stays JPEG, PNG stays PNG.

use std::io::Cursor;
use std::path::Path;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::imageops::FilterType;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageEncoder, ImageFormat, ImageReader};

/// The widths made of every image, when the image is wider: phone, tablet, desktop, 2× desktop.
pub(crate) const LADDER: [u32; 4] = [480, 800, 1200, 1600];
/// The largest width made; wider originals are kept as they are but not put into `srcset`.
pub(crate) const MAX_WIDTH: u32 = 1600;
/// JPEG quality of the resized files: visually close to the original at a fraction of its size.
pub(crate) const JPEG_QUALITY: u8 = 80;

/// The encodings egiz resizes. Other files (GIF, SVG, WebP) are copied as they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Format {
    Jpeg,
    Png,
}

impl Format {
    /// By the file name: only these files are treated as images to resize.
    pub(crate) fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        match ext.as_str() {
            "jpg" | "jpeg" => Some(Format::Jpeg),
            "png" => Some(Format::Png),
            _ => None,
        }
    }

    pub(crate) fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
        }
    }
}

/// What the header of an image says: its format and its size as it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Probe {
    pub format: Format,
    pub width: u32,
    pub height: u32,
    /// The pixels are stored the way they are shown (no EXIF rotation or flip).
    pub upright: bool,
}

/// Read only the header (and EXIF) of an image: cheap, so every build can do it for every image.
pub(crate) fn probe(bytes: &[u8]) -> Result<Probe, String> {
    let (format, mut decoder) = open(bytes)?;
    let (width, height) = decoder.dimensions();
    let orientation = decoder.orientation().map_err(|e| e.to_string())?;
    if width == 0 || height == 0 {
        return Err("the image has no pixels".into());
    }
    let (width, height) = if turns_sideways(orientation) {
        (height, width)
    } else {
        (width, height)
    };
    Ok(Probe {
        format,
        width,
        height,
        upright: orientation == Orientation::NoTransforms,
    })
}

/// The format found in the bytes themselves, whatever the file is called, and its decoder.
fn open(bytes: &[u8]) -> Result<(Format, impl ImageDecoder + '_), String> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    let format = match reader.format() {
        Some(ImageFormat::Jpeg) => Format::Jpeg,
        Some(ImageFormat::Png) => Format::Png,
        Some(other) => {
            return Err(format!(
                "it is a {other:?} file, and egiz resizes only JPEG and PNG"
            ));
        }
        None => return Err("it is not a JPEG or PNG image".into()),
    };
    let decoder = reader.into_decoder().map_err(|e| e.to_string())?;
    Ok((format, decoder))
}

fn turns_sideways(orientation: Orientation) -> bool {
    matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// The widths to make of an image `width` pixels wide, smallest first. Never wider than the
/// image (no upscaling); the last is the image's own width capped at [`MAX_WIDTH`]. A ladder
/// step within 10 % of that last width is left out: it would cost an encode and save nothing.
pub(crate) fn widths(width: u32) -> Vec<u32> {
    let top = width.clamp(1, MAX_WIDTH);
    let mut widths: Vec<u32> = LADDER
        .iter()
        .copied()
        .filter(|&w| u64::from(w) * 10 <= u64::from(top) * 9)
        .collect();
    widths.push(top);
    widths
}

/// The height of the image scaled to `width`, rounded, at least one pixel.
pub(crate) fn height_for(probe: &Probe, width: u32) -> u32 {
    let scaled = (u64::from(probe.height) * u64::from(width) + u64::from(probe.width) / 2)
        / u64::from(probe.width.max(1));
    u32::try_from(scaled).unwrap_or(u32::MAX).max(1)
}

/// An image decoded and turned upright, with the colour profile it came with.
pub(crate) struct Decoded {
    pub image: DynamicImage,
    pub format: Format,
    icc: Option<Vec<u8>>,
}

pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    let (format, mut decoder) = open(bytes)?;
    let orientation = decoder.orientation().map_err(|e| e.to_string())?;
    let icc = decoder.icc_profile().ok().flatten();
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    image.apply_orientation(orientation);
    Ok(Decoded { image, format, icc })
}

impl Decoded {
    /// The image at `width` × `height`, encoded in its own format. The EXIF data is not carried
    /// over: the pixels are already upright, and a photo's GPS position stays private.
    pub(crate) fn encode(&self, width: u32, height: u32) -> Result<Vec<u8>, String> {
        let resized;
        let image = if (width, height) == (self.image.width(), self.image.height()) {
            &self.image
        } else {
            resized = self
                .image
                .resize_exact(width, height, FilterType::CatmullRom);
            &resized
        };
        let mut out = Vec::new();
        let result = match self.format {
            Format::Jpeg => {
                let mut encoder = JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
                self.attach_profile(&mut encoder);
                match image {
                    DynamicImage::ImageLuma8(gray) => encoder.encode_image(gray),
                    other => encoder.encode_image(&other.to_rgb8()),
                }
            }
            Format::Png => {
                let mut encoder = PngEncoder::new_with_quality(
                    &mut out,
                    CompressionType::Default,
                    PngFilter::Adaptive,
                );
                self.attach_profile(&mut encoder);
                let image = match image {
                    DynamicImage::ImageRgb32F(_) | DynamicImage::ImageRgba32F(_) => {
                        DynamicImage::ImageRgba16(image.to_rgba16())
                    }
                    other => other.clone(),
                };
                encoder.write_image(image.as_bytes(), width, height, image.color().into())
            }
        };
        result.map(|()| out).map_err(|e| e.to_string())
    }

    /// Keep the colour profile, so a photo from a wide-gamut camera keeps its colours.
    fn attach_profile(&self, encoder: &mut impl ImageEncoder) {
        if let Some(icc) = &self.icc {
            // An encoder that cannot store a profile still writes a correct image.
            let _ = encoder.set_icc_profile(icc.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgb, RgbImage};

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let image = RgbImage::from_fn(width, height, |x, y| {
            Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        });
        let mut out = Vec::new();
        JpegEncoder::new_with_quality(&mut out, 90)
            .encode_image(&image)
            .expect("encode");
        out
    }

    /// `bytes` (a JPEG from `jpeg`) with an EXIF block saying "rotate 90° clockwise to view".
    fn with_exif_orientation(bytes: &[u8], orientation: u16) -> Vec<u8> {
        // A little-endian TIFF header with one IFD entry: tag 0x0112 (Orientation), SHORT, 1.
        let mut tiff = b"II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0".to_vec();
        tiff.extend_from_slice(&orientation.to_le_bytes());
        tiff.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend_from_slice(&tiff);
        let length = u16::try_from(app1.len() + 2).expect("small");
        let mut out = bytes[..2].to_vec(); // SOI
        out.extend_from_slice(&[0xFF, 0xE1]);
        out.extend_from_slice(&length.to_be_bytes());
        out.extend_from_slice(&app1);
        out.extend_from_slice(&bytes[2..]);
        out
    }

    #[test]
    fn widths_follow_the_ladder_below_the_image_width() {
        assert_eq!(widths(4000), [480, 800, 1200, 1600]);
        assert_eq!(widths(1600), [480, 800, 1200, 1600]);
        assert_eq!(widths(1000), [480, 800, 1000]);
        assert_eq!(widths(2000), [480, 800, 1200, 1600]);
    }

    #[test]
    fn widths_never_upscale() {
        for width in [1, 120, 479, 480, 500, 820, 1599, 1600, 1601, 9000] {
            let list = widths(width);
            assert!(list.iter().all(|&w| w <= width), "{width}: {list:?}");
            assert!(list.windows(2).all(|p| p[0] < p[1]), "{width}: {list:?}");
            assert_eq!(*list.last().expect("one at least"), width.min(MAX_WIDTH));
        }
        assert_eq!(widths(300), [300]);
        // 480 is within 10 % of 500: only the image's own width is made.
        assert_eq!(widths(500), [500]);
        assert_eq!(widths(820), [480, 820]);
    }

    #[test]
    fn heights_keep_the_aspect_ratio() {
        let probe = Probe {
            format: Format::Jpeg,
            width: 1600,
            height: 1000,
            upright: true,
        };
        assert_eq!(height_for(&probe, 480), 300);
        assert_eq!(height_for(&probe, 800), 500);
        let tall = Probe {
            width: 3,
            height: 1000,
            ..probe
        };
        assert_eq!(height_for(&tall, 1), 333);
        let flat = Probe {
            width: 4000,
            height: 1,
            ..probe
        };
        assert_eq!(height_for(&flat, 480), 1);
    }

    #[test]
    fn exif_orientation_turns_the_size_and_the_pixels() {
        let plain = jpeg(64, 32);
        let probe_plain = probe(&plain).expect("probe");
        assert_eq!((probe_plain.width, probe_plain.height), (64, 32));

        let turned = with_exif_orientation(&plain, 6); // Rotate90
        let probed = probe(&turned).expect("probe");
        assert_eq!((probed.width, probed.height), (32, 64));
        assert!(probe_plain.upright && !probed.upright);
        let decoded = decode(&turned).expect("decode");
        assert_eq!((decoded.image.width(), decoded.image.height()), (32, 64));
        let encoded = decoded.encode(16, 32).expect("encode");
        let again = probe(&encoded).expect("probe the resized file");
        assert_eq!(
            (again.width, again.height),
            (16, 32),
            "no EXIF is carried over"
        );
    }

    #[test]
    fn formats_come_from_the_bytes_and_stay() {
        let bytes = jpeg(40, 20);
        let decoded = decode(&bytes).expect("decode");
        assert_eq!(decoded.format, Format::Jpeg);
        let small = decoded.encode(20, 10).expect("encode");
        assert_eq!(probe(&small).expect("probe").format, Format::Jpeg);

        let mut png = Vec::new();
        let rgba = image::RgbaImage::from_pixel(10, 10, image::Rgba([1, 2, 3, 128]));
        PngEncoder::new(&mut png)
            .write_image(rgba.as_raw(), 10, 10, image::ExtendedColorType::Rgba8)
            .expect("png");
        let decoded = decode(&png).expect("decode png");
        assert_eq!(decoded.format, Format::Png);
        let small = decoded.encode(5, 5).expect("encode png");
        let back = image::load_from_memory(&small).expect("read back");
        assert!(back.color().has_alpha(), "PNG transparency is kept");
    }

    #[test]
    fn broken_bytes_are_an_error_not_a_panic() {
        assert!(probe(b"\xFF\xD8\xFF\xE0not really").is_err());
        assert!(probe(b"").is_err());
        let mut cut = jpeg(64, 64);
        cut.truncate(cut.len() / 3);
        assert!(decode(&cut).is_err() || probe(&cut).is_err());
        assert_eq!(Format::from_path(Path::new("a/B.JPEG")), Some(Format::Jpeg));
        assert_eq!(Format::from_path(Path::new("a.svg")), None);
    }
}
