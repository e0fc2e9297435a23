//! What a browser with an empty cache downloads to show a page and make it interactive:
//! the page, then the files of the bundle it fetches, each asked with the `Accept-Encoding`
//! of Chrome and Firefox and counted as it travels (compressed). A page with islands fetches every
//! file it names (stylesheet, script, wasm, the messages of its language); one without
//! fetches its stylesheet only, since the page's script loads the rest for islands.

use anyhow::Context;
use reqwest::header::{ACCEPT, ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, COOKIE};
use reqwest::Client;
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// The most a first visit may weigh (issue 13).
const BUDGET_BYTES: u64 = 300 * 1024;

/// One file of a first visit.
struct Fetched {
    path: String,
    bytes: u64,
    encoding: String,
    cache: String,
}

async fn fetch(client: &Client, base: &str, path: &str, cookie: Option<&str>) -> anyhow::Result<Fetched> {
    let mut request = client.get(format!("{base}{path}"));
    if let Some(cookie) = cookie {
        request = request.header(COOKIE, cookie);
    }
    let response = request
        .header(ACCEPT, "text/html,*/*")
        .header(ACCEPT_ENCODING, crate::BROWSER_ENCODINGS)
        .send()
        .await
        .with_context(|| format!("GET {path}"))?;
    if !response.status().is_success() {
        anyhow::bail!("GET {path} answered {}", response.status());
    }
    let header = |name| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned()
    };
    let (encoding, cache) = (header(CONTENT_ENCODING), header(CACHE_CONTROL));
    let bytes = response.bytes().await?.len() as u64;
    Ok(Fetched {
        path: path.to_owned(),
        bytes,
        encoding,
        cache,
    })
}

/// The bundle's files a page names: every `/pkg/…` address in it.
fn bundle_files(html: &str) -> BTreeSet<String> {
    html.match_indices("/pkg/")
        .map(|(at, _)| {
            let rest = &html[at..];
            let end = rest
                .find(|c: char| c == '"' || c == '\'' || c == ')' || c == '`' || c.is_whitespace())
                .unwrap_or(rest.len());
            rest[..end].to_owned()
        })
        .filter(|path| path.len() > "/pkg/".len())
        .collect()
}

/// The bundle's files a browser fetches for a page: the stylesheet, and the rest only
/// when the page has an island for the wasm to run.
fn fetched_files(html: &str) -> BTreeSet<String> {
    let islands = html.contains("<leptos-island");
    bundle_files(html)
        .into_iter()
        .filter(|path| islands || path.ends_with(".css"))
        .collect()
}

/// Measures each page's first visit, by a visitor or (with a session cookie) by a
/// signed-in member; prints a table and verdicts, answers the JSON.
pub(crate) async fn measure(client: &Client, base: &str, pages: &[(String, Option<String>)]) -> anyhow::Result<Value> {
    let mut rows = Vec::new();
    println!();
    println!(
        "First visit, compressed as sent (budget {} KB each):",
        BUDGET_BYTES / 1024
    );
    println!(
        "{:<28} {:>9} {:>9} {:>9} {:>9}",
        "page", "html", "bundle", "total", "files"
    );
    let mut checks = Vec::new();
    for (path, cookie) in pages {
        let cookie = cookie.as_deref();
        let html = fetch(client, base, path, cookie).await?;
        // Read again uncompressed (this client does not decompress) for the names.
        let mut again = client.get(format!("{base}{path}")).header(ACCEPT, "text/html");
        if let Some(cookie) = cookie {
            again = again.header(COOKIE, cookie);
        }
        let text = again.send().await?.text().await?;
        let mut files = Vec::new();
        for file in fetched_files(&text) {
            files.push(fetch(client, base, &file, None).await?);
        }
        let page = if cookie.is_some() {
            format!("{path} (signed in)")
        } else {
            path.clone()
        };
        let bundle: u64 = files.iter().map(|f| f.bytes).sum();
        let total = html.bytes + bundle;
        println!(
            "{:<28} {:>8.1}K {:>8.1}K {:>8.1}K {:>9}",
            page,
            html.bytes as f64 / 1024.0,
            bundle as f64 / 1024.0,
            total as f64 / 1024.0,
            files.len()
        );
        for f in &files {
            println!(
                "    {:<50} {:>8.1}K  {:<4} {}",
                f.path,
                f.bytes as f64 / 1024.0,
                if f.encoding.is_empty() { "-" } else { &f.encoding },
                f.cache
            );
        }
        checks.push(format!(
            "{} first visit of {page}: {:.1} KB (target <= {} KB)",
            if total <= BUDGET_BYTES { "ok  " } else { "MISS" },
            total as f64 / 1024.0,
            BUDGET_BYTES / 1024
        ));
        rows.push(json!({
            "page": page,
            "html_bytes": html.bytes,
            "html_encoding": html.encoding,
            "bundle_bytes": bundle,
            "total_bytes": total,
            "files": files.iter().map(|f| json!({
                "path": f.path, "bytes": f.bytes, "encoding": f.encoding, "cache_control": f.cache,
            })).collect::<Vec<_>>(),
        }));
    }
    println!("Targets:");
    for check in checks {
        println!("  {check}");
    }
    Ok(json!({ "first_visit": rows }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundle_files_a_page_names_are_found_once_each() {
        let html = r#"<link rel="stylesheet" href="/pkg/agora.abc.css"><link rel="modulepreload" href="/pkg/agora.def.js">
            <script>import('/pkg/agora.def.js').then(m => m.default({module_or_path: '/pkg/agora.ghi.wasm'}))</script>"#;
        assert_eq!(
            bundle_files(html).into_iter().collect::<Vec<_>>(),
            ["/pkg/agora.abc.css", "/pkg/agora.def.js", "/pkg/agora.ghi.wasm"]
        );
    }

    const PAGE: &str = r#"<link rel="stylesheet" href="/pkg/agora.abc.css">
        <script>import('/pkg/agora.def.js').then(m => m.default({module_or_path: '/pkg/agora.ghi.wasm'}))</script>"#;

    #[test]
    fn a_page_without_an_island_fetches_its_stylesheet_only() {
        assert_eq!(
            fetched_files(PAGE).into_iter().collect::<Vec<_>>(),
            ["/pkg/agora.abc.css"]
        );
    }

    #[test]
    fn a_page_with_an_island_fetches_every_file_it_names() {
        let page = format!(r#"{PAGE}<leptos-island data-component="VoteBox_123"></leptos-island>"#);
        assert_eq!(fetched_files(&page).len(), 3);
    }
}
