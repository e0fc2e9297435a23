//! The processes of a site with several servers: `agora-server` as built by this test
//! run, and Debian's nginx with the site's own `deploy/nginx/agora-locations.conf`.
//! Each is stopped when dropped.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

/// One `agora-server serve`, on a port of its choosing.
pub struct Server {
    child: Child,
    pub base: String,
    /// Everything it logged so far.
    log: Arc<Mutex<String>>,
}

impl Server {
    pub async fn start(database_url: &str, outbox: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_agora-server"))
            .arg("serve")
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("NO_COLOR", "1")
            .env("DATABASE_URL", database_url)
            .env("AGORA_ADDR", "127.0.0.1:0")
            .env("LEPTOS_SITE_ROOT", "target/site")
            .env("AGORA_OUTBOX_DIR", outbox)
            .env("AGORA_TRUSTED_PROXIES", "127.0.0.1")
            .env("AGORA_METRICS_READERS", "127.0.0.1")
            .env("AGORA_NEWS_MAIL_EVERY_MS", "100")
            // Long enough that only an announcement from the other server can explain a
            // page that shows a change within a second.
            .env("AGORA_PAGE_CACHE_MS", "60000")
            .env("RUST_LOG", "info,tower_http=debug,sqlx=warn")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("agora-server starts");
        let log = Arc::new(Mutex::new(String::new()));
        let (address_tx, address_rx) = tokio::sync::oneshot::channel();
        let address_tx = Arc::new(Mutex::new(Some(address_tx)));
        let stdout = child.stdout.take().expect("stdout");
        let stderr = child.stderr.take().expect("stderr");
        for stream in [
            Box::new(stdout) as Box<dyn tokio::io::AsyncRead + Unpin + Send>,
            Box::new(stderr),
        ] {
            let (log, address_tx) = (log.clone(), address_tx.clone());
            tokio::spawn(async move {
                let mut lines = BufReader::new(stream).lines();
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(address) = listening_address(&line) {
                        if let Some(tx) = address_tx.lock().expect("lock").take() {
                            let _ = tx.send(address);
                        }
                    }
                    let mut log = log.lock().expect("lock");
                    log.push_str(&line);
                    log.push('\n');
                }
            });
        }
        let address = tokio::time::timeout(Duration::from_secs(60), address_rx)
            .await
            .unwrap_or_else(|_| panic!("agora-server did not start: {}", log.lock().expect("lock")))
            .expect("an address");
        Server {
            child,
            base: format!("http://{address}"),
            log,
        }
    }

    pub fn log(&self) -> String {
        self.log.lock().expect("lock").clone()
    }

    /// Asks it to stop, as systemd does.
    pub fn terminate(&self) {
        let pid = self.child.id().expect("still running");
        let status = std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .expect("kill");
        assert!(status.success());
    }

    /// Waits for it to exit; answers whether it exited cleanly.
    pub async fn exited(&mut self, within: Duration) -> bool {
        match tokio::time::timeout(within, self.child.wait()).await {
            Ok(Ok(status)) => status.success(),
            _ => false,
        }
    }
}

fn listening_address(line: &str) -> Option<String> {
    let rest = &line[line.find("listening on http://")? + "listening on http://".len()..];
    Some(rest.split_whitespace().next()?.to_owned())
}

/// Debian's nginx on a free loopback port, in front of `servers`.
pub struct Nginx {
    child: Child,
    pub base: String,
    dir: PathBuf,
}

impl Nginx {
    pub async fn start(servers: &[&Server]) -> Nginx {
        let binary = ["/usr/sbin/nginx", "/usr/bin/nginx"]
            .into_iter()
            .find(|path| Path::new(path).exists())
            .expect("nginx is installed (`bash .ci/setup` installs Debian's)");
        let dir = std::env::temp_dir().join(format!("agora_nginx_{:016x}", rand::random::<u64>()));
        std::fs::create_dir_all(&dir).expect("nginx's folder");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
            .port();
        let locations = Path::new(env!("CARGO_MANIFEST_DIR")).join("../deploy/nginx/agora-locations.conf");
        let locations = locations.canonicalize().expect("deploy/nginx/agora-locations.conf");
        let upstreams: String = servers
            .iter()
            .map(|server| {
                format!(
                    "        server {} max_fails=1 fail_timeout=5s;\n",
                    server.base.trim_start_matches("http://")
                )
            })
            .collect();
        let d = dir.display();
        let config = format!(
            "daemon off;\nworker_processes 1;\npid {d}/nginx.pid;\nerror_log {d}/error.log warn;\n\
             events {{ worker_connections 1024; }}\n\
             http {{\n\
                 access_log {d}/access.log;\n\
                 client_body_temp_path {d}/body;\n    proxy_temp_path {d}/proxy;\n\
                 fastcgi_temp_path {d}/fastcgi;\n    uwsgi_temp_path {d}/uwsgi;\n    scgi_temp_path {d}/scgi;\n\
                 upstream agora {{\n{upstreams}        keepalive 32;\n    }}\n\
                 server {{\n        listen 127.0.0.1:{port};\n        include {};\n    }}\n\
             }}\n",
            locations.display()
        );
        std::fs::write(dir.join("nginx.conf"), config).expect("nginx.conf");
        let child = Command::new(binary)
            .arg("-p")
            .arg(&dir)
            .arg("-c")
            .arg(dir.join("nginx.conf"))
            .arg("-e")
            .arg(dir.join("error.log"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("nginx starts");
        let base = format!("http://127.0.0.1:{port}");
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
                return Nginx { child, base, dir };
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "nginx did not start: {}",
            std::fs::read_to_string(dir.join("error.log")).unwrap_or_default()
        );
    }

    pub fn error_log(&self) -> String {
        std::fs::read_to_string(self.dir.join("error.log")).unwrap_or_default()
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.start_kill();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
