//! Collectives import and export (issue 9): communes by name, postal code or INSEE code,
//! repaired leading zeros, an ambiguous or unknown commune naming its line with nothing
//! written, files as French spreadsheets write them, re-import, the map, the demo's figures.

use tempfile::TempDir;

use cercles::exchange::Format;
use cercles::exchange::collectives::{export_collectives, export_map, import_collectives};
use cercles::model::{CollectiveKind, CollectiveStatus};
use cercles::store::Store;

mod common;

fn fresh() -> (TempDir, Store) {
    common::quiet_log();
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("t.db");
    let today = chrono::NaiveDate::from_ymd_opt(2025, 11, 20).unwrap();
    Store::create_with(&path, "admin", Some(today), |_| Ok(())).unwrap();
    let store = Store::open(&path, "admin").unwrap();
    (dir, store)
}

/// A file as a French spreadsheet saves it: Windows-1252, `;`, CRLF, headers with accents
/// and capitals, a code INSEE stripped of its leading zero, a no-break space in a name.
fn spreadsheet_file() -> Vec<u8> {
    let text = "Nom;Commune;Code INSEE;Type;Statut;Contact;E-mail;Téléphone;Carto\r\n\
Liste\u{a0}A;;1004;Liste citoyenne;En route pour 2026;Anne;anne@exemple.fr;06 12 34 56 78;oui\r\n\
Collectif B;49610 Mûrs-Erigné;;Collectif d'habitant·es;en réflexion;;;;non\r\n\
Ajaccio demain;Ajaccio;;;élue minoritaire;;;;x\r\n\
Cap Abymes;97139;;;;;;;\r\n";
    text.chars()
        .map(|c| match c {
            'é' => 0xE9,
            'è' => 0xE8,
            'û' => 0xFB,
            'ô' => 0xF4,
            '·' => 0xB7,
            '\u{a0}' => 0xA0,
            c if c.is_ascii() => c as u8,
            other => panic!("not in the test's Windows-1252 table: {other}"),
        })
        .collect()
}

#[test]
fn a_spreadsheet_file_imports_with_every_commune_resolved() {
    let (_dir, mut s) = fresh();
    let out = import_collectives(&mut s, &spreadsheet_file(), false).unwrap();
    assert_eq!(out.added.len(), 4);
    let all = s.collectives().unwrap();
    let find = |name: &str| all.iter().find(|c| c.name == name).unwrap().clone();
    let a = find("Liste A");
    assert_eq!(a.commune, "01004", "the leading zero is put back");
    assert_eq!(a.status, CollectiveStatus::EnRoute);
    assert_eq!(a.phone.as_deref(), Some("06 12 34 56 78"));
    assert!(a.on_map);
    let b = find("Collectif B");
    assert_eq!(b.commune, "49223");
    assert_eq!(b.kind, CollectiveKind::CollectifHabitants);
    assert!(!b.on_map);
    assert_eq!(find("Ajaccio demain").commune, "2A004");
    assert_eq!(
        find("Cap Abymes").commune,
        "97101",
        "a postal code of one commune"
    );
    // Again: everything is already there.
    let again = import_collectives(&mut s, &spreadsheet_file(), false).unwrap();
    assert_eq!((again.added.len(), again.skipped.len()), (0, 4));
}

#[test]
fn an_ambiguous_name_fails_naming_the_line_and_writes_nothing() {
    let (_dir, mut s) = fresh();
    let file = "nom;commune\nListe A;Poitiers\nListe B;Saint-Denis\n";
    let err = import_collectives(&mut s, file.as_bytes(), false)
        .unwrap_err()
        .to_string();
    assert!(err.contains("ligne 3"), "{err}");
    assert!(
        err.contains("Saint-Denis (93)") && err.contains("Saint-Denis (974)"),
        "{err}"
    );
    assert!(err.contains("rien n'a été importé"), "{err}");
    assert!(s.collectives().unwrap().is_empty());
    // With its département, it resolves.
    let file = "nom;commune\nListe A;Poitiers\nListe B;Saint-Denis (974)\n";
    import_collectives(&mut s, file.as_bytes(), false).unwrap();
    assert_eq!(s.collectives().unwrap().len(), 2);
}

