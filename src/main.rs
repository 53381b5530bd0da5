//! The `egiz` command line: parses the arguments, runs the command (one module each in
//! `commands/`), and maps the outcome to an exit code: 0 success, 1 site problems, 2 usage
//! errors (clap's own).

mod commands;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use commands::Global;

// See Cargo.toml: the system allocator was a large part of a big build's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Makes mimalloc give freed memory back at once and commit its arenas as it uses them: with
/// its defaults, a 1,000-story build peaked at 102 MB instead of 72 MB (10,000 stories: about
/// 510 instead of 442 MB). It costs time: on 10,000 stories about 0.5 s of 6.5 s, the calls that
/// give memory back (measured alternating the two; the eager-commit option alone saves nothing
/// there). Memory is the further of the two from its goal (bench/results/). (Set through
/// MIMALLOC_* variables before the program starts, the 1,000-story peak is 55 MB: the first
/// arena is made before `main`.) The numbers are the places of `mi_option_arena_eager_commit`
/// and `mi_option_purge_delay` in the `mi_option_e` of the mimalloc 3 that libmimalloc-sys
/// builds (its Rust constants lack these two); a test checks them against mimalloc's defaults.
const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn tune_allocator() {
    // SAFETY: setting an option is a plain store mimalloc allows at any time.
    unsafe {
        libmimalloc_sys::mi_option_set(ARENA_EAGER_COMMIT, 0);
        libmimalloc_sys::mi_option_set(PURGE_DELAY, 0);
    }
}

#[derive(Parser)]
#[command(
    name = "egiz",
    version,
    about = "A static site generator for NGOs: bilingual project stories and printable booklets"
)]
struct Cli {
    /// The site folder (the one with site.yaml)
    #[arg(long, global = true, default_value = ".")]
    site: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the website into the output folder
    Build(commands::build::Args),
    /// Make only the booklets' PDF files, into <output>/booklets/
    Booklet(commands::booklet::Args),
    /// Build the site, serve it on this computer, rebuild and reload pages as you edit
    Serve(commands::serve::Args),
    /// Find everything that can be wrong before publishing, without writing anything
    Check(commands::check::Args),
    /// Typeset one story as a PDF per language (NAME.kk.pdf, NAME.ru.pdf)
    Print(commands::print::Args),
    /// Create a new site in DIR
    Init(commands::init::Args),
    /// Create new content
    New {
        #[command(subcommand)]
        what: commands::new::What,
    },
}

fn main() -> ExitCode {
    tune_allocator();
    let cli = Cli::parse();
    egiz::show_progress(std::io::stderr().is_terminal() && std::env::var_os("CI").is_none());
    let global = Global { site: cli.site };
    let outcome = match cli.command {
        Command::Build(args) => commands::build::run(global, args),
        Command::Booklet(args) => commands::booklet::run(global, args),
        Command::Serve(args) => commands::serve::run(global, args),
        Command::Check(args) => commands::check::run(global, args),
        Command::Print(args) => commands::print::run(global, args),
        Command::Init(args) => commands::init::run(args),
        Command::New { what } => commands::new::run(global, what),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(problems) => {
            if !problems.is_empty() {
                commands::terminal::print_failure(&problems);
            }
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_allocator_options_are_the_ones_named() {
        // SAFETY: reading an option is a plain load.
        let get = |option| unsafe { libmimalloc_sys::mi_option_get(option) };
        // mimalloc's documented defaults show that the numbers name these two options
        // (unless MIMALLOC_ARENA_EAGER_COMMIT or MIMALLOC_PURGE_DELAY say otherwise).
        if std::env::var_os("MIMALLOC_ARENA_EAGER_COMMIT").is_none() {
            assert_eq!(get(ARENA_EAGER_COMMIT), 2);
        }
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(get(PURGE_DELAY), 1000);
        }
        tune_allocator();
        assert_eq!((get(ARENA_EAGER_COMMIT), get(PURGE_DELAY)), (0, 0));
    }
}
