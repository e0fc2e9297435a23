//! The public list: filters, orders, full-text search and pages, built at run time for both engines.

use super::*;

/// A value bound to a query built at run time, in the order its placeholder appears.
enum Arg {
    Int(i64),
    Text(String),
}

/// Conditions and their arguments; numbers the placeholders as it goes, since PostgreSQL
/// refuses an argument the statement does not use.
#[derive(Default)]
struct Filter {
    clauses: Vec<String>,
    args: Vec<Arg>,
    /// The search index gives the statement its ideas, newest first (`SEARCHED_JOINS`).
    searched: bool,
}

impl Filter {
    /// Adds `clause`, in which `?` stands for the next argument.
    fn push(&mut self, clause: &str, arg: Arg) {
        self.args.push(arg);
        self.clauses.push(clause.replace('?', &format!("${}", self.args.len())));
    }

    fn placeholder(&mut self, arg: Arg) -> String {
        self.args.push(arg);
        format!("${}", self.args.len())
    }

    fn tables(&self) -> &'static str {
        if self.searched {
            SEARCHED_JOINS
        } else {
            IDEA_JOINS
        }
    }

    /// The statement's order. The search index numbers each idea by the negative of its
    /// number (`migrations/sqlite/0018_newest_by_number.sql`): ascending, its rowids give
    /// the newest first, and only in its own order can it stop after a page.
    fn order_by(&self, sort: Sort) -> String {
        if self.searched {
            return "s.rowid".to_owned();
        }
        order_keys(sort)
            .iter()
            .map(|key| format!("{key} DESC"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The condition that keeps what comes after `bound` (placeholders of the keys the
    /// order uses) in the order.
    fn after(&self, sort: Sort, bound: &[String]) -> String {
        if self.searched {
            return format!("s.rowid > -{}", bound.join(""));
        }
        // A row value compares like the order: every key descending.
        format!("({}) < ({})", order_keys(sort).join(", "), bound.join(", "))
    }

    fn where_clause(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.clauses.join(" AND "))
        }
    }
}

/// At most this many matches, a search on SQLite in an order other than newest first
/// finds its ideas by their keys and sorts them; with more, it walks the list's order
/// index instead (`search_condition`).
pub const FEW_MATCHES: usize = 200;

/// Adds to `filter` what finds the ideas matching `terms`: the one place each engine's
/// full-text search is spelled (SQLite: FTS5 table `ideas_search`; PostgreSQL: column
/// `ideas.search`). False when no idea matches.
///
/// On SQLite, newest first, the search index gives the ideas itself (`SEARCHED_JOINS`):
/// FTS5 yields its matches by rowid, the negative of the idea's number, which is that
/// order, and the statement stops after a page, whether the matches are few or many
/// (0.06–0.08 ms for a word in 1,161 of 100,000 ideas, where walking the list's order
/// for them took 0.46).
///
/// In another order, SQLite's planner cannot know how many ideas match, so it is told:
/// - with many matches, the unary `+` keeps it from driving the query by them: it would
///   look up, join and sort every matching idea before keeping a page of them (0.3 s for a
///   word in most of 100,000 ideas). It walks the list's order index and keeps the ideas
///   among the matches, stopping after one page;
/// - with few, that walk goes far, to the index's end when the page is not full: 10 ms at
///   100,000 ideas for two words matching 28 ideas together. So the matches are asked
///   first, at most `FEW_MATCHES` + 1 of them (FTS5 stops there); when they are few, the
///   list looks up those ideas alone, or is known to be empty without a query. A search
///   found to match many is remembered (`Db::learn`), so that asking it again, as
///   popular searches are, costs its one statement only.
async fn search_condition(db: &Db, terms: &SearchTerms, sort: Sort, filter: &mut Filter) -> Result<bool, sqlx::Error> {
    const WALK: &str = "+i.id IN (SELECT -rowid FROM ideas_search WHERE ideas_search MATCH ?)";
    if db.engine == Engine::Postgres {
        filter.push("i.search @@ agora_search_query(?)", Arg::Text(terms.postgres_words()));
        return Ok(true);
    }
    let words = terms.fts5_query();
    if sort == Sort::Newest {
        filter.push("s.ideas_search MATCH ?", Arg::Text(words));
        filter.searched = true;
        return Ok(true);
    }
    let lesson = format!("search matches many: {words}");
    if db.knows(&lesson) {
        filter.push(WALK, Arg::Text(words));
        return Ok(true);
    }
    let few: Vec<i64> = sqlx::query_scalar("SELECT -rowid FROM ideas_search WHERE ideas_search MATCH $1 LIMIT $2")
        .bind(&words)
        .bind(FEW_MATCHES as i64 + 1)
        .fetch_all(&mut *db.reader().await?)
        .await?;
    match few.len() {
        0 => return Ok(false),
        n if n <= FEW_MATCHES => {
            let keys = few.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
            filter.push(
                "i.id IN (SELECT value FROM json_each(?))",
                Arg::Text(format!("[{keys}]")),
            );
        }
        _ => {
            db.learn(lesson);
            filter.push(WALK, Arg::Text(words));
        }
    }
    Ok(true)
}

/// The conditions of a list request (who may see what, then the URL's filters), or
/// `None` when a search is known to match nothing.
async fn filter_of(db: &Db, query: &ListQuery) -> Result<Option<Filter>, sqlx::Error> {
    let mut filter = Filter::default();
    // Hidden ideas are out of every list but their author's own.
    if query.author.is_none() {
        filter.clauses.push("i.hidden_at IS NULL".to_owned());
    }
    if let Some(theme) = &query.theme {
        let clause = format!(
            "{}.theme_id = (SELECT id FROM themes WHERE slug = ?)",
            walked_table(query.sort)
        );
        filter.push(&clause, Arg::Text(theme.clone()));
    }
    if let Some(status) = query.status {
        filter.push("i.status = ?", Arg::Text(status.as_str().to_owned()));
    }
    if let Some(district) = &query.district {
        filter.push(
            "i.district_id = (SELECT id FROM districts WHERE slug = ?)",
            Arg::Text(district.clone()),
        );
    }
    if let Some(author) = query.author {
        filter.push("i.author_id = ?", Arg::Int(author));
    }
    if let Some(supporter) = query.supporter {
        filter.push(
            "i.id IN (SELECT idea_id FROM votes WHERE account_id = ?)",
            Arg::Int(supporter),
        );
    }
    if let Some(follower) = query.follower {
        filter.push(
            "i.id IN (SELECT idea_id FROM follows WHERE account_id = ?)",
            Arg::Int(follower),
        );
    }
    if let Some(terms) = query.search.as_deref().and_then(SearchTerms::parse) {
        if !search_condition(db, &terms, query.sort, &mut filter).await? {
            return Ok(None);
        }
    }
    Ok(Some(filter))
}

/// The columns a sort orders by, most significant first; the id breaks ties, so that
/// an order is total and a keyset page starts exactly where the last one ended.
///
/// Newest first is the order ideas were submitted in, their number: the database gives
/// numbers in that order, whatever the clocks of the servers that took them said.
fn order_keys(sort: Sort) -> &'static [&'static str] {
    match sort {
        Sort::Newest => &["i.id"],
        Sort::MostVotes => &["ic.vote_count", "ic.idea_id"],
        Sort::MostDiscussed => &["i.comment_count", "i.id"],
        Sort::Trending => &["ic.recent_votes", "ic.vote_count", "ic.idea_id"],
    }
}

