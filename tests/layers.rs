//! The layering rules of ARCHITECTURE.md, read from the sources:
//!
//! - no two files under `src/` import each other. A file imports another when it declares it
//!   as a module (`mod x;`), or names a path that resolves into it (`use super::X`,
//!   `use crate::a::b::{C, D}`, `crate::a::b::f(...)` in code). A path resolves to the deepest
//!   module along it that has a file of its own; paths inside an inline module
//!   (`mod tests { ... }`) resolve `super` from that inline module. Unit-test modules kept in
//!   a file of their own (`#[cfg(test)] mod tests;`) are left out: a test uses what it tests.
//! - `src/catalogue/` imports nothing of the crate outside it;
//! - no `rusqlite` and no SQL call (`.prepare(`, `.execute(`) outside `src/store/`.
//!
//! Plain string scanning, no parser: comments, strings and character literals are blanked
//! first, so that only code is read.

#[path = "layers/source.rs"]
mod source;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Component, Path, PathBuf};

use source::{
    blank, blank_char_literals, declared_modules, expand_use_tree, find, inline_depth, is_word,
    read_source, strip_comments, strip_strings,
};

/// Catalogue files' imports of the crate known and awaiting their fix; none may be added.
/// `circles_tab.rs` cuts a name for a form's title (its TODO(layers) says who removes it).
const CATALOGUE_KNOWN: &[(&str, &str)] = &[("src/catalogue/circles_tab.rs", "src/text.rs")];

fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// The sources read: `src`, or another tree (`CERCLES_LAYERS_SRC=/elsewhere/src`) to compare
/// this reading with another. Files are named `src/...` either way.
fn root() -> PathBuf {
    std::env::var_os("CERCLES_LAYERS_SRC").map_or_else(|| PathBuf::from("src"), PathBuf::from)
}

fn name(path: &Path) -> String {
    let inside = path.strip_prefix(root()).unwrap_or(path);
    format!("src/{}", inside.to_string_lossy().replace('\\', "/"))
}

#[derive(Default)]
struct Tree {
    /// Module path -> file, and file -> module path.
    modules: BTreeMap<Vec<String>, String>,
    files: BTreeMap<String, Vec<String>>,
    /// Where each file is read.
    paths: BTreeMap<String, PathBuf>,
}

impl Tree {
    fn discover(&mut self, path: &Path, modpath: Vec<String>) {
        let file = name(path);
        self.modules.insert(modpath.clone(), file.clone());
        self.files.insert(file.clone(), modpath.clone());
        self.paths.insert(file, path.to_path_buf());
        let text = read_source(path);
        let base = path.parent().unwrap_or(Path::new(""));
        let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let own_dir = if ["mod.rs", "lib.rs", "main.rs"].contains(&file_name) {
            base.to_path_buf()
        } else {
            base.join(file_name.trim_end_matches(".rs"))
        };
        for (attr, child_name) in declared_modules(&text) {
            let child = match attr {
                Some(attr) => normalize(&base.join(attr)),
                None => {
                    let a = own_dir.join(format!("{child_name}.rs"));
                    if a.exists() {
                        a
                    } else {
                        own_dir.join(&child_name).join("mod.rs")
                    }
                }
            };
            if child.exists() {
                let mut sub = modpath.clone();
                sub.push(child_name);
                self.discover(&child, sub);
            }
        }
    }

    /// The file a path of `segments` names, from module `here` (inside `inline` inline mods).
    fn resolve(&self, segments: &[&str], here: &[String], mut inline: usize) -> Option<String> {
        let first = *segments.first()?;
        let (mut module, mut rest): (Vec<String>, &[&str]) = match first {
            "crate" => (Vec::new(), &segments[1..]),
            "super" | "self" => {
                let mut module = here.to_vec();
                let mut rest = segments;
                while let Some(&s) = rest.first() {
                    if s == "super" {
                        if inline > 0 {
                            inline -= 1;
                        } else {
                            module.pop();
                        }
                    } else if s != "self" {
                        break;
                    }
                    rest = &rest[1..];
                }
                (module, rest)
            }
            _ => return None,
        };
        while let Some(&s) = rest.first() {
            module.push(s.to_owned());
            if !self.modules.contains_key(&module) {
                module.pop();
                break;
            }
            rest = &rest[1..];
        }
        self.modules.get(&module).cloned()
    }

