//! Fuzz target `import_json`: see `itinera_fuzz::import_json` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| itinera_fuzz::import_json(data));
