//! Server functions for themes: public reads, admin changes.

use super::model::{Direction, Theme};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::model::{parse_theme_description, parse_theme_name, ThemeSlug},
    super::store,
    crate::ctx,
    crate::error::{AppResult, Problems},
    crate::policy::{Action, Facts},
};

pub const THEME_FORM: &str = "theme";

/// The active themes in their public order; admins may ask for archived ones too.
#[server(endpoint = "themes")]
pub async fn list_themes(include_archived: bool) -> Result<Vec<Theme>, AppError> {
    if include_archived {
        ctx::authorize(Action::ManageThemes, &Facts::none()).await?;
    }
    Ok(store::list(&ctx::db()?, include_archived).await?)
}

#[server(endpoint = "theme")]
pub async fn theme_by_slug(slug: String) -> Result<Theme, AppError> {
    store::by_slug(&ctx::db()?, &slug).await?.ok_or(AppError::NotFound)
}

#[server(endpoint = "admin/theme")]
pub async fn theme_by_id(id: i64) -> Result<Theme, AppError> {
    ctx::authorize(Action::ManageThemes, &Facts::none()).await?;
    store::by_id(&ctx::db()?, id).await?.ok_or(AppError::NotFound)
}

#[cfg(feature = "ssr")]
fn parse_text_fields(names: [&str; 3], descriptions: [&str; 3], problems: &mut Problems) -> Option<store::ThemeText> {
    let [nf, nn, ne] = names.map(parse_theme_name);
    let [df, dn, de] = descriptions.map(parse_theme_description);
    let names = [
        problems.check("name_fr", nf),
        problems.check("name_nl", nn),
        problems.check("name_en", ne),
    ];
    let descriptions = [
        problems.check("description_fr", df),
        problems.check("description_nl", dn),
        problems.check("description_en", de),
    ];
    match (names, descriptions) {
        ([Some(a), Some(b), Some(c)], [Some(d), Some(e), Some(f)]) => Some(store::ThemeText {
            names: [a, b, c],
            descriptions: [d, e, f],
        }),
        _ => None,
    }
}

/// A theme form's fields as typed, to keep when it is refused.
#[cfg(feature = "ssr")]
fn typed_theme<'a>(slug: &'a str, names: [&'a str; 3], descriptions: [&'a str; 3]) -> [(&'static str, &'a str); 7] {
    [
        ("slug", slug),
        ("name_fr", names[0]),
        ("name_nl", names[1]),
        ("name_en", names[2]),
        ("description_fr", descriptions[0]),
        ("description_nl", descriptions[1]),
        ("description_en", descriptions[2]),
    ]
}

#[allow(clippy::too_many_arguments)]
#[server(endpoint = "admin/create_theme")]
pub async fn create_theme(
    slug: String,
    name_fr: String,
    name_nl: String,
    name_en: String,
    description_fr: String,
    description_nl: String,
    description_en: String,
) -> Result<(), AppError> {
    let admin = ctx::authorize(Action::ManageThemes, &Facts::none()).await?;
    let names = [name_fr.as_str(), name_nl.as_str(), name_en.as_str()];
    let descriptions = [
        description_fr.as_str(),
        description_nl.as_str(),
        description_en.as_str(),
    ];
    let outcome: AppResult<()> = async {
        let mut problems = Problems::new();
        let parsed_slug = problems.check("slug", ThemeSlug::parse(&slug));
        let text = parse_text_fields(names, descriptions, &mut problems);
        problems.into_result()?;
        let (Some(slug), Some(text)) = (parsed_slug, text) else {
            return Err(AppError::BadRequest);
        };
        store::create(&ctx::db()?, admin.id, slug.as_str(), &text)
            .await?
            .ok_or_else(|| AppError::field("slug", "slug_taken"))?;
        Ok(())
    }
    .await;
    ctx::keep_typed(outcome, THEME_FORM, &typed_theme(&slug, names, descriptions)).await?;
    ctx::redirect("/admin/themes");
    Ok(())
}

#[allow(clippy::too_many_arguments)]
#[server(endpoint = "admin/update_theme")]
pub async fn update_theme(
    id: i64,
    name_fr: String,
    name_nl: String,
    name_en: String,
    description_fr: String,
    description_nl: String,
    description_en: String,
) -> Result<(), AppError> {
    let admin = ctx::authorize(Action::ManageThemes, &Facts::none()).await?;
    let names = [name_fr.as_str(), name_nl.as_str(), name_en.as_str()];
    let descriptions = [
        description_fr.as_str(),
        description_nl.as_str(),
        description_en.as_str(),
    ];
    let outcome: AppResult<()> = async {
        let mut problems = Problems::new();
        let text = parse_text_fields(names, descriptions, &mut problems);
        problems.into_result()?;
        let text = text.ok_or(AppError::BadRequest)?;
        if !store::update(&ctx::db()?, admin.id, id, &text).await? {
            return Err(AppError::NotFound);
        }
        Ok(())
    }
    .await;
    ctx::keep_typed(outcome, THEME_FORM, &typed_theme("", names, descriptions)).await?;
    ctx::redirect("/admin/themes");
    Ok(())
}

#[server(endpoint = "admin/archive_theme")]
pub async fn set_theme_archived(id: i64, archived: bool) -> Result<(), AppError> {
    let admin = ctx::authorize(Action::ManageThemes, &Facts::none()).await?;
    if !store::set_archived(&ctx::db()?, admin.id, id, archived).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}

#[server(endpoint = "admin/move_theme")]
pub async fn move_theme(id: i64, direction: Direction) -> Result<(), AppError> {
    let admin = ctx::authorize(Action::ManageThemes, &Facts::none()).await?;
    if !store::move_theme(&ctx::db()?, admin.id, id, direction).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}
