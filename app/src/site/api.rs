use crate::error::AppError;
use leptos::prelude::*;

/// Remembers the chosen language in a cookie and goes back to the page it was chosen on.
#[server(endpoint = "set_locale")]
pub async fn set_locale(locale: String) -> Result<(), AppError> {
    use crate::i18n::{Locale, LOCALE_COOKIE};
    use http::header::{HeaderValue, SET_COOKIE};
    let locale = Locale::parse(&locale).ok_or_else(|| AppError::field("locale", "unknown_choice"))?;
    let state = crate::ctx::state()?;
    let secure = if state.settings.secure_cookies { "; Secure" } else { "" };
    let cookie = format!(
        "{LOCALE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax{secure}",
        locale.code()
    );
    let response = expect_context::<leptos_axum::ResponseOptions>();
    response.append_header(SET_COOKIE, HeaderValue::from_str(&cookie).map_err(AppError::internal)?);
    // Back to the page the language was chosen on, without an earlier form's error.
    let back = crate::ctx::referer_path(&["__err", "__path"]).unwrap_or_else(|| "/".into());
    crate::ctx::redirect(&back);
    Ok(())
}

/// The licence and limits of the open data, as the server is set up.
#[server(endpoint = "open_data_terms")]
pub async fn open_data_terms() -> Result<super::model::OpenDataTerms, AppError> {
    Ok(crate::ctx::state()?.settings.open_data.clone())
}
