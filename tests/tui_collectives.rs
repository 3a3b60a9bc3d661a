//! The Collectifs tab driven as a volunteer would, read from the screen at 80x24 (issue 9):
//! filter by région and statut, open one, log a phone interview, change its statut, see the
//! counts as a chart, add a collective with the commune's suggestions; snapshots of each screen.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use cercles::store::Store;
use cercles::tui::App;
use common::tui::{ADMIN, demo, press, screen, screen_text, typ};
use ratatui::crossterm::event::KeyCode;

fn app(path: &std::path::Path) -> App {
    let mut app = App::new(Store::open(path, ADMIN).unwrap()).unwrap();
    press(&mut app, KeyCode::Char('3'));
    app
}

/// The list's rows (left of the separator), the two header rows left out.
fn list_rows(screen: &str) -> Vec<String> {
    screen
        .lines()
        .skip(3)
        .take(19)
        .map(|l| l.split('│').next().unwrap_or("").trim_end().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn a_volunteer_filters_opens_logs_an_interview_and_sees_the_counts() {
    let (_dir, path) = demo();
    let mut app = app(&path);
    let text = screen_text(&app);
    assert!(text.contains("Collectifs  230 collectifs"), "{text}");
    insta::assert_snapshot!("collectifs_list", screen(&app).backend());

    // r: the région, by typing part of its name.
    press(&mut app, KeyCode::Char('r'));
    typ(&mut app, "nouvelle");
    press(&mut app, KeyCode::Enter);
    // f twice: en réflexion, then en route pour 2026.
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Char('f'));
    let text = screen_text(&app);
    assert!(text.contains("r Nouvelle-Aquitaine"), "{text}");
    assert!(text.contains("f en route"), "{text}");
    let rows = list_rows(&text);
    assert!(!rows.is_empty() && rows.len() < 40, "{rows:?}");
    assert!(rows.iter().all(|r| r.ends_with("en route")), "{rows:?}");
    let shown: usize = text
        .lines()
        .nth(1)
        .and_then(|l| l.split("Collectifs  ").nth(1))
        .and_then(|l| l.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert_eq!(shown, rows.len(), "{text}");
    // Every one shown is in Nouvelle-Aquitaine.
    assert!(text.contains("— Nouvelle-Aquitaine"), "{text}");

    // i: the follow-up form; an interview today by Élise.
    press(&mut app, KeyCode::Char('i'));
    typ(&mut app, "19/11/2025");
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "Élise");
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "Réunion publique le 3 décembre.");
    press(&mut app, KeyCode::F(2));
    let text = screen_text(&app);
    assert!(text.contains("suivi de « "), "{text}");
    assert!(text.contains("entretien téléphonique le"), "{text}");
    assert!(text.contains("19/11/2025 avec Élise"), "{text}");
    insta::assert_snapshot!("collectifs_detail_after_interview", screen(&app).backend());

    // v: the counts, by région, then the départements of the highlighted one.
    press(&mut app, KeyCode::Char('v'));
    let text = screen_text(&app);
    assert!(text.contains("Collectifs par région"), "{text}");
    assert!(text.contains("> Nouvelle-Aquitaine"), "{text}");
    assert!(text.contains("█"), "{text}");
    assert!(text.contains("Communes représentées"), "{text}");
    insta::assert_snapshot!("collectifs_counts", screen(&app).backend());
    press(&mut app, KeyCode::Enter);
    let text = screen_text(&app);
    assert!(
        text.contains("Par département : Nouvelle-Aquitaine"),
        "{text}"
    );
    assert!(text.contains("33 Gironde"), "{text}");

    // What was written is in the base.
    let store = Store::open(&path, ADMIN).unwrap();
    let logged = store
        .collectives()
        .unwrap()
        .into_iter()
        .filter(|c| c.follow_up.interview_by == "Élise")
        .filter(|c| c.follow_up.interview_notes == "Réunion publique le 3 décembre.")
        .count();
    assert_eq!(logged, 1);
}

#[test]
fn a_statut_changes_with_one_key_and_is_dated_in_the_history() {
    let (_dir, path) = demo();
    let mut app = app(&path);
    press(&mut app, KeyCode::Char('s'));
    let text = screen_text(&app);
    assert!(text.contains("Nouveau statut"), "{text}");
    typ(&mut app, "deposee");
    press(&mut app, KeyCode::Enter);
    let text = screen_text(&app);
    assert!(
        text.contains("OK : « Agir à Bœrsch » : liste déposée"),
        "{text}"
    );
    assert!(text.contains("Statut : liste déposée depuis"), "{text}");
    // The history, below: the new statut on top, the one before under it.
    press(&mut app, KeyCode::Char('J'));
    press(&mut app, KeyCode::Char('J'));
    let text = screen_text(&app);
    let history: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split('│').nth(1))
        .map(str::trim)
        .skip_while(|l| *l != "Historique des statuts")
        .collect();
    assert!(history.len() >= 3, "{text}");
    assert_eq!(history[1], "20/11/2025 déposée · claire", "{text}");
    assert!(history[2].contains("en route · "), "{text}");
}

#[test]
fn a_new_collective_takes_its_commune_from_the_suggestions() {
    let (_dir, path) = demo();
    let mut app = app(&path);
    press(&mut app, KeyCode::Char('a'));
    typ(&mut app, "Mûrs en commun");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "49610");
    let text = screen_text(&app);
    assert!(text.contains("Mûrs-Erigné (49)"), "{text}");
    assert!(
        text.contains("propositions") || text.contains("Mozé"),
        "{text}"
    );
    insta::assert_snapshot!("collectifs_form_suggestions", screen(&app).backend());
    // Down to Mûrs-Erigné if it is not first, then Entrée takes it.
    for _ in 0..5 {
        let text = screen_text(&app);
        let line = text.lines().find(|l| l.contains("> Mûrs-Erigné (49)"));
        if line.is_some() {
            break;
        }
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::F(2));
    let text = screen_text(&app);
    assert!(
        text.contains("collectif « Mûrs en commun » ajouté"),
        "{text}"
    );
    assert!(
        text.contains("Commune : Mûrs-Erigné") && text.contains("(Maine-et-Loire, 49223)"),
        "{text}"
    );
}

#[test]
fn an_ambiguous_commune_is_refused_under_its_field() {
    let (_dir, path) = demo();
    let mut app = app(&path);
    press(&mut app, KeyCode::Char('a'));
    typ(&mut app, "Liste du 9-3");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "Saint-Denis");
    // Échap closes the suggestions, keeping what is typed.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::F(2));
    let text = screen_text(&app);
    assert!(text.contains("désigne plusieurs communes"), "{text}");
    assert!(
        text.contains("Nouveau collectif"),
        "the form stays open: {text}"
    );
}

#[test]
fn a_lecture_user_sees_no_contact_and_is_offered_no_write() {
    let (_dir, path) = demo();
    {
        let mut s = Store::open(&path, ADMIN).unwrap();
        s.add_user("lou", cercles::model::Role::Lecture, None)
            .unwrap();
    }
    let mut app = App::new(Store::open(&path, "lou").unwrap()).unwrap();
    press(&mut app, KeyCode::Char('3'));
    let text = screen_text(&app);
    assert!(text.contains("coordonnées masquées"), "{text}");
    assert!(!text.contains("@example.org"), "{text}");
    assert!(!text.contains("a ajouter"), "{text}");
    press(&mut app, KeyCode::Char('s'));
    let text = screen_text(&app);
    assert!(!text.contains("Nouveau statut"), "{text}");
}
