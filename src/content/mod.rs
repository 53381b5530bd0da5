//! Content: reading `content/` into the site model (front matter, pairing of translations,
//! inheritance, validation). The model is what both renderers read.

pub(crate) mod alt;
pub(crate) mod body;
pub(crate) mod booklets;
pub(crate) mod coverage;
mod fields;
pub(crate) mod frontmatter;
pub(crate) mod image_file;
pub(crate) mod load;
pub(crate) mod model;
mod parsed;
pub(crate) mod reserved;
pub(crate) mod schema;
mod sources;

pub(crate) use fields::{local_path, percent_decode};
pub(crate) use load::load;
pub(crate) use model::{Asset, Entry, Kind, Page, Site};
