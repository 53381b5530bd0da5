//! Whether an image file the content names is whole and small enough to decode, read from its
//! bytes before any renderer decodes it. A photo cut short by an upload still decodes (the JPEG
//! decoder paints the missing rows grey) and a 400-megapixel scan costs gigabytes: both are
//! errors at the line that names the file, so `egiz check` and `egiz build` stop at the same
//! place and neither the web nor the print side ever sees such a file.

use std::io::Cursor;
use std::path::Path;

/// The largest image egiz reads, in pixels: a 50-megapixel camera's full frame. A decoded image
/// takes 3–4 bytes a pixel, so this keeps one image under about 200 MB of memory.
pub(crate) const MAX_PIXELS: u64 = 50_000_000;

/// Why an image cannot be used, in plain words.
pub(crate) type Refusal = String;

/// Checks the JPEG or PNG file at `path`: its size in pixels against [`MAX_PIXELS`] (from the
/// header alone) and that its data reaches the end marker. Other formats pass: egiz copies them
/// as they are and never decodes them.
pub(crate) fn inspect(path: &Path) -> Result<(), Refusal> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read it: {e}"))?;
    let format = if bytes.starts_with(&[0xFF, 0xD8]) {
        "JPEG"
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        "PNG"
    } else {
        return Ok(());
    };
    // The decoders' messages may end in a newline or span lines; keep the report one line.
    let unreadable = |e: image::ImageError| {
        let why = e
            .to_string()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        format!("its {format} header cannot be read ({why})")
    };
    let (width, height) = if format == "PNG" {
        // The first chunk of every PNG is IHDR, width and height first.
        match bytes.get(12..24) {
            Some(ihdr) if &ihdr[..4] == b"IHDR" => (
                u32::from_be_bytes([ihdr[4], ihdr[5], ihdr[6], ihdr[7]]),
                u32::from_be_bytes([ihdr[8], ihdr[9], ihdr[10], ihdr[11]]),
            ),
            _ => return Err("its PNG header cannot be read (no IHDR chunk)".into()),
        }
    } else {
        image::ImageReader::new(Cursor::new(&bytes))
            .with_guessed_format()
            .map_err(|e| unreadable(e.into()))?
            .into_dimensions()
            .map_err(unreadable)?
    };
    let pixels = u64::from(width) * u64::from(height);
    if pixels > MAX_PIXELS {
        return Err(format!(
            "it is {width} × {height} pixels ({} megapixels); egiz reads images of up to {} megapixels",
            pixels.div_ceil(1_000_000),
            MAX_PIXELS / 1_000_000
        ));
    }
    let whole = if format == "JPEG" {
        jpeg_is_whole(&bytes)
    } else {
        png_is_whole(&bytes)
    };
    if !whole {
        return Err(format!(
            "the {format} file is cut short or damaged: its picture data ends before the end marker"
        ));
    }
    Ok(())
}

/// Walks the JPEG's segments by their lengths and, after each start of scan, its entropy-coded
/// data to the next marker (in that data `FF` is always followed by `00` or a restart marker),
/// until the end-of-image marker. A thumbnail's own end marker sits inside an APP1 segment and is
/// skipped with it.
fn jpeg_is_whole(bytes: &[u8]) -> bool {
    let mut at = 2;
    loop {
        let (Some(&ff), Some(&marker)) = (bytes.get(at), bytes.get(at + 1)) else {
            return false;
        };
        if ff != 0xFF {
            return false;
        }
        match marker {
            0xD9 => return true,
            // Fill bytes before a marker, and markers without a length.
            0xFF => at += 1,
            0x01 | 0xD0..=0xD7 => at += 2,
            _ => {
                let Some(length) = bytes.get(at + 2..at + 4) else {
                    return false;
                };
                let length = usize::from(u16::from_be_bytes([length[0], length[1]]));
                if length < 2 {
                    return false;
                }
                at += 2 + length;
                if marker == 0xDA {
                    match next_marker(bytes, at) {
                        Some(next) => at = next,
                        None => return false,
                    }
                }
            }
        }
    }
}

