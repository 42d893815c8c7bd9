//! A span scanner for JSON: the byte range of every value, by field path.
//!
//! `serde_json` reports positions of syntax errors but keeps none for values that parsed, so
//! validation problems in a JSON trip would have no line and column. This scanner walks text
//! that `serde_json` already accepted and records spans; on anything unexpected it stops and
//! returns what it has (problems then point at the nearest recorded ancestor).

use crate::model::FieldPath;

use super::spans::SpanIndex;

/// Index only the values at most `max_depth` keys or indices deep: importers need where each
/// record starts, not every field of 100,000 records.
pub fn index_json_to_depth(text: &str, max_depth: usize) -> SpanIndex {
    index_json_into(text, SpanIndex::default(), max_depth)
}

/// Index the values `index` wants (see [`SpanIndex::wanting`]), at most `max_depth` deep.
pub fn index_json_into(text: &str, index: SpanIndex, max_depth: usize) -> SpanIndex {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
        index,
        max_depth,
        nesting: 0,
    };
    // A scan that stops early still leaves the spans found so far.
    let _complete = scanner.value(&FieldPath::root());
    scanner.index
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    index: SpanIndex,
    max_depth: usize,
    /// Objects and arrays open around the position: the scan stops past [`MAX_NESTING`].
    nesting: usize,
}

/// Deepest nesting scanned (serde_json's own limit): deeper text is left unindexed rather than
/// exhausting the stack.
const MAX_NESTING: usize = 128;

impl Scanner<'_> {
    fn skip_whitespace(&mut self) {
        while self.bytes.get(self.pos).is_some_and(u8::is_ascii_whitespace) {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_whitespace();
        self.bytes.get(self.pos).copied()
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.pos += 1)
    }

    /// Scan one value at `path`; `None` if the text is not as expected.
    fn value(&mut self, path: &FieldPath) -> Option<()> {
        let start = {
            self.peek()?;
            self.pos
        };
        match self.bytes[self.pos] {
            b'{' => self.object(path)?,
            b'[' => self.array(path)?,
            b'"' => {
                self.string()?;
            }
            _ => {
                while self
                    .bytes
                    .get(self.pos)
                    .is_some_and(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
                {
                    self.pos += 1;
                }
            }
        }
        if path.0.len() <= self.max_depth && self.index.wants(path) {
            self.index.insert(path.clone(), start..self.pos);
        }
        Some(())
    }

    /// Scan a string and return its contents (escapes are kept raw; keys in our schema have none).
    fn string(&mut self) -> Option<&str> {
        self.expect(b'"')?;
        let start = self.pos;
        while let Some(&b) = self.bytes.get(self.pos) {
            match b {
                b'\\' => self.pos += 2,
                b'"' => {
                    let text = std::str::from_utf8(&self.bytes[start..self.pos]).ok();
                    self.pos += 1;
                    return text;
                }
                _ => self.pos += 1,
            }
        }
        None
    }

    /// Below the indexed depth, or under a path the index does not want, children share one
    /// path that is never recorded.
    fn beyond(&self, path: &FieldPath) -> Option<FieldPath> {
        (path.0.len() >= self.max_depth || !self.index.wants(path)).then(|| path.key("\u{0}unrecorded"))
    }

    /// Enter an object or array; `None` past [`MAX_NESTING`].
    fn nest(&mut self) -> Option<()> {
        self.nesting += 1;
        (self.nesting <= MAX_NESTING).then_some(())
    }

    fn object(&mut self, path: &FieldPath) -> Option<()> {
        self.nest()?;
        let deeper = self.beyond(path);
        self.expect(b'{')?;
        if self.peek()? == b'}' {
            self.pos += 1;
            self.nesting -= 1;
            return Some(());
        }
        loop {
            self.peek()?;
            let key = self.string()?.to_owned();
            self.expect(b':')?;
            match &deeper {
                Some(deeper) => self.value(deeper)?,
                None => self.value(&path.key(&key))?,
            }
            match self.peek()? {
                b',' => self.pos += 1,
                b'}' => {
                    self.pos += 1;
                    self.nesting -= 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    fn array(&mut self, path: &FieldPath) -> Option<()> {
        self.nest()?;
        let deeper = self.beyond(path);
        self.expect(b'[')?;
        if self.peek()? == b']' {
            self.pos += 1;
            self.nesting -= 1;
            return Some(());
        }
        let mut i = 0;
        loop {
            match &deeper {
                Some(deeper) => self.value(deeper)?,
                None => self.value(&path.index(i))?,
            }
            i += 1;
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    self.nesting -= 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_values_get_their_own_spans() {
        let text = r#"{"events": [{"id": "a"}, {"id": "b", "lat": 95.5}]}"#;
        let index = index_json_into(text, SpanIndex::default(), usize::MAX);
        let path = FieldPath::root().key("events").index(1).key("lat");
        let span = index.lookup(&path).expect("span");
        assert_eq!(&text[span], "95.5");
        let id = index
            .lookup(&FieldPath::root().key("events").index(0).key("id"))
            .expect("span");
        assert_eq!(&text[id], "\"a\"");
    }

    #[test]
    fn a_value_nested_a_hundred_thousand_deep_stops_the_scan_at_once() {
        let text = format!(
            "{{\"a\": 1, \"b\": {}{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let index = index_json_into(&text, SpanIndex::default(), usize::MAX);
        let a = index
            .lookup(&FieldPath::root().key("a"))
            .expect("span before the deep value");
        assert_eq!(&text[a], "1");
    }
}
