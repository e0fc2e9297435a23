//! Registration, sign-in, profile and the admin's list of accounts.

use super::api::{
    list_accounts, my_data, my_mail_preferences, my_profile, ChangeEmail, ChangePassword, ConfirmEmailChange,
    DeleteAccount, Register, RequestPasswordReset, ResetPassword, SetMailPreferences, SetRole, SignIn, Unsubscribe,
    VerifyEmail, CHANGE_EMAIL_FORM, FORGOT_PASSWORD_FORM, REGISTER_FORM, SIGN_IN_FORM,
};
use super::model::{AccountKind, Password, Role};
use super::parts::AdminNav;
use super::parts::ConfirmEmailFirst;
use crate::forms::{field_error, use_form_memory, Field, FormAlert};
use crate::i18n::{format_date, t, t_with, use_locale};
use crate::ui::{kind_label, role_label};
use crate::ui::{DataTable, Loader, Loading, OlderLink, Waiting};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

mod admin;
mod delete_account;
mod email_settings;
mod forgot_password;
mod my_data;
mod profile;
mod register;
mod reset_password;
mod sign_in;
mod verify_email;

pub use admin::*;
pub use delete_account::*;
pub use email_settings::*;
pub use forgot_password::*;
pub use my_data::*;
pub use profile::*;
pub use register::*;
pub use reset_password::*;
pub use sign_in::*;
pub use verify_email::*;
