//! Country names and their ISO 3166-1 alpha-2 codes, bundled (`assets/gazetteer/countries.tsv`).
//!
//! Importers meet countries by name ("Kyrgyz Republic", "united-kingdom", "Burma (Myanmar)")
//! while places store codes; this table turns one into the other and gives lanes and labels a
//! readable name. Lookups fold case, punctuation and hyphens, so a slug matches its name.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::filter::fold;

const COUNTRIES_TSV: &str = include_str!("../assets/gazetteer/countries.tsv");

/// The bundled country table.
#[derive(Debug, Default)]
pub struct Countries {
    /// Code → English short name.
    names: HashMap<&'static str, &'static str>,
    /// Folded name or alias → code.
    codes: HashMap<String, &'static str>,
}

/// The table, parsed on first use.
pub fn countries() -> &'static Countries {
    static TABLE: OnceLock<Countries> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Countries::default();
        for line in COUNTRIES_TSV.lines() {
            let mut fields = line.split('\t');
            let (Some(code), Some(name)) = (fields.next(), fields.next()) else {
                continue;
            };
            table.names.insert(code, name);
            let aliases = fields.next().unwrap_or_default().split('|');
            for alias in std::iter::once(name).chain(aliases).chain([code]) {
                if !alias.is_empty() {
                    table.codes.entry(fold_name(alias)).or_insert(code);
                }
            }
        }
        table
    })
}

/// Fold a name for lookup: lower case, punctuation and hyphens as spaces, single spaces.
fn fold_name(name: &str) -> String {
    fold(&name.replace(['’', '\''], "").replace(['-', '_'], " "))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Countries {
    /// The code of the country called `name` (any known spelling or slug), if known. A name
    /// with a parenthesis ("Burma (Myanmar)") is tried whole, then without it.
    pub fn code(&self, name: &str) -> Option<&'static str> {
        let whole = self.codes.get(&fold_name(name)).copied();
        whole.or_else(|| {
            let before = name.split('(').next()?.trim();
            self.codes.get(&fold_name(before)).copied()
        })
    }

    /// The English name of the country with `code`, if known.
    pub fn name(&self, code: &str) -> Option<&'static str> {
        self.names.get(code).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_official_names_and_old_names_find_their_codes() {
        let table = countries();
        assert_eq!(table.code("united-kingdom"), Some("GB"));
        assert_eq!(table.code("Kyrgyz Republic"), Some("KG"));
        assert_eq!(table.code("Burma (Myanmar)"), Some("MM"));
        assert_eq!(table.code("China, People’s Republic of"), Some("CN"));
        assert_eq!(table.code("cote-divoire"), Some("CI"));
        assert_eq!(table.code("Denmark (Greenland)"), Some("DK"));
        assert_eq!(table.code("Atlantis"), None);
        assert_eq!(table.name("KZ"), Some("Kazakhstan"));
    }
}
