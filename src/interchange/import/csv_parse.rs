//! An RFC 4180 CSV reader that remembers where each field starts (quoted fields, doubled
//! quotes, line breaks inside quotes, CRLF or LF), so every problem names its line and column.
//! A leaf shared by our CSV layout and the TimelineJS spreadsheet.

use super::import_problem::ImportProblem;

/// A parsed field and where it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// The text, unquoted.
    pub text: String,
    /// Line where it starts (1-based).
    pub line: usize,
    /// Column where it starts (1-based, in characters).
    pub column: usize,
}

/// Split `text` into rows of fields.
pub fn parse(text: &str) -> Result<Vec<Vec<Field>>, ImportProblem> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut chars = text.chars().peekable();
    let (mut line, mut column) = (1, 1);
    loop {
        let (start_line, start_column) = (line, column);
        let mut field = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            column += 1;
            loop {
                match chars.next() {
                    None => {
                        return Err(ImportProblem {
                            warning: false,
                            line: start_line,
                            column: start_column,
                            message: "a quoted field is never closed".to_owned(),
                            help: "end the field with a double quote; write \"\" for a quote inside it"
                                .to_owned(),
                        });
                    }
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        column += 2;
                        field.push('"');
                    }
                    Some('"') => {
                        column += 1;
                        break;
                    }
                    Some('\n') => {
                        line += 1;
                        column = 1;
                        field.push('\n');
                    }
                    Some(c) => {
                        column += 1;
                        field.push(c);
                    }
                }
            }
        }
        while let Some(&c) = chars.peek() {
            if matches!(c, ',' | '\n' | '\r') {
                break;
            }
            field.push(c);
            column += 1;
            chars.next();
        }
        row.push(Field {
            text: field,
            line: start_line,
            column: start_column,
        });
        match chars.next() {
            Some(',') => column += 1,
            Some('\r') | Some('\n') | None => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                let ended = chars.peek().is_none();
                if !(row.len() == 1 && row[0].text.is_empty()) {
                    rows.push(std::mem::take(&mut row));
                }
                row.clear();
                line += 1;
                column = 1;
                if ended {
                    return Ok(rows);
                }
            }
            Some(_) => {}
        }
    }
}
