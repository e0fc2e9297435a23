//! One paging type for every list: numbered pages (`?page=N`) and keyset pages
//! (`?before=ID`) alike say what they show and whether there is more after it.

use serde::{Deserialize, Serialize};

/// A page of a list. A store reads one row more than the page holds: that row is not
/// shown, it only says there is a next page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub has_more: bool,
}

impl<T> Page<T> {
    /// A page with nothing on it and nothing after it.
    pub fn empty() -> Page<T> {
        Page {
            items: Vec::new(),
            has_more: false,
        }
    }

    /// The first `size` of `rows` (read with a limit of `size + 1`).
    pub fn from_lookahead(mut rows: Vec<T>, size: usize) -> Page<T> {
        let has_more = rows.len() > size;
        rows.truncate(size);
        Page { items: rows, has_more }
    }

    /// The same page, each item turned into something else; the first failure fails it.
    pub fn try_map<U, E>(self, f: impl FnMut(T) -> Result<U, E>) -> Result<Page<U>, E> {
        Ok(Page {
            items: self.items.into_iter().map(f).collect::<Result<_, _>>()?,
            has_more: self.has_more,
        })
    }
}

/// Where a keyset page ends: the sort keys of its last row, then its id. Sent to clients
/// as an opaque token (`v1.k1.k2.id`): the version lets its spelling change later without
/// misreading old tokens as new ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    keys: Vec<i64>,
}

impl Cursor {
    const VERSION: &'static str = "v1";

    /// The position after a row whose order keys are `keys` (its id last).
    pub fn after(keys: Vec<i64>) -> Cursor {
        Cursor { keys }
    }

    /// A token read back, when it holds exactly `arity` keys; anything else is no cursor.
    pub fn parse(token: &str, arity: usize) -> Option<Cursor> {
        let mut parts = token.split('.');
        if parts.next() != Some(Self::VERSION) {
            return None;
        }
        let keys = parts.map(|p| p.parse::<i64>().ok()).collect::<Option<Vec<_>>>()?;
        (keys.len() == arity).then_some(Cursor { keys })
    }

    pub fn keys(&self) -> &[i64] {
        &self.keys
    }

    pub fn token(&self) -> String {
        let mut token = Self::VERSION.to_owned();
        for key in &self.keys {
            token.push('.');
            token.push_str(&key.to_string());
        }
        token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_row_read_past_the_page_says_there_is_more_and_is_not_shown() {
        let page = Page::from_lookahead(vec![1, 2, 3], 2);
        assert_eq!(
            page,
            Page {
                items: vec![1, 2],
                has_more: true
            }
        );
        let last = Page::from_lookahead(vec![1, 2], 2);
        assert_eq!(
            last,
            Page {
                items: vec![1, 2],
                has_more: false
            }
        );
    }

    #[test]
    fn mapping_a_page_keeps_whether_there_is_more() {
        let page = Page::from_lookahead(vec![1, 2, 3], 2).try_map(|n| Ok::<_, ()>(n * 10));
        assert_eq!(
            page,
            Ok(Page {
                items: vec![10, 20],
                has_more: true
            })
        );
        let failed = Page::from_lookahead(vec![1, 2], 2).try_map(|n| if n == 2 { Err("two") } else { Ok(n) });
        assert_eq!(failed, Err("two"));
    }

    #[test]
    fn a_cursor_reads_back_what_it_wrote() {
        let cursor = Cursor::after(vec![1_700_000_000_000, -3, 42]);
        assert_eq!(cursor.token(), "v1.1700000000000.-3.42");
        assert_eq!(Cursor::parse(&cursor.token(), 3), Some(cursor));
    }

    #[test]
    fn a_cursor_with_the_wrong_number_of_keys_or_version_is_refused() {
        assert_eq!(Cursor::parse("v1.1.2", 3), None);
        assert_eq!(Cursor::parse("v1.1.2.3.4", 3), None);
        assert_eq!(Cursor::parse("v2.1.2.3", 3), None);
        assert_eq!(Cursor::parse("v1.1.x.3", 3), None);
        assert_eq!(Cursor::parse("", 0), None);
    }
}
