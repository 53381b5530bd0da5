//! The print engine: typesets stories and booklets into PDF pages. Stages, each in its own
//! module: document tree (`doc`) → fonts and shaping (`fonts`, `shape`) → hyphenation and
//! optimal line breaking (`hyphenate`, `linebreak`) → layout and pagination → PDF (`pdf`).

pub mod blocks;
pub mod booklet;
pub mod doc;
pub mod engine;
pub mod fonts;
pub mod hyphenate;
pub mod layout;
pub mod linebreak;
pub mod paginate;
pub mod paragraph;
pub mod pdf;
pub mod report;
pub mod shape;
pub mod story;
