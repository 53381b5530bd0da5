//! The integration tests, one binary with a module per feature (as mdBook does): each runs the
//! real `egiz` program on a fixture site in a temporary folder, or on the example site at the
//! repository root, and reads back what it wrote. `support` holds what the modules share.
//!
//! One feature: `cargo test --test suite feeds::`; one test: its full name, e.g.
//! `cargo test --test suite errors::unknown_field_is_reported_at_its_line_with_a_suggestion`.

mod support;

mod admin;
mod architecture;
mod base_url;
mod booklets;
mod browser;
mod build;
mod cards;
mod check;
mod cli;
mod custom_taxonomy;
mod dashboard;
mod drift;
mod errors;
mod example_site;
mod fallback;
mod feeds;
mod hardening;
mod images;
mod incremental;
mod limits;
mod mutation;
mod output;
mod page_flow;
mod pagination;
mod pdfx;
mod print;
mod publish;
mod search_index;
mod serve;
mod taxonomy;
