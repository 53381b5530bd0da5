//! The print engine: typesets stories and booklets into PDF pages. Stages, each in its own
//! module: document tree (`doc`) → fonts and shaping (`fonts`, `shape`) → hyphenation and
//! optimal line breaking (`hyphenate`, `linebreak`) → layout and pagination → PDF (`pdf`).

pub mod doc;
pub mod fonts;
pub mod hyphenate;
pub mod linebreak;
pub mod pdf;
pub mod settings;
pub mod shape;
pub mod story;
pub mod units;
