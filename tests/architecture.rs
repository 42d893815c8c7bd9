//! The rooms of `src/` and the arrows between them, checked from the code itself.
//!
//! Every `use` tree and every `crate::`/`super::`/`self::`/external-crate path in `src/` is parsed
//! (comments, strings and character literals are removed first, so a comment that names a
//! module cannot fool it) and resolved to the module it names. Then:
//!
//! - no module of a lower room names a higher one (the room order is [`ROOMS`]);
//! - only the screen rooms name egui, eframe or walkers;
//! - inside `interchange/`, import and export never name each other, a reader names no other
//!   reader, and no reader or shared leaf names its dispatcher;
//! - inside `ui/map/`, the files name each other one way only (no cycles) and never the view in
//!   `mod.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The rooms from the bottom up; a module may name its own room and rooms below it.
/// Rooms on one line share a rank and may not name each other.
const ROOMS: &[&[&str]] = &[
    &["model"],
    &["format", "countries"],
    &["gazetteer"],
    &["basemap", "video"],
    &["interchange", "generate"],
    &["document"],
    &["reload"],
    &["command"],
    &["state"],
    &["start_at"],
    &["ui"],
    &["app"],
    &["cli"],
    &["main", "lib"],
];

/// External crates that draw on the screen; only these rooms may name them.
const SCREEN_CRATES: &[&str] = &["egui", "eframe", "walkers", "egui_extras", "rfd"];
const SCREEN_ROOMS: &[&str] = &["ui", "app", "main", "lib"];

/// The readers in `interchange/import/`: one per format, each on shared leaves only.
const READERS: &[&str] = &[
    "itinera_csv_in",
    "timeline_csv_in",
    "timelinejs_in",
    "storymap_in",
    "geojson_in",
    "travels_xml_in",
];

