use crate::error::AppError;
use leptos::prelude::*;

/// Remembers the chosen language in a cookie and goes back to the page it was chosen on.
#[server(endpoint = "set_locale")]
pub async fn set_locale(locale: String) -> Result<(), AppError> {
    use crate::i18n::{Locale, LOCALE_COOKIE};
    use http::header::{HeaderValue, REFERER, SET_COOKIE};
    let locale = Locale::parse(&locale).ok_or_else(|| AppError::field("locale", "unknown_choice"))?;
    let state = crate::ctx::state()?;
    let secure = if state.settings.secure_cookies { "; Secure" } else { "" };
    let cookie = format!(
        "{LOCALE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax{secure}",
        locale.code()
    );
    let response = expect_context::<leptos_axum::ResponseOptions>();
    response.append_header(SET_COOKIE, HeaderValue::from_str(&cookie).map_err(AppError::internal)?);
    let back = use_context::<http::request::Parts>()
        .and_then(|p| p.headers.get(REFERER).and_then(|r| r.to_str().ok()).map(str::to_owned))
        .and_then(|r| url_path(&r))
        .unwrap_or_else(|| "/".into());
    crate::ctx::redirect(&back);
    Ok(())
}

/// The path and query of a URL on this site, dropping any earlier form error.
#[cfg(feature = "ssr")]
fn url_path(referer: &str) -> Option<String> {
    let after_scheme = referer.split_once("://").map(|(_, rest)| rest).unwrap_or(referer);
    let path = &after_scheme[after_scheme.find('/')?..];
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let query: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("__err=") && !p.starts_with("__path="))
        .collect();
    Some(if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", query.join("&"))
    })
}
