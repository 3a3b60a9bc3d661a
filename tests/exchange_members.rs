//! Members import and export: all-or-nothing with the line and column named, re-import
//! skipping, the encodings and delimiters French spreadsheets produce, and the demo's figures.

use chrono::NaiveDate;
use tempfile::TempDir;

use cercles::exchange::members::{Format, export_members, import_members};
use cercles::model::CircleRole;
use cercles::store::Store;
use cercles::store::people::PersonFilter;

fn fresh() -> (TempDir, Store) {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("t.db");
    let today = NaiveDate::from_ymd_opt(2025, 11, 20).unwrap();
    Store::create_with(&path, "admin", Some(today), |_| Ok(())).unwrap();
    let store = Store::open(&path, "admin").unwrap();
    (dir, store)
}

fn count(store: &Store) -> usize {
    store
        .people(&PersonFilter {
            include_left: true,
            ..Default::default()
        })
        .unwrap()
        .rows
        .len()
}

const GOOD: &str = "nom;prenom;email;telephone;commune;type;cercles\n\
Durand;Alice;alice@example.org;06.12.34.56.78;Poitiers;bénévole;Finances:co-référent·e|Communication\n\
Martin;Bruno;;+33 (0)7 11 22 33 44;Melle;élu·e;\n\
Petit;Chloé;chloe@example.org;;;salarié·e;echange-entraide:membre actif·ve\n";

#[test]
fn imports_people_with_roles_then_skips_them() {
    let (_dir, mut s) = fresh();
    let out = import_members(&mut s, GOOD.as_bytes(), false).unwrap();
    assert_eq!(out.added.len(), 3);
    assert_eq!(out.roles, 3);
    let alice = s.resolve_person("alice@example.org").unwrap();
    assert_eq!(alice.phone.as_deref(), Some("06 12 34 56 78"));
    let detail = s.person(alice.id).unwrap().unwrap();
    assert!(
        detail
            .memberships
            .iter()
            .any(|m| m.circle_name == "Finances"
                && m.membership.role == CircleRole::CoReferent
                && m.membership.since == s.today())
    );
    assert_eq!(
        s.resolve_person("Bruno Martin").unwrap().phone.as_deref(),
        Some("+33 7 11 22 33 44")
    );
    assert_eq!(s.derived_counts().unwrap().general, 2);

    // Re-import: everyone is already there (email, or name without case and accents).
    let again = "NOM;Prénom;E-mail\ndurand;alice;ALICE@example.org\nMARTIN;bruno;\nPetit;Chloe;\nNouveau;Nina;\n";
    let out = import_members(&mut s, again.as_bytes(), false).unwrap();
    assert_eq!(out.skipped.len(), 3);
    assert_eq!(out.added, [(5, "Nina Nouveau".to_string())]);
    assert_eq!(count(&s), 4);
    assert!(s.check().unwrap().is_ok());
}

#[test]
fn one_bad_email_names_its_line_and_writes_nothing() {
    let (_dir, mut s) = fresh();
    let journal = s.check().unwrap().unwrap();
    let bad = format!("{GOOD}Roux;Emma;emma@example;;;;\n");
    let err = import_members(&mut s, bad.as_bytes(), false)
        .unwrap_err()
        .to_string();
    assert!(err.contains("ligne 5"), "{err}");
    assert!(err.contains("colonne email"), "{err}");
    assert_eq!(count(&s), 0);
    assert_eq!(s.check().unwrap().unwrap(), journal);

    for (file, column) in [
        ("nom;cercles\nA;Cuisine\n", "cercles"),
        ("nom;cercles\nA;Finances:trésorier\n", "cercles"),
        ("nom;cercles\nA;Coordination:co-référent·e\n", "cercles"),
        ("nom;type\nA;maire\n", "type"),
        ("nom;telephone\nA;06 12\n", "telephone"),
        ("nom;prenom\n;Sans nom\n", "nom"),
    ] {
        let err = import_members(&mut s, file.as_bytes(), false)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(&format!("ligne 2, colonne {column}")),
            "{file}: {err}"
        );
    }
    assert_eq!(count(&s), 0);
}

#[test]
fn dry_run_writes_nothing() {
    let (_dir, mut s) = fresh();
    let out = import_members(&mut s, GOOD.as_bytes(), true).unwrap();
    assert_eq!(out.added.len(), 3);
    assert_eq!(count(&s), 0);
}

