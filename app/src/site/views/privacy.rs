//! What Agora stores about people, why, for how long, and how to take it or erase it.

use super::*;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let items = |keys: &[&str]| keys.iter().map(|key| view! { <li>{t(key)}</li> }).collect_view();
    view! {
        <Title text=t("privacy-title") />
        <section class="container narrow prose">
            <h1>{t("privacy-title")}</h1>
            <p class="lead">{t("privacy-lead")}</p>
            <h2>{t("privacy-stored-title")}</h2>
            <ul>{items(&["privacy-stored-account", "privacy-stored-participation", "privacy-stored-mail", "privacy-stored-audit"])}</ul>
            <h2>{t("privacy-kept-title")}</h2>
            <ul>{items(&["privacy-kept-sessions", "privacy-kept-links", "privacy-kept-outbox", "privacy-kept-networks", "privacy-kept-audit"])}</ul>
            <h2>{t("privacy-rights-title")}</h2>
            <p>{t("privacy-rights-export")} " " <a href="/profile/data">{t("my-data-title")}</a></p>
            <p>{t("privacy-rights-delete")} " " <a href="/profile/delete">{t("delete-account-title")}</a></p>
            <p>{t("privacy-no-tracking")}</p>
        </section>
    }
}
