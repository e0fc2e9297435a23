//! One application error type. Every variant has a stable code that the browser
//! translates; internal causes are logged on the server and never leave it.

use serde::{Deserialize, Serialize};

/// A problem with one field of a form, named by a stable code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: String,
}

impl FieldError {
    pub fn new(field: &str, code: &str) -> Self {
        Self {
            field: field.to_owned(),
            code: code.to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum AppError {
    #[error("sign-in required")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("bad request")]
    BadRequest,
    #[error("invalid input")]
    Invalid { fields: Vec<FieldError> },
    #[error("invalid credentials")]
    InvalidCredentials,
    /// Too many attempts: the caller may try again after `retry_after` seconds.
    #[error("too many requests")]
    RateLimited { retry_after: u64 },
    #[error("account blocked")]
    Blocked,
    #[error("no longer open")]
    Closed,
    /// The author may no longer rewrite an idea others supported or discussed.
    #[error("supported by others")]
    Supported,
    /// The project's status does not allow that change (yet, or any more).
    #[error("not at this stage of the project")]
    ProjectStage,
    #[error("daily limit of ideas reached")]
    IdeasPerDay,
    #[error("commented a moment ago")]
    CommentTooSoon,
    #[error("hidden by moderation")]
    Hidden,
    /// The account has not followed the link sent to its email address yet.
    #[error("email address not confirmed")]
    EmailUnconfirmed,
    /// A link sent by email that is unknown, used or expired.
    #[error("link expired")]
    LinkExpired,
    /// Ideas like the one submitted exist: the author sees them before publishing anyway.
    #[error("similar ideas exist")]
    SimilarIdeas,
    #[error("internal error")]
    Internal,
}

impl AppError {
    /// The stable code: the translation key is `error-{code}`.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Unauthenticated => "unauthenticated",
            AppError::Forbidden => "forbidden",
            AppError::NotFound => "not_found",
            AppError::BadRequest => "bad_request",
            AppError::Invalid { .. } => "invalid",
            AppError::InvalidCredentials => "invalid_credentials",
            AppError::RateLimited { .. } => "rate_limited",
            AppError::Blocked => "blocked",
            AppError::Closed => "closed",
            AppError::Supported => "supported",
            AppError::ProjectStage => "project_stage",
            AppError::IdeasPerDay => "ideas_per_day",
            AppError::CommentTooSoon => "comment_too_soon",
            AppError::Hidden => "hidden",
            AppError::EmailUnconfirmed => "email_unconfirmed",
            AppError::LinkExpired => "link_expired",
            AppError::SimilarIdeas => "similar_ideas",
            AppError::Internal => "internal",
        }
    }

    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthenticated | AppError::InvalidCredentials => 401,
            AppError::Forbidden | AppError::Blocked | AppError::EmailUnconfirmed => 403,
            AppError::NotFound | AppError::Hidden | AppError::LinkExpired => 404,
            AppError::BadRequest => 400,
            AppError::Invalid { .. } => 422,
            AppError::Closed | AppError::Supported | AppError::ProjectStage | AppError::SimilarIdeas => 409,
            AppError::RateLimited { .. } | AppError::IdeasPerDay | AppError::CommentTooSoon => 429,
            AppError::Internal => 500,
        }
    }

    pub fn invalid(fields: Vec<FieldError>) -> Self {
        AppError::Invalid { fields }
    }

    pub fn field(field: &str, code: &str) -> Self {
        AppError::Invalid {
            fields: vec![FieldError::new(field, code)],
        }
    }

    /// What the translated message of this error needs besides its code.
    pub fn message_args(&self) -> Vec<(&'static str, String)> {
        match self {
            AppError::RateLimited { retry_after } => vec![("minutes", retry_after.div_ceil(60).to_string())],
            _ => vec![],
        }
    }

    /// Seconds to wait before trying again, for a `Retry-After` header.
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            AppError::RateLimited { retry_after } => Some(*retry_after),
            _ => None,
        }
    }

    /// The code of the first problem with `field`, if any.
    pub fn field_code(&self, field: &str) -> Option<&str> {
        match self {
            AppError::Invalid { fields } => fields.iter().find(|f| f.field == field).map(|f| f.code.as_str()),
            _ => None,
        }
    }

    /// Logs the cause on the server and hides it from the caller.
    #[cfg(feature = "ssr")]
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "internal error");
        AppError::Internal
    }
}

pub type AppResult<T> = Result<T, AppError>;

/// Collects field problems while parsing a form, so the user sees all of them at once.
#[derive(Default, Debug)]
pub struct Problems(Vec<FieldError>);

impl Problems {
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps the parsed value, or records the problem under `field`.
    pub fn check<T, E: ErrorCode>(&mut self, field: &str, parsed: Result<T, E>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(e) => {
                self.0.push(FieldError::new(field, e.code()));
                None
            }
        }
    }

    pub fn push(&mut self, field: &str, code: &str) {
        self.0.push(FieldError::new(field, code));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(())` if nothing was wrong.
    pub fn into_result(self) -> AppResult<()> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(AppError::invalid(self.0))
        }
    }
}

/// A parse error with a stable, translatable code.
pub trait ErrorCode {
    fn code(&self) -> &'static str;
}
