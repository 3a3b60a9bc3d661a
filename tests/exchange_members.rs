//! Members import and export: all-or-nothing with the line and column named, re-import
//! skipping, the encodings and delimiters French spreadsheets produce, and the demo's figures.

use chrono::NaiveDate;
use tempfile::TempDir;

use cercles::exchange::members::{Format, export_members, import_members};
use cercles::model::CircleRole;
use cercles::store::Store;
use cercles::store::people::PersonFilter;

mod common;

use common::fresh_store as fresh;

fn count(store: &Store) -> usize {
    store
        .people(&PersonFilter {
            include_left: true,
            ..Default::default()
        })
        .unwrap()
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
    assert!(err.contains("colonne e-mail"), "{err}");
    assert_eq!(count(&s), 0);
    assert_eq!(s.check().unwrap().unwrap(), journal);

    for (file, column) in [
        ("nom;cercles\nA;Cuisine\n", "cercles"),
        ("nom;cercles\nA;Finances:trésorier\n", "cercles"),
        ("nom;cercles\nA;Coordination:co-référent·e\n", "cercles"),
        ("nom;type\nA;maire\n", "type"),
        ("nom;telephone\nA;06 12\n", "téléphone"),
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
    assert!(err.to_string().contains("ligne 4, colonne e-mail"), "{err}");
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
        Some("nom;prenom;email;telephone;commune;type;cercles;depart")
    );
    assert_eq!(
        lines.next(),
        Some(
            "Durand;Alice;alice@example.org;06 12 34 56 78;86194 Poitiers;bénévole;Finances:co-référent·e|Communication:membre actif·ve;"
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
    assert!(err.contains("ligne 10, colonne e-mail"), "{err}");
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
        err.contains("ligne 3") && err.contains("colonne 4"),
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
    assert!(err.contains("ligne 20001, colonne e-mail"), "{err}");
    assert_eq!(count(&s), 0);
}

#[test]
fn unknown_columns_are_refused_and_common_spellings_accepted() {
    let (_dir, mut s) = fresh();
    // A column the import does not know would be lost without a word: refused, named.
    let file = "NOM;Prénom usuel;Statut\nZorro;Diego;élu·e\n";
    let err = import_members(&mut s, file.as_bytes(), false).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("colonne 2 (B) « Prénom usuel »"), "{text}");
    assert!(text.contains("rien n'a été importé"), "{text}");
    assert_eq!(count(&s), 0);
    // What French files really call the columns.
    let file = "Prénom(s);Nom de famille;Adresse électronique;Téléphone portable;Ville;Statut\n\
                Diego;Zorro;d@example.org;612345678;Paris;élu·e\n";
    import_members(&mut s, file.as_bytes(), false).unwrap();
    let p = s.resolve_person("d@example.org").unwrap();
    assert_eq!(
        (p.first_name.as_str(), p.last_name.as_str()),
        ("Diego", "Zorro")
    );
    assert_eq!(p.phone.as_deref(), Some("06 12 34 56 78"));
    assert_eq!(p.kind.label(), "élu·e");
}

#[test]
fn a_utf8_file_with_a_word_paste_keeps_every_accent() {
    let (_dir, mut s) = fresh();
    let file = b"nom;prenom;commune\nLef\xC3\xA8vre;H\xC3\xA9l\xC3\xA8ne;Besan\xC3\xA7on\nD\x92Artagnan;Zo\xE9;\n";
    import_members(&mut s, file, false).unwrap();
    let names: Vec<String> = s
        .people(&PersonFilter::default())
        .unwrap()
        .rows()
        .map(|r| {
            format!(
                "{} {} {}",
                r.person.first_name, r.person.last_name, r.person.commune
            )
        })
        .collect();
    assert!(
        names.contains(&"Hélène Lefèvre 25056".to_string()),
        "{names:?}"
    );
    assert!(names.contains(&"Zoé D’Artagnan ".to_string()), "{names:?}");
    // The typographic apostrophe matches the typed one: no second D'Artagnan.
    let again = import_members(&mut s, "nom;prenom\nD'Artagnan;Zoé\n".as_bytes(), false).unwrap();
    assert_eq!((again.added.len(), again.skipped.len()), (0, 1));
}

#[test]
fn the_trial_says_what_the_import_does_to_the_last_refusal() {
    let (_dir, mut s) = fresh();
    // A circle named twice in one cell: refused the same way by the trial and the import.
    let file = "nom;prenom;cercles\nA;B;Finances|finances:co-référent·e\n";
    let trial = import_members(&mut s, file.as_bytes(), true).unwrap_err();
    let real = import_members(&mut s, file.as_bytes(), false).unwrap_err();
    assert_eq!(trial.to_string(), real.to_string());
    assert!(real.to_string().contains("cité deux fois"), "{real}");
    assert_eq!(count(&s), 0);
    // An unknown circle lists the circles and the separator.
    let err = import_members(
        &mut s,
        "nom;cercles\nA;Finances, Communication\n".as_bytes(),
        true,
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("Communication") && err.contains("« | »"),
        "{err}"
    );
    // Spelling without the hyphen or accents, and a line break as separator, are understood.
    let file = "nom;cercles\nA;\"Echange entraide\nFinances\"\n";
    let trial = import_members(&mut s, file.as_bytes(), true).unwrap();
    assert_eq!((trial.added.len(), trial.roles), (1, 2));
    assert_eq!(count(&s), 0, "a trial writes nothing");
    let real = import_members(&mut s, file.as_bytes(), false).unwrap();
    assert_eq!(
        (real.added.len(), real.roles),
        (trial.added.len(), trial.roles)
    );
}

#[test]
fn leavers_export_with_their_date_and_come_back_as_leavers() {
    let (dir, mut s) = fresh();
    import_members(&mut s, GOOD.as_bytes(), false).unwrap();
    let bruno = s.resolve_person("Bruno Martin").unwrap();
    s.set_person_left(
        bruno.id,
        bruno.version,
        NaiveDate::from_ymd_opt(2025, 10, 1),
    )
    .unwrap();
    let (csv, _) = export_members(&s, Format::Csv).unwrap();
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    assert!(
        text.contains("Martin;Bruno;;'+33 7 11 22 33 44;79174 Melle;élu·e;;01/10/2025"),
        "{text}"
    );

    let mut other = common::store_at(&dir.path().join("other.db"));
    import_members(&mut other, &csv, false).unwrap();
    let back = other.resolve_person("Bruno Martin").unwrap();
    assert_eq!(back.left_on, NaiveDate::from_ymd_opt(2025, 10, 1));
    assert_eq!(other.people(&PersonFilter::default()).unwrap().len(), 2);
    // A leaver with circles is a contradiction, named.
    let err = import_members(
        &mut other,
        "nom;cercles;depart\nX;Finances;01/10/2025\n".as_bytes(),
        false,
    )
    .unwrap_err();
    assert!(err.to_string().contains("partie du réseau"), "{err}");
}

#[test]
fn workbooks_are_named_and_repeated_headers_skipped() {
    let (_dir, mut s) = fresh();
    let err = import_members(&mut s, b"PK\x03\x04\x14\x00\x06\x00", false)
        .unwrap_err()
        .to_string();
    assert!(err.contains("enregistrez-le au format CSV"), "{err}");
    let out = import_members(
        &mut s,
        "Nom;Prénom\nA;B\nNom;Prénom\nC;D\n".as_bytes(),
        false,
    )
    .unwrap();
    assert_eq!(out.added.len(), 2);
}

#[test]
fn a_header_without_nom_or_with_an_untitled_filled_column_is_said_plainly() {
    let (_dir, mut s) = fresh();
    let err = import_members(&mut s, "Prénom;Email\nA;a@b.fr\n".as_bytes(), false)
        .unwrap_err()
        .to_string();
    assert!(err.contains("pas de colonne « nom »"), "{err}");
    let err = import_members(
        &mut s,
        "Nom et prénom;Email\nA B;a@b.fr\n".as_bytes(),
        false,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("deux colonnes"), "{err}");
    let err = import_members(
        &mut s,
        "Nom;Prénom;;Email\nDupe;Col;06 99 88 77 66 notes;c@d.fr\n".as_bytes(),
        false,
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("ligne 2") && err.contains("colonne 3 (C)"),
        "{err}"
    );
    assert_eq!(count(&s), 0);
}

#[test]
fn a_json_export_given_to_the_import_is_named() {
    let (_dir, mut s) = fresh();
    import_members(&mut s, GOOD.as_bytes(), false).unwrap();
    let (json, _) = export_members(&s, Format::Json).unwrap();
    let err = import_members(&mut s, &json, false)
        .unwrap_err()
        .to_string();
    assert!(err.contains("du JSON"), "{err}");
}
