//! What an email is before it is sent, the links it carries, how long a failing one
//! waits before it is tried again, and what news each account chose to hear of by email.

use crate::notifications::model::NotificationKind;

/// What a link sent by email lets its holder do, once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    /// Confirm that the address belongs to the account.
    Verify,
    /// Choose a new password.
    Reset,
    /// Confirm a new address for the account (sent to the new address).
    EmailChange,
}

impl TokenPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::Verify => "verify",
            TokenPurpose::Reset => "reset",
            TokenPurpose::EmailChange => "email_change",
        }
    }

    /// How long the link works, in milliseconds: two days to confirm an address (people
    /// read their mail late), an hour to reset a password (a stolen mailbox matters more).
    pub fn lifetime_ms(self) -> i64 {
        match self {
            TokenPurpose::Verify => 48 * 60 * 60 * 1000,
            TokenPurpose::Reset => 60 * 60 * 1000,
            TokenPurpose::EmailChange => 24 * 60 * 60 * 1000,
        }
    }
}

/// The secret of a link: 32 random bytes, written as 64 hexadecimal digits. Only its
/// hash is stored.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    pub const LENGTH: usize = 64;

    #[cfg(feature = "ssr")]
    pub fn generate() -> Token {
        use rand::RngCore;
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        Token(hex::encode(bytes))
    }

    /// A token as it came back in a link; anything else is no token.
    pub fn parse(input: &str) -> Option<Token> {
        let input = input.trim();
        (input.len() == Self::LENGTH && input.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| Token(input.to_ascii_lowercase()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    /// What the database keeps: a hash, so that reading the table opens no account.
    #[cfg(feature = "ssr")]
    pub fn hash(&self) -> String {
        use sha2::{Digest, Sha256};
        hex::encode(Sha256::digest(self.0.as_bytes()))
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

/// A message ready for the outbox: formatted once, sent as it is.
#[derive(Debug, Clone)]
pub struct Outgoing {
    /// `verify`, `reset`…: what caused it, for the operators' counts.
    pub kind: &'static str,
    pub recipient: String,
    pub subject: String,
    /// The link the message is about (logged only by the embedded file transport).
    pub link: String,
    /// The whole message, headers and body, as the SMTP server receives it.
    pub message: String,
}

/// After this many failed attempts a message is given up.
pub const MAX_ATTEMPTS: i64 = 12;

/// How long to wait after the `attempts`-th failure: `base_ms` doubled each time, at
/// most six hours, so that twelve attempts span about a day with a base of a minute.
pub fn retry_delay_ms(attempts: i64, base_ms: i64) -> i64 {
    const MOST: i64 = 6 * 60 * 60 * 1000;
    let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 30)).unwrap_or(30);
    base_ms.saturating_mul(1_i64 << doublings).min(MOST)
}

/// How often an account hears by email of what it follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// An email soon after each piece of news.
    Instant,
    /// One digest a day, at a fixed hour in Brussels.
    #[default]
    Daily,
    /// One digest on Monday, at the same hour.
    Weekly,
    Never,
}

impl Frequency {
    pub const ALL: [Frequency; 4] = [
        Frequency::Instant,
        Frequency::Daily,
        Frequency::Weekly,
        Frequency::Never,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Instant => "instant",
            Frequency::Daily => "daily",
            Frequency::Weekly => "weekly",
            Frequency::Never => "never",
        }
    }

    pub fn parse(text: &str) -> Option<Frequency> {
        Self::ALL.into_iter().find(|f| f.as_str() == text)
    }
}

/// The kinds of news an account chooses to hear of by email.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NewsKind {
    /// Answers, status changes and moderation of the ideas the account wrote or follows.
    Mine,
    /// Replies to its comments.
    Replies,
    /// New comments on what it follows.
    Follows,
    /// News of the projects it follows or owns.
    Projects,
}

