//! A real SMTP server for the tests: aiosmtpd from PyPI, in the virtual environment
//! `.ci/setup` makes under `target/mail-venv`, storing what it receives in a Maildir.
//! A test may stop it and start it again on the same port.

use crate::common::{spawn_configured, Engine, TestApp};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct SmtpServer {
    port: u16,
    dir: PathBuf,
    child: Option<Child>,
}

fn aiosmtpd() -> PathBuf {
    if let Ok(path) = std::env::var("AGORA_TEST_AIOSMTPD") {
        return path.into();
    }
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/mail-venv/bin/aiosmtpd");
    assert!(
        path.exists(),
        "the test SMTP server is missing: run `bash .ci/setup` (it installs aiosmtpd into target/mail-venv)"
    );
    path
}

impl SmtpServer {
    pub fn start() -> SmtpServer {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let dir = std::env::temp_dir().join(format!("agora_test_mailbox_{port}_{}", std::process::id()));
        let mut server = SmtpServer { port, dir, child: None };
        server.resume();
        server
    }

    /// Where the server under test sends mail.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Starts (again) on the same port and mailbox, and waits until it accepts.
    pub fn resume(&mut self) {
        let child = Command::new(aiosmtpd())
            .args([
                "-n",
                "-l",
                &format!("127.0.0.1:{}", self.port),
                "-c",
                "aiosmtpd.handlers.Mailbox",
            ])
            .arg(&self.dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("aiosmtpd starts");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(Instant::now() < deadline, "aiosmtpd did not start listening");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Kills the server: connections are refused until `resume`.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Every message received so far, oldest first.
    pub fn received(&self) -> Vec<Received> {
        let mut files: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(self.dir.join("new"))
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| {
                        (
                            e.metadata().and_then(|m| m.modified()).unwrap_or(std::time::UNIX_EPOCH),
                            e.path(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
            .into_iter()
            .map(|(_, path)| Received {
                raw: std::fs::read(path).expect("a received message"),
            })
            .collect()
    }

    /// Waits (up to 15 s) until `count` messages have arrived; answers them all.
    pub async fn wait_for(&self, count: usize) -> Vec<Received> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let received = self.received();
            if received.len() >= count || Instant::now() > deadline {
                assert!(
                    received.len() >= count,
                    "{count} messages expected, {} arrived",
                    received.len()
                );
                return received;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// One message as the SMTP server stored it.
pub struct Received {
    pub raw: Vec<u8>,
}

impl Received {
    pub fn parsed(&self) -> mail_parser::Message<'_> {
        mail_parser::MessageParser::default()
            .parse(&self.raw)
            .expect("a well-formed message")
    }

    pub fn to(&self) -> String {
        let parsed = self.parsed();
        parsed
            .to()
            .and_then(|to| to.first())
            .and_then(|a| a.address())
            .map(str::to_owned)
            .unwrap_or_default()
    }

    pub fn subject(&self) -> String {
        self.parsed().subject().unwrap_or_default().to_owned()
    }

    pub fn text(&self) -> String {
        self.parsed().body_text(0).map(|t| t.into_owned()).unwrap_or_default()
    }

    pub fn html(&self) -> String {
        self.parsed().body_html(0).map(|t| t.into_owned()).unwrap_or_default()
    }

    /// The path and query of the first link to the site in the plain text, to be asked
    /// of the server under test.
    pub fn link(&self, public_url: &str) -> String {
        let text = self.text();
        let start = text
            .find(public_url)
            .unwrap_or_else(|| panic!("a link to {public_url} in:\n{text}"));
        let link = text[start..].split_whitespace().next().unwrap_or_default();
        link[public_url.len()..].to_owned()
    }
}

/// The address links in mail point to, in the tests.
pub const PUBLIC_URL: &str = "https://agora.test";

/// A server on a fresh database that sends mail through `smtp`.
pub async fn app_sending_to(engine: Engine, smtp: &SmtpServer) -> TestApp {
    let url = smtp.url();
    spawn_configured(engine, &agora_server::config::Tuning::default(), move |config| {
        config.mail.smtp_url = Some(url);
        config.mail.public_url = Some(PUBLIC_URL.to_owned());
    })
    .await
}
