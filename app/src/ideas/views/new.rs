//! The form to propose an idea.

use super::*;

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
                    let Some((values, (themes, districts))) = loaded else {
                        return view! {
                            <h1>{t("idea-new-title")}</h1>
                            <crate::accounts::parts::ConfirmEmailFirst />
                        }
                        .into_any();
                    };
                    view! {
                        <h1>{t("idea-new-title")}</h1>
                        <p class="lead">{t("idea-new-lead")}</p>
                        <FormAlert action />
                        <ActionForm action>
                            <IdeaFields action values themes districts />
                            <button type="submit" class="button" disabled=move || action.pending().get()>{t("idea-submit")}</button>
                        </ActionForm>
                    }
                    .into_any()
                }
            </Loading>
        </section>
    }
}