impl NewsKind {
    pub const ALL: [NewsKind; 4] = [NewsKind::Mine, NewsKind::Replies, NewsKind::Follows, NewsKind::Projects];

    pub fn as_str(self) -> &'static str {
        match self {
            NewsKind::Mine => "mine",
            NewsKind::Replies => "replies",
            NewsKind::Follows => "follows",
            NewsKind::Projects => "projects",
        }
    }

    pub fn parse(text: &str) -> Option<NewsKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// Which choice a notification falls under.
    pub fn of(kind: NotificationKind) -> NewsKind {
        match kind {
            NotificationKind::Comment => NewsKind::Follows,
            NotificationKind::Reply => NewsKind::Replies,
            NotificationKind::Status
            | NotificationKind::Response
            | NotificationKind::Hidden
            | NotificationKind::Restored => NewsKind::Mine,
            NotificationKind::ProjectStatus | NotificationKind::ProjectUpdate => NewsKind::Projects,
        }
    }
}

/// What an account hears of by email, and how often.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MailPreferences {
    pub frequency: Frequency,
    pub kinds: Vec<NewsKind>,
}

impl Default for MailPreferences {
    fn default() -> Self {
        MailPreferences {
            frequency: Frequency::Daily,
            kinds: NewsKind::ALL.to_vec(),
        }
    }
}

impl MailPreferences {
    /// As stored: `mine,replies`. Unknown names are ignored.
    pub fn kinds_from_text(text: &str) -> Vec<NewsKind> {
        NewsKind::ALL
            .into_iter()
            .filter(|kind| text.split(',').any(|part| part.trim() == kind.as_str()))
            .collect()
    }

