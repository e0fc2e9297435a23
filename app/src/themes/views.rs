//! Public theme pages and the admin's theme management.

use super::api::{
    list_themes, theme_by_id, theme_by_slug, CreateTheme, MoveTheme, SetThemeArchived, UpdateTheme, THEME_FORM,
};
use super::model::Theme;
use crate::accounts::parts::AdminNav;
use crate::error::AppError;
use crate::forms::{field_error, use_form_memory, Field, FormAlert};
use crate::i18n::{t, use_locale, Locale};
use crate::ideas::parts::IdeaBrowser;
use crate::ui::{Loader, Loading, Waiting};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use std::collections::BTreeMap;

#[component]
pub fn ThemesPage() -> impl IntoView {
    let locale = use_locale();
    let themes = Resource::new(|| (), |_| list_themes(false));
    view! {
        <Title text=t("themes-title") />
        <Meta name="description" content=t("themes-lead") />
        <section class="container">
            <h1>{t("themes-title")}</h1>
            <p class="lead">{t("themes-lead")}</p>
            <Loader resource=themes let:themes>
                <ul class="card-grid theme-list">
                    {themes.into_iter().map(|theme| {
                        let href = format!("/themes/{}", theme.slug);
                        let (name, description) = (theme.name(locale).to_owned(), theme.description(locale).to_owned());
                        view! {
                            <li class="card">
                                <h2><A href=href>{name}</A></h2>
                                <p>{description}</p>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Loader>
        </section>
    }
}

#[component]
pub fn ThemePage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let theme = Resource::new(slug, theme_by_slug);
    view! {
        <section class="container">
            <Loader resource=theme let:theme>
                <Title text=theme.name(locale).to_owned() />
                <p class="breadcrumb"><A href="/themes">{t("themes-title")}</A></p>
                <h1>{theme.name(locale).to_owned()}</h1>
                {theme.archived.then(|| view! { <p class="badge">{t("theme-archived")}</p> })}
                <p class="lead">{theme.description(locale).to_owned()}</p>
            </Loader>
            // The theme's ideas load beside the theme, not once it has loaded: a part of a
            // page that loads data of its own inside another's `<Suspense>` can be made
            // twice on the server and then fail to hydrate.
            {move || {
                let slug = slug();
                view! { <IdeaBrowser base=format!("/themes/{slug}") theme=Some(slug) /> }
            }}
        </section>
    }
}

#[component]
pub fn AdminThemesPage() -> impl IntoView {
    let locale = use_locale();
    let create = ServerAction::<CreateTheme>::new();
    let archive = ServerAction::<SetThemeArchived>::new();
    let reorder = ServerAction::<MoveTheme>::new();
    let memory = use_form_memory(THEME_FORM);
    let themes = Resource::new(
        move || (create.version().get(), archive.version().get(), reorder.version().get()),
        |_| list_themes(true),
    );
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
fn AdminThemeRow(
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
                <A href=edit attr:class="button button-small button-secondary">{t("admin-edit")}</A>
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

/// Names and descriptions in the three languages.
#[component]
fn ThemeTextFields<S>(kept: BTreeMap<String, String>, action: ServerAction<S>) -> impl IntoView
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
