//! Reading a source file as plain text for `layers`: character literals, comments and strings
//! blanked (`#[path = "..."]` kept), then the `mod x;` declarations, the inline modules and
//! the `use` trees found in what is left.

use std::fs;
use std::path::Path;

pub(crate) fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

/// `bytes` with every byte of `from..to` but line breaks made a space.
pub(crate) fn blank(bytes: &mut [u8], from: usize, to: usize) {
    for b in &mut bytes[from..to] {
        if *b != b'\n' {
            *b = b' ';
        }
    }
}

/// Character literals (`'"'`, `'{'`, `'\n'`) as `' '`.
pub(crate) fn blank_char_literals(text: &str) -> String {
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
pub(crate) fn strip_comments(text: &str) -> String {
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

pub(crate) fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
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
pub(crate) fn strip_strings(text: &str) -> String {
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
pub(crate) fn read_source(path: &Path) -> String {
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
pub(crate) fn declared_modules(text: &str) -> Vec<(Option<String>, String)> {
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

/// For each offset, how many inline `mod x { ... }` enclose it.
pub(crate) fn inline_depth(text: &str) -> Vec<usize> {
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
pub(crate) fn expand_use_tree(tree: &str) -> Vec<String> {
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
