//! Cards as small PNG files. A card of flat colours and text has a few thousand colours at most,
//! nearly all of them the antialiased edges of letters: a palette of 256 (median cut) reads the
//! same and makes the file a fraction of the size. A card with a photo gets a palette only when
//! the photo is a drawing of flat colours that the palette keeps (a small average error); a real
//! photo keeps every colour, as a palette would band its skies and faces.

use std::collections::HashMap;

use tiny_skia::Pixmap;

/// The card's pixels as a PNG file; `photo`: the card shows a photo.
pub(crate) fn encode(pixmap: &Pixmap, photo: bool) -> Result<Vec<u8>, String> {
    let rgb: Vec<[u8; 3]> = pixmap
        .pixels()
        .iter()
        // Cards are opaque, so the premultiplied channels are the colours themselves.
        .map(|p| [p.red(), p.green(), p.blue()])
        .collect();
    let (width, height) = (pixmap.width(), pixmap.height());
    let quantized = if photo {
        histogram(&rgb, PHOTO_COLOURS)
            .map(|colours| quantize(&rgb, colours, 256))
            .filter(|(palette, indices)| mean_error(&rgb, palette, indices) <= MAX_PHOTO_ERROR)
    } else {
        histogram(&rgb, usize::MAX).map(|colours| quantize(&rgb, colours, 256))
    };
    match quantized {
        Some((palette, indices)) => {
            let flat: Vec<u8> = palette.iter().flatten().copied().collect();
            write(width, height, png::ColorType::Indexed, Some(flat), &indices)
        }
        None => {
            let flat: Vec<u8> = rgb.iter().flatten().copied().collect();
            write(width, height, png::ColorType::Rgb, None, &flat)
        }
    }
}

/// A card with more colours than this shows a real photo: it is not worth trying a palette.
const PHOTO_COLOURS: usize = 60_000;

/// The mean squared error per channel a palette may add to a card with a photo: about 46 dB,
/// where the difference cannot be seen.
const MAX_PHOTO_ERROR: f64 = 1.5;

/// Each colour of `pixels` with its count, or None when there are more than `limit`.
fn histogram(pixels: &[[u8; 3]], limit: usize) -> Option<Vec<([u8; 3], u32)>> {
    // Cards are long runs of one colour: count (and below, look up) a run at once.
    let mut counts: HashMap<[u8; 3], u32> = HashMap::new();
    for run in pixels.chunk_by(|a, b| a == b) {
        *counts.entry(run[0]).or_default() += run.len() as u32;
        if counts.len() > limit {
            return None;
        }
    }
    let mut colours: Vec<([u8; 3], u32)> = counts.into_iter().collect();
    colours.sort_unstable();
    Some(colours)
}

/// The mean squared difference per channel between `pixels` and their palette colours.
fn mean_error(pixels: &[[u8; 3]], palette: &[[u8; 3]], indices: &[u8]) -> f64 {
    let total: u64 = pixels
        .iter()
        .zip(indices)
        .map(|(p, i)| {
            let q = palette[usize::from(*i)];
            (0..3)
                .map(|c| (i64::from(p[c]) - i64::from(q[c])).pow(2) as u64)
                .sum::<u64>()
        })
        .sum();
    total as f64 / (pixels.len().max(1) * 3) as f64
}

fn write(
    width: u32,
    height: u32,
    color: png::ColorType,
    palette: Option<Vec<u8>>,
    data: &[u8],
) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(color);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::High);
    if let Some(palette) = palette {
        encoder.set_palette(palette);
        // Filters predict smooth gradients; palette indices are not, so they only cost.
        encoder.set_filter(png::Filter::NoFilter);
    }
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(data).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

/// At most `colors` colours standing for all of `pixels`, and each pixel's index among them;
/// Median cut: the box of colours with the widest channel is split at its median until there
/// are enough boxes; each box becomes its colours' weighted mean.
/// `unique` is the [`histogram`] of `pixels`.
pub(crate) fn quantize(
    pixels: &[[u8; 3]],
    unique: Vec<([u8; 3], u32)>,
    colors: usize,
) -> (Vec<[u8; 3]>, Vec<u8>) {
    let palette: Vec<[u8; 3]> = if unique.len() <= colors {
        unique.iter().map(|(c, _)| *c).collect()
    } else {
        median_cut(unique.clone(), colors)
    };
    let nearest: HashMap<[u8; 3], u8> = unique
        .iter()
        .map(|(c, _)| (*c, nearest_index(&palette, *c)))
        .collect();
    let mut indices = Vec::with_capacity(pixels.len());
    for run in pixels.chunk_by(|a, b| a == b) {
        let index = nearest.get(&run[0]).copied().unwrap_or(0);
        indices.extend(std::iter::repeat_n(index, run.len()));
    }
    (palette, indices)
}