/// The alias of the table whose index gives the order: the idea (`i`) or its vote
/// counters (`ic`), which keep a copy of its theme so that a theme's list walks one index.
fn walked_table(sort: Sort) -> &'static str {
    order_keys(sort)[0].split_once('.').map_or("i", |(table, _)| table)
}

/// The name a key's column has in a result row.
fn column_of(key: &str) -> &str {
    key.split_once('.').map_or(key, |(_, column)| column)
}

async fn fetch(db: &Db, sql: &str, args: Vec<Arg>) -> Result<Vec<AnyRow>, sqlx::Error> {
    let mut statement = sqlx::query(sql);
    for arg in args {
        statement = match arg {
            Arg::Int(v) => statement.bind(v),
            Arg::Text(v) => statement.bind(v),
        };
    }
    statement.fetch_all(&mut *db.reader().await?).await
}

/// One page of the public list, as cards named in `locale`; filters and order come from
/// the URL.
pub async fn list(db: &Db, query: &ListQuery, locale: Locale) -> Result<IdeaList, sqlx::Error> {
    let Some(mut filter) = filter_of(db, query).await? else {
        return Ok(Page::empty());
    };
    let page = query.page.clamp(1, ListQuery::MAX_PAGE);
    let size = i64::from(ListQuery::PAGE_SIZE);
    let limit = filter.placeholder(Arg::Int(size + 1));
    let offset = filter.placeholder(Arg::Int(i64::from(page - 1) * size));
    // Only what a card shows, in the page's language, as one JSON text a row: the
    // drivers copy each column of each row (SQLite's, then `Any`'s) and allocate for
    // each, which made about 800 of a list page's 2,600 allocations.
    let lang = locale.code();
    let (object, text) = match db.engine {
        Engine::Sqlite => ("json_object", ""),
        Engine::Postgres => ("json_build_object", "::text"),
    };
    let sql = format!(
        "SELECT {object}('id', i.id, 'slug', i.slug, 'title', i.title, \
                'excerpt', i.excerpt, 'body', CASE WHEN i.excerpt IS NULL THEN i.body END, \
                'language', i.language, 'theme', t.name_{lang}, 'district', d.name_{lang}, \
                'author_name', a.display_name, 'status', i.status, 'vote_count', ic.vote_count, \
                'comment_count', i.comment_count, 'created_at', i.created_at, 'hidden_at', i.hidden_at){text} AS card \
         {}{} ORDER BY {} LIMIT {limit} OFFSET {offset}",
        filter.tables(),
        filter.where_clause(),
        filter.order_by(query.sort)
    );
    let rows = fetch(db, &sql, filter.args).await?;
    Page::from_lookahead(rows, size as usize).try_map(|r| card(&r))
}