    pub fn kinds_text(&self) -> String {
        NewsKind::ALL
            .into_iter()
            .filter(|kind| self.kinds.contains(kind))
            .map(NewsKind::as_str)
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Whether a notification of `kind` is to be emailed at all.
    pub fn wants(&self, kind: NotificationKind) -> bool {
        self.frequency != Frequency::Never && self.kinds.contains(&NewsKind::of(kind))
    }
}

/// The time zone digests keep: the programme's city.
#[cfg(feature = "ssr")]
const DIGEST_TIME_ZONE: &str = "Europe/Brussels";

/// When the next digest of `frequency` is due after `now_ms`: the next `hour` o'clock in
/// Brussels (daily), or the next Monday at that hour (weekly), in unix milliseconds,
/// daylight saving time included. `None` for the other frequencies.
#[cfg(feature = "ssr")]
pub fn next_digest_at(frequency: Frequency, now_ms: i64, hour: i8) -> Option<i64> {
    let tz = jiff::tz::TimeZone::get(DIGEST_TIME_ZONE).ok()?;
    let now = jiff::Timestamp::from_millisecond(now_ms).ok()?;
    let mut day = now.to_zoned(tz.clone()).date();
    for _ in 0..8 {
        let at = day.at(hour, 0, 0, 0).to_zoned(tz.clone()).ok()?.timestamp();
        let right_day = match frequency {
            Frequency::Daily => true,
            Frequency::Weekly => day.weekday() == jiff::civil::Weekday::Monday,
            Frequency::Instant | Frequency::Never => return None,
        };
        if right_day && at > now {
            return Some(at.as_millisecond());
        }
        day = day.tomorrow().ok()?;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_64_hexadecimal_digits_and_nothing_else_parses() {
        assert!(Token::parse(&"ab".repeat(32)).is_some());
        assert!(Token::parse(&"ab".repeat(31)).is_none());
        assert!(Token::parse(&"zz".repeat(32)).is_none());
        assert!(Token::parse("").is_none());
    }

    #[test]
    fn a_token_never_shows_in_debug_output() {
        let token = Token::parse(&"cd".repeat(32)).expect("valid");
        assert!(!format!("{token:?}").contains("cdcd"));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn two_generated_tokens_differ_and_their_hashes_hide_them() {
        let (a, b) = (Token::generate(), Token::generate());
        assert_ne!(a, b);
        assert_eq!(a.hash().len(), 64);
        assert_ne!(a.hash(), a.expose());
        assert_eq!(Token::parse(a.expose()).map(|t| t.hash()), Some(a.hash()));
    }

    #[test]
    fn a_failing_message_waits_twice_as_long_each_time_up_to_six_hours() {
        assert_eq!(retry_delay_ms(1, 60_000), 60_000);
        assert_eq!(retry_delay_ms(2, 60_000), 120_000);
        assert_eq!(retry_delay_ms(4, 60_000), 480_000);
        assert_eq!(retry_delay_ms(40, 60_000), 6 * 60 * 60 * 1000);
    }

    #[test]
    fn a_reset_link_lives_an_hour_and_a_confirmation_link_two_days() {
        assert_eq!(TokenPurpose::Reset.lifetime_ms(), 3_600_000);
        assert_eq!(TokenPurpose::Verify.lifetime_ms(), 172_800_000);
    }

    #[test]
    fn news_of_each_kind_falls_under_one_choice() {
        use crate::notifications::model::NotificationKind as K;
        assert_eq!(NewsKind::of(K::Reply), NewsKind::Replies);
        assert_eq!(NewsKind::of(K::Comment), NewsKind::Follows);
        assert_eq!(NewsKind::of(K::Response), NewsKind::Mine);
        assert_eq!(NewsKind::of(K::ProjectUpdate), NewsKind::Projects);
    }

    #[test]
    fn the_kinds_chosen_round_trip_through_their_stored_text() {
        let chosen = MailPreferences {
            frequency: Frequency::Weekly,
            kinds: vec![NewsKind::Projects, NewsKind::Mine],
        };
        assert_eq!(chosen.kinds_text(), "mine,projects");
        assert_eq!(
            MailPreferences::kinds_from_text("projects, mine,unknown"),
            vec![NewsKind::Mine, NewsKind::Projects]
        );
    }

    #[test]
    fn never_means_no_email_whatever_the_kinds() {
        let never = MailPreferences {
            frequency: Frequency::Never,
            kinds: NewsKind::ALL.to_vec(),
        };
        assert!(!never.wants(crate::notifications::model::NotificationKind::Reply));
    }

    #[cfg(feature = "ssr")]
    fn utc(text: &str) -> i64 {
        text.parse::<jiff::Timestamp>().expect("a time").as_millisecond()
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_daily_digest_is_due_at_eight_in_brussels_today_or_tomorrow() {
        // 07:00 in Brussels (UTC+1 in winter): today at 08:00, 07:00 UTC.
        assert_eq!(
            next_digest_at(Frequency::Daily, utc("2026-12-03T06:00:00Z"), 8),
            Some(utc("2026-12-03T07:00:00Z"))
        );
        // Past eight: tomorrow.
        assert_eq!(
            next_digest_at(Frequency::Daily, utc("2026-12-03T07:00:00Z"), 8),
            Some(utc("2026-12-04T07:00:00Z"))
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_daily_digest_keeps_eight_in_brussels_across_summer_time() {
        // The clocks go forward on 28 March 2027: eight o'clock is then 06:00 UTC.
        assert_eq!(
            next_digest_at(Frequency::Daily, utc("2027-03-27T09:00:00Z"), 8),
            Some(utc("2027-03-28T06:00:00Z"))
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_weekly_digest_is_due_on_the_next_monday() {
        // Thursday 3 December 2026: Monday 7 December, 08:00 in Brussels.
        assert_eq!(
            next_digest_at(Frequency::Weekly, utc("2026-12-03T12:00:00Z"), 8),
            Some(utc("2026-12-07T07:00:00Z"))
        );
        assert_eq!(next_digest_at(Frequency::Instant, 0, 8), None);
    }
}
