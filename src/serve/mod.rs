//! `egiz serve`: builds the site into memory, serves it over HTTP under its base path, watches
//! the sources and rebuilds what a change affects, and reloads open browser tabs. While the
//! sources have errors, the last version that built stays served, with the errors shown over it.

pub(crate) mod incremental;
pub(crate) mod reload;
pub(crate) mod server;
pub(crate) mod watch;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::booklets::Booklets;
use crate::diagnostics::Diagnostics;

use incremental::Session;
pub use incremental::Update;
use reload::Event;
use server::Shared;

#[derive(Debug, Clone)]
/// What `egiz serve` needs to know.
pub struct ServeOptions {
    /// The site folder.
    pub site: PathBuf,
    /// The address to listen on; loopback by default.
    pub bind: String,
    /// 0 picks a free port.
    pub port: u16,
}

/// What the server tells the person running it.
pub enum Report<'a> {
    /// The server is ready at `url` (the site's home under its base path).
    Listening {
        /// The address to open in a browser.
        url: &'a str,
    },
    /// A build or rebuild succeeded. `changed` names the files that caused it (empty at start).
    Built {
        /// What the rebuild changed, for the live reload.
        update: &'a Update,
        /// The files whose change caused it (empty at start).
        changed: &'a [PathBuf],
    },
    /// A build failed; the last version that built is still served.
    Failed(&'a Diagnostics),
}

/// Serve until the process is stopped, with `booklets` making the PDF files (the print engine,
/// [`crate::booklets::PrintedBooklets`], for `egiz serve`). Returns only when serving cannot
/// start or go on.
pub fn serve(
    options: &ServeOptions,
    booklets: Box<dyn Booklets + Send>,
    report: &dyn Fn(Report),
) -> Result<(), Diagnostics> {
    let one = |d| Diagnostics::from_iter([d]);
    let listener = server::listen(&options.bind, options.port).map_err(one)?;
    let port = listener
        .local_addr()
        .map(|a| a.port())
        .unwrap_or(options.port);
    let origin = format!("http://{}:{port}", host(&options.bind));
    // Watch before the first build, so that no change made during it is missed.
    let mut watcher = watch::Watcher::new(&options.site).map_err(one)?;
    let shared = Arc::new(Shared {
        cms: Some(crate::admin::backend::Backend::new(&options.site)),
        origin: origin.clone(),
        ..Shared::default()
    });
    let mut session = Session::new(&options.site, &origin, booklets);
    rebuild(&mut session, &shared, &[], report);

    let server_state = shared.clone();
    std::thread::spawn(move || server::run(listener, server_state));
    let url = format!("{origin}{}", shared.read().base_path);
    report(Report::Listening { url: &url });

    loop {
        let changed = watcher.next(Duration::from_secs(3600)).map_err(one)?;
        if changed.is_empty() {
            continue;
        }
        session.note(&changed);
        rebuild(&mut session, &shared, &changed, report);
    }
}

/// Rebuild, then serve the result and reload the tabs, or show the errors in them.
fn rebuild(session: &mut Session, shared: &Shared, changed: &[PathBuf], report: &dyn Fn(Report)) {
    match session.rebuild() {
        Ok(mut update) => {
            {
                let files = std::mem::take(&mut update.files);
                let mut served = shared.write();
                if update.replace_all {
                    served.files = files.into_iter().collect();
                } else {
                    served.files.extend(files);
                }
                served.base_path.clone_from(&update.base_path);
                served.overlay.clear();
            }
            shared.hub.broadcast(&Event::Reload);
            report(Report::Built {
                update: &update,
                changed,
            });
        }
        Err(problems) => {
            let overlay = reload::overlay(&problems);
            {
                let mut served = shared.write();
                served.overlay.clone_from(&overlay);
                if served.base_path.is_empty() {
                    served.base_path = "/".to_string();
                }
            }
            shared.hub.broadcast(&Event::Errors(overlay));
            report(Report::Failed(&problems));
        }
    }
}

/// The host part of a URL for a listening address (IPv6 in brackets).
fn host(bind: &str) -> String {
    if bind.contains(':') && !bind.starts_with('[') {
        format!("[{bind}]")
    } else {
        bind.to_string()
    }
}