/// A card's row, as the list's statement writes it.
#[derive(serde::Deserialize)]
struct CardRow<'a> {
    id: i64,
    slug: String,
    title: String,
    /// Kept with the idea; `None` for one not filled yet, whose text comes instead.
    excerpt: Option<String>,
    #[serde(borrow)]
    body: Option<std::borrow::Cow<'a, str>>,
    language: String,
    theme: String,
    district: Option<String>,
    author_name: String,
    #[serde(borrow)]
    status: std::borrow::Cow<'a, str>,
    vote_count: i64,
    comment_count: i64,
    created_at: i64,
    hidden_at: Option<i64>,
}

fn card(r: &AnyRow) -> Result<IdeaCard, sqlx::Error> {
    let json: &str = r.try_get(0)?;
    let row: CardRow = serde_json::from_str(json).map_err(|e| sqlx::Error::Decode(e.into()))?;
    Ok(IdeaCard {
        id: row.id,
        excerpt: match row.excerpt {
            Some(kept) => kept,
            None => card_excerpt(row.body.as_deref().unwrap_or_default()),
        },
        status: status_of(&row.status)?,
        slug: row.slug,
        title: row.title,
        language: row.language,
        theme: row.theme,
        district: row.district,
        author_name: row.author_name,
        vote_count: row.vote_count,
        comment_count: row.comment_count,
        created_at: row.created_at,
        hidden: row.hidden_at.is_some(),
    })
}

/// How many keys a cursor holds, whatever the order: the most significant key, a
/// second one (0 for the orders that have none) and the id. One shape for every order, so
/// that any well-formed cursor is a position in any order.
pub const CURSOR_KEYS: usize = 3;

/// A page of the list that starts after `after` (from the start without it), for
/// clients that walk the whole list: ideas added meanwhile never shift the pages, so no
/// idea is seen twice, as offsets would.
pub async fn list_after(
    db: &Db,
    query: &ListQuery,
    after: Option<&Cursor>,
    size: u32,
) -> Result<Page<ListedIdea>, sqlx::Error> {
    let Some(mut filter) = filter_of(db, query).await? else {
        return Ok(Page::empty());
    };
    let keys = order_keys(query.sort);
    // A cursor holds the order's keys before the id, then zeros, then the id last: the
    // keys this order uses are its leading ones and its last.
    let used = |cursor_keys: &[i64]| -> Vec<i64> {
        let mut used = cursor_keys[..keys.len() - 1].to_vec();
        used.push(cursor_keys[CURSOR_KEYS - 1]);
        used
    };
    if let Some(after) = after.filter(|c| c.keys().len() == CURSOR_KEYS) {
        let bound = used(after.keys())
            .into_iter()
            .map(|k| filter.placeholder(Arg::Int(k)))
            .collect::<Vec<_>>();
        let clause = filter.after(query.sort, &bound);
        filter.clauses.push(clause);
    }
    let limit = filter.placeholder(Arg::Int(i64::from(size) + 1));
    let sql = format!(
        "SELECT {IDEA_COLUMNS}, ic.recent_votes, ic.idea_id {}{} ORDER BY {} LIMIT {limit}",
        filter.tables(),
        filter.where_clause(),
        filter.order_by(query.sort)
    );
    let rows = fetch(db, &sql, filter.args).await?;
    Page::from_lookahead(rows, size as usize).try_map(|r| {
        let mut position = keys
            .iter()
            .map(|key| r.try_get::<i64, _>(column_of(key)))
            .collect::<Result<Vec<_>, _>>()?;
        let id = position.pop().unwrap_or_default();
        position.resize(CURSOR_KEYS - 1, 0);
        position.push(id);
        Ok(ListedIdea {
            summary: summary(&r)?,
            body: r.try_get("body")?,
            after: Cursor::after(position),
        })
    })
}

fn summary(r: &AnyRow) -> Result<IdeaSummary, sqlx::Error> {
    let body: String = r.try_get("body")?;
    Ok(IdeaSummary {
        id: r.try_get("id")?,
        slug: r.try_get("slug")?,
        title: r.try_get("title")?,
        excerpt: card_excerpt(&body),
        language: r.try_get("language")?,
        theme_slug: r.try_get("theme_slug")?,
        theme_names: [r.try_get("theme_fr")?, r.try_get("theme_nl")?, r.try_get("theme_en")?],
        district: district(r)?,
        author_name: r.try_get("author_name")?,
        status: status(r)?,
        vote_count: r.try_get("vote_count")?,
        comment_count: r.try_get("comment_count")?,
        created_at: r.try_get("created_at")?,
        hidden: r.try_get::<Option<i64>, _>("hidden_at")?.is_some(),
    })
}
