//! Live reload: the server-sent events channel open browser tabs listen on, the script injected
//! into served HTML pages (never into `egiz build` output), and the error overlay shown while the
//! site has problems.

use crate::markup::escape;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Mutex, MutexGuard};

use crate::diagnostics::{Diagnostic, Diagnostics};

/// Where pages listen for events. Outside any base path, and not a name a site can have
/// (content paths are slugs, which never start with `_`).
pub(crate) const EVENTS_PATH: &str = "/__egiz/events";

/// One message for open tabs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Event {
    /// The site was rebuilt: load the page again.
    Reload,
    /// The site has problems: show them (the overlay's HTML).
    Errors(String),
}

impl Event {
    /// The event in the `text/event-stream` format.
    pub(crate) fn to_sse(&self) -> String {
        match self {
            Event::Reload => "event: reload\ndata: {}\n\n".to_string(),
            Event::Errors(html) => format!(
                "event: errors\ndata: {}\n\n",
                serde_json::to_string(html).unwrap_or_else(|_| "\"\"".to_string())
            ),
        }
    }
}

/// The open event streams.
#[derive(Default)]
pub(crate) struct Hub {
    listeners: Mutex<Vec<Sender<Event>>>,
}

impl Hub {
    pub(crate) fn subscribe(&self) -> Receiver<Event> {
        let (sender, receiver) = channel();
        self.lock().push(sender);
        receiver
    }

    /// Send to every open stream; streams whose tab was closed are dropped.
    pub(crate) fn broadcast(&self, event: &Event) {
        self.lock()
            .retain(|listener| listener.send(event.clone()).is_ok());
    }

    #[cfg(test)]
    pub(crate) fn listeners(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> MutexGuard<'_, Vec<Sender<Event>>> {
        self.listeners.lock().unwrap_or_else(|e| e.into_inner())
    }
}

const SCRIPT: &str = r#"<script>(function(){var s=new EventSource("/__egiz/events");s.addEventListener("reload",function(){location.reload()});s.addEventListener("errors",function(e){var b=document.getElementById("egiz-overlay");if(!b){b=document.createElement("div");b.id="egiz-overlay";document.body.appendChild(b)}b.innerHTML=JSON.parse(e.data)})})();</script>"#;

const STYLE: &str = "<style>#egiz-overlay{position:fixed;z-index:2147483647;top:8px;left:8px;right:8px;max-height:80vh;overflow:auto;box-sizing:border-box;padding:14px 16px;background:#fff5f5;color:#1a1a1a;border:3px solid #c62828;border-radius:8px;box-shadow:0 4px 24px rgba(0,0,0,.3);font:16px/1.45 system-ui,sans-serif}#egiz-overlay:empty{display:none}#egiz-overlay button{float:right;margin:-6px -8px 0 8px;border:0;background:none;font-size:26px;line-height:1;color:#b71c1c;cursor:pointer}#egiz-overlay h2{margin:0 0 8px;font-size:18px;color:#b71c1c}#egiz-overlay ol{margin:0;padding-left:1.2em}#egiz-overlay li{margin:0 0 10px;overflow-wrap:anywhere}#egiz-overlay code{display:block;font:14px/1.4 ui-monospace,monospace;color:#6d0000}#egiz-overlay .hint{color:#444}#egiz-overlay .note{margin:8px 0 0;font-size:14px;color:#444}</style>";

/// The overlay's inner HTML for `problems` (empty when there are none).
pub(crate) fn overlay(problems: &Diagnostics) -> String {
    let sorted = problems.clone().sorted();
    let errors: Vec<&Diagnostic> = sorted.iter().filter(|d| d.is_error()).collect();
    if errors.is_empty() {
        return String::new();
    }
    let mut html = format!(
        "<button type=\"button\" title=\"Hide\" onclick=\"this.parentNode.innerHTML=''\">×</button><h2>egiz: {} — the page shows the last version that built</h2><ol>",
        match errors.len() {
            1 => "1 error".to_string(),
            n => format!("{n} errors"),
        }
    );
    for d in errors {
        html.push_str("<li><code>");
        html.push_str(&escape(&d.place()));
        html.push_str("</code>");
        html.push_str(&escape(&d.message));
        if let Some(hint) = &d.hint {
            html.push_str("<br><span class=\"hint\">hint: ");
            html.push_str(&escape(hint));
            html.push_str("</span>");
        }
        html.push_str("</li>");
    }
    html.push_str(
        "</ol><p class=\"note\">Fix the file and save: this box goes away by itself.</p>",
    );
    html
}

/// `page` with the reload script, the overlay's style and, while there are problems, the
/// overlay itself, placed before `</body>` (or at the end of a page without one).
pub(crate) fn inject(page: &[u8], overlay_html: &str) -> Vec<u8> {
    let at = find_body_end(page).unwrap_or(page.len());
    let mut out = Vec::with_capacity(page.len() + overlay_html.len() + 2048);
    out.extend_from_slice(&page[..at]);
    out.extend_from_slice(STYLE.as_bytes());
    out.extend_from_slice(b"<div id=\"egiz-overlay\">");
    out.extend_from_slice(overlay_html.as_bytes());
    out.extend_from_slice(b"</div>");
    out.extend_from_slice(SCRIPT.as_bytes());
    out.extend_from_slice(&page[at..]);
    out
}

fn find_body_end(page: &[u8]) -> Option<usize> {
    let needle = b"</body>";
    page.windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_goes_before_the_body_end() {
        let page = inject(b"<html><body><p>x</p></BODY></html>", "");
        let text = String::from_utf8(page).expect("utf8");
        assert!(text.ends_with("</script></BODY></html>"), "{text}");
        assert!(text.contains(EVENTS_PATH));
        assert!(text.contains("<div id=\"egiz-overlay\"></div>"));
    }

    #[test]
    fn overlay_lists_errors_with_their_place_escaped() {
        let problems = Diagnostics::from_iter([
            Diagnostic::error("unknown field \"<titel>\"")
                .in_file("content/projects/x.kk.md")
                .at(2, 1)
                .with_hint("did you mean \"title\"?"),
            Diagnostic::warning("not shown"),
        ]);
        let html = overlay(&problems);
        assert!(html.contains("content/projects/x.kk.md:2:1"));
        assert!(html.contains("&lt;titel&gt;"));
        assert!(html.contains("1 error"));
        assert!(!html.contains("not shown"));
        assert!(overlay(&Diagnostics::new()).is_empty());
    }

    #[test]
    fn events_are_single_data_lines() {
        let event = Event::Errors("<p>a\nb</p>".into()).to_sse();
        assert_eq!(event.trim_end().lines().count(), 2, "{event}");
        assert!(event.ends_with("\n\n"));
    }

    #[test]
    fn closed_streams_are_dropped() {
        let hub = Hub::default();
        let open = hub.subscribe();
        drop(hub.subscribe());
        hub.broadcast(&Event::Reload);
        assert_eq!(hub.listeners(), 1);
        assert_eq!(open.try_recv().ok(), Some(Event::Reload));
    }
}
