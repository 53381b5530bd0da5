//! A booklet's front matter and text (and, after a NUL byte, its translation), resolved against the site's stories.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    // An error is a good answer; the fuzzer looks for panics, hangs and wordless errors.
    let _ = egiz::fuzzing::booklet(data);
});