/// The offset of the first marker at or after `at` in entropy-coded data.
fn next_marker(bytes: &[u8], mut at: usize) -> Option<usize> {
    loop {
        at += bytes.get(at..)?.iter().position(|&b| b == 0xFF)?;
        match bytes.get(at + 1)? {
            0x00 | 0xD0..=0xD7 => at += 2,
            0xFF => at += 1,
            _ => return Some(at),
        }
    }
}

/// Walks the PNG's chunks by their lengths to the `IEND` chunk.
fn png_is_whole(bytes: &[u8]) -> bool {
    let mut at = 8;
    while let Some(head) = bytes.get(at..at + 8) {
        let length = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let end = at.saturating_add(12).saturating_add(length);
        if end > bytes.len() {
            return false;
        }
        if &head[4..8] == b"IEND" {
            return true;
        }
        at = end;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(format: image::ImageFormat, width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x * 7) as u8, (y * 13) as u8, ((x + y) * 3) as u8])
        });
        let mut out = Cursor::new(Vec::new());
        image.write_to(&mut out, format).expect("encode");
        out.into_inner()
    }

    fn inspect_bytes(bytes: &[u8]) -> Result<(), Refusal> {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("photo");
        std::fs::write(&path, bytes).expect("write");
        inspect(&path)
    }

    #[test]
    fn whole_images_pass_and_cut_ones_are_refused_at_every_length() {
        for format in [image::ImageFormat::Jpeg, image::ImageFormat::Png] {
            let bytes = encoded(format, 64, 48);
            assert!(jpeg_is_whole(&bytes) || png_is_whole(&bytes), "{format:?}");
            assert_eq!(inspect_bytes(&bytes), Ok(()));
            // Every cut past the header is caught (the first bytes are not a JPEG or PNG at all).
            for cut in (16..bytes.len()).step_by(7) {
                let refused = inspect_bytes(&bytes[..cut]);
                assert!(
                    refused.is_err(),
                    "{format:?} cut at {cut} of {}",
                    bytes.len()
                );
            }
        }
    }

    #[test]
    fn a_thumbnail_end_marker_inside_a_segment_does_not_make_a_cut_jpeg_whole() {
        let photo = encoded(image::ImageFormat::Jpeg, 32, 32);
        let thumbnail = encoded(image::ImageFormat::Jpeg, 8, 8);
        let mut app1 = vec![0xFF, 0xE1];
        app1.extend(
            u16::try_from(thumbnail.len() + 2)
                .expect("small")
                .to_be_bytes(),
        );
        app1.extend(&thumbnail);
        let with_thumbnail: Vec<u8> = [&photo[..2], &app1, &photo[2..]].concat();
        assert!(jpeg_is_whole(&with_thumbnail));
        assert!(!jpeg_is_whole(&with_thumbnail[..with_thumbnail.len() - 40]));
    }

    #[test]
    fn an_image_over_the_pixel_limit_is_refused_from_its_header_with_its_size() {
        // A PNG header claiming 20,000 × 20,000 pixels: refused before any pixel is read.
        let mut png = Vec::new();
        let mut encoder = png::Encoder::new(&mut png, 20_000, 20_000);
        encoder.set_color(png::ColorType::Rgb);
        drop(encoder.write_header().expect("a PNG header"));
        let refused = inspect_bytes(&png).expect_err("too large");
        assert!(
            refused.contains("20000 × 20000 pixels (400 megapixels)"),
            "{refused}"
        );
        assert!(refused.contains("up to 50 megapixels"), "{refused}");
    }

    #[test]
    fn other_files_are_not_this_check_s_business() {
        assert_eq!(
            inspect_bytes(b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
            Ok(())
        );
    }
}
