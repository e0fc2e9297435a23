//! The one check every redirect target passes, whoever computed it: a `next` parameter, a
//! `Referer`, a server function's answer, or Leptos sending a refused form back where it
//! came from. A target that could leave the site, or that a browser could read as another
//! site once it has dropped the characters it ignores, becomes a safe default instead.

use url::Url;

/// Longer targets are refused: no page of the site needs one, and a header this long only
/// costs memory in every proxy on the way.
pub const MAX_TARGET_BYTES: usize = 2048;

/// Where the browser goes when a target is refused.
pub const DEFAULT_TARGET: &str = "/";

/// `candidate` if it is a path on this site; `None` otherwise.
///
/// Accepted: a path that starts with exactly one `/`, made only of visible ASCII (no
/// control character, whitespace or backslash), whose path part still starts with exactly
/// one `/` and holds none of those once percent-decoded, and that resolves to this site's
/// origin.
/// Browsers remove tabs and newlines from a `Location` and read `\` as `/`, so
/// `/\t/evil.example` or `/\evil.example` would send them to `//evil.example`.
pub fn local_target(candidate: &str) -> Option<&str> {
    if candidate.is_empty() || candidate.len() > MAX_TARGET_BYTES {
        return None;
    }
    if !candidate.bytes().all(|b| b.is_ascii_graphic() && b != b'\\') {
        return None;
    }
    if !starts_with_one_slash(candidate) {
        return None;
    }
    // Only the path: a query may well carry an encoded space (`?q=bike%20lane`).
    let path = candidate.split(['?', '#']).next().unwrap_or_default();
    let decoded = fully_decoded(path)?;
    if !starts_with_one_slash(&decoded)
        || decoded
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
    {
        return None;
    }
    let base = Url::parse("http://agora.invalid/").ok()?;
    let resolved = base.join(candidate).ok()?;
    (resolved.origin() == base.origin()).then_some(candidate)
}

/// `candidate` if it is a path on this site, otherwise `default` (itself a local path).
pub fn local_or<'a>(candidate: &'a str, default: &'a str) -> &'a str {
    local_target(candidate).unwrap_or(default)
}

/// The path, query and fragment of an absolute or relative URL, such as a `Referer` or a
/// `Location`, when it names a page of this site (`host`, when given, must be the URL's);
/// parameters in `drop` are left out of the query.
pub fn local_part_of(url: &str, host: Option<&str>, drop: &[&str]) -> Option<String> {
    let base = Url::parse("http://agora.invalid/").ok()?;
    let parsed = match Url::parse(url) {
        Ok(absolute) => {
            let same_host = match (host, absolute.host_str()) {
                (Some(expected), Some(actual)) => {
                    let actual = match absolute.port() {
                        Some(port) => format!("{actual}:{port}"),
                        None => actual.to_owned(),
                    };
                    actual.eq_ignore_ascii_case(expected)
                }
                (None, Some(_)) => true,
                (_, None) => false,
            };
            if !same_host || !matches!(absolute.scheme(), "http" | "https") {
                return None;
            }
            absolute
        }
        Err(url::ParseError::RelativeUrlWithoutBase) => {
            local_target(url)?;
            base.join(url).ok()?
        }
        Err(_) => return None,
    };
    // The path as the URL wrote it: `Url` normalises `//evil.example/x` in a path into a
    // path that still starts with `//`, which `local_target` then refuses.
    let mut target = parsed.path().to_owned();
    let kept: Vec<(String, String)> = parsed
        .query_pairs()
        .filter(|(k, _)| !drop.contains(&k.as_ref()))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if !kept.is_empty() {
        target.push('?');
        target.push_str(
            &form_urlencoded::Serializer::new(String::new())
                .extend_pairs(kept)
                .finish(),
        );
    }
    if let Some(fragment) = parsed.fragment() {
        target.push('#');
        target.push_str(fragment);
    }
    local_target(&target).map(str::to_owned)
}

fn starts_with_one_slash(path: &str) -> bool {
    let mut bytes = path.bytes();
    bytes.next() == Some(b'/') && !matches!(bytes.next(), Some(b'/' | b'\\'))
}

/// The path percent-decoded until nothing changes (a few rounds at most), or `None` when
/// it does not decode to text.
fn fully_decoded(path: &str) -> Option<String> {
    let mut current = path.to_owned();
    for _ in 0..4 {
        let next = percent_decode(&current)?;
        if next == current {
            return Some(current);
        }
        current = next;
    }
    None
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_of_the_site_are_kept_as_they_are() {
        for path in [
            "/",
            "/profile",
            "/ideas/7-wifi-in-parks?comments=oldest&cpage=2#comment-3",
            "/ideas?q=v%C3%A9lo&theme=human-capital",
            "/ideas?q=bike%20lane",
            "/a/./b/../c",
        ] {
            assert_eq!(local_target(path), Some(path), "{path}");
        }
    }

    #[test]
    fn every_hostile_target_is_refused() {
        let long = format!("/{}", "a".repeat(10 * 1024));
        let hostile = [
            "",
            "/\t/evil.example",
            "/\n/evil.example",
            "/x\r\nSet-Cookie: a=b",
            "//evil.example",
            "//evil.example/x",
            "/\\evil.example",
            "\\/evil.example",
            "/%2F%2Fevil.example",
            "%2F%2Fevil.example",
            "/%2f/evil.example",
            "/%09/evil.example",
            "/%0a/evil.example",
            "/%5Cevil.example",
            "/%252F%252Fevil.example",
            "/ideas /x",
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,x",
            "http://evil.example/",
            "https://evil.example/profile",
            "evil.example",
            "profile",
            "/caf\u{e9}",
            "/%FF",
            long.as_str(),
        ];
        for target in hostile {
            assert_eq!(local_target(target), None, "{target:?}");
            assert_eq!(local_or(target, "/profile"), "/profile", "{target:?}");
        }
    }

    #[test]
    fn a_referer_of_this_site_gives_its_path_without_the_dropped_parameters() {
        assert_eq!(
            local_part_of(
                "http://agora.example/ideas?theme=x&__err=abc&__path=/api/x",
                Some("agora.example"),
                &["__err", "__path"]
            )
            .as_deref(),
            Some("/ideas?theme=x")
        );
        assert_eq!(
            local_part_of("http://127.0.0.1:3000/login", Some("127.0.0.1:3000"), &[]).as_deref(),
            Some("/login")
        );
        assert_eq!(local_part_of("/ideas/7#c", None, &[]).as_deref(), Some("/ideas/7#c"));
    }

    #[test]
    fn a_referer_whose_path_could_leave_the_site_gives_nothing() {
        for url in [
            "http://agora.example//evil.example/x",
            "http://agora.example/%2F%2Fevil.example",
            "http://evil.example/ideas",
            "javascript:alert(1)",
            "ftp://agora.example/x",
            "//evil.example/x",
        ] {
            assert_eq!(local_part_of(url, Some("agora.example"), &[]), None, "{url}");
        }
        assert_eq!(
            local_part_of("http://evil.example/ideas", Some("agora.example"), &[]),
            None,
            "another host"
        );
    }
}
