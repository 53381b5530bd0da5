//! What the integration tests share, one module per purpose: fixture sites ([`site`]), running
//! the binary ([`run`]), reading back what it wrote ([`files`], [`html`], [`links`], [`xml`],
//! [`pdf`]) and serving it ([`server`], [`static_server`]).

pub mod files;
pub mod html;
pub mod links;
pub mod pdf;
pub mod run;
pub mod server;
pub mod site;
pub mod static_server;
pub mod xml;
