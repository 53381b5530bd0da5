//! How the commands write to the terminal: problems like a compiler, in colour only for a
//! person at a terminal, and the counts of summary lines in plain words.

use std::io::IsTerminal;

use egiz::{Diagnostic, Diagnostics};

/// Every problem, sorted by file and place, on standard error.
pub(crate) fn print_problems(problems: &Diagnostics) {
    for problem in problems.clone().sorted().iter() {
        print_problem(problem);
    }
}

/// One problem on standard error: red for an error, yellow for a warning.
pub(crate) fn print_problem(problem: &Diagnostic) {
    let colour = if problem.is_error() { "31" } else { "33" };
    eprintln!("{}", paint(&problem.to_string(), colour));
}

/// The problems of a command that failed, and that nothing was written.
pub(crate) fn print_failure(problems: &Diagnostics) {
    print_problems(problems);
    eprintln!(
        "{} found, nothing was written",
        count(problems.error_count(), "error")
    );
}

/// "1 error", "3 warnings".
pub(crate) fn count(n: usize, word: &str) -> String {
    match n {
        1 => format!("1 {word}"),
        n => format!("{n} {word}s"),
    }
}

/// ", 2 warnings" for the end of a summary line; nothing without warnings.
pub(crate) fn warning_note(warnings: &Diagnostics) -> String {
    match warnings.warning_count() {
        0 => String::new(),
        n => format!(", {}", count(n, "warning")),
    }
}

/// "5 booklets (23 PDFs, 1.8 MB)".
pub(crate) fn booklet_summary(booklets: usize, pdfs: usize, bytes: u64) -> String {
    if pdfs == 0 {
        return count(booklets, "booklet");
    }
    format!(
        "{} ({}, {})",
        count(booklets, "booklet"),
        count(pdfs, "PDF"),
        file_size(bytes)
    )
}

/// Bytes in megabytes with one decimal: `4.9 MB`.
pub(crate) fn file_size(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

/// Colour only for a person at a terminal; logs and CI get plain text.
fn paint(text: &str, colour: &str) -> String {
    if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        format!("\x1b[{colour}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}
