//! What the integration tests share, one module per purpose: fixture sites ([`site`]), running
//! the binary ([`run`]), reading back what it wrote ([`files`], [`html`], [`links`], [`xml`],
//! [`pdf`], [`preflight`], [`layout`], [`ocr`]) and serving it ([`server`], [`static_server`]).

pub(crate) mod files;
pub(crate) mod html;
pub(crate) mod layout;
pub(crate) mod links;
pub(crate) mod ocr;
pub(crate) mod pdf;
pub(crate) mod preflight;
pub(crate) mod run;
pub(crate) mod search;
pub(crate) mod server;
pub(crate) mod site;
pub(crate) mod static_server;
pub(crate) mod words;
pub(crate) mod xml;
