//! `egiz new story NAME`: a new story's file in every language of the site.

use super::{Global, Outcome};

#[derive(clap::Subcommand)]
pub(crate) enum What {
    /// content/projects/NAME.LANG.md for every language of the site
    Story { name: String },
}

pub(crate) fn run(global: Global, what: What) -> Outcome {
    match what {
        What::Story { name } => {
            for file in egiz::new_story(&global.site, &name)? {
                println!("created {}", file.display());
            }
        }
    }
    Ok(())
}
