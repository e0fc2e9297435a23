use crate::accounts::model::{AccountKind, Role};
use crate::locale::Locale;
use crate::text::parsed_text;
use serde::{Deserialize, Serialize};
use serde_tuple::{Deserialize_tuple, Serialize_tuple};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdeaStatus {
    Open,
    UnderReview,
    Accepted,
    Declined,
    Duplicate,
    Withdrawn,
}

impl IdeaStatus {
    pub const ALL: [IdeaStatus; 6] = [
        IdeaStatus::Open,
        IdeaStatus::UnderReview,
        IdeaStatus::Accepted,
        IdeaStatus::Declined,
        IdeaStatus::Duplicate,
        IdeaStatus::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            IdeaStatus::Open => "open",
            IdeaStatus::UnderReview => "under_review",
            IdeaStatus::Accepted => "accepted",
            IdeaStatus::Declined => "declined",
            IdeaStatus::Duplicate => "duplicate",
            IdeaStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<IdeaStatus> {
        IdeaStatus::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// A withdrawn idea and a merged duplicate take no more comments: the discussion
    /// goes on elsewhere or not at all.
    pub fn takes_comments(self) -> bool {
        !matches!(self, IdeaStatus::Withdrawn | IdeaStatus::Duplicate)
    }

    /// Votes can be given and withdrawn only while nobody has decided yet.
    pub fn accepts_votes(self) -> bool {
        matches!(self, IdeaStatus::Open | IdeaStatus::UnderReview)
    }
}

parsed_text! {
    IdeaTitle, 1..=120, line
}

parsed_text! {
    IdeaBody, 1..=5000, lines
}

/// The readable part of an idea's URL: lower-case ASCII words joined by hyphens,
/// accents folded (`Vélos à Ixelles` → `velos-a-ixelles`).
pub fn slugify(title: &str) -> String {
    let mut slug = String::with_capacity(title.len());
    for c in title.chars().flat_map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 80 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-').to_owned();
    if slug.is_empty() {
        "idea".to_owned()
    } else {
        slug
    }
}

fn fold_accent(c: char) -> impl Iterator<Item = char> {
    let folded: &str = match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' | 'Ã' | 'Å' => "a",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'Ò' | 'Ó' | 'Ô' | 'Ö' | 'Õ' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ÿ' | 'Ÿ' => "y",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        'ß' => "ss",
        _ => "",
    };
    let keep = folded.is_empty().then_some(c);
    folded.chars().chain(keep)
}

/// `/ideas/{id}-{slug}` → the id, whatever the slug says.
pub fn id_from_path_segment(segment: &str) -> Option<i64> {
    let digits: String = segment.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

pub fn idea_path(id: i64, slug: &str) -> String {
    format!("/ideas/{id}-{slug}")
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct District {
    pub id: i64,
    pub slug: String,
    pub names: [String; 3],
}

impl District {
    pub fn name(&self, locale: Locale) -> &str {
        &self.names[Locale::ALL.iter().position(|l| *l == locale).unwrap_or(2)]
    }
}

/// Who wrote something, with what the badges need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize_tuple, Deserialize_tuple)]
pub struct Author {
    pub id: i64,
    pub display_name: String,
    pub kind: AccountKind,
    pub role: Role,
    pub organisation_name: Option<String>,
    pub organisation_verified: bool,
}

/// An idea of a list walked by the open data API and the exports: its theme and
/// municipality with their names in every language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdeaSummary {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub excerpt: String,
    /// The language it was written in, so that screen readers pronounce it right.
    pub language: String,
    pub theme_slug: String,
    pub theme_names: [String; 3],
    pub district: Option<District>,
    pub author_name: String,
    pub status: IdeaStatus,
    pub vote_count: i64,
    pub comment_count: i64,
    pub created_at: i64,
    /// Hidden by moderation (only its author's own list shows it).
    pub hidden: bool,
}

/// What an idea's card in a list shows, its theme and municipality named in the reader's
/// language. A card holds nothing it does not show, and travels as an array of its
/// values: when pages still carried their data for hydration, its fields' names,
/// repeated in every card, were a quarter of that data. Comments, projects' cards and
/// the filters' choices travel the same way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize_tuple, Deserialize_tuple)]
pub struct IdeaCard {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub excerpt: String,
    /// The language it was written in, so that screen readers pronounce it right.
    pub language: String,
    pub theme: String,
    pub district: Option<String>,
    pub author_name: String,
    pub status: IdeaStatus,
    pub vote_count: i64,
    pub comment_count: i64,
    pub created_at: i64,
    /// Hidden by moderation (only its author's own list shows it).
    pub hidden: bool,
}

/// One option of a list's filter or a form's choice, named in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize_tuple, Deserialize_tuple)]
pub struct Choice {
    pub slug: String,
    pub name: String,
}

/// The themes (active ones) and municipalities an idea can be filed under or filtered by.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdeaChoices {
    pub themes: Vec<Choice>,
    pub districts: Vec<Choice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize_tuple, Deserialize_tuple)]
