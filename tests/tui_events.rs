//! The Rencontres tab driven as the coordinators and volunteers would, read from the screen at
//! 80x24 (issue 10): the list upcoming first, the filters, the checklist with its gauge, a
//! task's state with one key, its owner picked by typing, the template applied, the event moved
//! with its open tasks or not, "mes tâches"; what was written checked in the base.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use cercles::model::{TaskStatus, When};
use cercles::store::Store;
use cercles::tui::App;
use chrono::NaiveDate;
use common::tui::{ADMIN, demo, message_text, press, screen, screen_text, typ};
use ratatui::crossterm::event::KeyCode;

fn app_as(path: &std::path::Path, user: &str) -> App {
    let mut app = App::new(Store::open(path, user).unwrap()).unwrap();
    press(&mut app, KeyCode::Char('4'));
    app
}

fn app(path: &std::path::Path) -> App {
    app_as(path, ADMIN)
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

/// Select the event whose title holds `text`, through the filter line.
fn find(app: &mut App, text: &str) {
    press(app, KeyCode::Char('/'));
    typ(app, text);
    press(app, KeyCode::Enter);
}

fn melle(store: &Store) -> cercles::model::Event {
    store
        .events()
        .unwrap()
        .into_iter()
        .find(|e| e.title == "Rencontre locale de Melle")
        .unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn the_list_puts_what_is_coming_first_and_the_checklist_shows_its_gauge() {
    let (_dir, path) = demo();
    let mut app = app(&path);
    let text = screen_text(&app);
    assert!(
        text.contains("Rencontres  27 rencontres · 3 à venir"),
        "{text}"
    );
    let rows = list_rows(&text);
    // The three to come (by the demo's today, 20/11/2025), soonest first; the month-dated
    // ones at the start of their month, without an invented day.
    assert!(rows[0].contains("déc. 2025"), "{rows:?}");
    assert!(rows[1].contains("déc. 2025"), "{rows:?}");
    assert!(
        rows[2].contains("13/12/2025 Rencontre locale de Mel"),
        "{rows:?}"
    );
    // Then the past, latest first; the undated ones of 2025 after the dated ones.
    assert!(rows[3].contains("nov. 2025"), "{rows:?}");
    assert!(
        rows.iter()
            .any(|r| r.contains("2025       Rencontre locale de Dij")),
        "{rows:?}"
    );
    // Melle has three tasks overdue: marked in the list, said in the detail.
    assert!(rows[2].starts_with("  !"), "{rows:?}");
    insta::assert_snapshot!("rencontres_list", screen(&app).backend());

    find(&mut app, "melle");
    let text = screen_text(&app);
    assert!(text.contains("Lieu : Salle polyvalente, Melle"), "{text}");
    assert!(text.contains("3 sur 13 faites · 3 en retard"), "{text}");
    assert!(text.contains("█"), "{text}");

    // Entrée: the checklist on the whole width.
    press(&mut app, KeyCode::Enter);
    let text = screen_text(&app);
    assert!(
        text.contains("13/12/2025 · 14h–18h · Salle polyvalente"),
        "{text}"
    );
    assert!(text.contains("échéance   tâche"), "{text}");
    assert!(text.contains("[x] 14/10/2025 Trouver un lieu"), "{text}");
    insta::assert_snapshot!("rencontres_checklist", screen(&app).backend());
}

#[test]
fn a_task_changes_state_with_one_key_and_done_is_dated_today() {
    let (_dir, path) = demo();
    let mut app = app(&path);
    find(&mut app, "melle");
    press(&mut app, KeyCode::Enter);
    // The fifth task: "Annoncer la rencontre", à faire and overdue.
    for _ in 0..4 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Char(' '));
    assert!(
        message_text(&app).contains(": en cours"),
        "{}",
        message_text(&app)
    );
    press(&mut app, KeyCode::Char(' '));
    assert!(
        message_text(&app).contains(": fait"),
        "{}",
        message_text(&app)
    );
    let text = screen_text(&app);
    assert!(
        text.contains("> [x] 13/11/2025 Annoncer la rencontre"),
        "{text}"
    );
    assert!(text.contains("4 sur 13 faites · 2 en retard"), "{text}");

    let store = Store::open(&path, ADMIN).unwrap();
    let tasks = store.event_tasks(melle(&store).id).unwrap();
    let t = tasks
        .iter()
        .find(|t| t.title.starts_with("Annoncer la rencontre"))
        .unwrap();
    assert_eq!(t.status, TaskStatus::Fait);
    assert_eq!(t.done, Some(day(2025, 11, 20)));
}

#[test]
fn an_owner_is_picked_by_typing_and_finds_the_task_in_mes_taches() {
    let (_dir, path) = demo();
    let mut app = app(&path);
    find(&mut app, "melle");
    press(&mut app, KeyCode::Enter);
    // a: a task of one's own, due on the event's date by default.
    press(&mut app, KeyCode::Char('a'));
    typ(&mut app, "Réserver les tables");
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "amandine barb");
    let text = screen_text(&app);
    assert!(text.contains("> Amandine Barbier"), "{text}");
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("rencontres_task_form", screen(&app).backend());
    press(&mut app, KeyCode::F(2));
    assert!(
        message_text(&app).contains("tâche « Réserver les tables » ajoutée"),
        "{}",
        message_text(&app)
    );
    let text = screen_text(&app);
    assert!(text.contains("Réserver les tables"), "{text}");
    assert!(text.contains("Amandine Barbier"), "{text}");

    // The demo's volunteer is Amandine Barbier: her tasks, the one just given among them.
    let mut mine = app_as(&path, "benevole");
    press(&mut mine, KeyCode::Char('m'));
    let text = screen_text(&mine);
    assert!(text.contains("Mes tâches d'Amandine Barbier"), "{text}");
    assert!(text.contains("13/12/2025 Réserver les tables"), "{text}");
    insta::assert_snapshot!("rencontres_mes_taches", screen(&mine).backend());
    // Open first: the open tasks come before those done.
    let rows: Vec<&str> = text.lines().skip(3).take(18).collect();
    let first_done = rows.iter().position(|r| r.contains("[x]"));
    let last_open = rows
        .iter()
        .rposition(|r| r.contains("[ ]") || r.contains("[~]"));
    assert!(first_done.is_none() || last_open < first_done, "{text}");
    // Entrée opens the task in its event's checklist.
    press(&mut mine, KeyCode::Enter);
    let text = screen_text(&mine);
    assert!(text.contains("Rencontre"), "{text}");
    assert!(text.contains("échéance   tâche"), "{text}");

    // The admin of the demo is linked to nobody: told how.
    let mut admin = app_as(&path, ADMIN);
    press(&mut admin, KeyCode::Char('m'));
    let text = screen_text(&admin);
    assert!(text.contains("n'est lié à aucune personne"), "{text}");
}

