//! What an email is before it is sent, the links it carries, and how long a failing one
//! waits before it is tried again.

/// What a link sent by email lets its holder do, once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    /// Confirm that the address belongs to the account.
    Verify,
    /// Choose a new password.
    Reset,
}

impl TokenPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::Verify => "verify",
            TokenPurpose::Reset => "reset",
        }
    }

    /// How long the link works, in milliseconds: two days to confirm an address (people
    /// read their mail late), an hour to reset a password (a stolen mailbox matters more).
    pub fn lifetime_ms(self) -> i64 {
        match self {
            TokenPurpose::Verify => 48 * 60 * 60 * 1000,
            TokenPurpose::Reset => 60 * 60 * 1000,
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
}
