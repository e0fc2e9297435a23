//! `POST /unsubscribe?account=…&kind=…&sig=…`: the one-click unsubscribe of RFC 8058.
//! Mail programs send it from their own servers, without a session and without this
//! site's page: the signature in the link (only this site can make one) is what
//! authorises it, and all it can do is send someone less mail.

use agora_app::ctx::AppState;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Link {
    account: i64,
    kind: String,
    sig: String,
}

pub async fn one_click(State(state): State<AppState>, Query(link): Query<Link>) -> StatusCode {
    match agora_app::mail::store::unsubscribe(&state.db, &state.keys, link.account, &link.kind, &link.sig).await {
        Ok(true) => StatusCode::OK,
        Ok(false) => StatusCode::NOT_FOUND,
        Err(e) => {
            tracing::warn!(error = %e, "an unsubscribe could not be recorded");
            StatusCode::INTERNAL_SERVER_ERROR
        }
    }
}
