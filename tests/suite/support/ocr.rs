//! Reading a picture back with OCR: Debian's `tesseract-ocr` with its Kazakh and Russian data
//! (`tesseract-ocr-kaz`, `tesseract-ocr-rus`, installed by `.ci/run`).

use std::path::Path;
use std::process::Command;

/// The text tesseract reads in the picture at `png`, in tesseract's language `language`
/// (`kaz`, `rus`). Tesseract finds lines best in dark text on a light ground (its manual says
/// so, and it misses whole lines of white titles on a dark card), so a dark picture is read in
/// grey, inverted: the same letters, as tesseract likes them.
pub(crate) fn read(png: &Path, language: &str) -> String {
    let mut grey = image::open(png)
        .unwrap_or_else(|e| panic!("{}: {e}", png.display()))
        .to_luma8();
    let mean = grey.pixels().map(|p| u64::from(p[0])).sum::<u64>() / grey.len().max(1) as u64;
    if mean < 128 {
        image::imageops::invert(&mut grey);
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let input = dir.path().join("ocr.png");
    grey.save(&input).expect("write the picture for tesseract");
    let output = Command::new("tesseract")
        .arg(&input)
        .arg("stdout")
        .args(["-l", language])
        .output()
        .expect(
            "run tesseract (apt-get install tesseract-ocr tesseract-ocr-kaz tesseract-ocr-rus)",
        );
    assert!(
        output.status.success(),
        "tesseract failed on {}: {}",
        png.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The words of `text`, lowercase, without punctuation.
pub(crate) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The share of the words of `expected` that occur among the words of `read`, and those missed.
pub(crate) fn found(expected: &str, read: &str) -> (f64, Vec<String>) {
    let seen = words(read);
    let wanted = words(expected);
    let missed: Vec<String> = wanted
        .iter()
        .filter(|w| !seen.contains(w))
        .cloned()
        .collect();
    let share = 1.0 - missed.len() as f64 / wanted.len().max(1) as f64;
    (share, missed)
}
