//! The application is built in layers that import only downward:
//!
//! 1. **domain**: types, parsing, rules and the permission policy (`*/model.rs`,
//!    `policy.rs`, `error.rs`, `text.rs`, `ids.rs`, `locale.rs`, `calendar.rs`, `form_memory.rs`,
//!    `redirect.rs`);
//! 2. **store**: SQL and what the server keeps (`*/store.rs`, `db/`, `keys.rs`, limits,
//!    password hashing);
//! 3. **server functions**: `*/api.rs`, `*/api/`, and what they read of the request
//!    (`ctx.rs`, `i18n.rs`), and the mail they compose (`mail/compose.rs`);
//! 4. **ui**: the kit (`ui/`, `forms.rs`) and each feature's parts that other pages show
//!    (`*/parts.rs`, `*/parts/`: the discussion, the vote button, the moderators' forms…), which
//!    never import a page;
//! 5. **pages**: `*/views.rs`, `*/views/`; a page never imports another feature's page.
//!
//! This test reads every `crate::` and `super::` path in `app/src` and fails on any
//! import that goes up, or sideways between pages.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Layer {
    Domain,
    Store,
    ServerFunctions,
    Ui,
    Pages,
    /// `lib.rs`: the routes and the providers around every page.
    App,
}

fn layer_of(file: &str) -> Layer {
    let name = file.rsplit('/').next().unwrap_or(file);
    match (file, name) {
        ("lib.rs", _) => Layer::App,
        _ if file.starts_with("ui/") => Layer::Ui,
        // The database handle and its group commit.
        _ if file.starts_with("db/") => Layer::Store,
        (_, "parts.rs") => Layer::Ui,
        // A feature's parts split into files of their own.
        _ if file.contains("/parts/") => Layer::Ui,
        // A feature's store or pages split into files of their own.
        _ if file.contains("/store/") => Layer::Store,
        _ if file.contains("/views/") => Layer::Pages,
        _ if file.contains("/api/") => Layer::ServerFunctions,
        // A feature's `mod.rs` only names its files (and a constant or two).
        (_, "mod.rs") => Layer::Domain,
        (_, "model.rs") => Layer::Domain,
        (_, "charts.rs") => Layer::Ui,
        (
            "error.rs" | "policy.rs" | "policy_tests.rs" | "locale.rs" | "calendar.rs" | "form_memory.rs"
            | "redirect.rs" | "text.rs" | "ids.rs" | "paging.rs",
            _,
        ) => Layer::Domain,
        (_, "store.rs" | "password.rs" | "trending.rs") => Layer::Store,
        ("keys.rs" | "ratelimit.rs" | "recent.rs" | "kept_input.rs", _) => Layer::Store,
        (_, "api.rs") => Layer::ServerFunctions,
        ("ctx.rs" | "i18n.rs" | "api_error.rs", _) => Layer::ServerFunctions,
        // Mail is composed in the recipient's language, with the translations.
        (_, "compose.rs") => Layer::ServerFunctions,
        ("forms.rs", _) => Layer::Ui,
        (_, "views.rs") => Layer::Pages,
        _ => panic!("{file} belongs to no layer: add it to `layer_of`"),
    }
}

fn source_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The file a module path names, relative to `src`: the deepest module that exists as
/// a file (`crate::ideas::store::list` is `ideas/store.rs`); an item of the crate root
/// (`crate::use_auth`) is `lib.rs`.
fn file_of(segments: &[&str]) -> String {
    let root = source_root();
    let mut found = "lib.rs".to_owned();
    let mut folder = PathBuf::new();
    for segment in segments {
        let file = folder.join(format!("{segment}.rs"));
        let module = folder.join(segment).join("mod.rs");
        if root.join(&file).is_file() {
            found = file.to_string_lossy().into_owned();
        } else if root.join(&module).is_file() {
            found = module.to_string_lossy().into_owned();
        } else {
            break;
        }
        folder = folder.join(segment);
    }
    found
}

/// The code of `text` without comments, one line per line except `use` statements,
/// which are joined into one line however they are wrapped.
fn statements(text: &str) -> Vec<String> {
    let mut out = vec![];
    let mut pending: Option<String> = None;
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        let trimmed = code.trim_start();
        match pending.as_mut() {
            Some(statement) => statement.push_str(code.trim()),
            None if trimmed.starts_with("use ")
                || trimmed.starts_with("pub use ")
                || trimmed.starts_with("pub(crate) use ") =>
            {
                pending = Some(code.trim().to_owned())
            }
            None => out.push(code.to_owned()),
        }
        if pending.as_ref().is_some_and(|statement| statement.ends_with(';')) {
            out.extend(pending.take());
        }
    }
    out.extend(pending);
    out
}

