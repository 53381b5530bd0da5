//! site.yaml, loaded with a small fixed site.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    // An error is a good answer; the fuzzer looks for panics, hangs and wordless errors.
    let _ = egiz::fuzzing::site_yaml(data);
});
