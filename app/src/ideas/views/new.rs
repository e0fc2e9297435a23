//! The form to propose an idea.

use super::*;
use crate::ideas::api::similar_ideas;
use crate::ideas::parts::SimilarIdeasList;
use crate::ui::Waiting;
use leptos::wasm_bindgen::JsCast;

#[component]
pub fn NewIdeaPage() -> impl IntoView {
    let auth = use_auth();
    let action = ServerAction::<SubmitIdea>::new();
    let memory = use_form_memory(IDEA_FORM);
    let choices = use_idea_choices();
    // The policy's answer, as the server will give it: a visitor is asked to sign in, a
    // blocked account is told so instead of being shown a form that would be refused.
    // An account that has not confirmed its address is shown how to.
    let load = move || async move {
        let actor = auth.user.await.map(|user| user.actor());
        match crate::policy::decide(
            actor.as_ref(),
            crate::policy::Action::SubmitIdea,
            &crate::policy::Facts::none(),
        ) {
            Err(crate::policy::Refusal::Unconfirmed) => return Ok(None),
            refused => refused?,
        }
        Ok(Some((memory.await, choices.await)))
    };
    view! {
        <Title text=t("idea-new-title") />
        <section class="container narrow">
            <Loading load let:loaded>
                {
                    let Some((values, choices)) = loaded else {
                        return view! {
                            <h1>{t("idea-new-title")}</h1>
                            <crate::accounts::parts::ConfirmEmailFirst />
                        }
                        .into_any();
                    };
                    let title = values.get("title").cloned().unwrap_or_default();
                    // The form came back because of ideas like it: the confirmation step.
                    let confirm_step = action
                        .value()
                        .with_untracked(|answer| matches!(answer, Some(Err(AppError::SimilarIdeas))));
                    view! {
                        <h1>{t("idea-new-title")}</h1>
                        <p class="lead">{t("idea-new-lead")}</p>
                        <FormAlert action />
                        <ActionForm action>
                            <IdeaFields action values choices after_title=move || view! { <SimilarToTitle title=title.clone() confirm_step /> } />
                            <button type="submit" class="button" disabled=move || action.pending().get()>{t("idea-submit")}</button>
                        </ActionForm>
                    }
                    .into_any()
                }
            </Loading>
        </section>
    }
}

/// Ideas like the title as typed (after a pause in the typing), or as sent: shown once
/// the author has seen them, the form publishes without asking again (`confirmed`); a
/// form sent before that, or without JavaScript, comes back with them and a button to
/// publish anyway (the confirmation step). An island: it follows the title field of the
/// form around it, which the browser does not run.
#[island]
fn SimilarToTitle(title: String, confirm_step: bool) -> impl IntoView {
    let typed = RwSignal::new(title);
    let typing = window_event_listener(leptos::ev::input, move |ev| follow_title(&ev, typed));
    on_cleanup(move || typing.remove());
    let similar = Resource::new(move || typed.get(), similar_ideas);
    // A failed lookup only means no list: the idea can still be published.
    let load = move || async move { Ok(similar.await.unwrap_or_default()) };
    view! {
        <Loading load waiting=Waiting::Quiet let:ideas>
            {
                let seen = !ideas.is_empty();
                view! {
                    <SimilarIdeasList ideas heading=t("similar-heading") />
                    {seen.then(|| view! { <input type="hidden" name="confirmed" value="1" /> })}
                    {(seen && confirm_step).then(|| view! {
                        <p class="similar-anyway">
                            {t("similar-anyway-hint")} " "
                            <button type="submit" class="button button-secondary">{t("similar-publish-anyway")}</button>
                        </p>
                    })}
                }
            }
        </Loading>
    }
}

/// Follows what is typed in the title, settling after a pause so that a fast typist
/// does not ask once per letter.
fn follow_title(ev: &leptos::ev::Event, typed: RwSignal<String>) {
    let field = event_target::<leptos::web_sys::Element>(ev);
    if field.get_attribute("name").as_deref() != Some("title") {
        return;
    }
    let text = event_target_value(ev);
    set_timeout(
        move || {
            // Still what the field says: the typing paused.
            if field.unchecked_ref::<leptos::web_sys::HtmlInputElement>().value() == text {
                typed.set(text);
            }
        },
        std::time::Duration::from_millis(350),
    );
}
