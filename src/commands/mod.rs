//! One module per `egiz` command. Each takes its parsed arguments, calls the library and tells
//! the person at the terminal what happened; `main.rs` maps the result to an exit code.

pub mod booklet;
pub mod build;
pub mod check;
pub mod init;
pub mod new;
pub mod print;
pub mod serve;
pub mod terminal;

use std::path::PathBuf;

use egiz::Diagnostics;

/// What every command is given besides its own arguments.
pub struct Global {
    /// The site folder (the one with site.yaml).
    pub site: PathBuf,
}

/// A command's outcome: `Err` holds the problems to print (none for a failed `check`, which
/// has printed its own report).
pub type Outcome = Result<(), Diagnostics>;
