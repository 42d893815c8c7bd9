//! Fuzz target `import_xml`: see `itinera_fuzz::import_xml` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| itinera_fuzz::import_xml(data));