#[test]
fn moving_an_event_asks_whether_its_open_tasks_move_with_it() {
    let (_dir, path) = demo();
    let store = Store::open(&path, ADMIN).unwrap();
    let before = store.event_tasks(melle(&store).id).unwrap();
    drop(store);
    let mut app = app(&path);
    find(&mut app, "melle");
    let move_to = |app: &mut App, date: &str| {
        press(app, KeyCode::Char('e'));
        press(app, KeyCode::Tab);
        press(app, KeyCode::Tab);
        press(app, KeyCode::End);
        for _ in 0..12 {
            press(app, KeyCode::Backspace);
        }
        typ(app, date);
        press(app, KeyCode::F(2));
    };

    // A week later: asked; Échap goes back to the form, nothing written.
    move_to(&mut app, "20/12/2025");
    let text = screen_text(&app);
    assert!(text.contains("Décaler aussi les échéances de 10"), "{text}");
    assert!(
        text.contains("o : oui    n : non    Échap : revenir"),
        "{text}"
    );
    insta::assert_snapshot!("rencontres_replan_question", screen(&app).backend());
    press(&mut app, KeyCode::Esc);
    assert!(screen_text(&app).contains("Rencontre : Rencontre locale de Melle"));
    let store = Store::open(&path, ADMIN).unwrap();
    assert_eq!(melle(&store).start, Some(When::Day(day(2025, 12, 13))));

    // n: the event moves, its tasks keep their dates.
    press(&mut app, KeyCode::F(2));
    press(&mut app, KeyCode::Char('n'));
    assert!(
        message_text(&app).contains("rencontre « Rencontre locale de Melle » enregistrée"),
        "{}",
        message_text(&app)
    );
    assert_eq!(melle(&store).start, Some(When::Day(day(2025, 12, 20))));
    let kept = store.event_tasks(melle(&store).id).unwrap();
    assert_eq!(
        kept.iter().map(|t| t.due).collect::<Vec<_>>(),
        before.iter().map(|t| t.due).collect::<Vec<_>>()
    );

    // o: a week later again, the ten open tasks move with it, the done ones stay.
    move_to(&mut app, "27/12/2025");
    press(&mut app, KeyCode::Char('o'));
    assert!(
        message_text(&app).contains("10 tâches décalées avec elle"),
        "{}",
        message_text(&app)
    );
    let moved = store.event_tasks(melle(&store).id).unwrap();
    for (b, m) in before.iter().zip(&moved) {
        let expected = if b.status.is_closed() {
            b.due
        } else {
            b.due.map(|d| d + chrono::Days::new(7))
        };
        assert_eq!(m.due, expected, "{}", m.title);
    }
    assert!(store.check().unwrap().is_ok());
}

