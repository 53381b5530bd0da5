//! `egiz serve`: the dev server, with a line on the terminal for every rebuild.

use egiz::ServeReport as Report;

use super::terminal::{count, print_problem, print_problems, warning_note};
use super::{Global, Outcome};

#[derive(clap::Args)]
pub(crate) struct Args {
    /// The port to listen on (0 picks a free one)
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// The address to listen on; the default is reachable from this computer only
    #[arg(long, default_value = "127.0.0.1")]
    bind: String,
}

pub(crate) fn run(global: Global, args: Args) -> Outcome {
    let options = egiz::ServeOptions {
        site: global.site,
        bind: args.bind,
        port: args.port,
    };
    let booklets = Box::new(egiz::PrintedBooklets);
    egiz::serve(&options, booklets, &print_report)
}

fn print_report(event: Report) {
    match event {
        Report::Listening { url } => println!(
            "serving {url} (edit content/, themes/ or site.yaml: open pages reload; Ctrl-C stops)"
        ),
        Report::Built { update, changed } => {
            print_problems(&update.warnings);
            let verb = if changed.is_empty() {
                "built"
            } else {
                "rebuilt"
            };
            let cause = match changed {
                [] => String::new(),
                [one] => format!(" after a change to {}", one.display()),
                [first, rest @ ..] => {
                    format!(
                        " after changes to {} and {} more",
                        first.display(),
                        rest.len()
                    )
                }
            };
            println!(
                "{verb} {} pages, {} booklets in {} ms{cause}{}",
                update.pages,
                update.booklets,
                update.elapsed.as_millis(),
                warning_note(&update.warnings)
            );
        }
        Report::Failed(problems) => {
            for problem in problems.clone().sorted().iter() {
                print_problem(problem);
            }
            eprintln!(
                "{}: still serving the last version that built",
                count(problems.error_count(), "error")
            );
        }
    }
}
