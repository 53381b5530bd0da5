//! A tiny static file server for tests that need a real browser on a built site: GET and HEAD
//! of files under one folder on a free loopback port, `index.html` for folders, one thread per
//! connection, `Connection: close`. It lives until the test process ends.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

/// A listening socket on 127.0.0.1 whose port is known before the site is built (the base URL
/// needs it); `serve` then answers from the built folder.
pub(crate) struct StaticServer {
    listener: TcpListener,
}

impl StaticServer {
    pub(crate) fn bind() -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        StaticServer { listener }
    }

    /// `http://127.0.0.1:PORT/`.
    pub(crate) fn url(&self) -> String {
        let port = self.listener.local_addr().expect("local address").port();
        format!("http://127.0.0.1:{port}/")
    }

    /// Answer requests from `root` on a background thread.
    pub(crate) fn serve(self, root: &Path) {
        let root = root.to_path_buf();
        std::thread::spawn(move || {
            for stream in self.listener.incoming().flatten() {
                let root = root.clone();
                std::thread::spawn(move || {
                    let _ = answer(stream, &root);
                });
            }
        });
    }
}

fn answer(mut stream: TcpStream, root: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    // Skip the headers: nothing in them changes the answer.
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let mut parts = request.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let file = if method == "GET" || method == "HEAD" {
        file_for(root, target)
    } else {
        None
    };
    let (status, body, kind) = match file.and_then(|f| Some((std::fs::read(&f).ok()?, f))) {
        Some((body, f)) => ("200 OK", body, content_type(&f)),
        None => (
            "404 Not Found",
            b"not found".to_vec(),
            "text/plain; charset=utf-8",
        ),
    };
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()
}

/// The file a request target names under `root`, or None (outside it, or missing).
fn file_for(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_decode(path)?;
    let relative = Path::new(decoded.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut file = root.join(relative);
    if file.is_dir() {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "woff2" => "font/woff2",
        "pdf" => "application/pdf",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}
