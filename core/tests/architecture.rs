//! The core's modules form layers: no module reaches, directly or through others, back into a
//! module that depends on it (docs/ARCHITECTURE.md). This test reads the sources, collects each
//! top-level module's `crate::…` references (outside comments and `#[cfg(test)]` test modules)
//! and fails with the cycle when there is one.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `path` (a file, or a module folder).
fn sources(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    let mut out = Vec::new();
    for entry in fs::read_dir(path).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            out.extend(sources(&p));
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
    out
}

/// The code of a source file without line comments, doc comments and its test module.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The identifiers that follow `crate::` in `code`, and the first segment of each path inside
/// `crate::{…}` groups.
fn referenced(code: &str) -> BTreeSet<String> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                out.insert(ident(part.trim()));
            }
        } else {
            out.insert(ident(rest));
        }
    }
    out
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut modules = BTreeMap::new();
    for entry in fs::read_dir(&src).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_stem().unwrap().to_string_lossy().to_string();
        if name != "lib" && (p.is_dir() || p.extension().is_some_and(|e| e == "rs")) {
            modules.insert(name, p);
        }
    }
    let names: BTreeSet<String> = modules.keys().cloned().collect();
    modules
        .iter()
        .map(|(name, path)| {
            let mut deps = BTreeSet::new();
            for file in sources(path) {
                if file.file_name().is_some_and(|f| f == "tests.rs") {
                    continue;
                }
                let text = fs::read_to_string(&file).unwrap();
                deps.extend(
                    referenced(&code(&text))
                        .into_iter()
                        .filter(|d| d != name && names.contains(d)),
                );
            }
            (name.clone(), deps)
        })
        .collect()
}

/// A cycle through `start`, if there is one (depth-first search).
fn cycle_from(
    graph: &BTreeMap<String, BTreeSet<String>>,
    start: &str,
    path: &mut Vec<String>,
) -> Option<Vec<String>> {
    for next in &graph[path.last().unwrap()] {
        if next == start {
            let mut c = path.clone();
            c.push(start.to_string());
            return Some(c);
        }
        if !path.contains(next) {
            path.push(next.clone());
            if let Some(c) = cycle_from(graph, start, path) {
                return Some(c);
            }
            path.pop();
        }
    }
    None
}

#[test]
fn the_core_modules_have_no_import_cycles() {
    let g = graph();
    // The reader of the sources sees the layers it should (so the test can fail).
    assert!(g["import"].contains("office"), "{:?}", g["import"]);
    assert!(g["report"].contains("stats"), "{:?}", g["report"]);
    for name in g.keys() {
        if let Some(cycle) = cycle_from(&g, name, &mut vec![name.clone()]) {
            panic!(
                "import cycle between the core's modules: {}",
                cycle.join(" -> ")
            );
        }
    }
}

#[test]
fn the_cycle_finder_finds_a_cycle() {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    g.insert("a".into(), ["b".to_string()].into());
    g.insert("b".into(), ["c".to_string()].into());
    g.insert("c".into(), ["a".to_string()].into());
    assert_eq!(
        cycle_from(&g, "a", &mut vec!["a".into()]).unwrap(),
        ["a", "b", "c", "a"]
    );
    assert_eq!(
        referenced("use crate::{model::Plan, text::Text};\nlet x = crate::fmt::plural(1);"),
        ["fmt", "model", "text"].map(String::from).into()
    );
}