/// One source file: its module path and every absolute path it names.
struct Module {
    file: PathBuf,
    path: Vec<String>,
    /// Paths inside this crate, from the crate root.
    internal: BTreeSet<Vec<String>>,
    /// First segments of paths into other crates.
    external: BTreeSet<String>,
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rank(room: &str) -> Option<usize> {
    ROOMS.iter().position(|rank| rank.contains(&room))
}

/// Every module of `src/`, parsed.
fn modules() -> Vec<Module> {
    let mut files = Vec::new();
    collect(&src(), &mut files);
    files.sort();
    files.iter().map(|file| parse(file)).collect()
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// The module path of a file: `src/ui/map/mod.rs` is `ui::map`, `src/main.rs` is `main`.
fn module_path(file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src()).expect("under src");
    let mut path: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if path.last().is_some_and(|last| last == "mod") {
        path.pop();
    }
    path
}

fn parse(file: &Path) -> Module {
    let text = std::fs::read_to_string(file).expect("readable");
    let code = strip(&text);
    let path = module_path(file);
    // `mod.rs` and the crate roots are their own parent for `super`; a leaf file's `self` is itself.
    let is_root = matches!(path.as_slice(), [only] if only == "main" || only == "lib");
    let here: Vec<String> = if is_root { Vec::new() } else { path.clone() };
    let mut module = Module {
        file: file.to_path_buf(),
        path: path.clone(),
        internal: BTreeSet::new(),
        external: BTreeSet::new(),
    };
    for (chunk, scope) in inline_modules(&code, here) {
        let (uses, rest) = split_uses(&chunk);
        let mut named: Vec<Vec<String>> = uses.iter().flat_map(|tree| expand(tree)).collect();
        named.extend(plain_paths(&rest));
        for segments in named {
            resolve(&segments, &scope, path[0] == "main", &mut module);
        }
    }
    module
}

/// The code of a file split at inline modules (`mod tests { … }`), each with its module path, so
/// `super` inside a test module means the file.
fn inline_modules(code: &str, here: Vec<String>) -> Vec<(String, Vec<String>)> {
    let mut found = Vec::new();
    let mut outer = String::new();
    let mut rest = code;
    while let Some(at) = find_word(rest, "mod") {
        let after = &rest[at + 3..];
        let name: String = after
            .trim_start()
            .chars()
            .take_while(|c| is_ident(Some(c)))
            .collect();
        let body = after.trim_start()[name.len()..].trim_start();
        if name.is_empty() || !body.starts_with('{') {
            outer.push_str(&rest[..at + 3]);
            rest = after;
            continue;
        }
        let open = rest.len() - body.len();
        let mut depth = 0;
        let mut close = rest.len();
        for (i, c) in rest[open..].char_indices() {
            depth += match c {
                '{' => 1,
                '}' => -1,
                _ => 0,
            };
            if depth == 0 {
                close = open + i;
                break;
            }
        }
        outer.push_str(&rest[..at]);
        let mut scope = here.clone();
        scope.push(name);
        found.extend(inline_modules(&rest[open + 1..close], scope));
        rest = rest.get(close + 1..).unwrap_or("");
    }
    outer.push_str(rest);
    found.push((outer, here));
    found
}

fn resolve(segments: &[String], here: &[String], in_binary: bool, module: &mut Module) {
    let Some(first) = segments.first() else { return };
    let mut base: Vec<String> = match first.as_str() {
        "crate" => Vec::new(),
        "itinera" if in_binary => Vec::new(),
        "self" => here.to_vec(),
        "super" => here.to_vec(),
        "std" | "core" | "alloc" => return,
        name if name.chars().next().is_some_and(char::is_lowercase) && is_crate(name) => {
            module.external.insert(name.to_owned());
            return;
        }
        _ => return, // A name brought in by a `use` above (resolved there) or a local item.
    };
    let mut rest = &segments[1..];
    if first == "super" {
        base.pop();
        while rest.first().is_some_and(|s| s == "super") {
            base.pop();
            rest = &rest[1..];
        }
    }
    base.extend(rest.iter().filter(|s| *s != "self").cloned());
    module.internal.insert(base);
}

/// Whether `name` is a crate this package depends on (from Cargo.toml).
fn is_crate(name: &str) -> bool {
    static DEPENDENCIES: std::sync::OnceLock<BTreeSet<String>> = std::sync::OnceLock::new();
    DEPENDENCIES
        .get_or_init(|| {
            let manifest = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
                .expect("Cargo.toml");
            let manifest: toml::Table = manifest.parse().expect("Cargo.toml parses");
            ["dependencies", "dev-dependencies"]
                .iter()
                .filter_map(|section| manifest.get(*section)?.as_table())
                .flat_map(|table| table.keys().map(|k| k.replace('-', "_")))
                .collect()
        })
        .contains(name)
}

/// Code without comments, string literals or character literals (each replaced by a space).
fn strip(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r' && matches!(next, Some('"' | '#')) && !is_ident(chars.get(i.wrapping_sub(1))) {
            // A raw string: r"…" or r#"…"#.
            let hashes = chars[i + 1..].iter().take_while(|c| **c == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            i += hashes + 2;
            while i < chars.len() {
                if chars[i] == '"'
                    && chars[i + 1..].iter().take(hashes).filter(|c| **c == '#').count() == hashes
                {
                    i += hashes + 1;
                    break;
                }
                i += 1;
            }
            out.push(' ');
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push(' ');
        } else if c == '\'' && (next == Some('\\') || chars.get(i + 2) == Some(&'\'')) {
            // A character literal; a lifetime (`'a`) has no closing quote after one character.
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push(' ');
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// The use trees (the text between `use` and `;`) and the code with them removed.
fn split_uses(code: &str) -> (Vec<String>, String) {
    let mut uses = Vec::new();
    let mut rest = String::new();
    let mut remaining = code;
    while let Some(at) = find_word(remaining, "use") {
        rest.push_str(&remaining[..at]);
        let after = &remaining[at + 3..];
        let end = after.find(';').unwrap_or(after.len());
        uses.push(after[..end].to_owned());
        remaining = after.get(end + 1..).unwrap_or("");
    }
    rest.push_str(remaining);
    (uses, rest)
}

/// Byte offset of `word` standing alone (not part of a longer identifier).
fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = text[from..].find(word) {
        let at = from + found;
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        if !is_ident(before.as_ref()) && !is_ident(after.as_ref()) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// Every path a use tree names: `a::{b, c::{d, e}}` is `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    expand_into(tree, &[], &mut out);
    out
}

fn expand_into(tree: &str, prefix: &[String], out: &mut Vec<Vec<String>>) {
    let tree = tree.trim().trim_start_matches("::");
    if let Some(open) = tree.find('{') {
        let mut base = prefix.to_vec();
        base.extend(segments(&tree[..open]));
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        for part in split_top_level(inner) {
            expand_into(part, &base, out);
        }
    } else {
        // `a::b as c` names `a::b`.
        let path = tree.split_whitespace().next().unwrap_or_default();
        let mut full = prefix.to_vec();
        full.extend(segments(path));
        if full.last().is_some_and(|s| s == "*" || s == "self") {
            full.pop();
        }
        if !full.is_empty() {
            out.push(full);
        }
    }
}

fn segments(path: &str) -> Vec<String> {
    path.split("::")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn split_top_level(inner: &str) -> Vec<&str> {
    let (mut parts, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts.into_iter().filter(|p| !p.trim().is_empty()).collect()
}

/// Paths in code that start at an identifier followed by `::` (`crate::model::LatLon`).
fn plain_paths(code: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = is_ident(chars.get(i))
            && !is_ident(chars.get(i.wrapping_sub(1)))
            && (i == 0 || chars[i - 1] != ':');
        if !starts {
            i += 1;
            continue;
        }
        let mut path = Vec::new();
        loop {
            let begin = i;
            while is_ident(chars.get(i)) {
                i += 1;
            }
            path.push(chars[begin..i].iter().collect::<String>());
            if chars.get(i) == Some(&':') && chars.get(i + 1) == Some(&':') && is_ident(chars.get(i + 2)) {
                i += 2;
            } else {
                break;
            }
        }
        if path.len() > 1 {
            out.push(path);
        }
    }
    out
}

/// `a -> b` for every module naming another, as readable lines, where `keep` says so.
fn violations(keep: impl Fn(&Module, &[String]) -> Option<String>) -> Vec<String> {
    let mut found = Vec::new();
    for module in modules() {
        for target in &module.internal {
            if let Some(why) = keep(&module, target) {
                found.push(format!(
                    "{} names {}: {why}",
                    module.file.display(),
                    target.join("::")
                ));
            }
        }
    }
    found
}

#[test]
fn no_room_names_a_room_above_it() {
    let found = violations(|module, target| {
        let from = rank(&module.path[0])?;
        let to = rank(target.first()?)?;
        let (from_room, to_room) = (&module.path[0], &target[0]);
        (to > from || (to == from && from_room != to_room))
            .then(|| format!("{from_room} may not name {to_room}"))
    });
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn every_module_is_in_a_known_room() {
    for module in modules() {
        assert!(
            rank(&module.path[0]).is_some(),
            "{} is in no room of ROOMS",
            module.file.display()
        );
    }
}

#[test]
fn only_the_screen_rooms_name_egui_eframe_or_walkers() {
    let mut checked = 0;
    for module in modules() {
        if SCREEN_ROOMS.contains(&module.path[0].as_str()) {
            continue;
        }
        for screen in SCREEN_CRATES {
            assert!(
                !module.external.contains(*screen),
                "{} names {screen}",
                module.file.display()
            );
        }
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} modules checked");
}

#[test]
fn import_and_export_never_name_each_other() {
    let found = violations(|module, target| {
        let (Some(from), Some(to)) = (interchange_side(&module.path), interchange_side(target)) else {
            return None;
        };
        (from != to).then(|| format!("{from} names {to}"))
    });
    assert!(found.is_empty(), "{}", found.join("\n"));
}

fn interchange_side(path: &[String]) -> Option<&str> {
    match path {
        [first, side, ..] if first == "interchange" && (side == "import" || side == "export") => Some(side),
        _ => None,
    }
}

#[test]
fn readers_stand_on_shared_leaves_and_never_on_the_dispatcher_or_each_other() {
    let import = ["interchange", "import"];
    let found = violations(|module, target| {
        let [_, _, file] = module.path.as_slice() else {
            return None;
        };
        if module.path[..2] != import || !target.starts_with(&import.map(String::from)) {
            return None;
        }
        let Some(named) = target.get(2) else {
            return Some("a leaf names its folder".to_owned());
        };
        let is_module = src()
            .join("interchange/import")
            .join(format!("{named}.rs"))
            .exists();
        if !is_module {
            return Some(format!("{file} names the dispatcher's `{named}`"));
        }
        (READERS.contains(&named.as_str()) && named != file)
            .then(|| format!("{file} names the reader {named}"))
    });
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_map_files_name_each_other_one_way_and_never_the_view() {
    let map = ["ui", "map"].map(String::from);
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut found = Vec::new();
    for module in modules() {
        let [_, _, file] = module.path.as_slice() else {
            continue;
        };
        if !module.path.starts_with(&map) {
            continue;
        }
        for target in module.internal.iter().filter(|t| t.starts_with(&map)) {
            match target.get(2) {
                Some(sibling) if src().join("ui/map").join(format!("{sibling}.rs")).exists() => {
                    if sibling != file {
                        edges.entry(file.clone()).or_default().insert(sibling.clone());
                    }
                }
                _ => found.push(format!("{file} names the view: {}", target.join("::"))),
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
    assert!(
        edges.contains_key("layers"),
        "the map files are parsed: {edges:?}"
    );
    for start in edges.keys() {
        let mut stack = vec![start.clone()];
        let mut seen = BTreeSet::new();
        while let Some(at) = stack.pop() {
            for next in edges.get(&at).into_iter().flatten() {
                assert_ne!(next, start, "a cycle through {start} in ui/map: {edges:?}");
                if seen.insert(next.clone()) {
                    stack.push(next.clone());
                }
            }
        }
    }
}

#[test]
fn the_parser_sees_through_comments_strings_and_use_groups() {
    let code = strip("// use egui::X;\nlet s = \"crate::ui\"; let c = '\\''; /* crate::app */ x");
    assert!(!code.contains("egui") && !code.contains("crate::"), "{code}");
    let (uses, _) = split_uses("use crate::{model::{LatLon, Trip}, format as f};");
    let paths = expand(&uses[0]);
    assert!(
        paths.contains(&vec!["crate".into(), "model".into(), "Trip".into()]),
        "{paths:?}"
    );
    assert!(
        paths.contains(&vec!["crate".into(), "format".into()]),
        "{paths:?}"
    );
    let plain = plain_paths("let x = super::super::theme::Tokens::new();");
    assert_eq!(plain[0][..3], ["super", "super", "theme"].map(String::from));
    let mut module = Module {
        file: PathBuf::new(),
        path: vec!["ui".into(), "map".into(), "layers".into()],
        internal: BTreeSet::new(),
        external: BTreeSet::new(),
    };
    resolve(&plain[0], &module.path.clone(), false, &mut module);
    assert!(
        module
            .internal
            .contains(&vec!["ui".into(), "theme".into(), "Tokens".into(), "new".into()])
    );
}
