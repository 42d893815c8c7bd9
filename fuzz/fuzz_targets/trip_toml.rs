//! Fuzz target `trip_toml`: see `itinera_fuzz::trip_toml` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| itinera_fuzz::trip_toml(data));
