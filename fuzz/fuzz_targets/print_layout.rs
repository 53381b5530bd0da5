//! A story file into print pages and PDF bytes.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    // An error is a good answer; the fuzzer looks for panics, hangs and wordless errors.
    let _ = egiz::fuzzing::print_layout(data);
});
