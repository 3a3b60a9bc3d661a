//! Where people live: a person's commune is stored as its INSEE code, resolved from what was
//! typed (a name, a postal code, `49610 Mûrs-Erigné`, a code) the same way as a collective's
//! (`collectives::commune_code`). Communes typed before they were resolved (schema 3 and
//! earlier) are resolved once by the upgrade to schema 4; those that named no commune or
//! several keep what was typed in `commune_typed`, awaiting review in the Membres tab.

use rusqlite::Connection;

use super::audit::{self, Op};
use super::collectives::commune_code;
use super::error::{Result, StoreError};
use super::people::person_by_id;
use crate::model::person::fields;
use crate::model::{FieldError, Person};

/// A person's commune as stored: `(INSEE code, text awaiting review)`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct StoredCommune {
    pub code: String,
    pub typed: String,
}

/// The INSEE code of a commune typed for a person; empty stays empty. An unknown or
/// ambiguous commune is an error under the person's commune field.
pub(crate) fn person_commune_code(typed: &str) -> std::result::Result<String, FieldError> {
    if typed.trim().is_empty() {
        return Ok(String::new());
    }
    commune_code(typed).map_err(|e| FieldError::new(fields::COMMUNE, e.message))
}

/// The commune to store for `typed` when editing `before`: resolved when it can be; else, if
/// it is still the very text awaiting review (the person edited something else), left
/// awaiting review; else the error. Their commune shown as its label resolves back to it,
/// even where a label would be ambiguous.
pub(crate) fn edited_commune(
    before: &Person,
    typed: &str,
) -> std::result::Result<StoredCommune, FieldError> {
    let typed = typed.trim();
    if !before.commune.is_empty()
        && crate::geo::communes()
            .by_code(&before.commune)
            .is_some_and(|c| c.label() == typed || c.code() == typed)
    {
        return Ok(StoredCommune {
            code: before.commune.clone(),
            typed: String::new(),
        });
    }
    match person_commune_code(typed) {
        Ok(code) => Ok(StoredCommune {
            code,
            typed: String::new(),
        }),
        Err(_) if before.commune_awaits_review() && typed == before.commune_typed => {
            Ok(StoredCommune {
                code: String::new(),
                typed: before.commune_typed.clone(),
            })
        }
        Err(e) => Err(e),
    }
}

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

    #[test]
    fn an_ambiguous_commune_is_refused_under_the_persons_field() {
        let e = person_commune_code("Saint-Denis").unwrap_err();
        assert_eq!(e.field, fields::COMMUNE.code);
        assert!(e.message.contains("plusieurs communes"), "{e}");
        assert_eq!(person_commune_code("  ").unwrap(), "");
    }

    /// A file as schema 3 made it (people's communes as typed, each person journaled), then
    /// opened by this binary: codes, a review list, and `check` still passes.
    #[test]
    fn a_schema_3_file_is_upgraded_journaled_and_checks() {
        use crate::model::PersonKind;
        use crate::store::people::PersonFilter;
        crate::log::redirect(None);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("schema3.db");
        let typed = [
            ("Ambigu", "Saint-Denis"),
            ("Postal", "49610"),
            ("Exact", "49610 Mûrs-Erigné"),
            ("Capitale", "paris"),
            ("Court", "1004"),
            ("Inconnu", "Nowhere"),
            ("Vide", ""),
            ("Code", "86194"),
        ];
        {
            let mut conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "journal_mode", "WAL").unwrap();
            conn.pragma_update(None, "application_id", crate::store::open::APPLICATION_ID)
                .unwrap();
            crate::store::open::migrations()
                .to_version(&mut conn, 3)
                .unwrap();
            crate::store::session::seed(&mut conn, "admin", None).unwrap();
            for (last_name, commune) in typed {
                conn.execute(
                    "INSERT INTO people(last_name, commune) VALUES (?1, ?2)",
                    [last_name, commune],
                )
                .unwrap();
                let id = conn.last_insert_rowid();
                // As schema 3 journaled it: the row as a person, no typed text apart.
                let row = Person {
                    id,
                    last_name: last_name.into(),
                    first_name: String::new(),
                    email: None,
                    phone: None,
                    commune: commune.into(),
                    commune_typed: String::new(),
                    kind: PersonKind::Benevole,
                    confidentiality_signed_on: None,
                    mission_accepted_on: None,
                    notes: String::new(),
                    left_on: None,
                    version: 1,
                };
                let json = serde_json::to_string(&row).unwrap();
                audit::append(&conn, "admin", "people", id, Op::Insert, None, Some(json)).unwrap();
            }
        }
        let mut store = crate::store::Store::open(&path, "admin").unwrap();
        assert_eq!(
            store.file_schema_version().unwrap(),
            crate::store::open::schema_version()
        );
        let everyone = store.people(&PersonFilter::default()).unwrap();
        let by_name = |name: &str| {
            everyone
                .rows
                .iter()
                .find(|r| r.person.last_name == name)
                .map(|r| (r.person.commune.clone(), r.person.commune_typed.clone()))
                .unwrap()
        };
        assert_eq!(by_name("Exact"), ("49223".into(), String::new()));
        assert_eq!(by_name("Capitale"), ("75056".into(), String::new()));
        assert_eq!(by_name("Court"), ("01004".into(), String::new()));
        assert_eq!(by_name("Code"), ("86194".into(), String::new()));
        assert_eq!(by_name("Vide"), (String::new(), String::new()));
        assert_eq!(by_name("Ambigu"), (String::new(), "Saint-Denis".into()));
        assert_eq!(everyone.counts.commune_review, 3);
        let review = store
            .people(&PersonFilter {
                commune_review: true,
                ..PersonFilter::default()
            })
            .unwrap();
        let names: Vec<&str> = review
            .rows
            .iter()
            .map(|r| r.person.last_name.as_str())
            .collect();
        assert_eq!(names, ["Ambigu", "Inconnu", "Postal"]);
        let mut codes = store.member_communes().unwrap();
        codes.sort();
        assert_eq!(codes, ["01004", "49223", "75056", "86194"]);
        // Six rows changed (the code and the empty one did not), each journaled.
        let upgrades: i64 = store
            .conn()
            .query_row(
                "SELECT count(*) FROM audit WHERE actor = 'cercles (mise à niveau)' AND tbl = 'people'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(upgrades, 6);
        assert!(store.check().unwrap().is_ok(), "check after the upgrade");

        // Edited with the text in doubt left as it is: saved, still to review.
        let id = review.rows[0].person.id;
        let ambigu = Person::clone(&review.rows[0].person);
        let mut draft = ambigu.draft();
        assert_eq!(draft.commune, "Saint-Denis");
        draft.notes = "à appeler".into();
        let saved = store.update_person(id, ambigu.version, &draft).unwrap();
        assert_eq!(
            (saved.commune.as_str(), saved.commune_typed.as_str()),
            ("", "Saint-Denis")
        );
        // The commune picked: off the list.
        draft.commune = "Saint-Denis (93)".into();
        let saved = store.update_person(id, saved.version, &draft).unwrap();
        assert_eq!(
            (saved.commune.as_str(), saved.commune_typed.as_str()),
            ("93066", "")
        );
        let counts = store.people(&PersonFilter::default()).unwrap().counts;
        assert_eq!(counts.commune_review, 2);
        assert!(store.check().unwrap().is_ok());
    }
}
