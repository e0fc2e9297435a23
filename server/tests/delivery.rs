//! How the bundle and the pages travel (`server/src/static_files.rs`): files precompressed
//! at build time are sent in the encoding the browser accepts, hashed names are cached for
//! a year, pages are compressed on the way out. The bundle here is a stand-in folder with
//! the files a release build makes, so each variant can be told apart by its bytes.

mod common;

use agora_server::config::Tuning;
use common::{spawn_configured, Engine};
use reqwest::header::{ACCEPT, ACCEPT_ENCODING, ACCEPT_LANGUAGE, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, VARY};

const HASHED: &str = "agora.q7LDlWwMFZbyQZg6hh7nmQ.wasm";

fn site_with_a_bundle() -> Site {
    let site = Site::new();
    let pkg = site.path.join("pkg");
    std::fs::create_dir_all(&pkg).expect("pkg folder");
    std::fs::write(pkg.join(HASHED), b"\0asm plain wasm bytes").expect("wasm");
    std::fs::write(pkg.join(format!("{HASHED}.br")), b"brotli variant").expect("br");
    std::fs::write(pkg.join(format!("{HASHED}.gz")), b"gzip variant").expect("gz");
    std::fs::write(pkg.join("snippet.js"), b"export const x = 1;").expect("plain name");
    site
}

/// A site folder of its own, removed after the test.
struct Site {
    path: std::path::PathBuf,
}