pub struct StatusEvent {
    pub status: IdeaStatus,
    /// A public response that left the status as it was.
    pub response: bool,
    pub note: String,
    pub actor_name: Option<String>,
    pub actor_role: Option<Role>,
    pub at: i64,
}

impl IdeaDetail {
    /// The latest public note of a moderator or a member of the government, with a status
    /// change or without: the platform's answer, shown above the idea.
    pub fn public_response(&self) -> Option<&StatusEvent> {
        self.history.iter().rev().find(|e| {
            !e.note.is_empty() && matches!(e.actor_role, Some(Role::Moderator | Role::Admin | Role::Official))
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdeaDetail {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub body: String,
    pub theme_slug: String,
    pub theme_names: [String; 3],
    pub district: Option<District>,
    pub author: Author,
    pub language: String,
    pub status: IdeaStatus,
    pub vote_count: i64,
    pub comment_count: i64,
    pub created_at: i64,
    pub history: Vec<StatusEvent>,
    /// Set while moderators (or reports) keep it out of sight; only its author and the
    /// moderators see the idea then.
    pub hidden: Option<crate::moderation::model::Hidden>,
    /// The idea this one was merged into.
    pub duplicate_of: Option<IdeaRef>,
}

/// Enough of an idea to link to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdeaRef {
    pub id: i64,
    pub slug: String,
    pub title: String,
}

/// An idea's page: the idea with what its reader may do with it, and the page of its
/// discussion asked for (refused on its own, the idea still shown).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdeaWithDiscussion {
    pub page: IdeaPage,
    pub discussion: Result<crate::comments::model::CommentPage, crate::error::AppError>,
}

/// What the reader of an idea page may do with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdeaPage {
    pub idea: IdeaDetail,
    pub signed_in: bool,
    pub voted: bool,
    pub following: bool,
    pub is_author: bool,
    /// The reader may set the idea's status, merge and hide it (a moderator or an admin).
    pub can_moderate: bool,
    /// The reader may answer it in public (a moderator, an official or an admin).
    pub can_respond: bool,
    /// The reader may report it (signed in, taking part, not its author).
    pub can_report: bool,
    /// The reader may support it and comment on it (signed in, not blocked, address
    /// confirmed).
    pub can_vote: bool,
    pub can_comment: bool,
    /// The reader would take part once their address is confirmed.
    pub unconfirmed: bool,
    /// The author may withdraw it: open, and the policy lets them.
    pub can_withdraw: bool,
    /// The reader may promote it into a project, or hide what is written under it.
    pub can_promote: bool,
    pub can_hide: bool,
    /// Why it is hidden, for its author and the moderators, when reports hid it.
    pub reports: Option<crate::moderation::model::ReportTally>,
    /// The author may still rewrite it: open, and nobody else supported or discussed it.
    pub editable: bool,
    /// The project it became part of, once accepted.
    pub project: Option<crate::projects::model::ProjectLink>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    #[default]
    Newest,
    /// Most support in the last 7 days.
    Trending,
    MostVotes,
    MostDiscussed,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Newest, Sort::Trending, Sort::MostVotes, Sort::MostDiscussed];

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Trending => "trending",
            Sort::MostVotes => "most_votes",
            Sort::MostDiscussed => "most_discussed",
        }
    }

    pub fn parse(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// Which of the caller's ideas a personal list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mine {
    Written,
    Supported,
    Followed,
}

