//! The fields of an idea, shared by the forms that propose and edit one.

use super::*;

/// Title, description, theme and municipality, filled with `values`.
#[component]
pub(super) fn IdeaFields<S>(
    action: ServerAction<S>,
    values: BTreeMap<String, String>,
    choices: IdeaChoices,
    /// Shown right under the title (ideas like the one being written).
    #[prop(optional, into)]
    after_title: Option<ViewFn>,
) -> impl IntoView
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
{
    let value = |name: &str| values.get(name).cloned().unwrap_or_default();
    view! {
        <Field name="title" label=t("field-label-title") value=value("title")
            required=true maxlength=IdeaTitle::MAX hint=t("idea-title-hint") error=field_error(action, "title") />
        {after_title.map(|shown| shown.run())}
        <Field name="body" label=t("field-label-body") value=value("body")
            multiline=true required=true maxlength=IdeaBody::MAX hint=t("idea-body-hint")
            error=field_error(action, "body") />
        <SelectField id="field-theme" name="theme" label=t("field-label-theme") placeholder=t("idea-choose-theme")
            options=choices.themes.into_iter().map(|theme| (theme.slug, theme.name)).collect()
            chosen=value("theme") required=true error=field_error(action, "theme") />
        <SelectField id="field-district" name="district" label=t("field-label-district") placeholder=t("idea-whole-region")
            hint=t("idea-district-hint")
            options=choices.districts.into_iter().map(|d| (d.slug, d.name)).collect()
            chosen=value("district") error=field_error(action, "district") />
    }
}
