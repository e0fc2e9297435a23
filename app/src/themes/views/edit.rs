//! The admin edits a theme's names and descriptions.

use super::*;

#[component]
pub fn EditThemePage() -> impl IntoView {
    let params = use_params_map();
    let update = ServerAction::<UpdateTheme>::new();
    let memory = use_form_memory(THEME_FORM);
    let theme = Resource::new(
        move || {
            params
                .read()
                .get("id")
                .and_then(|id| id.parse::<i64>().ok())
                .unwrap_or_default()
        },
        theme_by_id,
    );
    view! {
        <Title text=t("admin-theme-edit") />
        <section class="container narrow">
            <AdminNav />
            <Loading load=move || async move { Ok((theme.await?, memory.await)) } let:loaded>
                {
                            let (theme, kept) = loaded;
                            let mut values = BTreeMap::new();
                            for (i, locale) in Locale::ALL.into_iter().enumerate() {
                                values.insert(format!("name_{}", locale.code()), theme.names[i].clone());
                                values.insert(format!("description_{}", locale.code()), theme.descriptions[i].clone());
                            }
                            values.extend(kept);
                            view! {
                                <h1>{t("admin-theme-edit")} " " <code>{theme.slug.clone()}</code></h1>
                                <FormAlert action=update />
                                <ActionForm action=update>
                                    <input type="hidden" name="id" value=theme.id />
                                    <ThemeTextFields kept=values action=update />
                                    <button type="submit" class="button">{t("admin-save")}</button>
                                </ActionForm>
                            }
                }
            </Loading>
        </section>
    }
}
