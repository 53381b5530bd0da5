//! A small HTTP/1.1 server for the dev loop (std::net, one thread per connection up to
//! [`MAX_CONNECTIONS`], every connection closed after one answer): serves the rendered site from
//! memory under its base path, the live-reload event stream, and the web editor's local backend
//! (`POST /api/v1`).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use crate::admin::backend::{Answer, Backend};
use crate::content::percent_decode;
use crate::diagnostics::Diagnostic;
use crate::output::Body;

use super::reload::{self, EVENTS_PATH, Event, Hub};

/// What the server currently serves: the last version of the site that built.
#[derive(Default)]
pub(crate) struct Served {
    /// Output-relative path (`kk/projects/x/index.html`) → file.
    pub files: HashMap<String, Body>,
    /// `/civic/`: every address of the site starts with it.
    pub base_path: String,
    /// The error overlay's HTML while the sources have errors; empty otherwise.
    pub overlay: String,
}

/// Where the web editor's local backend answers (outside any base path; only POST goes there).
pub(crate) const API_PATH: &str = "/api/v1";

/// The largest request body accepted: an uploaded photo, base64-encoded (decap-server's limit).
const MAX_BODY: usize = 50 * 1024 * 1024;

/// The state shared by the rebuild loop and the connections.
#[derive(Default)]
pub(crate) struct Shared {
    pub served: RwLock<Served>,
    pub hub: Hub,
    /// The editor's local backend, confined to the site's content and static folders.
    pub cms: Option<Backend>,
    /// `http://127.0.0.1:1111`: the only page origin allowed to call the backend.
    pub origin: String,
}

impl Shared {
    pub(crate) fn read(&self) -> std::sync::RwLockReadGuard<'_, Served> {
        self.served.read().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn write(&self) -> std::sync::RwLockWriteGuard<'_, Served> {
        self.served.write().unwrap_or_else(|e| e.into_inner())
    }
}

/// The most connections answered at once, each on its own thread. Every open browser tab holds
/// one for live reload; past this a new connection is told to come back, so a program opening
/// connections without end cannot take the machine's threads or memory.
pub(crate) const MAX_CONNECTIONS: usize = 128;

/// How long a connection may stay silent before the server drops it: a browser sends its
/// request at once, a connection that does not is only holding a slot.
const IDLE: Duration = Duration::from_secs(10);

/// Answer connections on `listener` until the process ends.
pub(crate) fn run(listener: TcpListener, shared: Arc<Shared>) {
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming().flatten() {
        if open.load(Ordering::Acquire) >= MAX_CONNECTIONS {
            busy(stream);
            continue;
        }
        let slot = Slot::take(&open);
        let shared = shared.clone();
        let spawned = std::thread::Builder::new()
            .name("egiz-connection".into())
            .spawn(move || {
                let _slot = slot;
                handle(stream, &shared);
            });
        // Out of threads: the connection (moved into the closure) is closed and its slot freed.
        drop(spawned);
    }
}

/// One of the [`MAX_CONNECTIONS`] places, given back when the connection's thread ends.
struct Slot(Arc<AtomicUsize>);

impl Slot {
    fn take(open: &Arc<AtomicUsize>) -> Slot {
        open.fetch_add(1, Ordering::AcqRel);
        Slot(open.clone())
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// The answer when every place is taken, written from the accepting thread without waiting on
/// a slow reader.
fn busy(mut stream: TcpStream) {
    let _ = stream.set_write_timeout(Some(Duration::from_millis(200)));
    let _ = stream.write_all(
        b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
    );
}

/// Open the listening socket; a port in use is a plain error with a hint.
pub(crate) fn listen(bind: &str, port: u16) -> Result<TcpListener, Diagnostic> {
    TcpListener::bind((bind, port)).map_err(|err| {
        Diagnostic::error(format!("cannot listen on {bind}:{port}: {err}"))
            .with_hint("another program may use this port: try `egiz serve --port 1112`")
    })
}

/// How the server answers one request.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Reply {
    Found {
        content_type: &'static str,
        body: Vec<u8>,
    },
    Redirect(String),
    NotFound(Vec<u8>),
    Events,
    BadMethod,
}

fn handle(mut stream: TcpStream, shared: &Shared) {
    let _ = stream.set_read_timeout(Some(IDLE));
    let Some(request) = read_request(&stream) else {
        return;
    };
    let (method, target) = (request.method.as_str(), request.target.as_str());
    if method == "POST" && target.split('?').next() == Some(API_PATH) {
        let answer = api(&request, shared);
        let status = match answer.status {
            200 => "200 OK",
            403 => "403 Forbidden",
            413 => "413 Payload Too Large",
            _ => "422 Unprocessable Entity",
        };
        let _ = respond(
            &mut stream,
            status,
            "application/json; charset=utf-8",
            &[],
            answer.body.as_bytes(),
            false,
        );
        return;
    }
    let head_only = method == "HEAD";
    let reply = if method != "GET" && !head_only {
        Reply::BadMethod
    } else {
        route(target, &shared.read())
    };
    let _ = match reply {
        Reply::Found { content_type, body } => {
            respond(&mut stream, "200 OK", content_type, &[], &body, head_only)
        }
        Reply::Redirect(to) => respond(
            &mut stream,
            "302 Found",
            "text/plain; charset=utf-8",
            &[("Location", &to)],
            to.as_bytes(),
            head_only,
        ),
        Reply::NotFound(body) => respond(
            &mut stream,
            "404 Not Found",
            "text/html; charset=utf-8",
            &[],
            &body,
            head_only,
        ),
        Reply::BadMethod => respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain; charset=utf-8",
            &[("Allow", "GET, HEAD")],
            b"only GET and HEAD",
            head_only,
        ),
        Reply::Events => stream_events(stream, shared),
    };
}

