//! The admin's themes: create, archive, restore.

use super::*;

#[component]
pub fn AdminThemesPage() -> impl IntoView {
    let locale = use_locale();
    let create = ServerAction::<CreateTheme>::new();
    let archive = ServerAction::<SetThemeArchived>::new();
    let reorder = ServerAction::<MoveTheme>::new();
    let memory = use_form_memory(THEME_FORM);
    let themes = Resource::new(|| (), |_| list_themes(true));
    view! {
        <Title text=t("admin-themes-title") />
        <section class="container">
            <AdminNav />
            <h1>{t("admin-themes-title")}</h1>
            <FormAlert action=archive />
            <FormAlert action=reorder />
            <Loader resource=themes let:themes>
                <ol class="admin-theme-list">
                    {themes.into_iter().map(|theme| view! {
                        <AdminThemeRow theme locale archive reorder />
                    }).collect_view()}
                </ol>
            </Loader>
            <h2 id="new-theme">{t("admin-theme-new")}</h2>
            <Loading load=move || async move { Ok(memory.await) } waiting=Waiting::Quiet let:kept>
                {
                    view! {
                        <FormAlert action=create />
                        <ActionForm action=create>
                            <Field name="slug" label=t("field-label-slug") value=kept.get("slug").cloned().unwrap_or_default()
                                hint=t("admin-theme-slug-hint") required=true maxlength=60
                                error=field_error(create, "slug") />
                            <ThemeTextFields kept action=create />
                            <button type="submit" class="button">{t("admin-theme-create")}</button>
                        </ActionForm>
                    }
                }
            </Loading>
        </section>
    }
}
#[component]
pub(super) fn AdminThemeRow(
    theme: Theme,
    locale: Locale,
    archive: ServerAction<SetThemeArchived>,
    reorder: ServerAction<MoveTheme>,
) -> impl IntoView {
    let name = theme.name(locale).to_owned();
    let up_label = format!("{} — {}", t("admin-theme-up"), name);
    let down_label = format!("{} — {}", t("admin-theme-down"), name);
    let edit = format!("/admin/themes/{}", theme.id);
    let (id, archived) = (theme.id, theme.archived);
    view! {
        <li class="admin-theme" class:archived=archived>
            <div class="admin-theme-text">
                <strong>{name}</strong>
                " "
                <code>{theme.slug.clone()}</code>
                {archived.then(|| view! { " " <span class="badge">{t("theme-archived")}</span> })}
            </div>
            <div class="admin-theme-actions">
                <ActionForm action=reorder>
                    <input type="hidden" name="id" value=id />
                    <button type="submit" name="direction" value="Up" class="button button-small button-quiet"
                        aria-label=up_label>"↑"</button>
                </ActionForm>
                <ActionForm action=reorder>
                    <input type="hidden" name="id" value=id />
                    <button type="submit" name="direction" value="Down" class="button button-small button-quiet"
                        aria-label=down_label>"↓"</button>
                </ActionForm>
                <a href=edit class="button button-small button-secondary">{t("admin-edit")}</a>
                <ActionForm action=archive>
                    <input type="hidden" name="id" value=id />
                    <input type="hidden" name="archived" value=if archived { "false" } else { "true" } />
                    <button type="submit" class="button button-small button-secondary">
                        {if archived { t("admin-theme-restore") } else { t("admin-theme-archive") }}
                    </button>
                </ActionForm>
            </div>
        </li>
    }
}
