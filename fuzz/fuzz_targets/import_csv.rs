//! Fuzz target `import_csv`: see `itinera_fuzz::import_csv` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| itinera_fuzz::import_csv(data));
