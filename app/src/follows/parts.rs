use super::api::FollowIdea;
use crate::forms::FormAlert;
use crate::i18n::t;
use leptos::prelude::*;

/// Follow / stop following. With JavaScript it changes at once and falls back if the
/// server refuses; without, it is a form that comes back to the idea. An island, like
/// the support button.
#[island]
pub fn FollowButton(idea_id: i64, following: bool) -> impl IntoView {
    crate::forms::refusal_from_address();
    let action = ServerAction::<FollowIdea>::new();
    // What the server last confirmed; a refusal falls back to it.
    let confirmed = Memo::new(move |last: Option<&bool>| match action.value().get() {
        Some(Ok(now)) => now,
        _ => last.copied().unwrap_or(following),
    });
    let shown = move || match action.input().get() {
        Some(pending) => pending.follow,
        None => confirmed.get(),
    };
    view! {
        <div class="follow-box" id="follow">
            <ActionForm action>
                <input type="hidden" name="idea_id" value=idea_id />
                <input type="hidden" name="follow" value=move || (!shown()).to_string() />
                <button type="submit" class="button button-secondary button-small"
                    aria-pressed=move || if shown() { "true" } else { "false" }>
                    {move || if shown() { t("follow-stop") } else { t("follow-start") }}
                </button>
            </ActionForm>
            <p class="hint">{move || if shown() { t("follow-on-hint") } else { t("follow-off-hint") }}</p>
            <FormAlert action />
        </div>
    }
}
