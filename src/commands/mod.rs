//! One module per `egiz` command. Each takes its parsed arguments, calls the library and tells
//! the person at the terminal what happened; `main.rs` maps the result to an exit code.

pub(crate) mod booklet;
pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod init;
pub(crate) mod new;
pub(crate) mod print;
pub(crate) mod serve;
pub(crate) mod terminal;

use std::path::PathBuf;

use egiz::Diagnostics;

/// What every command is given besides its own arguments.
pub(crate) struct Global {
    /// The site folder (the one with site.yaml).
    pub site: PathBuf,
}

/// A command's outcome: `Err` holds the problems to print (none for a failed `check`, which
/// has printed its own report).
pub(crate) type Outcome = Result<(), Diagnostics>;
