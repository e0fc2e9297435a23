//! The data set planned in memory from the seed: accounts, ideas with their texts and dates, votes.

use super::words::{self, Language};
use super::{email, NewAccount, NewIdea, Places, Plan, Sizes};
use agora_app::ideas::model::slugify;
use agora_app::votes::trending::DAY_MS;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::Rng;
use std::collections::HashSet;

const HOUR_MS: i64 = 3_600_000;
/// Ideas are published over this many days before now.
const IDEA_DAYS: i64 = 365;
/// Accounts are created from this many days ago to two days ago, in id order.
const ACCOUNT_DAYS: i64 = 395;
/// Zipf-like popularity: the idea of rank r gets a share proportional to 1 / (r + OFFSET).
/// With 100,000 ideas and 1,000,000 votes the first gets about 10,000 votes, the
/// hundredth about 1,000, the ten-thousandth one or two.
const ZIPF_OFFSET: f64 = 10.0;
/// This share of votes is cast in the last seven days on purpose (for "trending"); about
/// a tenth more fall there anyway, being spread evenly from the idea's publication to now.
const RECENT_SHARE: f64 = 0.02;

/// When synthetic account `n` (1-based) was created: evenly from `ACCOUNT_DAYS` ago to
/// two days ago, in id order.
fn account_created(n: u64, accounts: u64, now: i64) -> i64 {
    let start = now - ACCOUNT_DAYS * DAY_MS;
    let span = (ACCOUNT_DAYS - 2) * DAY_MS;
    start + (i128::from(span) * i128::from(n - 1) / i128::from(accounts)) as i64
}

/// The last synthetic account (1-based) created at or before `at`, at least the first.
fn last_account_before(at: i64, accounts: u64, now: i64) -> u64 {
    let start = now - ACCOUNT_DAYS * DAY_MS;
    let span = (ACCOUNT_DAYS - 2) * DAY_MS;
    let n = (i128::from(at - start) * i128::from(accounts) / i128::from(span)) + 1;
    n.clamp(1, i128::from(accounts)) as u64
}

impl Plan {
    pub(super) fn make(
        rng: &mut StdRng,
        sizes: Sizes,
        now: i64,
        account_base: i64,
        idea_base: i64,
        places: &Places,
    ) -> Plan {
        let accounts = (1..=sizes.accounts)
            .map(|n| new_account(rng, n, account_base + n as i64, account_created(n, sizes.accounts, now)))
            .collect();

        // Publication dates, sorted so that ids grow with time as they do on a live site.
        let mut dates: Vec<i64> = (0..sizes.ideas)
            .map(|_| rng.gen_range(now - IDEA_DAYS * DAY_MS..now - HOUR_MS))
            .collect();
        dates.sort_unstable();
        let counts = vote_counts(rng, sizes.ideas as usize, sizes.accounts, sizes.votes);

        let mut ideas = Vec::with_capacity(dates.len());
        let mut events = Vec::with_capacity(dates.len() * 11 / 10);
        let mut votes = Vec::with_capacity(sizes.votes as usize);
        let mut voters = HashSet::new();
        let mut sorted_voters = Vec::new();
        for (index, (&created_at, &count)) in dates.iter().zip(&counts).enumerate() {
            let id = idea_base + 1 + index as i64;
            let author = last_account_before(created_at, sizes.accounts, now);
            let author_id = account_base + rng.gen_range(1..=author) as i64;
            let language_index = match rng.gen_range(0..100) {
                0..45 => 0,
                45..75 => 1,
                _ => 2,
            };
            let district = (rng.gen_range(0..100) < 80)
                .then(|| places.districts.choose(rng))
                .flatten();
            let language = words::LANGUAGES[language_index];
            let (title, body) = idea_text(rng, language, district.map(|(_, names)| names[language_index].as_str()));
            let status = match rng.gen_range(0..100) {
                0..90 => "open",
                90..95 => "under_review",
                95..98 => "accepted",
                _ => "declined",
            };
            events.push((id, "open", Some(author_id), created_at));
            let mut updated_at = created_at;
            if status != "open" {
                updated_at = rng.gen_range(created_at..now);
                events.push((id, status, None, updated_at));
            }

            // `count` distinct voters among all accounts (Floyd's sampling), in id order.
            voters.clear();
            let total = sizes.accounts;
            for j in (total - u64::from(count) + 1)..=total {
                let pick = rng.gen_range(1..=j);
                if !voters.insert(pick) {
                    voters.insert(j);
                }
            }
            sorted_voters.clear();
            sorted_voters.extend(voters.iter().copied());
            sorted_voters.sort_unstable();
            for &voter in &sorted_voters {
                let earliest = created_at.max(account_created(voter, total, now)) + 60_000;
                let earliest = if rng.gen_bool(RECENT_SHARE) {
                    earliest.max(now - 7 * DAY_MS)
                } else {
                    earliest
                };
                let at = if earliest < now {
                    rng.gen_range(earliest..now)
                } else {
                    now - 1
                };
                votes.push([id, account_base + voter as i64, at]);
            }

            ideas.push(NewIdea {
                id,
                slug: slugify(&title),
                title,
                body,
                theme_id: *places.themes.choose(rng).unwrap_or(&places.themes[0]),
                district_id: district.map(|(id, _)| *id),
                author_id,
                language: language.code,
                status,
                vote_count: i64::from(count),
                created_at,
                updated_at,
            });
        }
        Plan {
            accounts,
            ideas,
            events,
            votes,
        }
    }
}