#[test]
fn filters_by_kind_and_year_and_the_template_needs_a_date() {
    let (_dir, path) = demo();
    let mut app = app(&path);
    // t: rencontre nationale first.
    press(&mut app, KeyCode::Char('t'));
    let text = screen_text(&app);
    assert!(text.contains("t rencontre nationale"), "{text}");
    let rows = list_rows(&text);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].contains("Rencontres nationales"), "{rows:?}");
    assert!(rows[0].ends_with("17/17"), "{rows:?}");
    // Twice more: rencontre locale, then the visios.
    press(&mut app, KeyCode::Char('t'));
    let rows = list_rows(&screen_text(&app));
    assert!(
        rows.iter().all(|r| r.contains("Rencontre locale")),
        "{rows:?}"
    );
    // ]: the first year holding events (the demo's are all of 2025); ] again: every year.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char(']'));
    let text = screen_text(&app);
    assert!(text.contains("[ ] 2025"), "{text}");
    assert!(
        list_rows(&text).iter().all(|r| r.contains("2025")),
        "{text}"
    );
    press(&mut app, KeyCode::Char(']'));
    assert!(screen_text(&app).contains("[ ] année"));

    // Dijon is undated: no due date can be counted back from it.
    find(&mut app, "dijon");
    press(&mut app, KeyCode::Char('c'));
    assert!(
        message_text(&app).contains("pas encore de date précise"),
        "{}",
        message_text(&app)
    );
    // Trévoux is dated by its month: the template counts from the first of June.
    press(&mut app, KeyCode::Esc);
    find(&mut app, "trevoux");
    press(&mut app, KeyCode::Char('c'));
    let said = message_text(&app);
    assert!(
        said.contains("tâches ajoutées à « Rencontre locale de Trévoux »"),
        "{said}"
    );
    let store = Store::open(&path, ADMIN).unwrap();
    let trevoux = store
        .events()
        .unwrap()
        .into_iter()
        .find(|e| e.title.contains("Trévoux"))
        .unwrap();
    let tasks = store.event_tasks(trevoux.id).unwrap();
    assert!(tasks.len() >= 8, "{tasks:?}");
    assert!(tasks.iter().all(|t| t.due.is_some()));
    // Once more: asked first, since it has tasks now.
    press(&mut app, KeyCode::Char('c'));
    assert!(
        screen_text(&app).contains("a déjà"),
        "{}",
        screen_text(&app)
    );
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(store.event_tasks(trevoux.id).unwrap().len(), tasks.len());
}

#[test]
fn a_new_event_is_typed_with_its_commune_and_a_lecture_session_cannot_tick() {
    let (_dir, path) = demo();
    let mut app = app(&path);
    press(&mut app, KeyCode::Char('a'));
    typ(&mut app, "Rencontre locale de Chenôve");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "mars 2026");
    for _ in 0..5 {
        press(&mut app, KeyCode::Tab);
    }
    typ(&mut app, "Chenôve");
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("rencontres_event_form", screen(&app).backend());
    // A figure that is not a number is refused under its field, with the rest kept.
    for _ in 0..5 {
        press(&mut app, KeyCode::Tab);
    }
    typ(&mut app, "beaucoup");
    press(&mut app, KeyCode::F(2));
    let text = screen_text(&app);
    assert!(text.contains("un nombre entier"), "{text}");
    for _ in 0.."beaucoup".len() {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "40");
    press(&mut app, KeyCode::F(2));
    assert!(
        message_text(&app).contains("rencontre « Rencontre locale de Chenôve » ajoutée"),
        "{}",
        message_text(&app)
    );
    let store = Store::open(&path, ADMIN).unwrap();
    let e = store
        .events()
        .unwrap()
        .into_iter()
        .find(|e| e.title.contains("Chenôve"))
        .unwrap();
    assert_eq!(e.start, When::month(2026, 3));
    assert_eq!(e.year, 2026);
    assert_eq!(e.commune.as_deref(), Some("21166"));
    assert_eq!(e.figures.participants, Some(40));
    // It is to come: at the top of the list, after those of 2025.
    let text = screen_text(&app);
    assert!(
        text.contains("mars 2026  Rencontre locale de Che"),
        "{text}"
    );

    // A lecture session reads, and is told why it cannot tick a task.
    let mut store = Store::open(&path, ADMIN).unwrap();
    store
        .add_user("lea", cercles::model::Role::Lecture, None)
        .unwrap();
    let mut reader = app_as(&path, "lea");
    find(&mut reader, "melle");
    press(&mut reader, KeyCode::Enter);
    press(&mut reader, KeyCode::Char(' '));
    assert!(
        message_text(&reader).contains("lecture"),
        "{}",
        message_text(&reader)
    );
    assert!(!common::tui::footer(&reader).contains("état suivant"));
}

#[test]
fn a_visio_with_fewer_than_two_resource_persons_is_flagged() {
    use cercles::model::{EventDraft, EventKind, Figures};
    let (_dir, path) = demo();
    let mut store = Store::open(&path, ADMIN).unwrap();
    store
        .add_event(&EventDraft {
            start: Some(When::Day(day(2026, 1, 15))),
            figures: Figures {
                participants: Some(9),
                personnes_ressources: Some(1),
                ..Figures::default()
            },
            ..EventDraft::new("Visio MA de janvier", EventKind::VisioMa, 2026)
        })
        .unwrap();
    let mut app = app(&path);
    find(&mut app, "visio ma de janvier");
    let text = screen_text(&app);
    let rows = list_rows(&text);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].starts_with("> !"), "{rows:?}");
    assert!(text.contains("au moins 2 personnes"), "{text}");
}