/// A list request as it stands in the URL; unknown values are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListQuery {
    pub theme: Option<String>,
    pub status: Option<IdeaStatus>,
    pub district: Option<String>,
    pub sort: Sort,
    /// Words to find in the title or description, as typed.
    pub search: Option<String>,
    pub page: u32,
    /// Only this account's ideas (for "my ideas"); never from the URL.
    #[serde(skip)]
    pub author: Option<i64>,
    /// Only ideas this account supports; never from the URL.
    #[serde(skip)]
    pub supporter: Option<i64>,
    /// Only ideas this account follows; never from the URL.
    #[serde(skip)]
    pub follower: Option<i64>,
}

impl ListQuery {
    pub const PAGE_SIZE: u32 = 20;
    /// Deeper pages are refused: lists are for browsing, the search is for finding.
    pub const MAX_PAGE: u32 = 500;

    pub fn to_query_string(&self, page: u32) -> String {
        let mut url = form_urlencoded::Serializer::new(String::new());
        if let Some(search) = &self.search {
            url.append_pair("q", search);
        }
        if let Some(theme) = &self.theme {
            url.append_pair("theme", theme);
        }
        if let Some(status) = self.status {
            url.append_pair("status", status.as_str());
        }
        if let Some(district) = &self.district {
            url.append_pair("district", district);
        }
        if self.sort != Sort::default() {
            url.append_pair("sort", self.sort.as_str());
        }
        if page > 1 {
            url.append_pair("page", &page.to_string());
        }
        let query = url.finish();
        if query.is_empty() {
            query
        } else {
            format!("?{query}")
        }
    }
}

/// What a search looks for: up to six words of letters and digits, lower-cased, each
/// matched as a word or, from three characters on, as the start of one. The engines fold
/// accents themselves; keeping only letters and digits means nothing typed can be read as
/// search syntax.
///
/// The bounds keep the worst search cheap: a prefix of one or two letters stands for
/// thousands of words, and each costs a pass over the index entries of all of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchTerms(Vec<SearchWord>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct SearchWord {
    text: String,
    /// Also the start of longer words.
    prefix: bool,
}

impl SearchTerms {
    pub const MAX_WORDS: usize = 6;
    pub const MAX_WORD_CHARS: usize = 40;
    /// Shorter words are matched whole only.
    pub const MIN_PREFIX_CHARS: usize = 3;

    /// `None` when nothing searchable was typed.
    pub fn parse(input: &str) -> Option<SearchTerms> {
        let words: Vec<SearchWord> = input
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(Self::MAX_WORDS)
            .map(|w| {
                let text: String = w.chars().take(Self::MAX_WORD_CHARS).collect::<String>().to_lowercase();
                let prefix = text.chars().count() >= Self::MIN_PREFIX_CHARS;
                SearchWord { text, prefix }
            })
            .collect();
        (!words.is_empty()).then_some(SearchTerms(words))
    }

    /// For SQLite FTS5: every word, as a quoted phrase (`"` cannot occur in one).
    pub fn fts5_query(&self) -> String {
        self.0
            .iter()
            .map(|w| format!("\"{}\"{}", w.text, if w.prefix { "*" } else { "" }))
            .collect::<Vec<_>>()
            .join(" AND ")
    }

    /// For PostgreSQL's `agora_search_query`: the words separated by spaces, a `*` after
    /// each prefix. The function builds the query from the lexemes of each word, never
    /// from its text, so no letter (`ʼ` becomes `'` once unaccented) can be syntax there.
    pub fn postgres_words(&self) -> String {
        self.0
            .iter()
            .map(|w| format!("{}{}", w.text, if w.prefix { "*" } else { "" }))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The words of a title that say what it is about, for finding ideas like it: letters and
/// digits only (nothing typed can be query syntax), lowercased, at least three letters,
/// without the little words of French, Dutch and English that every title shares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SimilarWords(Vec<String>);

impl SimilarWords {
    pub const MAX_WORDS: usize = 6;
    pub const MIN_CHARS: usize = 3;
    /// Each word is asked for as the start of words: its first letters, at most this many
    /// (the engines index starts of up to six letters), so that "partagés" also finds
    /// "partage" and "bench" "benches".
    pub const STEM_CHARS: usize = 6;

    /// Words found in every kind of title: they would make every idea look alike.
    const COMMON: &'static [&'static str] = &[
        // French
        "les", "des", "une", "pour", "par", "dans", "sur", "avec", "sans", "aux", "est", "sont", "plus", "moins", "qui",
        "que", "quoi", "nos", "vos", "leur", "leurs", "son", "ses", "mon", "mes", "ton", "tes", "entre", "chez",
        "tout", "tous", "toutes", "faire", "mettre", "avoir", "etre", "être", "comme", "mais", "donc", "cette", "ces",
        "cet", "afin", // Dutch
        "het", "een", "van", "voor", "met", "naar", "aan", "bij", "door", "over", "onder", "zijn", "wordt", "meer",
        "minder", "die", "dat", "deze", "onze", "hun", "ook", "niet", "als", "maar", "tot", "uit", "alle", "elke",
        "maken", "laten", // English
        "the", "and", "for", "with", "without", "into", "from", "our", "your", "their", "more", "less", "are", "was",
        "this", "that", "these", "those", "all", "every", "make", "let", "out", "about", "new",
    ];

    /// `None` when nothing in `text` says what it is about.
    pub fn parse(text: &str) -> Option<SimilarWords> {
        let mut words: Vec<String> = Vec::new();
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            let word = word
                .chars()
                .take(SearchTerms::MAX_WORD_CHARS)
                .collect::<String>()
                .to_lowercase();
            if word.chars().count() < Self::MIN_CHARS || Self::COMMON.contains(&word.as_str()) || words.contains(&word)
            {
                continue;
            }
            words.push(word);
            if words.len() == Self::MAX_WORDS {
                break;
            }
        }
        (!words.is_empty()).then_some(SimilarWords(words))
    }

