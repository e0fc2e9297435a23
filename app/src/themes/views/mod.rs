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
use leptos_router::hooks::use_params_map;
use std::collections::BTreeMap;

mod admin;
mod edit;
mod fields;
mod list;
mod theme;

pub use admin::*;
pub use edit::*;
pub use fields::*;
pub use list::*;
pub use theme::*;
