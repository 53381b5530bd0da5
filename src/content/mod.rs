//! Content: reading `content/` into the site model (front matter, pairing of translations,
//! inheritance, validation). The model is what both renderers read.

pub mod alt;
pub mod booklets;
pub mod coverage;
pub mod frontmatter;
pub mod load;
pub mod model;
pub mod reserved;
pub mod schema;

pub use load::load;
pub use model::{Asset, Entry, Kind, Meta, Page, Site};
