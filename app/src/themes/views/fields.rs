//! A theme's names and descriptions in the three languages, for the forms that create and edit one.

use super::*;

/// Names and descriptions in the three languages.
#[component]
pub(super) fn ThemeTextFields<S>(kept: BTreeMap<String, String>, action: ServerAction<S>) -> impl IntoView
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
{
    Locale::ALL
        .into_iter()
        .map(|locale| {
            let code = locale.code();
            let name_field: &'static str = match locale {
                Locale::Fr => "name_fr",
                Locale::Nl => "name_nl",
                Locale::En => "name_en",
            };
            let description_field: &'static str = match locale {
                Locale::Fr => "description_fr",
                Locale::Nl => "description_nl",
                Locale::En => "description_en",
            };
            view! {
                <fieldset class="subform" lang=code>
                    <legend>{locale.endonym()}</legend>
                    <Field name=name_field label=t("field-label-theme-name") value=kept.get(name_field).cloned().unwrap_or_default()
                        required=true maxlength=80 error=field_error(action, name_field) />
                    <Field name=description_field label=t("field-label-theme-description")
                        value=kept.get(description_field).cloned().unwrap_or_default() multiline=true maxlength=1000
                        error=field_error(action, description_field) />
                </fieldset>
            }
        })
        .collect_view()
}
