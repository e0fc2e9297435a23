//! The list of ideas, the form to propose one, and the idea page.

use super::api::{get_idea, get_idea_page, my_ideas, EditIdea, SubmitIdea, WithdrawIdea, IDEA_FORM};
use super::model::{
    id_from_path_segment, idea_path, IdeaBody, IdeaChoices, IdeaStatus, IdeaTitle, IdeaWithDiscussion, Mine,
};
use super::parts::{use_cards, use_idea_choices, IdeaBrowser, IdeaResults};
use crate::comments::parts::Comments;
use crate::error::AppError;
use crate::follows::parts::FollowButton;
use crate::forms::{field_error, use_form_memory, Field, FormAlert, SelectField};
use crate::i18n::{format_date, t, use_locale};
use crate::ui::use_auth;
use crate::ui::{localized, CanonicalRedirect, Loader, Loading};
use crate::votes::parts::VoteBox;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};
use std::collections::BTreeMap;

mod edit;
mod fields;
mod list;
mod mine;
mod new;
mod page;

pub use edit::*;
pub use fields::*;
pub use list::*;
pub use mine::*;
pub use new::*;
pub use page::*;