#[test]
fn unknown_codes_kinds_and_consents_are_named() {
    let (_dir, mut s) = fresh();
    for (file, expect) in [
        ("nom;code_insee\nX;99999\n", "code INSEE inconnu"),
        ("nom;commune\nX;Atlantide\n", "commune inconnue"),
        ("nom;commune\nX;\n", "la commune est obligatoire"),
        ("nom;commune;type\nX;Melle (79);club\n", "type inconnu"),
        (
            "nom;commune;statut\nX;Melle (79);perdue\n",
            "statut inconnu",
        ),
        (
            "nom;commune;carto\nX;Melle (79);peut-être\n",
            "carto attend oui ou non",
        ),
        (
            "nom;commune;email\nX;Melle (79);pas-une-adresse\n",
            "ligne 2",
        ),
        ("nom;ville_natale\nX;Melle\n", "ville_natale"),
    ] {
        let err = import_collectives(&mut s, file.as_bytes(), false)
            .unwrap_err()
            .to_string();
        assert!(err.contains(expect), "{file:?}: {err}");
    }
    assert!(s.collectives().unwrap().is_empty());
}

#[test]
fn an_export_imports_back_unchanged() {
    let (_dir, mut s) = fresh();
    import_collectives(&mut s, &spreadsheet_file(), false).unwrap();
    let (csv, rows) = export_collectives(&s, Format::Csv).unwrap();
    assert_eq!(rows, 4);
    let text = String::from_utf8(csv.clone()).unwrap();
    assert!(
        text.starts_with("\u{feff}nom;commune;code_insee;type;statut;"),
        "{text}"
    );
    assert!(
        text.contains("Liste A;Ambérieu-en-Bugey;01004;liste citoyenne;en route pour 2026"),
        "{text}"
    );
    let (_dir2, mut t) = fresh();
    let out = import_collectives(&mut t, &csv, false).unwrap();
    assert_eq!(out.added.len(), 4);
    let strip = |mut v: Vec<cercles::model::Collective>| {
        for c in &mut v {
            c.id = 0;
            c.version = 0;
        }
        v
    };
    assert_eq!(
        strip(s.collectives().unwrap()),
        strip(t.collectives().unwrap())
    );
    let (json, _) = export_collectives(&s, Format::Json).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(value[0]["nom"], "Ajaccio demain");
    assert_eq!(value[0]["code_insee"], "2A004");
}

#[test]
fn the_map_holds_only_who_consented_and_no_contact() {
    let (_dir, mut s) = fresh();
    import_collectives(&mut s, &spreadsheet_file(), false).unwrap();
    let (csv, rows) = export_map(&s, Format::Csv).unwrap();
    assert_eq!(rows, 2, "Liste A and Ajaccio demain consented");
    let text = String::from_utf8(csv).unwrap();
    assert!(
        text.contains("2A004;Ajaccio;Corse-du-Sud;Corse;Ajaccio demain"),
        "{text}"
    );
    assert!(
        !text.contains("anne@exemple.fr") && !text.contains("06 12"),
        "{text}"
    );
}

#[test]
fn the_demo_has_about_230_collectives_over_about_400_communes_with_the_members() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("demo.db");
    common::quiet_log();
    cercles::demo::build(&path, "claire").unwrap();
    let s = Store::open(&path, "claire").unwrap();
    let all = s.collectives().unwrap();
    assert!((220..=240).contains(&all.len()), "{}", all.len());
    let on_map = all.iter().filter(|c| c.on_map).count();
    assert!(on_map * 100 / all.len() >= 75, "most consent: {on_map}");
    let due = all
        .iter()
        .filter(|c| c.follow_up.is_due(s.today(), 6))
        .count();
    assert!(
        due > 20 && due < all.len() - 20,
        "some due, some not: {due}"
    );
    let regions: std::collections::BTreeSet<&str> = all
        .iter()
        .filter_map(|c| cercles::geo::communes().by_code(&c.commune))
        .map(|c| c.region().code())
        .collect();
    assert!(regions.len() >= 13, "{regions:?}");
    let cli = common::command()
        .args([
            "--db",
            path.to_str().unwrap(),
            "--as",
            "claire",
            "export",
            "collectives",
        ])
        .output()
        .unwrap();
    assert!(cli.status.success());
    let lines = String::from_utf8(cli.stdout).unwrap().lines().count();
    assert_eq!(lines, all.len() + 1);
}

#[test]
fn the_cli_import_fails_with_exit_1_naming_the_line() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("t.db");
    common::command()
        .args(["--db", path.to_str().unwrap(), "init"])
        .assert()
        .success();
    let out = common::command()
        .args(["--db", path.to_str().unwrap(), "import", "collectives", "-"])
        .write_stdin("nom;commune\nListe;Saint-Denis\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("ligne 2, colonne commune"), "{err}");
}
