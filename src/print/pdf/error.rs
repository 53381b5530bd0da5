//! What can go wrong writing a PDF, and the guard that keeps a bad number from breaking the
//! file.

#[derive(Debug, thiserror::Error)]
pub(crate) enum PdfError {
    #[error("unsupported or damaged image: {0}")]
    Image(String),
    #[error("image #{0} was not added to this PDF writer")]
    UnknownImage(usize),
    #[error("cannot embed font {name}: {reason}")]
    Font { name: String, reason: String },
    #[error("cannot write the PDF: {0}")]
    Write(String),
}

/// NaN or infinity would be written literally and break the file; draw at 0 instead.
pub(super) fn finite(v: f32) -> f32 {
    if v.is_finite() { v } else { 0.0 }
}