/// One request: its line, the headers the server uses, and the body of a POST.
pub(crate) struct Request {
    pub method: String,
    pub target: String,
    pub content_type: String,
    pub origin: Option<String>,
    pub body: Vec<u8>,
    /// The body was larger than [`MAX_BODY`] and was not read.
    pub too_large: bool,
}

fn read_request(stream: &TcpStream) -> Option<Request> {
    let mut reader = BufReader::new(stream);
    let mut head = std::io::Read::take(&mut reader, 16 * 1024);
    let mut line = String::new();
    head.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let mut request = Request {
        method: parts.next()?.to_string(),
        target: parts.next()?.to_string(),
        content_type: String::new(),
        origin: None,
        body: Vec::new(),
        too_large: false,
    };
    let mut length = 0usize;
    loop {
        let mut header = String::new();
        match head.read_line(&mut header) {
            Ok(0) => break,
            Ok(_) if header.trim().is_empty() => break,
            Ok(_) => {}
            Err(_) => return None,
        }
        let Some((name, value)) = header.split_once(':') else {
            continue;
        };
        let value = value.trim().to_string();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-length" => length = value.parse().unwrap_or(0),
            "content-type" => request.content_type = value.to_ascii_lowercase(),
            "origin" => request.origin = Some(value),
            _ => {}
        }
    }
    if request.method == "POST" {
        if length > MAX_BODY {
            request.too_large = true;
        } else {
            request.body = vec![0; length];
            std::io::Read::read_exact(&mut reader, &mut request.body).ok()?;
        }
    }
    Some(request)
}

/// The editor's local backend. Only JSON from a page of this server is accepted: a form on
/// another site could otherwise post to it (a browser sends such a POST without asking), and
/// JSON from another origin needs a preflight this server never grants.
fn api(request: &Request, shared: &Shared) -> Answer {
    let refuse = |status, message: &str| Answer {
        status,
        body: serde_json::json!({ "error": message }).to_string(),
    };
    let Some(cms) = &shared.cms else {
        return refuse(403, "the editor's local backend is off");
    };
    if !request.content_type.starts_with("application/json") {
        return refuse(
            403,
            "the local backend accepts JSON (Content-Type: application/json) only",
        );
    }
    if let Some(origin) = &request.origin
        && !same_origin(origin, &shared.origin)
    {
        return refuse(
            403,
            &format!("pages from {origin} may not use the local backend"),
        );
    }
    if request.too_large {
        return refuse(413, "the file is larger than 50 MB");
    }
    cms.answer(&request.body)
}

/// `localhost` and `127.0.0.1` name the same loopback server.
fn same_origin(origin: &str, ours: &str) -> bool {
    let loopback = |o: &str| o.replace("://localhost:", "://127.0.0.1:");
    loopback(origin) == loopback(ours)
}

