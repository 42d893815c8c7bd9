//! A compact index of every name and other name of the gazetteer's places, for exact, prefix,
//! substring and typo-tolerant lookups over about 750,000 names within a keystroke's budget.
//!
//! Invariants: names are stored folded ([`normal_name`]) in one arena, each followed by `\n`, in
//! the order of their rows (most populous place first), so a scan in arena order meets bigger
//! places first and may stop early; `sorted` lists the same entries by folded name, for binary
//! search. An entry's `mask` has a bit per letter it contains, so an edit distance of `k` needs
//! at most `2k` differing bits: most names are ruled out without computing any distance.

/// One folded name of one row.
#[derive(Clone, Copy, Debug)]
struct Entry {
    /// Byte offset of the name in the arena.
    start: u32,
    /// The gazetteer row it names.
    row: u32,
    /// Letters present ([`letter_mask`]).
    mask: u32,
    /// Length in bytes.
    len: u16,
    /// Length in characters.
    chars: u16,
}

/// How well a name matched a query; lower is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    /// The whole name.
    Exact,
    /// The name starts with the query.
    Prefix,
    /// The name contains the query.
    Contains,
    /// Within the allowed edit distance.
    NearMiss,
}

/// The folded names of all rows.
#[derive(Debug, Default)]
pub struct NameIndex {
    arena: String,
    entries: Vec<Entry>,
    sorted: Vec<u32>,
}

/// `fold`ed with single spaces, trimmed: the form every name is indexed and looked up in.
pub fn normal_name(name: &str) -> String {
    crate::model::filter::fold(name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A bit per letter a–z, one for digits, and five hashed bits for other letters (Cyrillic,
/// accented), so one edit changes at most two bits.
fn letter_mask(name: &str) -> u32 {
    name.chars().fold(0, |mask, c| {
        mask | match c {
            'a'..='z' => 1 << (c as u32 - 'a' as u32),
            '0'..='9' => 1 << 26,
            ' ' => 0,
            other => 1 << (27 + other as u32 % 5),
        }
    })
}

impl NameIndex {
    /// Add the names of row `row` (call in row order).
    pub fn push(&mut self, row: u32, names: impl IntoIterator<Item = impl AsRef<str>>) {
        let mut added: Vec<String> = Vec::new();
        for name in names {
            let folded = normal_name(name.as_ref());
            if folded.is_empty() || added.contains(&folded) || folded.len() > usize::from(u16::MAX) {
                continue;
            }
            self.entries.push(Entry {
                start: self.arena.len() as u32,
                row,
                mask: letter_mask(&folded),
                len: folded.len() as u16,
                chars: folded.chars().count() as u16,
            });
            self.arena.push_str(&folded);
            self.arena.push('\n');
            added.push(folded);
        }
    }

    /// Sort the lookup order; call once after the last [`NameIndex::push`].
    pub fn finish(&mut self) {
        let mut sorted: Vec<u32> = (0..self.entries.len() as u32).collect();
        sorted.sort_unstable_by(|&a, &b| self.name(a).cmp(self.name(b)));
        self.sorted = sorted;
        self.arena.shrink_to_fit();
        self.entries.shrink_to_fit();
    }

    fn name(&self, entry: u32) -> &str {
        let e = self.entries[entry as usize];
        &self.arena[e.start as usize..e.start as usize + usize::from(e.len)]
    }

    /// Entries whose name starts with `normal`, in name order.
    fn with_prefix<'a>(&'a self, normal: &'a str) -> impl Iterator<Item = (Rank, u32)> + 'a {
        let from = self.sorted.partition_point(|&e| self.name(e) < normal);
        self.sorted[from..]
            .iter()
            .take_while(move |&&e| self.name(e).starts_with(normal))
            .map(move |&e| {
                let rank = if self.name(e).len() == normal.len() {
                    Rank::Exact
                } else {
                    Rank::Prefix
                };
                (rank, self.entries[e as usize].row)
            })
    }

    /// Rows with a name that is exactly `normal` (a [`normal_name`]), most populous first.
    pub fn exactly(&self, normal: &str) -> Vec<u32> {
        let mut rows: Vec<u32> = self
            .with_prefix(normal)
            .filter(|(rank, _)| *rank == Rank::Exact)
            .map(|(_, row)| row)
            .collect();
        rows.sort_unstable();
        rows.dedup();
        rows
    }

    /// The best rank of up to `limit` rows whose names match `normal`, best first and, among
    /// equals, most populous first. Near misses allow one edit per five characters.
    pub fn search(&self, normal: &str, limit: usize) -> Vec<(Rank, u32)> {
        let mut found: Vec<(Rank, u32)> = self.with_prefix(normal).collect();
        let mut rows: std::collections::HashSet<u32> = found.iter().map(|(_, row)| *row).collect();
        if rows.len() < limit {
            // Arena order is population order: the first hits are the biggest places.
            for at in memchr::memmem::find_iter(self.arena.as_bytes(), normal.as_bytes()) {
                let entry = self.entries.partition_point(|e| e.start as usize <= at) - 1;
                let row = self.entries[entry].row;
                if rows.insert(row) {
                    found.push((Rank::Contains, row));
                    if rows.len() >= limit {
                        break;
                    }
                }
            }
        }
        if rows.len() < limit {
            let allowed = (normal.chars().count() / 5).max(1);
            for row in self.near_misses(normal, allowed, |_| true) {
                if rows.insert(row) {
                    found.push((Rank::NearMiss, row));
                    if rows.len() >= limit {
                        break;
                    }
                }
            }
        }
        found.sort_unstable();
        let mut seen = std::collections::HashSet::new();
        found.retain(|(_, row)| seen.insert(*row));
        found.truncate(limit);
        found
    }

    /// Rows (in population order, possibly repeated) with a name within `allowed` edits of
    /// `normal`, among the rows `keep` accepts.
    pub fn near_misses<'a>(
        &'a self,
        normal: &'a str,
        allowed: usize,
        keep: impl Fn(u32) -> bool + 'a,
    ) -> impl Iterator<Item = u32> + 'a {
        let chars = normal.chars().count();
        let mask = letter_mask(normal);
        self.entries.iter().enumerate().filter_map(move |(i, e)| {
            let close = usize::from(e.chars).abs_diff(chars) <= allowed
                && (e.mask ^ mask).count_ones() as usize <= 2 * allowed
                && keep(e.row)
                && strsim::levenshtein(self.name(i as u32), normal) <= allowed;
            close.then_some(e.row)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(rows: &[&[&str]]) -> NameIndex {
        let mut index = NameIndex::default();
        for (row, names) in rows.iter().enumerate() {
            index.push(row as u32, names.iter());
        }
        index.finish();
        index
    }

    #[test]
    fn exact_prefix_substring_and_near_misses_rank_in_that_order() {
        let index = index(&[&["Salzburg"], &["Sal"], &["Marsala"], &["Sak"]]);
        let found = index.search("sal", 10);
        assert_eq!(
            found,
            [
                (Rank::Exact, 1),
                (Rank::Prefix, 0),
                (Rank::Contains, 2),
                (Rank::NearMiss, 3)
            ]
        );
        assert_eq!(index.exactly("sal"), [1]);
    }

    #[test]
    fn one_edit_changes_at_most_two_mask_bits() {
        for (a, b) in [
            ("dushanbe", "duschanbe"),
            ("tbilisi", "tbilissi"),
            ("душанбе", "душанбэ"),
        ] {
            assert!((letter_mask(a) ^ letter_mask(b)).count_ones() <= 2, "{a} {b}");
        }
    }
}
