//! Signed-in accounts, and the vote budget each one spends under the site's limit.

use crate::{client, RunArgs};
use anyhow::{bail, Context};
use reqwest::header::{ACCEPT, CONTENT_TYPE, LOCATION, ORIGIN, SET_COOKIE};
use reqwest::Client;
use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A signed-in account and when it last voted (the site allows 120 votes a minute).
pub(crate) struct Session {
    pub(crate) cookie: String,
    votes: VecDeque<Instant>,
}

/// Votes an account may cast per window, under the site's 120 a minute with a margin.
const VOTE_BUDGET: usize = 116;
const VOTE_WINDOW: Duration = Duration::from_secs(61);

/// Signs each account in once (argon2 and the sign-in limit make it slow and rationed).
pub(crate) async fn sign_in_all(base: &str, args: &RunArgs) -> anyhow::Result<Vec<Session>> {
    let next = Arc::new(std::sync::atomic::AtomicU64::new(args.first_account));
    let last = args.first_account + args.vote_accounts - 1;
    let mut tasks = Vec::new();
    // argon2 runs on the server's blocking threads: a few at a time is all it takes.
    for _ in 0..4 {
        let (base, args, next) = (base.to_owned(), args.clone(), next.clone());
        tasks.push(tokio::spawn(async move {
            let client = client()?;
            let mut mine = Vec::new();
            let mut failures = 0u64;
            loop {
                let n = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if n > last {
                    break;
                }
                let email = args.email_pattern.replace('#', &n.to_string());
                match sign_in(&client, &base, &email, &args.password).await {
                    Ok(cookie) => mine.push(Session {
                        cookie,
                        votes: VecDeque::new(),
                    }),
                    Err(e) => {
                        failures += 1;
                        if failures <= 3 {
                            eprintln!("sign-in of {email} failed: {e:#}");
                        }
                    }
                }
            }
            anyhow::Ok(mine)
        }));
    }
    let mut sessions = Vec::new();
    for task in tasks {
        sessions.extend(task.await??);
    }
    Ok(sessions)
}

pub(crate) async fn sign_in(client: &Client, base: &str, email: &str, password: &str) -> anyhow::Result<String> {
    let body = format!("email={}&password={}", form_encode(email), form_encode(password));
    let response = client
        .post(format!("{base}/api/sign_in"))
        .header(ORIGIN, base)
        .header(ACCEPT, "text/html")
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await?;
    let status = response.status();
    let location = response
        .headers()
        .get(LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if location != "/profile" {
        bail!("answered {status} to {location:?}");
    }
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("agora_session="))
        .and_then(|v| v.split(';').next())
        .map(str::to_owned)
        .context("no session cookie")
}

fn form_encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => (b as char).to_string(),
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub(crate) enum Pick {
    Ready(String, bool),
    NoSessions,
    TimeUp,
}

/// The next of this connection's accounts that may still vote twice in the window;
/// waits when none may (and says so).
pub(crate) async fn pick_session(sessions: &mut [Session], turn: &mut usize, until: Instant) -> Pick {
    if sessions.is_empty() {
        return Pick::NoSessions;
    }
    let mut waited = false;
    loop {
        let now = Instant::now();
        for offset in 0..sessions.len() {
            let i = (*turn + offset) % sessions.len();
            let session = &mut sessions[i];
            while session
                .votes
                .front()
                .is_some_and(|t| now.duration_since(*t) >= VOTE_WINDOW)
            {
                session.votes.pop_front();
            }
            if session.votes.len() + 2 <= VOTE_BUDGET {
                session.votes.push_back(now);
                session.votes.push_back(now);
                *turn = i + 1;
                return Pick::Ready(session.cookie.clone(), waited);
            }
        }
        let free_at = sessions
            .iter()
            .filter_map(|s| s.votes.front().copied())
            .min()
            .map(|t| t + VOTE_WINDOW)
            .unwrap_or(now);
        if free_at >= until {
            return Pick::TimeUp;
        }
        waited = true;
        tokio::time::sleep_until(free_at.into()).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_values_are_encoded() {
        assert_eq!(form_encode("a b@c.invalid"), "a+b%40c.invalid");
    }
}
