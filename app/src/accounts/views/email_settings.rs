//! The profile's choice of what to hear of by email, and the page an email's
//! unsubscribe link leads to.

use super::*;
use crate::mail::model::{Frequency, NewsKind};

/// How often, and which kinds of news: a part of the profile page.
#[component]
pub fn MailPreferencesForm() -> impl IntoView {
    let action = ServerAction::<SetMailPreferences>::new();
    let preferences = Resource::new(|| (), |_| my_mail_preferences());
    let saved = move || {
        use_query_map().read().get("mail").as_deref() == Some("saved") || matches!(action.value().get(), Some(Ok(())))
    };
    view! {
        <section id="email" aria-labelledby="email-title">
            <h2 id="email-title">{t("mail-settings-title")}</h2>
            {move || saved().then(|| view! {
                <div class="alert alert-success" role="status"><p>{t("mail-settings-saved")}</p></div>
            })}
            <FormAlert action />
            <Loader resource=preferences let:chosen>
                <ActionForm action>
                    <fieldset class="choice-group">
                        <legend>{t("mail-settings-frequency")}</legend>
                        {Frequency::ALL
                            .into_iter()
                            .map(|frequency| {
                                let id = format!("frequency-{}", frequency.as_str());
                                view! {
                                    <div class="choice">
                                        <input type="radio" id=id.clone() name="frequency" value=frequency.as_str()
                                            checked=chosen.frequency == frequency />
                                        <label for=id>{t(&format!("mail-frequency-{}", frequency.as_str()))}</label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    <fieldset class="choice-group">
                        <legend>{t("mail-settings-kinds")}</legend>
                        {NewsKind::ALL
                            .into_iter()
                            .map(|kind| {
                                let id = format!("news-{}", kind.as_str());
                                view! {
                                    <div class="choice">
                                        <input type="checkbox" id=id.clone() name=kind.as_str() value="on"
                                            checked=chosen.kinds.contains(&kind) />
                                        <label for=id>{t(&format!("mail-kind-{}", kind.as_str()))}</label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    <button type="submit" class="button" disabled=move || action.pending().get()>
                        {t("mail-settings-submit")}
                    </button>
                </ActionForm>
            </Loader>
        </section>
    }
}

/// Where an email's "stop these emails" link leads: one button, no sign-in.
#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let action = ServerAction::<Unsubscribe>::new();
    let query = use_query_map();
    let field = move |name: &str| query.read().get(name).unwrap_or_default();
    let done = move || field("done") == "1" || matches!(action.value().get(), Some(Ok(())));
    let what = move || match field("kind").as_str() {
        "all" | "" => t("unsubscribe-all"),
        kind => t_with("unsubscribe-one", &[("kind", t(&format!("mail-kind-{kind}")))]),
    };
    view! {
        <Title text=t("unsubscribe-title") />
        <section class="container narrow">
            <h1>{t("unsubscribe-title")}</h1>
            {move || if done() {
                view! {
                    <div class="alert alert-success" role="status">
                        <p>{t("unsubscribe-done")}</p>
                    </div>
                    <p><a href="/profile#email">{t("unsubscribe-change")}</a></p>
                }
                .into_any()
            } else {
                view! {
                    <p class="lead">{what()}</p>
                    <FormAlert action />
                    <ActionForm action>
                        <input type="hidden" name="account" value=field("account") />
                        <input type="hidden" name="kind" value=field("kind") />
                        <input type="hidden" name="sig" value=field("sig") />
                        <button type="submit" class="button" disabled=move || action.pending().get()>
                            {t("unsubscribe-submit")}
                        </button>
                    </ActionForm>
                }
                .into_any()
            }}
        </section>
    }
}
