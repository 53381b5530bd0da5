//! `egiz print STORY`: one story as a PDF per language, into a folder of the user's choice.

use std::path::PathBuf;

use super::terminal::print_problems;
use super::{Global, Outcome};

#[derive(clap::Args)]
pub(crate) struct Args {
    /// The story's name: its file or folder name in content/projects
    story: String,
    /// Only this language
    #[arg(long)]
    lang: Option<String>,
    /// The folder to write the PDFs to
    #[arg(long, default_value = ".")]
    output: PathBuf,
}

pub(crate) fn run(global: Global, args: Args) -> Outcome {
    let started = std::time::Instant::now();
    let options = egiz::PrintOptions {
        site: global.site,
        story: args.story,
        lang: args.lang,
        output: args.output,
    };
    let (files, warnings) = egiz::print_story(&options)?;
    print_problems(&warnings);
    for file in &files {
        println!(
            "wrote {} ({} pages, {} KB)",
            file.path.display(),
            file.pages,
            file.bytes.div_ceil(1024)
        );
    }
    println!("printed in {} ms", started.elapsed().as_millis());
    Ok(())
}
