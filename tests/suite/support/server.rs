//! `egiz serve` driven from a test: the real binary on a free loopback port, plain HTTP GETs
//! and POSTs,
//! the live-reload event stream, and polling until something happens.

use std::collections::BTreeMap;

use super::site::Fixture;

/// A running `egiz serve` on a free loopback port, stopped when dropped.
pub(crate) struct Server {
    child: std::process::Child,
    /// `http://127.0.0.1:PORT/base/`, as the server printed it.
    pub url: String,
    /// `127.0.0.1:PORT`.
    address: String,
    /// The server's stdout and stderr lines, as they come.
    log: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Server {
    /// Start `egiz serve --port 0` on the fixture's site and wait until it listens.
    pub(crate) fn start(fixture: &Fixture) -> Server {
        use std::io::BufRead;
        use std::process::{Command as Process, Stdio};
        let mut child = Process::new(env!("CARGO_BIN_EXE_egiz"))
            .args(["serve", "--port", "0", "--site"])
            .arg(fixture.site())
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start egiz serve");
        let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let (ready, wait) = std::sync::mpsc::channel();
        let stdout = child.stdout.take().expect("stdout");
        let stderr = child.stderr.take().expect("stderr");
        for (stream, ready) in [
            (
                Box::new(stdout) as Box<dyn std::io::Read + Send>,
                Some(ready),
            ),
            (Box::new(stderr), None),
        ] {
            let log = log.clone();
            std::thread::spawn(move || {
                for line in std::io::BufReader::new(stream)
                    .lines()
                    .map_while(Result::ok)
                {
                    if let (Some(ready), Some(url)) = (&ready, line.strip_prefix("serving ")) {
                        let url = url.split_whitespace().next().unwrap_or("").to_string();
                        let _ = ready.send(url);
                    }
                    log.lock().expect("log").push(line);
                }
            });
        }
        let url = wait
            .recv_timeout(std::time::Duration::from_secs(120))
            .unwrap_or_else(|_| panic!("egiz serve did not start: {:?}", log.lock().expect("log")));
        let address = url
            .trim_start_matches("http://")
            .split('/')
            .next()
            .expect("host:port")
            .to_string();
        Server {
            child,
            url,
            address,
            log,
        }
    }

    /// GET `path` (absolute, e.g. `/civic/kk/`): status, headers and body.
    pub(crate) fn get(&self, path: &str) -> Response {
        self.request(&format!("GET {path} HTTP/1.1\r\n"), "")
    }

    /// POST `body` to `path` with the extra header lines `headers` (each ending in `\r\n`).
    pub(crate) fn post(&self, path: &str, headers: &str, body: &str) -> Response {
        let head = format!(
            "POST {path} HTTP/1.1\r\n{headers}Content-Length: {}\r\n",
            body.len()
        );
        self.request(&head, body)
    }

    /// Send the request line and headers `head`, then `body`; read the whole answer.
    fn request(&self, head: &str, body: &str) -> Response {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(&self.address).expect("connect");
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(10)))
            .expect("timeout");
        write!(
            stream,
            "{head}Host: {}\r\nConnection: close\r\n\r\n{body}",
            self.address
        )
        .expect("send");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("read the response");
        let text = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        let start = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .map_or(raw.len(), |i| i + 4);
        Response {
            status,
            headers,
            body: body.to_string(),
            bytes: raw[start..].to_vec(),
        }
    }

    /// How many threads the server process runs now (from /proc).
    pub(crate) fn threads(&self) -> usize {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .expect("read the server's /proc status");
        status
            .lines()
            .find_map(|l| l.strip_prefix("Threads:"))
            .and_then(|n| n.trim().parse().ok())
            .expect("a Threads: line")
    }

    /// `127.0.0.1:PORT`, where the server listens.
    pub(crate) fn address(&self) -> &str {
        &self.address
    }

    /// Open the live-reload event stream; its text arrives in the returned buffer.
    pub(crate) fn events(&self) -> std::sync::Arc<std::sync::Mutex<String>> {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(&self.address).expect("connect");
        write!(
            stream,
            "GET /__egiz/events HTTP/1.1\r\nHost: {}\r\n\r\n",
            self.address
        )
        .expect("send");
        let text = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let sink = text.clone();
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(n) = stream.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .expect("events")
                    .push_str(&String::from_utf8_lossy(&buffer[..n]));
            }
        });
        // The stream is open once its first comment arrived.
        wait_for(std::time::Duration::from_secs(5), || {
            text.lock().expect("events").contains("live reload")
        });
        text
    }

    pub(crate) fn log_text(&self) -> String {
        self.log.lock().expect("log").join("\n")
    }

    /// Wait up to 20 s for `done`; if it never holds, fail with `what` and the server's log. A
    /// bound for hangs, not a speed target: bench/serve_latency.py measures how soon an edit is
    /// served.
    pub(crate) fn assert_soon(&self, what: &str, done: impl FnMut() -> bool) {
        self.assert_within(20, what, done);
    }

    /// Wait up to `seconds` for `done`; if it never holds, fail with `what` and the log.
    pub(crate) fn assert_within(&self, seconds: u64, what: &str, done: impl FnMut() -> bool) {
        let held = wait_for(std::time::Duration::from_secs(seconds), done);
        assert!(
            held.is_some(),
            "not within {seconds} s: {what}\n{}",
            self.log_text()
        );
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP response.
#[derive(Debug)]
pub(crate) struct Response {
    pub status: u16,
    pub headers: BTreeMap<String, String>,
    pub body: String,
    /// The body as sent, for files that are not text (a PNG card).
    pub bytes: Vec<u8>,
}

/// Poll `done` every 10 ms until it holds or `limit` passed; how long it took, if it held.
fn wait_for(
    limit: std::time::Duration,
    mut done: impl FnMut() -> bool,
) -> Option<std::time::Duration> {
    let started = std::time::Instant::now();
    while started.elapsed() < limit {
        if done() {
            return Some(started.elapsed());
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    None
}