    fn edges_of(&self, file: &str) -> BTreeSet<String> {
        let here = &self.files[file];
        let mut raw = read_source(&self.paths[file]).into_bytes();
        // `pub(in crate::x)` names a module for visibility, it imports nothing.
        let mut from = 0;
        while let Some(at) = find(&raw, b"pub(in ", from) {
            let end = raw[at..]
                .iter()
                .position(|&c| c == b')')
                .map(|p| at + p + 1);
            let Some(end) = end else { break };
            blank(&mut raw, at, end);
            from = end;
        }
        let raw = String::from_utf8(raw).unwrap_or_default();
        let depth = inline_depth(&raw);
        let mut found = BTreeSet::new();
        for (_, child) in declared_modules(&raw) {
            let mut m = here.clone();
            m.push(child);
            if let Some(f) = self.modules.get(&m) {
                found.insert(f.clone());
            }
        }
        let b = raw.as_bytes();
        let mut use_spans = Vec::new();
        let mut from = 0;
        while let Some(at) = find(b, b"use", from) {
            from = at + 3;
            if at > 0 && is_word(b[at - 1]) {
                continue;
            }
            let mut i = at + 3;
            if !b.get(i).is_some_and(u8::is_ascii_whitespace) {
                continue;
            }
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let Some(semi) = b[i..].iter().position(|&c| c == b';').map(|p| i + p) else {
                break;
            };
            if semi == i {
                continue;
            }
            use_spans.push((at, semi + 1));
            for p in expand_use_tree(&raw[i..semi]) {
                let segments: Vec<&str> = p.split("::").collect();
                if let Some(f) = self.resolve(&segments, here, depth[at]) {
                    found.insert(f);
                }
            }
            from = semi + 1;
        }
        let mut i = 0;
        while i < b.len() {
            let starts = !(i > 0 && is_word(b[i - 1]));
            let word = ["crate", "super", "self"]
                .into_iter()
                .find(|w| starts && b[i..].starts_with(w.as_bytes()));
            let Some(word) = word else {
                i += 1;
                continue;
            };
            let mut end = i + word.len();
            let mut segments = 0;
            while b[end..].starts_with(b"::") {
                let s = end + 2;
                let mut e = s;
                while e < b.len() && is_word(b[e]) {
                    e += 1;
                }
                if e == s {
                    break;
                }
                end = e;
                segments += 1;
            }
            if segments == 0 {
                i += word.len();
                continue;
            }
            if !use_spans.iter().any(|&(a, z)| a <= i && i < z) {
                let path: Vec<&str> = raw[i..end].split("::").collect();
                if let Some(f) = self.resolve(&path, here, depth[i]) {
                    found.insert(f);
                }
            }
            i = end;
        }
        found.remove(file);
        found
    }
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut tree = Tree::default();
    tree.discover(&root().join("lib.rs"), Vec::new());
    tree.files
        .keys()
        .map(|f| (f.clone(), tree.edges_of(f)))
        .collect()
}

fn all_sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            all_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_two_files_import_each_other() {
    let graph = graph();
    assert!(
        graph.len() > 50,
        "the modules were not found from src/lib.rs"
    );
    let pairs: BTreeSet<(String, String)> = graph
        .iter()
        .flat_map(|(a, outs)| outs.iter().map(move |b| (a, b)))
        .filter(|(a, b)| graph.get(*b).is_some_and(|o| o.contains(*a)))
        .map(|(a, b)| (a.min(b).clone(), a.max(b).clone()))
        .collect();
    let lines: Vec<String> = pairs.iter().map(|(a, b)| format!("{a} <-> {b}")).collect();
    assert!(
        lines.is_empty(),
        "files that import each other (move what both need into a third file, \
         ARCHITECTURE.md, \"Adding a tab\"):\n{}",
        lines.join("\n")
    );
}

#[test]
fn the_catalogue_imports_nothing_of_ours() {
    let graph = graph();
    let mut found = Vec::new();
    for (file, outs) in graph
        .iter()
        .filter(|(f, _)| f.starts_with("src/catalogue/"))
    {
        for to in outs.iter().filter(|t| !t.starts_with("src/catalogue/")) {
            if !CATALOGUE_KNOWN.contains(&(file.as_str(), to.as_str())) {
                found.push(format!("{file} -> {to}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "the catalogue uses the crate:\n{}",
        found.join("\n")
    );
}

#[test]
fn sql_stays_in_the_store() {
    let mut files = Vec::new();
    all_sources(&root(), &mut files);
    assert!(!files.is_empty());
    let mut found = Vec::new();
    for path in files.iter().filter(|p| !name(p).starts_with("src/store/")) {
        let code = read_source(path);
        for (n, line) in code.lines().enumerate() {
            let b = line.as_bytes();
            let named = (0..b.len())
                .any(|i| b[i..].starts_with(b"rusqlite") && !(i > 0 && is_word(b[i - 1])));
            if named || line.contains(".prepare(") || line.contains(".execute(") {
                found.push(format!("{}:{}: {}", name(path), n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "SQL outside src/store/:\n{}",
        found.join("\n")
    );
}

/// The reading itself, on small cases.
#[test]
fn the_reading_of_sources() {
    assert_eq!(
        expand_use_tree("super::{a, b::{c as d, e}, f::self}"),
        ["super::a", "super::b::c", "super::b::e", "super::f"]
    );
    assert_eq!(
        declared_modules("#[cfg(test)]\nmod tests;\n#[path = \"x.rs\"]\npub(crate) mod y;\nmod z;"),
        [
            (Some("x.rs".to_owned()), "y".to_owned()),
            (None, "z".to_owned())
        ]
    );
    let code = strip_strings(&strip_comments(&blank_char_literals(
        "let q = '\"'; // use super::x;\nlet s = \"crate::a\"; /* super::b */",
    )));
    assert!(!code.contains("super") && !code.contains("crate"), "{code}");
    let depth = inline_depth("mod a { x } y");
    assert_eq!((depth[8], depth[12]), (1, 0));
}