impl Site {
    fn new() -> Site {
        let path = std::env::temp_dir().join(format!("agora-site-{:016x}", rand::random::<u64>()));
        std::fs::create_dir_all(&path).expect("site folder");
        Site { path }
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

async fn get(client: &reqwest::Client, url: &str, accept_encoding: Option<&str>) -> reqwest::Response {
    let request = client.get(url).header(ACCEPT, "text/html,*/*");
    let request = match accept_encoding {
        Some(encoding) => request.header(ACCEPT_ENCODING, encoding),
        None => request,
    };
    request.send().await.expect("GET")
}

fn header(response: &reqwest::Response, name: reqwest::header::HeaderName) -> String {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

// The database plays no part in serving files: SQLite only.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bundle_goes_precompressed_and_hashed_names_are_kept_for_a_year() {
    let site = site_with_a_bundle();
    let root = site.path.display().to_string();
    let app = spawn_configured(Engine::Sqlite, &Tuning::default(), |config| config.site_root = root).await;
    let client = reqwest::Client::new();
    let url = format!("{}/pkg/{HASHED}", app.base);

    for (accepted, encoding, body) in [
        (Some("br, gzip"), "br", &b"brotli variant"[..]),
        (Some("gzip, deflate"), "gzip", &b"gzip variant"[..]),
        (None, "", &b"\0asm plain wasm bytes"[..]),
    ] {
        let response = get(&client, &url, accepted).await;
        assert_eq!(response.status(), 200, "{accepted:?}");
        assert_eq!(header(&response, CONTENT_ENCODING), encoding, "{accepted:?}");
        assert_eq!(
            header(&response, CACHE_CONTROL),
            "public, max-age=31536000, immutable",
            "{accepted:?}"
        );
        assert!(
            header(&response, VARY).to_lowercase().contains("accept-encoding"),
            "{accepted:?}"
        );
        assert_eq!(response.bytes().await.expect("body").as_ref(), body, "{accepted:?}");
    }

    let plain = get(&client, &format!("{}/pkg/snippet.js", app.base), Some("br")).await;
    assert_eq!(plain.status(), 200);
    assert_eq!(
        header(&plain, CACHE_CONTROL),
        "no-cache",
        "a name without a hash is checked again"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_are_compressed_for_browsers_that_accept_it() {
    let app = spawn_configured(Engine::Sqlite, &Tuning::default(), |_| {}).await;
    let client = reqwest::Client::new();
    let url = format!("{}/ideas", app.base);

    let plain = get(&client, &url, None).await;
    assert_eq!(header(&plain, CONTENT_ENCODING), "");
    let plain = plain.text().await.expect("page");

    // What Chrome and Firefox send (twice: pages in zstd share a context per thread),
    // what Safari sends, gzip alone, and weights that turn zstd down or keep it.
    for (accepted, encoding) in [
        ("gzip, deflate, br, zstd", "zstd"),
        ("gzip, deflate, br, zstd", "zstd"),
        ("gzip, deflate, br", "br"),
        ("gzip", "gzip"),
        ("zstd;q=0.5, br", "br"),
        ("br;q=0.5, zstd;q=0", "br"),
        ("zstd;q=0.5, gzip;q=0.5", "zstd"),
    ] {
        let response = get(&client, &url, Some(accepted)).await;
        assert_eq!(response.status(), 200);
        assert_eq!(header(&response, CONTENT_ENCODING), encoding, "{accepted}");
        assert_eq!(header(&response, CONTENT_TYPE), "text/html; charset=utf-8");
        assert_eq!(
            header(&response, VARY)
                .to_lowercase()
                .matches("accept-encoding")
                .count(),
            1,
            "{accepted}: a shared cache keeps the encodings apart"
        );
        let compressed = response.bytes().await.expect("page");
        assert!(
            compressed.len() * 2 < plain.len(),
            "{encoding}: {} bytes of {} uncompressed",
            compressed.len(),
            plain.len()
        );
        if encoding == "zstd" {
            // Compressed whole by the thread's kept context, the frame names the page's
            // size (a streaming encoder's does not).
            let declared = zstd::zstd_safe::get_frame_content_size(&compressed).expect("a zstd frame");
            let decoded = zstd::stream::decode_all(compressed.as_ref()).expect("a zstd frame");
            assert_eq!(declared, Some(decoded.len() as u64), "{accepted}");
            let decoded = String::from_utf8(decoded).expect("UTF-8");
            assert_eq!(
                without_nonces(&decoded),
                without_nonces(&plain),
                "the browser reads the page it would have had uncompressed"
            );
        }
    }
}

/// The page with its script nonces, which differ from answer to answer, left out.
fn without_nonces(page: &str) -> String {
    page.split("nonce=\"")
        .enumerate()
        .map(|(i, piece)| {
            if i == 0 {
                piece
            } else {
                piece.split_once('"').map_or(piece, |(_, rest)| rest)
            }
        })
        .collect()
}

/// The address of the messages a page hands to the bundle: `/pkg/….ftl` in its script.
fn messages_address(page: &str) -> String {
    page.match_indices("/pkg/")
        .map(|(at, _)| page[at..].split('\'').next().unwrap_or_default())
        .find(|path| path.ends_with(".ftl"))
        .unwrap_or_else(|| panic!("the page names its messages: {page}"))
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_hands_the_bundle_the_messages_of_its_language_only_kept_for_a_year() {
    let app = spawn_configured(Engine::Sqlite, &Tuning::default(), |_| {}).await;
    let client = reqwest::Client::new();
    let page_in = |language: &'static str| {
        let client = client.clone();
        let url = format!("{}/ideas", app.base);
        async move {
            let response = client
                .get(url)
                .header(ACCEPT, "text/html")
                .header(ACCEPT_LANGUAGE, language)
                .send()
                .await
                .expect("page");
            messages_address(&response.text().await.expect("page"))
        }
    };
    let dutch = page_in("nl-BE").await;
    let french = page_in("fr-BE").await;
    assert!(
        dutch.starts_with("/pkg/nl.") && french.starts_with("/pkg/fr."),
        "{dutch} {french}"
    );

    let plain = get(&client, &format!("{}{dutch}", app.base), None).await;
    assert_eq!(plain.status(), 200);
    assert_eq!(header(&plain, CACHE_CONTROL), "public, max-age=31536000, immutable");
    assert!(header(&plain, CONTENT_TYPE).starts_with("text/plain"));
    let text = plain.text().await.expect("messages");
    assert_eq!(text, include_str!("../../app/locales/nl.ftl"));

    // Asked as Chrome asks, they still come as brotli: kept a year, worth its work.
    let compressed = get(
        &client,
        &format!("{}{dutch}", app.base),
        Some("gzip, deflate, br, zstd"),
    )
    .await;
    assert_eq!(header(&compressed, CONTENT_ENCODING), "br");
    assert_eq!(
        header(&compressed, VARY)
            .to_lowercase()
            .matches("accept-encoding")
            .count(),
        1,
        "one Vary for the two compression layers"
    );
    let compressed_len = compressed.bytes().await.expect("messages").len();
    assert!(
        compressed_len * 3 < text.len(),
        "{compressed_len} bytes of {}",
        text.len()
    );

    // The name follows the content: an address with another hash names nothing.
    let hash = dutch.trim_start_matches("/pkg/nl.").trim_end_matches(".ftl");
    let stale = format!("{}/pkg/nl.{}.ftl", app.base, "0".repeat(hash.len()));
    assert_eq!(get(&client, &stale, None).await.status(), 404);
}
