//! Markdown into the web page's HTML, with the heading ids print links to.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    // An error is a good answer; the fuzzer looks for panics, hangs and wordless errors.
    let _ = egiz::fuzzing::markdown_html(data);
});