    fn stems(&self) -> impl Iterator<Item = String> + '_ {
        self.0.iter().map(|w| w.chars().take(Self::STEM_CHARS).collect())
    }

    /// For SQLite's FTS5 table of titles: any word beginning with one of the stems.
    pub fn fts5_query(&self) -> String {
        self.stems()
            .map(|w| format!("\"{w}\"*"))
            .collect::<Vec<_>>()
            .join(" OR ")
    }

    /// For PostgreSQL's `agora_similar_query`: the stems separated by spaces.
    pub fn postgres_words(&self) -> String {
        self.stems().collect::<Vec<_>>().join(" ")
    }
}

/// An idea like the one being written, as the form and the moderators' queue show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SimilarIdea {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub status: IdeaStatus,
    pub vote_count: i64,
}

impl SimilarIdea {
    /// At most this many are shown.
    pub const SHOWN: u32 = 5;
}

/// A page of the ideas list.
pub type IdeaList = crate::paging::Page<IdeaCard>;

/// A status change or public response, with the idea it is about (the feeds).
#[derive(Debug, Clone)]
pub struct IdeaChange {
    pub event_id: i64,
    pub idea: IdeaRef,
    pub event: StatusEvent,
}

/// An idea of a list walked by cursor (the open data API, the exports): its card, its
/// whole text, and where the next page starts if it is the last of this one.
#[derive(Debug, Clone)]
pub struct ListedIdea {
    pub summary: IdeaSummary,
    pub body: String,
    pub after: crate::paging::Cursor,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::InputError;

    #[test]
    fn a_title_over_120_characters_is_refused() {
        assert_eq!(IdeaTitle::parse(&"a".repeat(121)), Err(InputError::TooLong));
        assert!(IdeaTitle::parse(&"a".repeat(120)).is_ok());
    }

    #[test]
    fn an_empty_title_is_refused() {
        assert_eq!(IdeaTitle::parse("   "), Err(InputError::Required));
    }

    #[test]
    fn a_description_over_5000_characters_is_refused() {
        assert_eq!(IdeaBody::parse(&"é".repeat(5001)), Err(InputError::TooLong));
    }

    #[test]
    fn a_description_keeps_its_paragraphs() {
        assert_eq!(
            IdeaBody::parse("One.\r\n\r\nTwo.").expect("valid").as_str(),
            "One.\n\nTwo."
        );
    }

    #[test]
    fn a_slug_folds_accents_and_punctuation() {
        assert_eq!(slugify("Vélos partagés à Ixelles !"), "velos-partages-a-ixelles");
        assert_eq!(slugify("Œuvres d'art & Wi-Fi"), "oeuvres-d-art-wi-fi");
        assert_eq!(slugify("???"), "idea");
    }

    #[test]
    fn the_id_is_read_from_the_path_whatever_the_slug() {
        assert_eq!(id_from_path_segment("42-old-title"), Some(42));
        assert_eq!(id_from_path_segment("42"), Some(42));
        assert_eq!(id_from_path_segment("x42"), None);
    }