#[test]
fn windows_1252_with_preamble_bom_and_tabs() {
    let (_dir, mut s) = fresh();
    // Excel on a French Windows: Windows-1252, `;`, a title above the header.
    let mut latin: Vec<u8> =
        b"Liste des membres\r\n;;\r\nNom;Pr\xE9nom;T\xE9l\xE9phone;Cercles\r\n".to_vec();
    latin.extend_from_slice(b"L\xE9vy;H\xE9l\xE8ne;0612345678;Gouvernance\r\n");
    let out = import_members(&mut s, &latin, false).unwrap();
    assert_eq!(out.added, [(4, "Hélène Lévy".to_string())]);
    assert_eq!(
        s.resolve_person("Hélène Lévy").unwrap().phone.as_deref(),
        Some("06 12 34 56 78")
    );

    let bom = "\u{feff}nom,prenom,email\nGarnier,Zoé,zoe@example.org\n";
    import_members(&mut s, bom.as_bytes(), false).unwrap();
    assert_eq!(
        s.resolve_person("zoe@example.org").unwrap().last_name,
        "Garnier"
    );

    let tabs = "nom\tprenom\nFabre\tYves\n";
    import_members(&mut s, tabs.as_bytes(), false).unwrap();
    assert_eq!(count(&s), 3);

    // A bad line under a preamble is named by its line in the file.
    let err = import_members(&mut s, b"export\n\nnom;email\nA;a@b\n", false).unwrap_err();
    assert!(err.to_string().contains("ligne 4, colonne email"), "{err}");
}

#[test]
fn export_writes_the_columns_back() {
    let (_dir, mut s) = fresh();
    import_members(&mut s, GOOD.as_bytes(), false).unwrap();
    let (csv, rows) = export_members(&s, Format::Csv).unwrap();
    assert_eq!(rows, 3);
    assert!(csv.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("nom;prenom;email;telephone;commune;type;cercles")
    );
    assert_eq!(
        lines.next(),
        Some(
            "Durand;Alice;alice@example.org;06 12 34 56 78;Poitiers;bénévole;Communication:membre actif·ve|Finances:co-référent·e"
        )
    );
    // The export imports back as "everyone already there".
    let exported = export_members(&s, Format::Csv).unwrap().0;
    let again = import_members(&mut s, &exported, true).unwrap();
    assert_eq!(again.skipped.len(), 3);
    assert!(again.added.is_empty());

    let (json, _) = export_members(&s, Format::Json).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let first = &v.as_array().unwrap()[0];
    assert_eq!(first["nom"], "Durand");
    assert_eq!(first["type"], "bénévole");
    assert!(
        first["cercles"]
            .as_str()
            .unwrap()
            .contains("Finances:co-référent·e")
    );
    assert_eq!(v.as_array().unwrap()[1]["email"], serde_json::Value::Null);
}

#[test]
fn demo_network_has_the_report_figures() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("demo.db");
    cercles::demo::build(&path, "admin").unwrap();
    let s = Store::open(&path, "admin").unwrap();
    let counts = s.derived_counts().unwrap();
    assert_eq!(counts.general, 70);
    assert_eq!(counts.coordination, 16);
    for summary in s.circle_summaries().unwrap() {
        if !summary.derived {
            assert_eq!(summary.co_referents, 2, "{}", summary.circle.name());
        }
        let items = s.work_items(summary.circle.id, 2025).unwrap();
        assert!(!items.is_empty(), "{}", summary.circle.name());
    }
    let alerts = s.term_alerts().unwrap();
    assert_eq!(alerts.len(), 3, "{alerts:?}");
    assert_eq!(s.decisions_due().unwrap().len(), 1);
    let (_, rows) = export_members(&s, Format::Csv).unwrap();
    assert!((70..=75).contains(&rows), "{rows}");
    assert!(s.check().unwrap().is_ok());
}

