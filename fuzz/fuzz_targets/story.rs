//! A story file's front matter and Markdown (and, after a NUL byte, its translation) into the site model.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    // An error is a good answer; the fuzzer looks for panics, hangs and wordless errors.
    let _ = egiz::fuzzing::story(data);
});
