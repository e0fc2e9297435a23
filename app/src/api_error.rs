//! How an [`AppError`] travels through a server function: as JSON, with its stable code.
//! The framework's own failures (arguments that do not parse, a broken request) become
//! the same error type, so a page has one kind of error to show.

use crate::error::AppError;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) | ServerFnErrorErr::Deserialization(_) => {
                AppError::BadRequest
            }
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => AppError::Internal,
            other => {
                #[cfg(feature = "ssr")]
                tracing::error!(error = %other, "server function failure");
                let _ = other;
                AppError::Internal
            }
        }
    }
}