/// Where a request goes, the same way a static host would serve the built folder: `DIR/` is
/// `DIR/index.html`, `DIR` without its slash is redirected, and addresses outside the base path
/// lead to it.
pub(crate) fn route(target: &str, served: &Served) -> Reply {
    let path = target.split(['?', '#']).next().unwrap_or("");
    if path == EVENTS_PATH {
        return Reply::Events;
    }
    let path = percent_decode(path);
    let Some(relative) = path.strip_prefix(&served.base_path) else {
        if served.base_path.starts_with(&path) || path == served.base_path.trim_end_matches('/') {
            return Reply::Redirect(served.base_path.clone());
        }
        return not_found(served);
    };
    let file = if relative.is_empty() || relative.ends_with('/') {
        format!("{relative}index.html")
    } else {
        relative.to_string()
    };
    match served.files.get(&file).and_then(|body| body.read().ok()) {
        Some(bytes) => {
            let content_type = content_type(&file);
            // The editor must not reload when a save rebuilds the site.
            let body = if content_type.starts_with("text/html") && !file.starts_with("admin/") {
                reload::inject(&bytes, &served.overlay)
            } else {
                bytes.into_owned()
            };
            Reply::Found { content_type, body }
        }
        None if served.files.contains_key(&format!("{relative}/index.html")) => {
            Reply::Redirect(format!("{path}/"))
        }
        None => not_found(served),
    }
}

fn not_found(served: &Served) -> Reply {
    let page = served
        .files
        .get("404.html")
        .and_then(|body| body.read().ok())
        .map(|bytes| bytes.into_owned())
        .unwrap_or_else(|| {
            b"<!doctype html><title>Not found</title><body>Not found</body>".to_vec()
        });
    Reply::NotFound(reload::inject(&page, &served.overlay))
}

fn content_type(file: &str) -> &'static str {
    let extension = file.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match extension.as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("yml" | "yaml") => "text/yaml; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        Some("xml") => "application/xml",
        Some("txt") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("webp") => "image/webp",
        Some("gif") => "image/gif",
        Some("avif") => "image/avif",
        Some("ico") => "image/x-icon",
        Some("pdf") => "application/pdf",
        Some("woff2") => "font/woff2",
        Some("woff") => "font/woff",
        _ => "application/octet-stream",
    }
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// A `text/event-stream` that stays open: events as they come, a comment every 15 s so a closed
/// tab is noticed (the write fails) and its thread ends.
fn stream_events(mut stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    let events = shared.hub.subscribe();
    stream.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n: egiz live reload\n\n",
    )?;
    let overlay = shared.read().overlay.clone();
    if !overlay.is_empty() {
        stream.write_all(Event::Errors(overlay).to_sse().as_bytes())?;
    }
    stream.flush()?;
    loop {
        match events.recv_timeout(Duration::from_secs(15)) {
            Ok(event) => stream.write_all(event.to_sse().as_bytes())?,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => stream.write_all(b": ping\n\n")?,
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
        }
        stream.flush()?;
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn served() -> Served {
        let mut files = HashMap::new();
        for file in [
            "index.html",
            "kk/index.html",
            "kk/projects/x/index.html",
            "404.html",
        ] {
            files.insert(
                file.to_string(),
                Body::Bytes(Arc::from(format!("<body>{file}</body>").as_bytes())),
            );
        }
        files.insert(
            "css/egiz.css".into(),
            Body::Bytes(Arc::from(&b"body{}"[..])),
        );
        Served {
            files,
            base_path: "/civic/".into(),
            overlay: String::new(),
        }
    }

    fn found(reply: Reply) -> (String, String) {
        match reply {
            Reply::Found { content_type, body } => (
                content_type.to_string(),
                String::from_utf8(body).expect("utf8"),
            ),
            other => panic!("not found: {other:?}"),
        }
    }

    #[test]
    fn pages_are_served_under_the_base_path_with_the_script() {
        let served = served();
        let (kind, body) = found(route("/civic/kk/projects/x/?a=1", &served));
        assert_eq!(kind, "text/html; charset=utf-8");
        assert!(body.starts_with("<body>kk/projects/x/index.html"));
        assert!(body.contains(EVENTS_PATH));
        let (kind, body) = found(route("/civic/css/egiz.css", &served));
        assert_eq!(
            (kind.as_str(), body.as_str()),
            ("text/css; charset=utf-8", "body{}")
        );
    }

    #[test]
    fn the_root_and_folders_without_slash_are_redirected() {
        let served = served();
        assert_eq!(route("/", &served), Reply::Redirect("/civic/".into()));
        assert_eq!(route("/civic", &served), Reply::Redirect("/civic/".into()));
        assert_eq!(
            route("/civic/kk/projects/x", &served),
            Reply::Redirect("/civic/kk/projects/x/".into())
        );
        assert_eq!(route(EVENTS_PATH, &served), Reply::Events);
    }

    #[test]
    fn unknown_addresses_get_the_404_page() {
        let served = served();
        for target in ["/civic/kk/nothing/", "/elsewhere/", "/civic/../etc/passwd"] {
            match route(target, &served) {
                Reply::NotFound(body) => {
                    assert!(
                        String::from_utf8_lossy(&body).contains("404.html"),
                        "{target}"
                    )
                }
                other => panic!("{target}: {other:?}"),
            }
        }
    }
}
