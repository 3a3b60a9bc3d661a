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

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Component, Path, PathBuf};

/// Catalogue files' imports of the crate known and awaiting their fix; none may be added.
/// `circles_tab.rs` cuts a name for a form's title (its TODO(layers) says who removes it).
const CATALOGUE_KNOWN: &[(&str, &str)] = &[("src/catalogue/circles_tab.rs", "src/text.rs")];

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

/// `bytes` with every byte of `from..to` but line breaks made a space.
fn blank(bytes: &mut [u8], from: usize, to: usize) {
    for b in &mut bytes[from..to] {
        if *b != b'\n' {
            *b = b' ';
        }
    }
}

/// Character literals (`'"'`, `'{'`, `'\n'`) as `' '`.
fn blank_char_literals(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\'' {
            // `'\\.'` or `'x'` where x is one character (of any UTF-8 length), not `'` or `\`.
            if b.get(i + 1) == Some(&b'\\') {
                if let Some(c) = text[i + 2..].chars().next()
                    && c != '\n'
                {
                    let end = i + 2 + c.len_utf8();
                    if b.get(end) == Some(&b'\'') {
                        out.extend_from_slice(b"' '");
                        i = end + 1;
                        continue;
                    }
                }
            } else if let Some(c) = text[i + 1..].chars().next()
                && c != '\''
                && c != '\\'
            {
                let end = i + 1 + c.len_utf8();
                if b.get(end) == Some(&b'\'') {
                    out.extend_from_slice(b"' '");
                    i = end + 1;
                    continue;
                }
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_default()
}

/// Block comments blanked; line comments cut, but not a `//` inside a string on its line.
fn strip_comments(text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == b'/' && bytes[i + 1] == b'*' {
            match find(&bytes, b"*/", i + 2) {
                Some(end) => {
                    blank(&mut bytes, i, end + 2);
                    i = end + 2;
                }
                None => break,
            }
        } else {
            i += 1;
        }
    }
    let text = String::from_utf8(bytes).unwrap_or_default();
    let mut out = Vec::new();
    for line in text.split('\n') {
        let b = line.as_bytes();
        let (mut in_str, mut cut, mut i) = (false, b.len(), 0);
        while i < b.len() {
            let c = b[i];
            if c == b'\\' && in_str {
                i += 2;
                continue;
            }
            if c == b'"' {
                in_str = !in_str;
            } else if !in_str && b[i..].starts_with(b"//") {
                cut = i;
                break;
            }
            i += 1;
        }
        out.push(&line[..cut]);
    }
    out.join("\n")
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    (from..=hay.len().checked_sub(needle.len())?).find(|&i| hay[i..].starts_with(needle))
}

/// The end (past the closing quote) of the string starting with the `"` at `start`.
fn string_end(b: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// Spans of `#[path = "..."]` attributes.
fn path_attrs(b: &[u8]) -> Vec<(usize, usize, String)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = find(b, b"#[path", from) {
        from = at + 1;
        let mut i = at + 6;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if b.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if b.get(i) != Some(&b'"') {
            continue;
        }
        let Some(close) = b[i + 1..].iter().position(|&c| c == b'"') else {
            continue;
        };
        let end = i + 1 + close;
        if b.get(end + 1) != Some(&b']') {
            continue;
        }
        let value = String::from_utf8_lossy(&b[i + 1..end]).into_owned();
        found.push((at, end + 2, value));
    }
    found
}

/// Strings blanked, but `#[path = "..."]` kept.
fn strip_strings(text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let kept = path_attrs(&bytes);
    let mut i = 0;
    while i < bytes.len() {
        if let Some(&(_, end, _)) = kept.iter().find(|(s, _, _)| *s == i) {
            i = end;
            continue;
        }
        if bytes[i] == b'"'
            && let Some(end) = string_end(&bytes, i)
        {
            blank(&mut bytes, i, end);
            i = end;
            continue;
        }
        i += 1;
    }
    String::from_utf8(bytes).unwrap_or_default()
}

/// The code of a file: character literals, comments and strings blanked.
fn read_source(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap_or_default();
    strip_strings(&strip_comments(&blank_char_literals(&text)))
}

fn skip_ws_back(b: &[u8], mut i: usize) -> usize {
    while i > 0 && b[i - 1].is_ascii_whitespace() {
        i -= 1;
    }
    i
}

/// `(path attribute, name)` of each `mod x;`, unit-test modules left out.
fn declared_modules(text: &str) -> Vec<(Option<String>, String)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = find(b, b"mod", from) {
        from = at + 3;
        let mut i = at + 3;
        let ws = i;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let name_at = i;
        while i < b.len() && is_word(b[i]) {
            i += 1;
        }
        if i == ws || name_at == i {
            continue;
        }
        let name = &text[name_at..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if b.get(i) != Some(&b';') {
            continue;
        }
        from = i + 1;
        // Before `mod`: an optional `pub` or `pub(...)`, then the attributes.
        let mut start = at;
        let before = skip_ws_back(b, at);
        if before < at {
            let head = &b[..before];
            if head.ends_with(b"pub") {
                start = before - 3;
            } else if let Some((&b')', inner)) = head.split_last()
                && let Some(open) = inner.iter().rposition(|&c| c == b'(' || c == b')')
                && inner[open] == b'('
                && inner[..open].ends_with(b"pub")
            {
                start = open - 3;
            }
        }
        let mut attrs_start = start;
        loop {
            let e = skip_ws_back(b, attrs_start);
            if e == 0 || b[e - 1] != b']' {
                break;
            }
            let Some(open) = b[..e - 1].iter().rposition(|&c| c == b'[' || c == b']') else {
                break;
            };
            if b[open] != b'[' || open == 0 || b[open - 1] != b'#' {
                break;
            }
            attrs_start = open - 1;
        }
        let attrs = &text[attrs_start..start];
        if attrs.contains("#[cfg(test)]") {
            continue;
        }
        let path = path_attrs(attrs.as_bytes()).into_iter().next().map(|p| p.2);
        out.push((path, name.to_owned()));
    }
    out
}

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

/// For each offset, how many inline `mod x { ... }` enclose it.
fn inline_depth(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut depth = vec![0; b.len() + 1];
    let mut from = 0;
    while let Some(at) = find(b, b"mod", from) {
        from = at + 3;
        if at > 0 && is_word(b[at - 1]) {
            continue;
        }
        let mut i = at + 3;
        let ws = i;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let name_at = i;
        while i < b.len() && is_word(b[i]) {
            i += 1;
        }
        if i == ws || i == name_at {
            continue;
        }
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if b.get(i) != Some(&b'{') {
            continue;
        }
        let mut level = 0usize;
        for j in i..b.len() {
            match b[j] {
                b'{' => level += 1,
                b'}' => {
                    level -= 1;
                    if level == 0 {
                        for d in &mut depth[i..=j] {
                            *d += 1;
                        }
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    depth
}

/// `a::{b, c::{d, e}}` -> `[a::b, a::c::d, a::c::e]` (aliases dropped; `::self`, `::*` cut).
fn expand_use_tree(tree: &str) -> Vec<String> {
    // ` as name` goes (spaces before and after `as`, then the name), then every space.
    let b = tree.as_bytes();
    let mut kept = String::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_whitespace() {
            let mut j = i;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if b[j..].starts_with(b"as") {
                let mut k = j + 2;
                while k < b.len() && b[k].is_ascii_whitespace() {
                    k += 1;
                }
                let mut l = k;
                while l < b.len() && is_word(b[l]) {
                    l += 1;
                }
                if k > j + 2 && l > k {
                    i = l;
                    continue;
                }
            }
            i = j;
            continue;
        }
        let c = tree[i..].chars().next().unwrap_or(' ');
        kept.push(c);
        i += c.len_utf8();
    }
    let mut out = Vec::new();
    walk_tree("", &kept, &mut out);
    out.into_iter()
        .map(|p| {
            p.strip_suffix("::self")
                .or_else(|| p.strip_suffix("::*"))
                .unwrap_or(&p)
                .to_owned()
        })
        .collect()
}

fn walk_tree(prefix: &str, s: &str, out: &mut Vec<String>) {
    let mut parts = Vec::new();
    let (mut depth, mut cur) = (0i32, String::new());
    for ch in s.chars() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if ch == ',' && depth == 0 {
            parts.push(std::mem::take(&mut cur));
        } else {
            cur.push(ch);
        }
    }
    if !cur.is_empty() {
        parts.push(cur);
    }
    for p in parts {
        match p.split_once('{') {
            Some((head, rest)) => {
                let mut inner = rest.chars();
                inner.next_back();
                walk_tree(&format!("{prefix}{head}"), inner.as_str(), out);
            }
            None => out.push(format!("{prefix}{p}")),
        }
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
