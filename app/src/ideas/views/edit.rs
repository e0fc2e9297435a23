//! The author rewrites an idea nobody acted on yet.

use super::*;

#[component]
pub fn EditIdeaPage() -> impl IntoView {
    let params = use_params_map();
    let action = ServerAction::<EditIdea>::new();
    let memory = use_form_memory(IDEA_FORM);
    let choices = use_idea_choices();
    let page = Resource::new(
        move || params.read().get("idea").as_deref().and_then(id_from_path_segment),
        |id| async move {
            match id {
                Some(id) => get_idea(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    // Only its author edits an idea, while it is open and nobody else took part.
    let load = move || async move {
        let page = page.await?;
        match page {
            page if page.editable => Ok((page, memory.await, choices.await)),
            page if !page.signed_in => Err(AppError::Unauthenticated),
            page if !page.is_author => Err(AppError::Forbidden),
            page if page.idea.status == IdeaStatus::Open && page.idea.hidden.is_none() => Err(AppError::Supported),
            _ => Err(AppError::Closed),
        }
    };
    view! {
        <Title text=t("idea-edit-title") />
        <section class="container narrow">
            <Loading load let:loaded>
                {
                    let (page, kept, choices) = loaded;
                    let idea = page.idea;
                    let mut values = BTreeMap::from([
                        ("title".to_owned(), idea.title.clone()),
                        ("body".to_owned(), idea.body.clone()),
                        ("theme".to_owned(), idea.theme_slug.clone()),
                        ("district".to_owned(), idea.district.as_ref().map(|d| d.slug.clone()).unwrap_or_default()),
                    ]);
                    values.extend(kept);
                    view! {
                        <p class="breadcrumb"><a href=idea_path(idea.id, &idea.slug)>{idea.title.clone()}</a></p>
                        <h1>{t("idea-edit-title")}</h1>
                        <p class="lead">{t("idea-edit-lead")}</p>
                        <FormAlert action />
                        <ActionForm action>
                            <input type="hidden" name="idea_id" value=idea.id />
                            <IdeaFields action values choices />
                            <button type="submit" class="button" disabled=move || action.pending().get()>{t("admin-save")}</button>
                        </ActionForm>
                    }
                }
            </Loading>
        </section>
    }
}
