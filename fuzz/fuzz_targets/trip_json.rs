//! Fuzz target `trip_json`: see `itinera_fuzz::trip_json` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| itinera_fuzz::trip_json(data));