/// Every `crate::a::b` and `super::a` path in `text`, outside comments, as the files
/// they name.
fn imports(file: &str, text: &str) -> BTreeSet<String> {
    // `super` of `a/b.rs` is `a`; of `a/b/mod.rs` it is `a` too.
    let mut folder: Vec<&str> = file.split('/').collect();
    let own_module_is_folder = folder.last() == Some(&"mod.rs");
    folder.pop();
    if own_module_is_folder {
        folder.pop();
    }
    let mut found = BTreeSet::new();
    for code in statements(text) {
        let code = code.as_str();
        for (prefix, base) in [("crate::", vec![]), ("super::", folder.clone())] {
            let mut rest = code;
            while let Some(at) = rest.find(prefix) {
                let preceded_by_ident = rest[..at]
                    .chars()
                    .last()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':');
                rest = &rest[at + prefix.len()..];
                if preceded_by_ident {
                    continue;
                }
                // `super::*` in a file's own test module is that file; `use super::{a, b}`
                // lists siblings.
                let path: Vec<&str> = rest
                    .split("::")
                    .map(|s| {
                        s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                            .next()
                            .unwrap_or_default()
                    })
                    .take_while(|s| !s.is_empty())
                    .collect();
                let mut named = vec![];
                if path.is_empty() && rest.starts_with('{') {
                    let group = rest[1..].split('}').next().unwrap_or_default();
                    for member in group.split(',') {
                        // `a::b::C` names a file as deep as its path goes; `a::{b, c}` names `a`.
                        let member: Vec<&str> = member
                            .split("::")
                            .map(str::trim)
                            .take_while(|s| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_'))
                            .collect();
                        if !member.is_empty() {
                            named.push(member);
                        }
                    }
                } else if !path.is_empty() {
                    named.push(path);
                }
                for path in named {
                    if prefix == "super::" && folder.is_empty() {
                        continue;
                    }
                    let full: Vec<&str> = base.iter().copied().chain(path).collect();
                    let target = file_of(&full);
                    if target != file && !(prefix == "super::" && target == "lib.rs") {
                        found.insert(target);
                    }
                }
            }
        }
    }
    found
}

fn feature_of(file: &str) -> &str {
    file.split('/').next().unwrap_or(file)
}

#[test]
fn every_import_goes_down_the_layers() {
    let root = source_root();
    let mut files = vec![];
    rust_files(&root, &mut files);
    let mut wrong = vec![];
    for path in &files {
        let file = path
            .strip_prefix(&root)
            .expect("under src")
            .to_string_lossy()
            .replace('\\', "/");
        let from = layer_of(&file);
        let text = std::fs::read_to_string(path).expect("source file");
        for target in imports(&file, &text) {
            let to = layer_of(&target);
            let upward = to > from;
            let page_to_page = from == Layer::Pages && to == Layer::Pages && feature_of(&file) != feature_of(&target);
            if upward || page_to_page {
                wrong.push(format!("{file} ({from:?}) imports {target} ({to:?})"));
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the layers:\n{}", wrong.join("\n"));
}

#[test]
fn the_domain_builds_without_the_web_framework_or_the_database() {
    let root = source_root();
    let mut files = vec![];
    rust_files(&root, &mut files);
    let mut wrong = vec![];
    for path in &files {
        let file = path
            .strip_prefix(&root)
            .expect("under src")
            .to_string_lossy()
            .replace('\\', "/");
        if layer_of(&file) != Layer::Domain {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("source file");
        for word in ["leptos", "sqlx::", "axum"] {
            if text
                .lines()
                .any(|l| !l.trim_start().starts_with("//") && l.contains(word))
            {
                wrong.push(format!("{file} uses {word}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "domain files that need a framework:\n{}",
        wrong.join("\n")
    );
}

/// Pages wait for their data through the ui kit's `Loader` / `Loading` / `KeptForm`
/// (loading text, refusal and HTTP status in one place), not through a `Suspense` of
/// their own. The header's account menu is a `Transition`, so that it never blinks.
#[test]
fn pages_wait_for_their_data_through_the_loader() {
    let root = source_root();
    let mut files = vec![];
    rust_files(&root, &mut files);
    let mut wrong = vec![];
    for path in &files {
        let file = path
            .strip_prefix(&root)
            .expect("under src")
            .to_string_lossy()
            .replace('\\', "/");
        if file.starts_with("ui/") {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("source file");
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            let own_wait =
                code.contains("<Suspense") || (code.contains("Suspend::new") && file != "site/views/layout.rs");
            if own_wait {
                wrong.push(format!("{file}:{}", number + 1));
            }
        }
    }
    assert!(wrong.is_empty(), "a Suspense outside the ui kit:\n{}", wrong.join("\n"));
}

#[test]
fn a_path_names_the_deepest_file_of_its_module() {
    assert_eq!(file_of(&["ideas", "store", "list", "Filter"]), "ideas/store/list.rs");
    assert_eq!(file_of(&["ideas", "model", "IdeaTitle"]), "ideas/model.rs");
    assert_eq!(file_of(&["votes", "store", "cast"]), "votes/store.rs");
    assert_eq!(file_of(&["use_auth"]), "lib.rs");
    assert_eq!(file_of(&["policy", "Action"]), "policy.rs");
    assert_eq!(file_of(&["ui", "Refusal"]), "ui/mod.rs");
}

#[test]
fn a_grouped_import_is_read_to_the_end_of_each_path() {
    let text =
        "use crate::{\n    forms::Field,\n    ideas::views::IdeasPage, // a page\n};\nuse super::{model::Idea, api};";
    let found = imports("ui/demo.rs", text);
    assert_eq!(
        found,
        BTreeSet::from([
            "forms.rs".to_owned(),
            "ideas/views/mod.rs".to_owned(),
            "ui/mod.rs".to_owned(),
        ])
    );
}

#[test]
fn imports_are_read_from_code_not_comments() {
    let text =
        "use super::model::Idea;\n// crate::ideas::views is only mentioned\nlet x = crate::policy::allows(a, b);";
    let found = imports("ideas/api.rs", text);
    assert_eq!(
        found,
        BTreeSet::from(["ideas/model.rs".to_owned(), "policy.rs".to_owned()])
    );
}
