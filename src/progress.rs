//! Progress bars for long work, shown only to a person at a terminal: the command line switches
//! them on when stderr is a TTY; in CI, in tests and in the library they stay silent.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

static ENABLED: AtomicBool = AtomicBool::new(false);

/// Below this many steps the work is over before a bar could be read.
const MIN_STEPS: usize = 200;

/// Show progress bars from now on (the command line calls this when stderr is a terminal).
pub fn enable(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

/// A bar over `steps` steps of `what` ("pages", "links"); a no-op when bars are off or the work
/// is small. Safe to advance from several threads.
pub(crate) fn bar(steps: usize, what: &str) -> Bar {
    bar_from(steps, what, MIN_STEPS)
}

/// A bar for slow steps (a booklet takes a good part of a second): shown from two steps on.
pub(crate) fn slow_bar(steps: usize, what: &str) -> Bar {
    if steps < 2 {
        return Bar(None);
    }
    bar_from(steps, what, 0)
}

fn bar_from(steps: usize, what: &str, min_steps: usize) -> Bar {
    if !ENABLED.load(Ordering::Relaxed) || steps < min_steps {
        return Bar(None);
    }
    let bar = indicatif::ProgressBar::new(steps as u64);
    let style = indicatif::ProgressStyle::with_template(&format!(
        "{{bar:30}} {{pos}}/{{len}} {what} {{elapsed}}"
    ))
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(120));
    Bar(Some(bar))
}

pub(crate) struct Bar(Option<indicatif::ProgressBar>);

impl Bar {
    pub(crate) fn inc(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }

    /// Remove the bar: the command prints its own one-line summary.
    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_silent_unless_enabled() {
        assert!(bar(10_000, "pages").0.is_none());
    }
}
