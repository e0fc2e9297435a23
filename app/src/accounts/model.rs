//! Account types shared by browser and server, and the parsers that make bad input
//! unrepresentable.

use crate::text::{parse_text, parsed_text, InputError};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Member,
    Moderator,
    Official,
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Member, Role::Moderator, Role::Official, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Moderator => "moderator",
            Role::Official => "official",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    Resident,
    Business,
    Academic,
}

impl AccountKind {
    pub const ALL: [AccountKind; 3] = [AccountKind::Resident, AccountKind::Business, AccountKind::Academic];

    pub fn as_str(self) -> &'static str {
        match self {
            AccountKind::Resident => "resident",
            AccountKind::Business => "business",
            AccountKind::Academic => "academic",
        }
    }

    pub fn parse(s: &str) -> Option<AccountKind> {
        AccountKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn is_organisation(self) -> bool {
        self != AccountKind::Resident
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub const MAX: usize = 254;

    pub fn parse(input: &str) -> Result<Email, InputError> {
        let email = input.trim();
        if email.is_empty() {
            return Err(InputError::Required);
        }
        if email.len() > Self::MAX {
            return Err(InputError::TooLong);
        }
        let Some((local, domain)) = email.split_once('@') else {
            return Err(InputError::EmailInvalid);
        };
        let well_formed = !local.is_empty()
            && !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !email.chars().any(|c| c.is_whitespace() || c.is_control());
        if !well_formed {
            return Err(InputError::EmailInvalid);
        }
        Ok(Email(email.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form compared for uniqueness: addresses differing only in case are one.
    pub fn normalized(&self) -> String {
        self.0.to_lowercase()
    }
}

/// A password of acceptable length; its strength is checked on the server (zxcvbn),
/// since the dictionaries are too large for the browser bundle.
pub struct Password(String);

impl Password {
    pub const MIN: usize = 12;
    pub const MAX: usize = 256;

    pub fn parse(input: &str) -> Result<Password, InputError> {
        let length = input.chars().count();
        if length < Self::MIN {
            return Err(InputError::PasswordTooShort);
        }
        if length > Self::MAX {
            return Err(InputError::PasswordTooLong);
        }
        Ok(Password(input.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

parsed_text! {
    DisplayName, 2..=60, line
}

parsed_text! {
    OrganisationName, 2..=120, line
}

/// A Belgian enterprise number (KBO/BCE): ten digits, the last two being
/// 97 minus the first eight modulo 97. Accepts `BE 0403.170.701` and similar spellings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnterpriseNumber(String);

impl EnterpriseNumber {
    pub fn parse(input: &str) -> Result<EnterpriseNumber, InputError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(InputError::Required);
        }
        let without_country = trimmed
            .strip_prefix("BE")
            .or_else(|| trimmed.strip_prefix("be"))
            .unwrap_or(trimmed);
        let mut digits = String::with_capacity(10);
        for c in without_country.chars() {
            match c {
                '0'..='9' => digits.push(c),
                ' ' | '.' | '-' => {}
                _ => return Err(InputError::EnterpriseNumberFormat),
            }
        }
        if digits.len() == 9 {
            // Numbers issued before 2023 were often written without the leading zero.
            digits.insert(0, '0');
        }
        if digits.len() != 10 || !(digits.starts_with('0') || digits.starts_with('1')) {
            return Err(InputError::EnterpriseNumberFormat);
        }
        let body: u64 = digits[..8].parse().map_err(|_| InputError::EnterpriseNumberFormat)?;
        let check: u64 = digits[8..].parse().map_err(|_| InputError::EnterpriseNumberFormat)?;
        if 97 - body % 97 != check {
            return Err(InputError::EnterpriseNumberChecksum);
        }
        Ok(EnterpriseNumber(digits))
    }

    /// The official spelling, `0403.170.701`.
    pub fn formatted(&self) -> String {
        format!("{}.{}.{}", &self.0[..4], &self.0[4..7], &self.0[7..])
    }
}

/// An academic institution's registration number: free form, but short and plain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistrationNumber(String);

impl RegistrationNumber {
    pub fn parse(input: &str) -> Result<RegistrationNumber, InputError> {
        let text = parse_text(input, 1, 40, false)?;
        if text.chars().all(|c| c.is_alphanumeric() || " ./-".contains(c)) {
            Ok(RegistrationNumber(text))
        } else {
            Err(InputError::RegistrationNumberInvalid)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An official's area of competence.
pub fn parse_portfolio(input: &str) -> Result<Option<String>, InputError> {
    let text = parse_text(input, 0, 200, false)?;
    Ok((!text.is_empty()).then_some(text))
}

/// The signed-in account, as the rest of the application sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub id: i64,
    pub display_name: String,
    pub role: Role,
    pub kind: AccountKind,
    #[serde(skip)]
    pub auth_version: i64,
    /// Blocked by a moderator: may read, not take part.
    #[serde(default)]
    pub blocked: bool,
    /// Followed the link sent to its email address: may take part.
    #[serde(default)]
    pub verified: bool,
}

impl SessionUser {
    /// The account as the permission policy sees it.
    pub fn actor(&self) -> crate::policy::Actor {
        crate::policy::Actor {
            id: self.id,
            role: self.role,
            blocked: self.blocked,
            verified: self.verified,
        }
    }

    /// Whether the policy lets this account do `action` at all (page flags).
    pub fn may(&self, action: crate::policy::Action) -> bool {
        crate::policy::allows(Some(&self.actor()), action)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub kind: AccountKind,
    pub role: Role,
    pub portfolio: Option<String>,
    pub organisation_name: Option<String>,
    pub registration_number: Option<String>,
    pub organisation_verified: bool,
    pub created_at: i64,
    /// When a moderator blocked the account, and the reason they gave its holder.
    pub blocked: Option<(i64, String)>,
    /// Whether the account followed the link sent to its address.
    pub email_verified: bool,
}

/// Everything stored about an account, section by section (`profile`, `ideas`…), in the
/// order they are shown; each row is an object of its columns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountData(pub Vec<(String, Vec<serde_json::Value>)>);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountSummary {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub kind: AccountKind,
    pub role: Role,
    pub portfolio: Option<String>,
    pub organisation_name: Option<String>,
    pub created_at: i64,
    pub blocked: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_email_without_an_at_sign_is_refused() {
        assert_eq!(Email::parse("ana.example.org"), Err(InputError::EmailInvalid));
    }

    #[test]
    fn an_email_is_compared_without_case() {
        let email = Email::parse("  Ana.Peeters@Example.BE ").expect("valid");
        assert_eq!(email.as_str(), "Ana.Peeters@Example.BE");
        assert_eq!(email.normalized(), "ana.peeters@example.be");
    }

    #[test]
    fn an_email_with_a_space_inside_is_refused() {
        assert_eq!(Email::parse("ana peeters@example.be"), Err(InputError::EmailInvalid));
    }

    #[test]
    fn a_password_of_eleven_characters_is_refused() {
        assert_eq!(Password::parse("abcdefghijk").err(), Some(InputError::PasswordTooShort));
    }

    #[test]
    fn a_long_passphrase_is_accepted_up_to_256_characters() {
        assert!(Password::parse(&"é".repeat(256)).is_ok());
        assert_eq!(
            Password::parse(&"a".repeat(257)).err(),
            Some(InputError::PasswordTooLong)
        );
    }

    #[test]
    fn a_password_never_shows_in_debug_output() {
        let password = Password::parse("correct horse battery staple").expect("valid");
        assert!(!format!("{password:?}").contains("horse"));
    }

    #[test]
    fn a_valid_enterprise_number_is_accepted_in_any_usual_spelling() {
        for spelling in ["0403.170.701", "BE0403170701", "be 0403 170 701", "403.170.701"] {
            let number = EnterpriseNumber::parse(spelling).expect(spelling);
            assert_eq!(number.formatted(), "0403.170.701");
        }
    }

    #[test]
    fn an_enterprise_number_with_wrong_check_digits_is_refused() {
        assert_eq!(
            EnterpriseNumber::parse("0403.170.702"),
            Err(InputError::EnterpriseNumberChecksum)
        );
    }

    #[test]
    fn an_enterprise_number_with_letters_or_eleven_digits_is_refused() {
        assert_eq!(
            EnterpriseNumber::parse("0403.17O.701"),
            Err(InputError::EnterpriseNumberFormat)
        );
        assert_eq!(
            EnterpriseNumber::parse("04031707011"),
            Err(InputError::EnterpriseNumberFormat)
        );
        assert_eq!(
            EnterpriseNumber::parse("2403170701"),
            Err(InputError::EnterpriseNumberFormat)
        );
    }

    #[test]
    fn a_display_name_is_trimmed_and_bounded() {
        assert_eq!(DisplayName::parse("  Ana  ").expect("valid").as_str(), "Ana");
        assert_eq!(DisplayName::parse("   "), Err(InputError::Required));
        assert_eq!(DisplayName::parse(&"x".repeat(61)), Err(InputError::TooLong));
    }

    #[test]
    fn a_registration_number_with_markup_is_refused() {
        assert_eq!(
            RegistrationNumber::parse("<b>1</b>"),
            Err(InputError::RegistrationNumberInvalid)
        );
        assert!(RegistrationNumber::parse("VUB-2017/04").is_ok());
    }

    #[test]
    fn roles_and_kinds_round_trip_through_their_names() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        for kind in AccountKind::ALL {
            assert_eq!(AccountKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