    #[test]
    fn only_open_and_under_review_ideas_accept_votes() {
        let accepting: Vec<_> = IdeaStatus::ALL.into_iter().filter(|s| s.accepts_votes()).collect();
        assert_eq!(accepting, [IdeaStatus::Open, IdeaStatus::UnderReview]);
    }

    #[test]
    fn a_list_query_writes_only_what_differs_from_the_default() {
        let query = ListQuery {
            theme: Some("digital-inclusion".into()),
            sort: Sort::MostVotes,
            ..ListQuery::default()
        };
        assert_eq!(
            query.to_query_string(2),
            "?theme=digital-inclusion&sort=most_votes&page=2"
        );
        assert_eq!(ListQuery::default().to_query_string(1), "");
    }

    #[test]
    fn a_search_is_kept_in_the_url_encoded() {
        let query = ListQuery {
            search: Some("vélo & tram".into()),
            ..ListQuery::default()
        };
        assert_eq!(query.to_query_string(1), "?q=v%C3%A9lo+%26+tram");
    }

    #[test]
    fn search_words_lose_punctuation_and_case() {
        let terms = SearchTerms::parse("Vélo-partagé, \"NEAR\" OR *").expect("words");
        assert_eq!(
            terms.fts5_query(),
            "\"vélo\"* AND \"partagé\"* AND \"near\"* AND \"or\""
        );
        assert_eq!(terms.postgres_words(), "vélo* partagé* near* or");
    }

    #[test]
    fn words_shorter_than_three_letters_are_matched_whole_only() {
        let terms = SearchTerms::parse("a b wifi").expect("words");
        assert_eq!(terms.fts5_query(), "\"a\" AND \"b\" AND \"wifi\"*");
        assert_eq!(terms.postgres_words(), "a b wifi*");
    }

    #[test]
    fn a_search_of_only_punctuation_finds_nothing_to_search() {
        assert_eq!(SearchTerms::parse(" -*\"' "), None);
    }

    #[test]
    fn a_search_keeps_at_most_six_words_of_forty_characters() {
        let terms =
            SearchTerms::parse(&format!("one two three four five six seven {}", "x".repeat(100))).expect("words");
        assert_eq!(terms.postgres_words(), "one* two* three* four* five* six*");
        let long = SearchTerms::parse(&"y".repeat(100)).expect("words");
        assert_eq!(long.postgres_words(), format!("{}*", "y".repeat(40)));
    }

    #[test]
    fn similar_words_leave_out_little_words_short_words_and_repeats() {
        let words = SimilarWords::parse("Des vélos partagés pour les écoles, les vélos!").expect("words");
        assert_eq!(
            words.postgres_words(),
            "vélos partag écoles",
            "stems of six letters at most"
        );
        assert_eq!(words.fts5_query(), "\"vélos\"* OR \"partag\"* OR \"écoles\"*");
    }

    #[test]
    fn a_title_of_little_words_only_finds_nothing_to_compare() {
        assert_eq!(SimilarWords::parse("the and de la"), None);
        assert_eq!(SimilarWords::parse("   "), None);
    }

    #[test]
    fn nothing_typed_becomes_query_syntax_and_at_most_six_words_count() {
        let words =
            SimilarWords::parse("\"bike*\" OR NEAR(lane) one two three four five six seven eight").expect("words");
        assert_eq!(words.fts5_query().chars().filter(|c| *c == '"').count(), 12);
        assert!(!words.postgres_words().contains(['"', '*', '(', ')']));
    }

    #[test]
    fn a_card_travels_as_its_values_without_its_fields_names() {
        let card = IdeaCard {
            id: 7,
            slug: "quiet-streets".into(),
            title: "Quiet streets".into(),
            excerpt: "Fewer cars at night.".into(),
            language: "en".into(),
            theme: "Mobility".into(),
            district: None,
            author_name: "Ana".into(),
            status: IdeaStatus::Open,
            vote_count: 3,
            comment_count: 1,
            created_at: 1_700_000_000_000,
            hidden: false,
        };
        let json = serde_json::to_string(&card).expect("json");
        assert_eq!(
            json,
            r#"[7,"quiet-streets","Quiet streets","Fewer cars at night.","en","Mobility",null,"Ana","open",3,1,1700000000000,false]"#
        );
        assert_eq!(serde_json::from_str::<IdeaCard>(&json).expect("read back"), card);
    }
}
