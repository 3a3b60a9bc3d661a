//! Tests of the form widget.
use super::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 11, 20).unwrap()
}

fn key(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

fn sample() -> Form {
    Form::new("t", today(), Theme::plain())
        .field("name", "Nom", FieldKind::Line, true, "Finances")
        .field(
            "notes",
            "Notes",
            FieldKind::Multi { rows: 3 },
            false,
            "a\nb",
        )
        .field("when", "Date", FieldKind::Date, false, "")
        .field("amount", "Montant", FieldKind::Amount, false, "")
}

#[test]
fn keeps_loaded_beside_edited() {
    let mut f = sample();
    assert!(!f.is_dirty());
    f.input(key(KeyCode::Char('!')));
    assert_eq!(f.value("name"), "Finances!");
    assert_eq!(f.loaded("name"), "Finances");
    assert!(f.is_dirty());
    f.set_value("name", "Finances");
    assert!(!f.is_dirty());
}

#[test]
fn validation_puts_messages_under_fields_and_focus_on_the_first() {
    let mut f = sample();
    f.set_value("name", "  ");
    f.set_value("when", "31/02/2025");
    f.set_value("amount", "12,345");
    assert!(!f.validate());
    assert_eq!(f.focus(), 0);
    assert_eq!(f.error("name"), Some(msg::FIELD_REQUIRED));
    assert!(f.error("when").is_some());
    assert!(f.error("amount").is_some());
    f.set_value("name", "X");
    f.set_value("when", "28/11");
    f.set_value("amount", "1 234,56");
    assert!(f.validate());
}

#[test]
fn enter_moves_on_in_a_line_but_breaks_a_line_in_multi() {
    let mut f = sample();
    f.input(key(KeyCode::Enter));
    assert_eq!(f.focused_key(), Some("notes"));
    f.input(key(KeyCode::Enter));
    f.input(key(KeyCode::Char('c')));
    assert_eq!(f.value("notes"), "a\nb\nc");
    f.focus_prev();
    assert_eq!(f.focused_key(), Some("name"));
}

fn first_row(form: &Form) -> String {
    let area = Rect::new(0, 0, 30, 2);
    let mut buf = Buffer::empty(area);
    form.render(area, &mut buf);
    (0..30).map(|x| buf[(x, 0)].symbol().to_owned()).collect()
}

#[test]
fn a_long_line_comes_back_into_view_with_home_and_after_clearing() {
    let long = "Début ".to_owned() + &"x".repeat(80) + " fin";
    let mut f =
        Form::new("t", today(), Theme::plain()).field("n", "Nom", FieldKind::Line, true, &long);
    assert!(first_row(&f).ends_with("fin "), "{}", first_row(&f));
    f.input(key(KeyCode::Home));
    assert!(first_row(&f).contains("Début"), "{}", first_row(&f));
    f.input(KeyEvent::new(KeyCode::Char('e'), KeyModifiers::CONTROL));
    assert!(first_row(&f).ends_with("fin "), "{}", first_row(&f));
    f.input(KeyEvent::new(KeyCode::Char('a'), KeyModifiers::CONTROL));
    assert!(first_row(&f).contains("Début"), "{}", first_row(&f));
    // Cleared from the end, one key and one frame at a time, then typed again.
    f.input(KeyEvent::new(KeyCode::Char('e'), KeyModifiers::CONTROL));
    for _ in 0..long.chars().count() {
        first_row(&f);
        f.input(key(KeyCode::Backspace));
    }
    for c in "Plaidoyer".chars() {
        first_row(&f);
        f.input(key(KeyCode::Char(c)));
    }
    assert!(first_row(&f).contains("Plaidoyer"), "{}", first_row(&f));
    // The same in one burst of keys, drawn once at the end (a paste of keys, a fast typist).
    f.set_value("n", &long);
    first_row(&f);
    for _ in 0..long.chars().count() + 9 {
        f.input(key(KeyCode::Backspace));
    }
    for c in "Plaidoyer".chars() {
        f.input(key(KeyCode::Char(c)));
    }
    assert!(first_row(&f).contains("Plaidoyer"), "{}", first_row(&f));
    f.set_value("n", &long);
    first_row(&f);
    f.input(key(KeyCode::Home));
    f.input(key(KeyCode::Right));
    f.input(key(KeyCode::Right));
    assert!(first_row(&f).contains("Début"), "{}", first_row(&f));
}

fn circles() -> Form {
    let names = ["Finances", "Plaidoyer", "Échange-entraide", "Communication"];
    Form::new("t", today(), Theme::plain())
        .field(
            "circle",
            "Cercle",
            FieldKind::Pick(names.iter().map(|n| (*n).to_owned()).collect()),
            true,
            "Finances",
        )
        .field("name", "Nom", FieldKind::Line, false, "")
}

fn type_in(f: &mut Form, text: &str) {
    for c in text.chars() {
        f.input(key(KeyCode::Char(c)));
    }
}

#[test]
fn a_pick_field_chooses_by_typing_and_escape_keeps_the_value() {
    let mut f = circles();
    type_in(&mut f, "plai");
    assert!(f.is_picking());
    assert_eq!(
        f.value("circle"),
        "Finances",
        "nothing chosen before Entrée"
    );
    f.input(key(KeyCode::Enter));
    assert!(!f.is_picking());
    assert_eq!(f.value("circle"), "Plaidoyer");
    assert_eq!(
        f.focused_key(),
        Some("circle"),
        "Entrée chose, it did not move on"
    );
    // Accents and case ignored.
    type_in(&mut f, "ECHA");
    f.input(key(KeyCode::Enter));
    assert_eq!(f.value("circle"), "Échange-entraide");
    // Échap: the search goes, the value stays.
    type_in(&mut f, "fin");
    f.input(key(KeyCode::Esc));
    assert!(!f.is_picking());
    assert_eq!(f.value("circle"), "Échange-entraide");
    // ← → cycle; Entrée with the search closed goes to the next field.
    f.input(key(KeyCode::Right));
    assert_eq!(f.value("circle"), "Communication");
    f.input(key(KeyCode::Enter));
    assert_eq!(f.focused_key(), Some("name"));
    // Drawn: the search over the fields below while open, the value between ‹ › once chosen.
    f.focus_prev();
    type_in(&mut f, "pl");
    assert!(first_row(&f).contains("pl"), "{}", first_row(&f));
    f.input(key(KeyCode::Enter));
    assert!(first_row(&f).contains("‹ Plaidoyer ›"), "{}", first_row(&f));
}

fn towns(text: &str, n: usize) -> Vec<(String, String)> {
    ["Saint-Denis (93)", "Saint-Denis (974)", "Sainte-Anne (971)"]
        .iter()
        .filter(|t| t.to_lowercase().starts_with(&text.to_lowercase()))
        .take(n)
        .map(|t| ((*t).to_owned(), String::new()))
        .collect()
}

#[test]
fn a_suggest_field_offers_as_you_type_and_takes_the_chosen_one() {
    let mut form = Form::new("t", today(), Theme::plain()).field(
        "commune",
        "commune",
        FieldKind::Suggest(Suggester(towns)),
        true,
        "Melle (79)",
    );
    // A letter on the value as loaded starts a new search in its place.
    for c in "saint-d".chars() {
        form.input(key(KeyCode::Char(c)));
    }
    assert_eq!(form.value("commune"), "saint-d");
    assert!(form.is_picking(), "the suggestions are open");
    form.input(key(KeyCode::Down));
    form.input(key(KeyCode::Enter));
    assert_eq!(form.value("commune"), "Saint-Denis (974)");
    assert!(!form.is_picking());
    // Échap closes them and keeps what is typed.
    form.input(key(KeyCode::Backspace));
    assert!(form.is_picking());
    form.input(key(KeyCode::Esc));
    assert!(!form.is_picking());
    assert_eq!(form.value("commune"), "Saint-Denis (974");
    // Nothing typed: nothing offered.
    for _ in 0..20 {
        form.input(key(KeyCode::Backspace));
    }
    assert_eq!(form.value("commune"), "");
    assert!(!form.is_picking());
}
