//! What to measure: the targets found on the site, from the pages' HTML.

use crate::RunArgs;
use anyhow::{bail, Context};
use reqwest::header::{ACCEPT, LOCATION};
use reqwest::Client;

/// Six three-letter starts of words common in the synthetic descriptions (French,
/// English, Dutch): the most work a search may ask of the database.
const WORST_SEARCH: &str = "des+les+pou+the+and+een";
/// A municipality the synthetic ideas name, in all three languages.
const NARROWING_WORD: &str = "ixelles";

/// What one target asks for.
#[derive(Clone)]
pub(crate) enum Work {
    Get(String),
    /// GET with one of the signed-in accounts' session: a page the site renders for each
    /// request (its page cache serves only visitors without a session).
    SignedIn(String),
    /// POST /api/vote support=true then support=false, as one request.
    Vote {
        ideas: Vec<i64>,
    },
}

/// What a target is, for the targets it is held to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    Healthz,
    List,
    Search,
    /// The costliest search: held to the list targets when pages are cached.
    WorstSearch,
    Idea,
    Vote,
    /// Ideas like a title, as the submit form asks while one is typed (issue 14).
    Similar,
    Other,
}

#[derive(Clone)]
pub(crate) struct Target {
    pub(crate) name: &'static str,
    pub(crate) kind: Kind,
    pub(crate) work: Work,
    pub(crate) note: String,
}

impl Target {
    fn get(name: &'static str, kind: Kind, path: String, note: String) -> Target {
        Target {
            name,
            kind,
            work: Work::Get(path),
            note,
        }
    }

    fn signed_in(name: &'static str, kind: Kind, path: String) -> Target {
        Target {
            name,
            kind,
            work: Work::SignedIn(path),
            note: "as a signed-in account sees it: rendered for every request".to_owned(),
        }
    }

    pub(crate) fn path(&self) -> String {
        match &self.work {
            Work::Get(path) => path.clone(),
            Work::SignedIn(path) => format!("{path} (signed in)"),
            Work::Vote { ideas } => format!("POST /api/vote x2 on {} ideas", ideas.len()),
        }
    }
}

