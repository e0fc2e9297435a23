use super::api::SetIdeaStatus;
use super::model::{transition_allowed, PublicNote, MODERATED};
use crate::forms::{field_error, use_form_memory, Field, FormAlert};
use crate::i18n::t;
use crate::ideas::model::IdeaStatus;
use crate::ideas::views::status_label;
use leptos::prelude::*;

pub const STATUS_FORM: &str = "idea_status";

/// The moderator's panel on an idea page: move it to another status, with a public note.
#[component]
pub fn StatusPanel(idea_id: i64, current: IdeaStatus, action: ServerAction<SetIdeaStatus>) -> impl IntoView {
    let memory = use_form_memory(STATUS_FORM);
    let choices: Vec<IdeaStatus> = MODERATED
        .into_iter()
        .filter(|to| transition_allowed(current, *to))
        .collect();
    if choices.is_empty() {
        return None;
    }
    Some(view! {
        <section class="moderation-panel" aria-labelledby="moderation-heading">
            <h2 id="moderation-heading">{t("moderation-status-title")}</h2>
            <Suspense fallback=|| ()>
                {move || {
                    let choices = choices.clone();
                    Suspend::new(async move {
                        let kept = memory.await;
                        let chosen = kept.get("status").cloned().unwrap_or_default();
                        view! {
                            <FormAlert action />
                            <ActionForm action>
                                <input type="hidden" name="idea_id" value=idea_id />
                                <div class="field">
                                    <label for="moderation-status">{t("moderation-new-status")}</label>
                                    <select id="moderation-status" name="status" required>
                                        {choices.into_iter().map(|to| view! {
                                            <option value=to.as_str() selected=chosen == to.as_str()>{status_label(to)}</option>
                                        }).collect_view()}
                                    </select>
                                </div>
                                <Field name="note" label=t("moderation-note") value=kept.get("note").cloned().unwrap_or_default()
                                    multiline=true maxlength=PublicNote::MAX hint=t("moderation-note-hint")
                                    id_prefix="moderation-" error=field_error(action, "note") />
                                <button type="submit" class="button button-small" disabled=move || action.pending().get()>
                                    {t("moderation-apply")}
                                </button>
                            </ActionForm>
                        }
                    })
                }}
            </Suspense>
        </section>
    })
}
