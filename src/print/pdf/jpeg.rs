//! What a JPEG file says about itself before its scan data: size, colour components, the
//! Adobe marker of inverted CMYK and the EXIF orientation; and refusals in plain words for the
//! kinds PDF viewers cannot read; and the quality it was saved at, so that a downsampled copy is
//! saved no finer than the original (which would only add bytes).

#[derive(Debug, PartialEq)]
pub(super) struct JpegInfo {
    pub(super) width: u16,
    pub(super) height: u16,
    pub(super) components: u8,
    pub(super) adobe: bool,
    pub(super) orientation: u8,
}

/// Reads the frame header and the Adobe/EXIF segments before the scan data.
pub(super) fn jpeg_info(bytes: &[u8]) -> Result<JpegInfo, String> {
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

/// The IJG luminance table at quality 50, whose scaled copies most encoders write.
const STANDARD_LUMA: [u16; 64] = [
    16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
    14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113,
    92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];

/// The quality (1–100, IJG scale) the file was saved at, estimated from its first quantization
/// table: the table's sum against the standard one's gives the encoder's scale factor.
pub(super) fn jpeg_quality(bytes: &[u8]) -> Option<u8> {
    let mut pos = 2;
    loop {
        while bytes.get(pos) == Some(&0xFF) && bytes.get(pos + 1) == Some(&0xFF) {
            pos += 1;
        }
        let (Some(&0xFF), Some(&marker)) = (bytes.get(pos), bytes.get(pos + 1)) else {
            return None;
        };
        pos += 2;
        if matches!(marker, 0x01 | 0xD0..=0xD7) {
            continue;
        }
        if matches!(marker, 0xDA | 0xD9) {
            return None;
        }
        let length = usize::from(read_u16(bytes, pos)?);
        if marker == 0xDB {
            let table = bytes.get(pos + 2..pos + length.max(2))?;
            let (&kind, values) = table.split_first()?;
            let sum: u32 = if kind >> 4 == 0 {
                values.iter().take(64).map(|v| u32::from(*v)).sum()
            } else {
                values
                    .chunks_exact(2)
                    .take(64)
                    .map(|p| u32::from(u16::from_be_bytes([p[0], p[1]])))
                    .sum()
            };
            let standard: u32 = STANDARD_LUMA.iter().map(|v| u32::from(*v)).sum();
            let scale = f64::from(sum) * 100.0 / f64::from(standard);
            let quality = if scale <= 100.0 {
                (200.0 - scale) / 2.0
            } else {
                5000.0 / scale
            };
            return Some(quality.round().clamp(1.0, 100.0) as u8);
        }
        pos += length;
    }
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
