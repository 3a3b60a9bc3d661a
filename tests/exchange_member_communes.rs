//! The `commune` column of the members file (issue 9): a name, a postal code or an INSEE code,
//! resolved as a collective's; an ambiguous or unknown one stops the import naming its line;
//! the export writes the INSEE code and the name, which import back to the same commune.

use tempfile::TempDir;

use cercles::exchange::members::{Format, export_members, import_members};
use cercles::store::Store;
use cercles::store::people::PersonFilter;

mod common;

use common::fresh_store as fresh;

/// (last name, commune code) of everyone, by name.
fn communes(s: &Store) -> Vec<(String, String)> {
    s.people(&PersonFilter::default())
        .unwrap()
        .rows()
        .map(|r| (r.person.last_name.clone(), r.person.commune.clone()))
        .collect()
}

const FILE: &str = "nom;prenom;commune\n\
Arnaud;Alice;Poitiers\n\
Bernard;Bruno;86000\n\
Colin;Chloé;1004\n\
Dupuis;David;49610 Mûrs-Erigné\n\
Egal;Emma;75056\n\
Faure;Fanny;\n";

#[test]
fn names_postal_and_insee_codes_resolve() {
    let (_dir, mut s) = fresh();
    import_members(&mut s, FILE.as_bytes(), false).unwrap();
    let got = communes(&s);
    let want = [
        ("Arnaud", "86194"),
        ("Bernard", "86194"),
        ("Colin", "01004"),
        ("Dupuis", "49223"),
        ("Egal", "75056"),
        ("Faure", ""),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn an_ambiguous_or_unknown_commune_names_its_line_and_writes_nothing() {
    let (_dir, mut s) = fresh();
    let before = s.check().unwrap().unwrap();
    for (line, err_words) in [
        ("Gauthier;Gus;Saint-Denis", "plusieurs communes"),
        ("Gauthier;Gus;49610", "plusieurs communes"),
        ("Gauthier;Gus;Nowhere", "commune inconnue"),
    ] {
        let file = format!("{FILE}{line}\n");
        let err = import_members(&mut s, file.as_bytes(), false)
            .unwrap_err()
            .to_string();
        assert!(err.contains("ligne 8"), "{err}");
        assert!(err.contains("commune"), "{err}");
        assert!(err.contains(err_words), "{err}");
        assert!(communes(&s).is_empty());
    }
    assert_eq!(s.check().unwrap().unwrap(), before, "nothing journaled");
}

#[test]
fn the_export_writes_codes_and_names_that_import_back_identically() {
    let (dir, mut s) = fresh();
    import_members(&mut s, FILE.as_bytes(), false).unwrap();
    let (csv, _) = export_members(&s, Format::Csv).unwrap();
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    assert!(
        text.contains("\nColin;Chloé;;;01004 Ambérieu-en-Bugey;"),
        "{text}"
    );
    // Into another base: the same people in the same communes.
    let mut other = common::store_at(&dir.path().join("other.db"));
    import_members(&mut other, &csv, false).unwrap();
    assert_eq!(communes(&other), communes(&s));
    assert_eq!(export_members(&other, Format::Csv).unwrap().0, csv);
}

/// What the export writes for a commune, `CODE Nom`, names that very commune, for every
/// commune of France: a bare INSEE code can also be another commune's postal code
/// (`54430` is Pompey's code and Réhon's postal code).
#[test]
fn every_commune_written_as_the_export_writes_it_resolves_back() {
    let mut wrong = Vec::new();
    for c in cercles::geo::communes().all() {
        let cell = cercles::exchange::members::commune_cell(c.code());
        match cercles::store::collectives::commune_code(&cell) {
            Ok(code) if code == c.code() => {}
            other => wrong.push(format!("{cell} → {other:?}")),
        }
    }
    assert!(
        wrong.is_empty(),
        "{} : {:?}",
        wrong.len(),
        &wrong[..wrong.len().min(10)]
    );
}

/// The demo's members live in communes of their own beside the collectives': together the
/// network represents about 300 communes (230 collectives, 73 people still there).
#[test]
fn the_demo_members_widen_the_communes_represented() {
    common::quiet_log();
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("demo.db");
    cercles::demo::build(&path, "admin").unwrap();
    let s = Store::open(&path, "admin").unwrap();
    let mut codes: Vec<String> = s
        .collectives()
        .unwrap()
        .into_iter()
        .map(|c| c.commune)
        .collect();
    let members = s.member_communes().unwrap();
    assert!(members.len() >= 70, "{}", members.len());
    codes.extend(members);
    codes.sort();
    codes.dedup();
    assert!((290..=310).contains(&codes.len()), "{}", codes.len());
    let review = s
        .people(&PersonFilter::default())
        .unwrap()
        .counts
        .commune_review;
    assert_eq!(review, 0, "no demo commune is in doubt");
}

/// `cercles import members` with a commune in doubt: exit 1, one line naming the line and the
/// column, nothing written.
#[test]
fn the_command_line_names_the_line_of_a_commune_in_doubt() {
    let (dir, s) = fresh();
    drop(s);
    let db = dir.path().join("t.db");
    let file = dir.path().join("m.csv");
    std::fs::write(&file, "nom;commune\nArnaud;86000\nBenoît;Saint-Denis\n").unwrap();
    let out = common::command()
        .arg("--db")
        .arg(&db)
        .args(["--as", "admin", "import", "members"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("ligne 3, colonne commune"), "{err}");
    assert!(err.contains("Saint-Denis (93)"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    let s = Store::open(&db, "admin").unwrap();
    assert!(communes(&s).is_empty());
}