fn median_cut(colors: Vec<([u8; 3], u32)>, wanted: usize) -> Vec<[u8; 3]> {
    let mut boxes: Vec<Vec<([u8; 3], u32)>> = vec![colors];
    while boxes.len() < wanted {
        let widest = boxes
            .iter()
            .enumerate()
            .filter(|(_, b)| b.len() > 1)
            .map(|(i, b)| (i, widest_channel(b)))
            .max_by_key(|(_, (_, range))| *range);
        let Some((index, (channel, _))) = widest else {
            break;
        };
        let mut colours = boxes.swap_remove(index);
        colours.sort_unstable_by_key(|(c, _)| c[channel]);
        let total: u64 = colours.iter().map(|(_, n)| u64::from(*n)).sum();
        let mut seen = 0u64;
        let mut split = colours.len() / 2;
        for (i, (_, n)) in colours.iter().enumerate() {
            seen += u64::from(*n);
            if seen * 2 >= total {
                split = i + 1;
                break;
            }
        }
        let split = split.clamp(1, colours.len() - 1);
        let upper = colours.split_off(split);
        boxes.push(colours);
        boxes.push(upper);
    }
    boxes.iter().map(|b| mean(b)).collect()
}

/// The channel with the widest range in `colors`, and that range.
fn widest_channel(colors: &[([u8; 3], u32)]) -> (usize, u8) {
    (0..3)
        .map(|ch| {
            let (lo, hi) = colors.iter().fold((255u8, 0u8), |(lo, hi), (c, _)| {
                (lo.min(c[ch]), hi.max(c[ch]))
            });
            (ch, hi.saturating_sub(lo))
        })
        .max_by_key(|(_, range)| *range)
        .unwrap_or((0, 0))
}

fn mean(colors: &[([u8; 3], u32)]) -> [u8; 3] {
    let total: u64 = colors
        .iter()
        .map(|(_, n)| u64::from(*n))
        .sum::<u64>()
        .max(1);
    let channel = |ch: usize| {
        let sum: u64 = colors
            .iter()
            .map(|(c, n)| u64::from(c[ch]) * u64::from(*n))
            .sum();
        u8::try_from((sum + total / 2) / total).unwrap_or(255)
    };
    [channel(0), channel(1), channel(2)]
}

fn nearest_index(palette: &[[u8; 3]], color: [u8; 3]) -> u8 {
    let distance = |p: &[u8; 3]| -> u32 {
        (0..3)
            .map(|ch| (i32::from(p[ch]) - i32::from(color[ch])).pow(2) as u32)
            .sum()
    };
    let best = palette
        .iter()
        .enumerate()
        .min_by_key(|(_, p)| distance(p))
        .map_or(0, |(i, _)| i);
    u8::try_from(best).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn few_colours_are_kept_exactly() {
        let pixels = [[1, 2, 3], [200, 100, 0], [1, 2, 3]];
        let colours = histogram(&pixels, usize::MAX).expect("few colours");
        let (palette, indices) = quantize(&pixels, colours, 256);
        assert_eq!(palette.len(), 2);
        for (p, i) in pixels.iter().zip(&indices) {
            assert_eq!(palette[usize::from(*i)], *p);
        }
    }

    #[test]
    fn many_colours_become_a_palette_of_close_ones() {
        let pixels: Vec<[u8; 3]> = (0..4096u32)
            .map(|i| [(i % 256) as u8, (i / 16) as u8, 128])
            .collect();
        let colours = histogram(&pixels, usize::MAX).expect("counted");
        assert_eq!(histogram(&pixels, 100), None, "more than 100 colours");
        let (palette, indices) = quantize(&pixels, colours, 256);
        assert!(palette.len() <= 256);
        assert!(mean_error(&pixels, &palette, &indices) < 30.0);
        for (p, i) in pixels.iter().zip(&indices) {
            let q = palette[usize::from(*i)];
            let off = (0..3)
                .map(|c| (i32::from(p[c]) - i32::from(q[c])).abs())
                .max();
            assert!(off.unwrap_or(0) <= 24, "{p:?} became {q:?}");
        }
    }

    #[test]
    fn a_real_photo_keeps_every_colour_and_a_drawing_gets_a_palette() {
        let mut noisy = Pixmap::new(300, 200).expect("pixmap");
        let mut seed = 7u32;
        for pixel in noisy.pixels_mut() {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let [r, g, b, _] = seed.to_le_bytes();
            *pixel = tiny_skia::ColorU8::from_rgba(r, g, b, 255).premultiply();
        }
        let color_type = |bytes: Vec<u8>| {
            let reader = png::Decoder::new(std::io::Cursor::new(bytes))
                .read_info()
                .expect("reads");
            reader.info().color_type
        };
        let photo = encode(&noisy, true).expect("encodes");
        assert_eq!(color_type(photo), png::ColorType::Rgb);
        let mut drawing = Pixmap::new(300, 200).expect("pixmap");
        drawing.fill(tiny_skia::Color::from_rgba8(200, 220, 240, 255));
        let drawn = encode(&drawing, true).expect("encodes");
        assert_eq!(color_type(drawn), png::ColorType::Indexed);
    }

    #[test]
    fn a_card_without_photo_is_an_indexed_png_that_decodes_to_its_size() {
        let mut pixmap = Pixmap::new(40, 20).expect("pixmap");
        pixmap.fill(tiny_skia::Color::from_rgba8(10, 74, 88, 255));
        let bytes = encode(&pixmap, false).expect("encodes");
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let reader = decoder.read_info().expect("reads");
        let info = reader.info();
        assert_eq!((info.width, info.height), (40, 20));
        assert_eq!(info.color_type, png::ColorType::Indexed);
    }
}