/// What French Excel writes: Windows-1252, `;`, CRLF, a BOM-less preamble of 3 lines, header
/// names with accents, case and spaces, a trailing empty column, a blank line in the middle,
/// no-break spaces, a quoted cell holding `;` and a line break.
#[test]
fn excel_as_it_really_comes() {
    let (_dir, mut s) = fresh();
    let text = "Export Actions Communes;;;;;;;\r\n\
                Généré le 20/11/2025;;;;;;;\r\n\
                ;;;;;;;\r\n\
                NOM;Prénom;E-mail ;Téléphone;Commune;Type;CERCLES;\r\n\
                Durand;Hélène;helene@example.fr;06\u{a0}12\u{a0}34\u{a0}56\u{a0}78;Poitiers;bénévole;Finances:co-référent·e|Communication;\r\n\
                ;;;;;;;\r\n\
                Martin\u{a0};Bruno;;;Lyon;;;\r\n\
                \"Le Gall; fils\";\"Yann\r\nsecond\";;;;;;\r\n\
                Petit;Zoé;zoe@;;;;;\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let err = import_members(&mut s, &bytes, false)
        .unwrap_err()
        .to_string();
    // The bad email sits on line 10: the quoted cell spans lines 8 and 9.
    assert!(err.contains("ligne 10, colonne email"), "{err}");
    assert_eq!(count(&s), 0);
    let fixed = text.replace("zoe@;", "zoe@example.org;");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&fixed);
    let out = import_members(&mut s, &bytes, false).unwrap();
    let lines: Vec<u64> = out.added.iter().map(|a| a.0).collect();
    assert_eq!(lines, [5, 7, 8, 10]);
    assert_eq!(out.roles, 2);
    // The export of it imports back skipping everyone.
    let (csv, _) = export_members(&s, Format::Csv).unwrap();
    let again = import_members(&mut s, &csv, false).unwrap();
    assert_eq!((again.added.len(), again.skipped.len()), (0, 4));
}

/// A cell with an unquoted `;` shifts the cells after it: refused, never imported mangled.
/// Empty cells after the last column (what spreadsheets leave) are fine.
#[test]
fn a_line_with_more_filled_cells_than_the_header_is_refused() {
    let (_dir, mut s) = fresh();
    let ok = "nom;prenom;email;\nDurand;Alice;;;;\n";
    assert_eq!(
        import_members(&mut s, ok.as_bytes(), true)
            .unwrap()
            .added
            .len(),
        1
    );
    let bad = "nom;prenom;email\nDurand;Alice;a@example.org\nLe Gall; fils;Yann;y@example.org\n";
    let err = import_members(&mut s, bad.as_bytes(), false)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("ligne 3") && err.contains("4 cellules"),
        "{err}"
    );
    assert_eq!(count(&s), 0);
}

#[test]
fn a_header_naming_a_column_twice_is_refused() {
    let (_dir, mut s) = fresh();
    let err = import_members(&mut s, b"nom;Mail;E-mail\nA;a@b.fr;c@d.fr\n", false)
        .unwrap_err()
        .to_string();
    assert!(err.contains("deux fois") && err.contains("email"), "{err}");
}

#[test]
fn mac_line_ends_utf16_and_empty_files() {
    let (_dir, mut s) = fresh();
    // Excel for Mac's "CSV Macintosh": CR alone; line numbers stay right.
    let err = import_members(&mut s, b"nom;email\rA;a@b.fr\rB;bad\r", true)
        .unwrap_err()
        .to_string();
    assert!(err.contains("ligne 3"), "{err}");
    // Excel's "Texte Unicode": UTF-16 with BOM, tabs.
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "nom\tprénom\r\nDurand\tHélène\r\n".encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    let out = import_members(&mut s, &utf16, true).unwrap();
    assert_eq!(out.added, [(2, "Hélène Durand".to_string())]);
    for empty in [&b""[..], b"\xEF\xBB\xBF", b" \r\n\r\n"] {
        let err = import_members(&mut s, empty, true).unwrap_err().to_string();
        assert!(err.contains("vide"), "{err}");
    }
    // A header alone is no error: nothing to add.
    let out = import_members(&mut s, b"nom;prenom\r\n", false).unwrap();
    assert!(out.added.is_empty() && out.skipped.is_empty());
}

fn big_file(lines: usize) -> String {
    let mut text = String::from("nom;prenom;email;telephone;commune;type;cercles\n");
    for i in 0..lines {
        text.push_str(&format!(
            "Nom{i};Prénom{i};p{i}@example.org;06 12 34 {:02} {:02};Lyon;bénévole;{}\n",
            i % 100,
            i / 100 % 100,
            if i % 3 == 0 { "Finances" } else { "" }
        ));
    }
    text
}

/// A big file is read whole, and an error on its last line names that line and writes nothing.
#[test]
fn a_big_file_is_read_whole_and_its_last_line_counts() {
    // Its speed is measured by `cargo bench --bench import`, not here.
    let (_dir, mut s) = fresh();
    let text = big_file(20_000);
    let out = import_members(&mut s, text.as_bytes(), true).unwrap();
    assert_eq!(out.added.len(), 20_000);
    // One bad last line: its number, and nothing written.
    let bad = text.replace("p19999@example.org", "p19999@");
    let err = import_members(&mut s, bad.as_bytes(), false)
        .unwrap_err()
        .to_string();
    assert!(err.contains("ligne 20001, colonne email"), "{err}");
    assert_eq!(count(&s), 0);
}
