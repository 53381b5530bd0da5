//! Limits that protect (issue 15, point 6): images too large to decode or cut short, template
//! loops without end, and more connections than the dev server should answer. Each ends as a
//! placed error or a refusal, quickly, and the next good input works again.

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use crate::support::run::{arg, egiz};
use crate::support::server::Server;
use crate::support::site::{Fixture, add_story_pair, jpeg, md, png};

/// A site whose printed story `photo` shows `photo.jpg` or `photo.png` with the given bytes.
fn site_with_image(name: &str, bytes: &[u8]) -> Fixture {
    let site = Fixture::new();
    add_story_pair(&site, "good");
    site.write(
        "content/projects/photo/index.kk.md",
        &md(
            "title: Сурет\ndate: 2023-12-06\ndistrict: balkhash\nbooklet: true",
            &format!("Мәтін.\n\n![Ауыл мектебі]({name})\n"),
        ),
    );
    std::fs::write(site.site().join("content/projects/photo").join(name), bytes)
        .expect("write the image");
    site
}

fn check(site: &Fixture) -> crate::support::run::Run {
    egiz(&["check", "--site", arg(&site.site())], site.root())
}

#[test]
fn a_cut_short_jpeg_is_an_error_at_its_line_in_build_and_check() {
    let whole = jpeg(640, 480);
    let site = site_with_image("photo.jpg", &whole[..whole.len() * 2 / 3]);
    for run in [site.build(), check(&site)] {
        run.assert_code(1);
        // Four front matter lines, two fences, a blank line and two body lines above the image.
        run.assert_stderr_has("content/projects/photo/index.kk.md:10:1: error: the image \"photo.jpg\" cannot be used: the JPEG file is cut short");
        run.assert_stderr_has("hint: open it in an image viewer and save (export) it again");
    }
    assert!(!site.out().exists(), "nothing is published");
    // The same photo whole builds.
    std::fs::write(site.site().join("content/projects/photo/photo.jpg"), &whole).expect("write");
    site.build_ok();
}

#[test]
fn a_cut_short_png_is_an_error_too() {
    let whole = png(300, 200);
    let site = site_with_image("photo.png", &whole[..whole.len() - 20]);
    let run = site.build();
    run.assert_code(1);
    run.assert_stderr_has("the PNG file is cut short or damaged");
}

/// The start of a PNG whose header says 20,000 × 20,000 pixels, written by the png crate (so
/// its checksum is right): decoding it would take over a gigabyte, reading its header nothing.
fn huge_png() -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, 20_000, 20_000);
    encoder.set_color(png::ColorType::Rgb);
    drop(encoder.write_header().expect("a PNG header"));
    bytes
}

#[test]
fn an_image_over_fifty_megapixels_is_refused_with_its_size_before_decoding() {
    let site = site_with_image("photo.png", &huge_png());
    let started = Instant::now();
    let run = site.build();
    run.assert_code(1);
    run.assert_stderr_has("content/projects/photo/index.kk.md:10:1: error: the image \"photo.png\" cannot be used: it is 20000 × 20000 pixels (400 megapixels); egiz reads images of up to 50 megapixels");
    // Decoding 400 megapixels takes tens of seconds; the header alone, a moment.
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
    check(&site).assert_code(1);
}

#[test]
fn nested_template_loops_stop_at_the_range_budget_with_the_template_and_line() {
    let site = Fixture::new();
    add_story_pair(&site, "good");
    site.write("themes/loops/theme.yaml", "name: loops\n");
    site.write(
        "site.yaml",
        &(std::fs::read_to_string(site.site().join("site.yaml")).expect("site.yaml")
            + "theme: loops\n"),
    );
    site.write(
        "themes/loops/templates/story.html",
        "{% extends \"base.html\" %}\n{% block main %}\n{% for a in range(end=100000) %}{% for b in range(end=100000) %}.{% endfor %}{% endfor %}\n{% endblock main %}\n",
    );
    let started = Instant::now();
    let run = site.build();
    run.assert_code(1);
    run.assert_stderr_has("asked `range` for more than 100000 values in all");
    run.assert_stderr_has("--> story.html:3:");
    // Without the budget: 10^10 steps, hours.
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn serve_caps_its_connections_and_answers_again_when_they_close() {
    let site = Fixture::new();
    add_story_pair(&site, "good");
    let server = Server::start(&site);
    let before = server.threads();
    // Connections that never send a request, twice as many as the cap.
    let idle: Vec<std::net::TcpStream> = (0..256)
        .map(|_| std::net::TcpStream::connect(server.address()).expect("connect"))
        .collect();
    // Past the cap, a new connection is told to come back instead of getting a thread.
    let mut answer = String::new();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !answer.contains("503") && Instant::now() < deadline {
        let mut extra = std::net::TcpStream::connect(server.address()).expect("connect");
        extra
            .set_read_timeout(Some(Duration::from_secs(2)))
            .expect("timeout");
        let _ = extra.write_all(b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
        answer.clear();
        let _ = extra.read_to_string(&mut answer);
    }
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer:?}");
    assert!(answer.contains("Retry-After: 1"), "{answer:?}");
    let threads = server.threads();
    assert!(
        threads <= before + 128 + 2,
        "{threads} threads with 256 idle connections (before: {before})"
    );
    drop(idle);
    server.assert_within(15, "the server answers again", || {
        server.get("/").status == 200 || server.get("/").status == 302
    });
}
