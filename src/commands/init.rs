//! `egiz init DIR`: a new working site.

use std::path::PathBuf;

use super::Outcome;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// The folder to create (it must not exist, or be empty)
    dir: PathBuf,
}

pub(crate) fn run(args: Args) -> Outcome {
    let files = egiz::init(&args.dir)?;
    println!(
        "created a new site in {} ({} files)",
        args.dir.display(),
        files.len()
    );
    println!("next: cd {} && egiz build", args.dir.display());
    Ok(())
}
