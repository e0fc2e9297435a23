//! How the bundle and the pages travel (`server/src/static_files.rs`): files precompressed
//! at build time are sent in the encoding the browser accepts, hashed names are cached for
//! a year, pages are compressed on the way out. The bundle here is a stand-in folder with
//! the files a release build makes, so each variant can be told apart by its bytes.

mod common;

use agora_server::config::Tuning;
use common::{spawn_configured, Engine};
use reqwest::header::{ACCEPT, ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, VARY};

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
    let plain_len = plain.bytes().await.expect("page").len();

    for (accepted, encoding) in [("br", "br"), ("gzip", "gzip")] {
        let response = get(&client, &url, Some(accepted)).await;
        assert_eq!(response.status(), 200);
        assert_eq!(header(&response, CONTENT_ENCODING), encoding);
        let compressed_len = response.bytes().await.expect("page").len();
        assert!(
            compressed_len * 2 < plain_len,
            "{encoding}: {compressed_len} bytes of {plain_len} uncompressed"
        );
    }
}
