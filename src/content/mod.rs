//! Content: reading `content/` into the site model (front matter, pairing of translations,
//! inheritance, validation). The model is what both renderers read.

pub mod alt;
pub mod booklets;
pub mod coverage;
mod fields;
pub mod frontmatter;
pub mod load;
pub mod model;
mod parsed;
pub mod reserved;
pub mod schema;
mod sources;

pub use fields::{local_path, percent_decode};
pub use load::load;
pub use model::{Asset, Entry, Kind, Meta, Page, Site};
