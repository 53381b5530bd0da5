//! Running the real `egiz` binary and reading what it reports: the exit code, stdout, and the
//! `file:line:col: error: message` lines of stderr with their hints.

use std::path::Path;

use assert_cmd::Command;

/// A path as a command-line argument (the temporary folders have UTF-8 names).
pub(crate) fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// Run the real binary with `args` in `cwd`, without colours.
pub(crate) fn egiz(args: &[&str], cwd: &Path) -> Run {
    let output = Command::cargo_bin("egiz")
        .expect("the egiz binary is built")
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("run egiz");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// `egiz ARGS --site SITE --output OUT` in `cwd`.
pub(crate) fn egiz_on(args: &[&str], site: &Path, out: &Path, cwd: &Path) -> Run {
    let mut args = args.to_vec();
    args.extend(["--site", arg(site), "--output", arg(out)]);
    egiz(&args, cwd)
}

/// What one run of the binary did.
#[derive(Debug)]
pub(crate) struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub(crate) fn assert_success(&self) {
        assert_eq!(
            self.code,
            Some(0),
            "egiz should succeed\n--- stdout:\n{}\n--- stderr:\n{}",
            self.stdout,
            self.stderr
        );
    }

    pub(crate) fn assert_code(&self, code: i32) {
        assert_eq!(
            self.code,
            Some(code),
            "egiz should exit with {code}\n--- stdout:\n{}\n--- stderr:\n{}",
            self.stdout,
            self.stderr
        );
    }

    /// stdout holds `needle`.
    pub(crate) fn assert_stdout_has(&self, needle: &str) {
        assert!(
            self.stdout.contains(needle),
            "{needle:?} is not in stdout:\n{}",
            self.stdout
        );
    }

    /// stderr holds `needle`.
    pub(crate) fn assert_stderr_has(&self, needle: &str) {
        assert!(
            self.stderr.contains(needle),
            "{needle:?} is not in stderr:\n{}",
            self.stderr
        );
    }

    /// The `error:` lines of stderr (without their hints).
    pub(crate) fn error_lines(&self) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|l| l.contains(": error: ") || l.starts_with("error: "))
            .collect()
    }

    /// The one error line reported for `file`, with the hint lines that follow it.
    pub(crate) fn error_for(&self, file: &str) -> Reported {
        let lines: Vec<&str> = self.stderr.lines().collect();
        let found: Vec<usize> = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.starts_with(&format!("{file}:")) && l.contains(" error: "))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(
            found.len(),
            1,
            "expected exactly one error for {file} in stderr:\n{}",
            self.stderr
        );
        let first = found[0];
        let hints = lines[first + 1..]
            .iter()
            .take_while(|l| l.starts_with("  "))
            .filter_map(|l| l.trim_start().strip_prefix("hint: "))
            .map(str::to_string)
            .collect();
        Reported::parse(lines[first], file, hints)
    }
}

/// One `file:line:col: error: message` report with its hints.
#[derive(Debug)]
pub(crate) struct Reported {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub hints: Vec<String>,
    pub raw: String,
}

impl Reported {
    fn parse(raw: &str, file: &str, hints: Vec<String>) -> Reported {
        let rest = &raw[file.len()..];
        let (place, message) = rest
            .split_once(" error: ")
            .unwrap_or_else(|| panic!("not an error line: {raw}"));
        let numbers: Vec<usize> = place
            .trim_matches(':')
            .split(':')
            .filter_map(|n| n.parse().ok())
            .collect();
        Reported {
            line: numbers.first().copied(),
            column: numbers.get(1).copied(),
            message: message.to_string(),
            hints,
            raw: raw.to_string(),
        }
    }

    /// The report sits on `line` of the file and comes with at least one hint.
    pub(crate) fn assert_at_line_with_hint(&self, line: usize) {
        assert_eq!(self.line, Some(line), "wrong line in: {}", self.raw);
        assert!(self.column.is_some(), "no column in: {}", self.raw);
        assert!(!self.hints.is_empty(), "no hint for: {}", self.raw);
    }
}