/// How many votes each idea gets: Zipf-like over a random order of the ideas, at most one
/// per account, adding up to exactly `votes`.
fn vote_counts(rng: &mut StdRng, ideas: usize, accounts: u64, votes: u64) -> Vec<u32> {
    let mut counts = vec![0u32; ideas];
    if ideas == 0 {
        return counts;
    }
    let mut ranked: Vec<usize> = (0..ideas).collect();
    ranked.shuffle(rng);
    let cap = accounts.min(u64::from(u32::MAX)) as u32;
    let weights: Vec<f64> = (0..ideas).map(|rank| 1.0 / (rank as f64 + ZIPF_OFFSET)).collect();
    let total_weight: f64 = weights.iter().sum();
    let mut given: u64 = 0;
    for (rank, &idea) in ranked.iter().enumerate() {
        let share = (votes as f64 * weights[rank] / total_weight).floor() as u64;
        counts[idea] = share.min(u64::from(cap)) as u32;
        given += u64::from(counts[idea]);
    }
    // What rounding down (and the cap) left over goes one by one from the top.
    let mut left = votes.saturating_sub(given);
    while left > 0 {
        for &idea in &ranked {
            if left == 0 {
                break;
            }
            if counts[idea] < cap {
                counts[idea] += 1;
                left -= 1;
            }
        }
    }
    counts
}

fn new_account(rng: &mut StdRng, n: u64, id: i64, created_at: i64) -> NewAccount {
    let (kind, display_name, organisation) = match rng.gen_range(0..100) {
        0..90 => (
            "resident",
            format!(
                "{} {}",
                words::FIRST_NAMES.choose(rng).unwrap_or(&"Alex"),
                words::LAST_NAMES.choose(rng).unwrap_or(&"Martin")
            ),
            None,
        ),
        90..97 => {
            let first = words::COMPANY_WORDS.choose(rng).unwrap_or(&"Iris");
            let second = words::COMPANY_WORDS.choose(rng).unwrap_or(&"Data");
            let name = format!("{first} {second}");
            let number = format!(
                "0{:03}.{:03}.{:03}",
                rng.gen_range(200..1000),
                rng.gen_range(0..1000),
                rng.gen_range(0..1000)
            );
            (
                "business",
                name.clone(),
                Some((format!("{name} SRL"), number, rng.gen_bool(0.5))),
            )
        }
        _ => {
            let field = words::RESEARCH_FIELDS.choose(rng).unwrap_or(&"Open data");
            (
                "academic",
                format!("{field} Lab"),
                Some((
                    format!("{field} research group"),
                    format!("ACAD-{n:07}"),
                    rng.gen_bool(0.5),
                )),
            )
        }
    };
    NewAccount {
        id,
        email: email(n),
        display_name,
        kind,
        organisation,
        created_at,
    }
}

/// A title and a description of three to five sentences, in two paragraphs.
fn idea_text(rng: &mut StdRng, language: &Language, district: Option<&str>) -> (String, String) {
    let pick = |rng: &mut StdRng, list: &[&'static str]| *list.choose(rng).unwrap_or(&"");
    let action = pick(rng, language.actions);
    let object = pick(rng, language.objects);
    let place = match district {
        Some(name) if rng.gen_bool(0.5) => language.in_district.replace("{}", name),
        _ => pick(rng, language.places).to_owned(),
    };
    let qualifier = pick(rng, language.qualifiers);
    let title = if language.code == "nl" {
        format!("{object} {place}{qualifier} {action}")
    } else {
        format!("{action} {object} {place}{qualifier}")
    };
    let title: String = title.chars().take(120).collect();

    let fill = |rng: &mut StdRng, sentence: &str| {
        sentence
            .replace("{object}", object)
            .replace("{place}", &place)
            .replace("{problem}", pick(rng, language.problems))
            .replace("{benefit}", pick(rng, language.benefits))
            .replace("{partner}", pick(rng, language.partners))
            .replace("{n}", &rng.gen_range(2..=12).to_string())
    };
    // The problem, then the proposal; then one to three other sentences.
    let mut body = format!(
        "{} {}\n\n",
        fill(rng, language.sentences[0]),
        fill(rng, language.sentences[1])
    );
    let rest = &language.sentences[2..];
    let extra = rng.gen_range(1..=3.min(rest.len()));
    for (i, sentence) in rest.choose_multiple(rng, extra).enumerate() {
        if i > 0 {
            body.push(' ');
        }
        body.push_str(&fill(rng, sentence));
    }
    (title, body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn vote_counts_add_up_stay_under_the_cap_and_are_skewed() {
        let mut rng = StdRng::seed_from_u64(7);
        let counts = vote_counts(&mut rng, 1_000, 1_000, 10_000);
        assert_eq!(counts.iter().map(|&c| u64::from(c)).sum::<u64>(), 10_000);
        let top = counts.iter().copied().max().unwrap_or(0);
        assert!(top >= 150, "the most popular idea has {top} votes");
        let capped = vote_counts(&mut rng, 3, 5, 15);
        assert_eq!(capped, [5, 5, 5]);
    }

    #[test]
    fn accounts_exist_before_what_they_write() {
        let now = 1_800_000_000_000;
        for n in [1, 2, 500, 999, 1000] {
            let created = account_created(n, 1000, now);
            assert!(last_account_before(created, 1000, now) >= n);
        }
        assert_eq!(last_account_before(0, 1000, now), 1);
    }

    #[test]
    fn titles_fit_and_slugs_follow_the_site() {
        let mut rng = StdRng::seed_from_u64(1);
        for language in words::LANGUAGES {
            for _ in 0..200 {
                let (title, body) = idea_text(&mut rng, language, Some("Woluwe-Saint-Lambert"));
                assert!(title.chars().count() <= 120 && !title.contains('{'), "{title}");
                assert!(body.contains("\n\n") && !body.contains('{'), "{body}");
            }
        }
    }
}