async fn get_text(client: &Client, url: &str) -> anyhow::Result<(u16, String, Option<String>)> {
    let response = client
        .get(url)
        .header(ACCEPT, "text/html")
        .send()
        .await
        .with_context(|| format!("GET {url}"))?;
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get(LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    Ok((status, response.text().await?, location))
}

/// An idea card of a list page: id, its path, whether it is open, its vote count.
struct Card {
    id: i64,
    open: bool,
}

fn cards(html: &str) -> Vec<Card> {
    html.split("class=\"idea-card\"")
        .skip(1)
        .filter_map(|card| {
            let start = card.find("href=\"/ideas/")? + "href=\"/ideas/".len();
            let digits: String = card[start..].chars().take_while(char::is_ascii_digit).collect();
            Some(Card {
                id: digits.parse().ok()?,
                open: card.contains("status-open"),
            })
        })
        .collect()
}

/// The `href` of the first `<a ... rel="next" ...>`.
fn next_link(html: &str) -> Option<String> {
    let at = html.find("rel=\"next\"")?;
    let tag_start = html[..at].rfind('<')?;
    let tag_end = at + html[at..].find('>')?;
    let tag = &html[tag_start..tag_end];
    let href = tag.find("href=\"")? + "href=\"".len();
    let end = tag[href..].find('"')?;
    Some(tag[href..href + end].replace("&amp;", "&"))
}

/// Whether the list page shows `sort` as the chosen order (else the site ignored it).
fn sort_selected(html: &str, sort: &str) -> bool {
    let marker = format!("value=\"{sort}\"");
    html.match_indices(&marker).any(|(at, _)| {
        let rest = &html[at..];
        let tag_end = rest.find('>').unwrap_or(rest.len());
        rest[..tag_end].contains("selected")
    })
}

/// The address of the most supported idea's page.
pub(crate) async fn most_supported_idea(client: &Client, base: &str) -> anyhow::Result<String> {
    let (_, html, _) = get_text(client, &format!("{base}/ideas?sort=most_votes")).await?;
    let card = cards(&html)
        .into_iter()
        .next()
        .context("no idea on /ideas?sort=most_votes")?;
    let (status, _, location) = get_text(client, &format!("{base}/ideas/{}", card.id)).await?;
    Ok(match location {
        Some(path) if (300..400).contains(&status) => path,
        _ => format!("/ideas/{}", card.id),
    })
}

pub(crate) async fn discover(client: &Client, base: &str, args: &RunArgs) -> anyhow::Result<Vec<Target>> {
    let url = |path: &str| format!("{base}{path}");
    let (status, body, _) = get_text(client, &url("/healthz")).await?;
    if status != 200 || body.trim() != "ok" {
        bail!("{base}/healthz answered {status}: is the server up?");
    }
    let mut targets = vec![Target::get("healthz", Kind::Healthz, "/healthz".into(), String::new())];

    let mut newest_html = String::new();
    let mut popular_html = String::new();
    for (name, sort) in [
        ("newest", "newest"),
        ("trending", "trending"),
        ("most_votes", "most_votes"),
        ("discussed", "most_discussed"),
    ] {
        let path = format!("/ideas?sort={sort}");
        let (status, html, _) = get_text(client, &url(&path)).await?;
        let note = if !(200..300).contains(&status) {
            format!("answered {status}")
        } else if !sort_selected(&html, sort) {
            "the site does not offer this order: it served its default order".to_owned()
        } else {
            String::new()
        };
        match sort {
            "newest" => newest_html = html,
            "most_votes" => popular_html = html,
            _ => {}
        }
        targets.push(Target::get(name, Kind::List, path, note));
    }

    match next_link(&newest_html) {
        Some(path) => targets.push(Target::get("page2", Kind::List, path, String::new())),
        None => eprintln!("page2: the newest list has no next link; skipped"),
    }

    let (_, themes_html, _) = get_text(client, &url("/themes")).await?;
    let theme = themes_html
        .match_indices("href=\"/themes/")
        .filter_map(|(at, marker)| {
            let rest = &themes_html[at + marker.len()..];
            let slug = &rest[..rest.find('"')?];
            (!slug.is_empty()).then(|| slug.to_owned())
        })
        .next();
    if let Some(slug) = &theme {
        targets.push(Target::get(
            "theme_list",
            Kind::List,
            format!("/ideas?theme={slug}"),
            String::new(),
        ));
    }

    let search = format!("/ideas?q={}", args.search_word);
    let (_, search_html, _) = get_text(client, &url(&search)).await?;
    let note = if search_html.contains("name=\"q\"") {
        String::new()
    } else {
        "no search field on the page: q is probably ignored (served the newest list)".to_owned()
    };
    targets.push(Target::get("search", Kind::Search, search.clone(), note));
    // A search narrowed by a second word, as residents type them: few ideas match (28 of
    // the large set's 100,000), which SQLite finds by their keys instead of walking the
    // whole list for them.
    targets.push(Target::get(
        "search_few",
        Kind::Search,
        format!("/ideas?q={}+{NARROWING_WORD}", args.search_word),
        String::new(),
    ));
    // The costliest search the site accepts: six words, each the start of many words in
    // the three languages of the synthetic descriptions. Each request of a run asks the
    // same, so with the page cache on it measures the cache: run with
    // AGORA_PAGE_CACHE_MS=0 to see what one such search costs.
    targets.push(Target::get(
        "search_worst",
        Kind::WorstSearch,
        format!("/ideas?q={WORST_SEARCH}"),
        String::new(),
    ));

    // A title as a resident would type it: the search word and two common ones, each of
    // which begins many titles' words, so that ranking has many matches to order.
    targets.push(Target::get(
        "similar",
        Kind::Similar,
        format!("/api/v1/ideas/similar?text={}+city+park", args.search_word),
        String::new(),
    ));

    let popular = cards(&popular_html);
    let mut idea_path = None;
    match popular.first() {
        Some(card) => {
            let (status, _, location) = get_text(client, &url(&format!("/ideas/{}", card.id))).await?;
            let path = match location {
                Some(path) if (300..400).contains(&status) => path,
                _ => format!("/ideas/{}", card.id),
            };
            idea_path = Some(path.clone());
            targets.push(Target::get(
                "idea",
                Kind::Idea,
                path,
                format!("the most supported idea, {}", card.id),
            ));
        }
        None => eprintln!("idea: no idea on /ideas?sort=most_votes; skipped"),
    }

    match &theme {
        Some(slug) => targets.push(Target::get(
            "theme",
            Kind::Other,
            format!("/themes/{slug}"),
            String::new(),
        )),
        None => eprintln!("theme: no theme link on /themes; skipped"),
    }

    targets.push(Target::signed_in(
        "signed_in",
        Kind::List,
        "/ideas?sort=newest".to_owned(),
    ));
    if let Some(path) = idea_path {
        targets.push(Target::signed_in("signed_idea", Kind::Idea, path));
    }
    targets.push(Target::signed_in("signed_search", Kind::Search, search));

    let open: Vec<i64> = popular.iter().filter(|c| c.open).map(|c| c.id).take(8).collect();
    if open.is_empty() {
        eprintln!("vote: no open idea on /ideas?sort=most_votes; skipped");
    } else {
        targets.push(Target {
            name: "vote",
            kind: Kind::Vote,
            note: format!("support then withdraw, on the {} most supported open ideas", open.len()),
            work: Work::Vote { ideas: open },
        });
    }
    Ok(targets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_link_and_cards_are_found_in_a_list_page() {
        let html = r#"<li class="idea-card"><h2 lang="fr"><a href="/ideas/42-velos">V</a></h2>
            <span class="badge status status-open">Open</span></li>
            <li class="idea-card"><a href="/ideas/7-x">X</a><span class="status-declined"></span></li>
            <nav><a href="/ideas?sort=most_votes&amp;page=2" rel="next" class="button">Next</a></nav>"#;
        let found = cards(html);
        assert_eq!(
            found.iter().map(|c| (c.id, c.open)).collect::<Vec<_>>(),
            [(42, true), (7, false)]
        );
        assert_eq!(next_link(html).as_deref(), Some("/ideas?sort=most_votes&page=2"));
    }

    #[test]
    fn a_sort_counts_as_offered_only_when_selected() {
        let html = r#"<option value="newest">N</option><option value="trending" selected="">T</option>"#;
        assert!(sort_selected(html, "trending"));
        assert!(!sort_selected(html, "newest"));
        assert!(!sort_selected(html, "discussed"));
    }
}
