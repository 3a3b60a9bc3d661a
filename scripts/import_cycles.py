#!/usr/bin/env python3
"""List the pairs of files under src/ that import each other.

A file imports another when it declares it as a module (`mod x;`), or names a path that
resolves into it (`use super::X`, `use crate::a::b::{C, D}`, `crate::a::b::f(...)` in code).
A path resolves to the deepest module along it that has a file of its own; paths inside an
inline module (`mod tests { ... }`) resolve `super` from that inline module.

Usage: python3 scripts/import_cycles.py [src]   (prints one pair a line; exit 1 when any)
"""

import os
import re
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else "src"

# module path (tuple) -> file, and file -> module path
MODULES = {}
FILES = {}


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)
    # Line comments, but not inside string literals (rough: drop `//` to end of line unless
    # the `//` sits inside a "..." on that line).
    out = []
    for line in text.split("\n"):
        in_str = False
        cut = len(line)
        i = 0
        while i < len(line):
            c = line[i]
            if c == "\\" and in_str:
                i += 2
                continue
            if c == '"':
                in_str = not in_str
            elif not in_str and line.startswith("//", i):
                cut = i
                break
            i += 1
        out.append(line[:cut])
    return "\n".join(out)


def strip_strings(text):
    text = re.sub(r'"(?:\\.|[^"\\])*"', lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    return text


def read_source(path):
    """The file's text with character literals blanked first (a '"' or a '{' would upset the
    reading of strings and braces), then comments and strings (but `#[path = "..."]`)."""
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"'(?:\\.|[^'\\])'", "' '", text)
    return strip_strings_keep_path(strip_comments(text))


MOD_DECL = re.compile(r"((?:#\[[^\]]*\]\s*)*)(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;")
PATH_ATTR = re.compile(r'#\[path\s*=\s*"([^"]+)"\]')


def declared_modules(text):
    """`(path attribute or None, name)` of each `mod x;`, unit-test modules left out: a test
    module uses its parent's items by nature, it is not a part of the code's layout."""
    for m in MOD_DECL.finditer(text):
        attrs = m.group(1)
        if re.search(r"#\[cfg\(test\)\]", attrs):
            continue
        path = PATH_ATTR.search(attrs)
        yield (path.group(1) if path else None), m.group(2)
INLINE_MOD = re.compile(r"\bmod\s+(\w+)\s*\{")


def discover(path, modpath):
    """Register `path` as module `modpath` and walk its `mod x;` declarations."""
    MODULES[modpath] = path
    FILES[path] = modpath
    text = read_source(path)
    base = os.path.dirname(path)
    own_dir = base if os.path.basename(path) in ("mod.rs", "lib.rs", "main.rs") else os.path.join(
        base, os.path.basename(path)[:-3]
    )
    for attr, name in declared_modules(text):
        if attr:
            child = os.path.normpath(os.path.join(base, attr))
        else:
            a = os.path.join(own_dir, name + ".rs")
            b = os.path.join(own_dir, name, "mod.rs")
            child = a if os.path.exists(a) else b
        if os.path.exists(child):
            discover(child, modpath + (name,))


def strip_strings_keep_path(text):
    # Keep `#[path = "..."]` strings, blank the others.
    keep = {}

    def save(m):
        keep[len(keep)] = m.group(0)
        return f"@@PATH{len(keep) - 1}@@"

    text = re.sub(r'#\[path\s*=\s*"[^"]*"\]', save, text)
    text = strip_strings(text)
    for i, s in keep.items():
        text = text.replace(f"@@PATH{i}@@", s)
    return text


def expand_use_tree(tree):
    """`a::{b, c::{d, e}}` -> [a::b, a::c::d, a::c::e] (aliases dropped)."""
    tree = re.sub(r"\s+as\s+\w+", "", tree)
    tree = re.sub(r"\s+", "", tree)
    out = []

    def walk(prefix, s):
        # split top-level commas
        parts, depth, cur = [], 0, ""
        for ch in s:
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            if ch == "," and depth == 0:
                parts.append(cur)
                cur = ""
            else:
                cur += ch
        if cur:
            parts.append(cur)
        for p in parts:
            if "{" in p:
                head, rest = p.split("{", 1)
                walk(prefix + head, rest[:-1])
            else:
                out.append(prefix + p)

    walk("", tree)
    return [re.sub(r"::(self|\*)$", "", p) for p in out]


def inline_depth_at(text):
    """For each offset, how many inline `mod x { ... }` enclose it."""
    depth = [0] * (len(text) + 1)
    regions = []
    for m in INLINE_MOD.finditer(text):
        start = m.end() - 1
        level = 0
        for i in range(start, len(text)):
            if text[i] == "{":
                level += 1
            elif text[i] == "}":
                level -= 1
                if level == 0:
                    regions.append((start, i))
                    break
    for a, b in regions:
        for i in range(a, b + 1):
            depth[i] += 1
    return depth


def resolve(segments, here, inline):
    """The file a path of `segments` names, from module `here` (inside `inline` inline mods)."""
    if not segments:
        return None
    if segments[0] == "crate":
        mod = ()
        segments = segments[1:]
    elif segments[0] in ("super", "self"):
        mod = here
        while segments and segments[0] in ("super", "self"):
            if segments[0] == "super":
                if inline > 0:
                    inline -= 1
                else:
                    mod = mod[:-1]
            segments = segments[1:]
    else:
        return None
    for s in segments:
        if mod + (s,) in MODULES:
            mod = mod + (s,)
        else:
            break
    return MODULES.get(mod)


USE = re.compile(r"\buse\s+([^;]+);")
INLINE_PATH = re.compile(r"\b(?:crate|super|self)(?:::\w+)+")


def edges_of(path):
    here = FILES[path]
    raw = read_source(path)
    # `pub(in crate::x)` names a module for visibility, it imports nothing.
    raw = re.sub(r"pub\(in [^)]*\)", lambda m: " " * len(m.group(0)), raw)
    depth = inline_depth_at(raw)
    found = set()
    own_dir = os.path.dirname(path) if os.path.basename(path) in ("mod.rs", "lib.rs", "main.rs") else os.path.join(
        os.path.dirname(path), os.path.basename(path)[:-3]
    )
    for _, name in declared_modules(raw):
        child_mod = here + (name,)
        if child_mod in MODULES:
            found.add(MODULES[child_mod])
    used_spans = []
    for m in USE.finditer(raw):
        used_spans.append((m.start(), m.end()))
        for p in expand_use_tree(m.group(1)):
            f = resolve(p.split("::"), here, depth[m.start()])
            if f:
                found.add(f)
    for m in INLINE_PATH.finditer(raw):
        if any(a <= m.start() < b for a, b in used_spans):
            continue
        f = resolve(m.group(0).split("::"), here, depth[m.start()])
        if f:
            found.add(f)
    found.discard(path)
    return found


def main():
    root = os.path.join(ROOT, "lib.rs")
    discover(root, ())
    main_rs = os.path.join(ROOT, "main.rs")
    graph = {f: edges_of(f) for f in list(FILES)}
    pairs = sorted(
        {tuple(sorted((a, b))) for a, outs in graph.items() for b in outs if a in graph.get(b, ())}
    )
    for a, b in pairs:
        print(f"{a} <-> {b}")
    if os.path.exists(main_rs):
        pass
    return 1 if pairs else 0


if __name__ == "__main__":
    sys.exit(main())
