//! Deleting one's own account, confirmed with the password.

use super::*;

#[component]
pub fn DeleteAccountPage() -> impl IntoView {
    let action = ServerAction::<DeleteAccount>::new();
    let profile = Resource::new(|| (), |_| my_profile());
    view! {
        <Title text=t("delete-account-title") />
        <section class="container narrow">
            <h1>{t("delete-account-title")}</h1>
            <Loader resource=profile let:_profile>
                <div class="alert alert-info">
                    <p>{t("delete-account-what-goes")}</p>
                    <p>{t("delete-account-what-stays")}</p>
                    <p><a href="/profile/data">{t("delete-account-export-first")}</a></p>
                </div>
                <FormAlert action />
                <ActionForm action>
                    <Field name="password" label=t("field-label-password") input_type="password"
                        autocomplete="current-password" required=true maxlength=256
                        error=field_error(action, "password") />
                    <div class="choice">
                        <input type="checkbox" id="erase-comments" name="erase_comments" value="on" />
                        <label for="erase-comments">{t("delete-account-erase-comments")}</label>
                    </div>
                    <button type="submit" class="button button-danger" disabled=move || action.pending().get()>
                        {t("delete-account-submit")}
                    </button>
                </ActionForm>
            </Loader>
        </section>
    }
}
