//! The frame of every page: skip link, header with navigation, language switch and
//! account menu, footer; and the home and not-found pages.

use crate::i18n::{t, t_count, use_locale, Locale};
use crate::policy::Action;
use crate::themes::api::list_themes;
use crate::ui::{use_auth, Here, Loading};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_location;

mod developers;
mod home;
mod layout;
mod not_found;
mod privacy;

pub use developers::*;
pub use home::*;
pub use layout::*;
pub use not_found::*;
pub use privacy::*;
