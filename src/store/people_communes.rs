//! Where people live: a person's commune is stored as its INSEE code, resolved from what was
//! typed (a name, a postal code, `49610 Mûrs-Erigné`, a code) the same way as a collective's
//! (`collectives::commune_code`). Communes typed before they were resolved (schema 3 and
//! earlier) are resolved once by the upgrade to schema 4; those that named no commune or
//! several keep what was typed in `commune_typed`, awaiting review in the Membres tab.

use rusqlite::Connection;

use super::audit::{self, Op};
use super::error::{Result, StoreError};
use super::people::person_by_id;
use super::person_commune::{StoredCommune, person_commune_code};

/// What the upgrade makes of a commune typed before communes were resolved.
fn resolved_at_upgrade(typed: &str) -> StoredCommune {
    match person_commune_code(typed) {
        Ok(code) => StoredCommune {
            code,
            typed: String::new(),
        },
        Err(_) => StoredCommune {
            code: String::new(),
            typed: typed.to_owned(),
        },
    }
}

/// Schema 4's hook: resolve every person's commune text to an INSEE code, keeping what could
/// not be resolved without doubt for review. Each changed row gets a new version and its
/// journal entry (before, after), so `check` still finds every row as journaled.
pub(crate) fn resolve_all_at_upgrade(conn: &Connection, actor: &str) -> Result<()> {
    let mut stmt = conn.prepare("SELECT id FROM people WHERE commune <> '' ORDER BY id")?;
    let ids: Vec<i64> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        let Some(before) = person_by_id(conn, id)? else {
            continue;
        };
        let now = resolved_at_upgrade(&before.commune);
        if now.code == before.commune && now.typed.is_empty() {
            continue;
        }
        conn.execute(
            "UPDATE people SET commune = ?1, commune_typed = ?2, version = version + 1
             WHERE id = ?3",
            rusqlite::params![now.code, now.typed, id],
        )?;
        let after = person_by_id(conn, id)?.ok_or(StoreError::NotFound(
            crate::catalogue::people::THE_PERSON.into(),
        ))?;
        audit::append(
            conn,
            actor,
            "people",
            id,
            Op::Update,
            Some(serde_json::to_string(&before)?),
            Some(serde_json::to_string(&after)?),
        )?;
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_upgrade_keeps_what_it_cannot_resolve() {
        assert_eq!(resolved_at_upgrade("1004").code, "01004");
        assert_eq!(resolved_at_upgrade("86000").code, "86194");
        assert_eq!(resolved_at_upgrade("49610 Mûrs-Erigné").code, "49223");
        // Five communes share this postal code.
        assert_eq!(resolved_at_upgrade("49610").typed, "49610");
        let doubt = resolved_at_upgrade("Saint-Denis");
        assert_eq!(
            (doubt.code.as_str(), doubt.typed.as_str()),
            ("", "Saint-Denis")
        );
        assert_eq!(resolved_at_upgrade("Nowhere").typed, "Nowhere");
    }
}

#[cfg(test)]
mod upgrade_test;
