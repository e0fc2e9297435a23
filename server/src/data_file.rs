//! `GET /profile/data.json`: the signed-in account's data as a file to keep (GDPR
//! article 20). The same use case as the page `/profile/data` (the server function
//! `my_data`, which asks the policy), run with the request's context and answered as a
//! download instead of a server function's answer.

use agora_app::ctx::AppState;
use axum::extract::{Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use leptos::prelude::provide_context;
use leptos::reactive::computed::ScopedFuture;
use leptos::reactive::owner::Owner;

pub async fn my_data_file(State(state): State<AppState>, request: Request) -> Response {
    let (parts, _) = request.into_parts();
    let owner = Owner::new();
    let outcome = owner
        .with(|| {
            ScopedFuture::new(async move {
                provide_context(parts);
                provide_context(state);
                agora_app::accounts::api::my_data().await
            })
        })
        .await;
    let json = |data: agora_app::accounts::model::AccountData| {
        serde_json::to_string_pretty(&InOrder(&data.0)).map_err(agora_app::error::AppError::internal)
    };
    match outcome.and_then(json) {
        Ok(json) => (
            [
                (CONTENT_TYPE, "application/json; charset=utf-8"),
                (CONTENT_DISPOSITION, "attachment; filename=\"agora-my-data.json\""),
                (CACHE_CONTROL, "no-store"),
            ],
            json,
        )
            .into_response(),
        Err(error) => {
            let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, axum::Json(error)).into_response()
        }
    }
}

/// The sections as one JSON object, in the order the page shows them.
struct InOrder<'a>(&'a [(String, Vec<serde_json::Value>)]);

impl serde::Serialize for InOrder<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, rows) in self.0 {
            map.serialize_entry(name, rows)?;
        }
        map.end()
    }
}
