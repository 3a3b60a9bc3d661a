//! Tests of the picker: matching, ranking, keys, the bounded refinement, drawing.

#![allow(clippy::unwrap_used)]

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::catalogue::tui as msg;
use crate::tui::theme::Theme;
use crate::tui::widgets::picker::PickerView;

use super::*;

fn communes(n: usize) -> Vec<PickerEntry<u32>> {
    crate::tui::widgets::picker_names::synthetic_communes(n)
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn typ<V>(p: &mut Picker<V>, text: &str) {
    for c in text.chars() {
        p.handle_key(key(KeyCode::Char(c)));
    }
}

fn picker(labels: &[&str]) -> Picker<usize> {
    Picker::new(
        labels
            .iter()
            .enumerate()
            .map(|(i, l)| PickerEntry::new(i, *l))
            .collect(),
    )
}

fn shown<V>(p: &Picker<V>, n: usize) -> Vec<String> {
    p.best(0, n).map(|(_, e)| e.label.clone()).collect()
}

#[test]
fn matches_without_case_or_accents() {
    let mut p = picker(&["Angers", "Mûrs-Erigné", "Murs", "Nantes"]);
    p.open();
    typ(&mut p, "murs e");
    assert_eq!(shown(&p, 5), ["Mûrs-Erigné"]);
    p.set_query("MURS");
    assert_eq!(shown(&p, 5), ["Murs", "Mûrs-Erigné"]);
    p.set_query("ÉRIGNÉ");
    assert_eq!(shown(&p, 5), ["Mûrs-Erigné"]);
    assert_eq!(
        rank(&match_key("Mûrs-Erigné"), &match_key("murs-e")),
        Some(Rank::Prefix)
    );
}

#[test]
fn best_first_and_ties_in_list_order() {
    let mut p = picker(&[
        "Asaint",
        "Le Saint-Martin",
        "Saint-Denis",
        "Saint",
        "Brest",
        "Issaint",
        "Sablé-sur-Sarthe",
    ]);
    p.open();
    typ(&mut p, "saint");
    assert_eq!(
        shown(&p, 10),
        [
            "Saint",
            "Saint-Denis",
            "Le Saint-Martin",
            "Asaint",
            "Issaint"
        ]
    );
    p.set_query("sst");
    assert_eq!(shown(&p, 10), ["Issaint", "Sablé-sur-Sarthe"]);
    assert_eq!(rank("sable sur sarthe", "sst"), Some(Rank::Scattered));
}

#[test]
fn an_empty_query_shows_the_list_in_order_from_the_chosen_entry() {
    let mut p = picker(&["b", "a", "c"]);
    p.open();
    assert_eq!(shown(&p, 10), ["b", "a", "c"]);
    assert_eq!(p.match_count(), 3);
    p.handle_key(key(KeyCode::Down));
    assert_eq!(p.handle_key(key(KeyCode::Enter)), PickerReply::Chosen);
    assert_eq!(p.value(), Some(&1));
    p.open();
    assert_eq!(p.cursor(), 1, "the cursor starts on the chosen one");
}

#[test]
fn no_match_chooses_nothing() {
    let mut p = picker(&["Angers", "Nantes"]);
    p.select_value(&1);
    p.open();
    typ(&mut p, "zz");
    assert_eq!(p.match_count(), 0);
    assert_eq!(p.handle_key(key(KeyCode::Enter)), PickerReply::Closed);
    assert_eq!(p.value(), Some(&1));
    assert!(!p.is_open());
}

#[test]
fn escape_keeps_the_previous_value() {
    let mut p = Picker::new(communes(1000));
    p.select_value(&10);
    typ(&mut p, "sai");
    assert!(p.is_open(), "a letter opens a long list's search");
    p.handle_key(key(KeyCode::Down));
    assert_eq!(p.handle_key(key(KeyCode::Esc)), PickerReply::Closed);
    assert_eq!(p.value(), Some(&10));
    assert_eq!(p.query(), "");
}

#[test]
fn short_lists_cycle_and_jump_by_first_letter() {
    let mut p = picker(&["Angers", "Bayonne", "Brest", "Écully", "Dijon"]);
    assert_eq!(p.handle_key(key(KeyCode::Right)), PickerReply::Chosen);
    assert_eq!(p.value(), Some(&0));
    p.handle_key(key(KeyCode::Left));
    assert_eq!(
        p.value(),
        Some(&4),
        "← from the first goes round to the last"
    );
    p.handle_key(key(KeyCode::Right));
    assert_eq!(p.value(), Some(&0));
    typ(&mut p, "b");
    assert_eq!(p.value(), Some(&1));
    typ(&mut p, "b");
    assert_eq!(p.value(), Some(&2), "the same letter again: the next one");
    typ(&mut p, "e");
    assert_eq!(p.value(), Some(&3), "an initial without its accent");
    assert_eq!(p.handle_key(key(KeyCode::Char('z'))), PickerReply::Ignored);
    assert!(!p.is_open());
    // Keys of the form around it are left to it.
    assert_eq!(p.handle_key(key(KeyCode::Tab)), PickerReply::Ignored);
    assert_eq!(p.handle_key(key(KeyCode::Down)), PickerReply::Ignored);
    // A long list does not cycle.
    let mut long = Picker::new(communes(100));
    assert_eq!(long.handle_key(key(KeyCode::Right)), PickerReply::Ignored);
}

#[test]
fn thirty_five_thousand_entries_refined_as_typed_and_back() {
    let mut p = Picker::new(communes(35_000));
    assert_eq!(p.entries().len(), 35_000);
    p.open();
    typ(&mut p, "saint-m");
    let count = p.match_count();
    assert!(count > 100, "{count}");
    let best = shown(&p, 3);
    assert!(best.iter().all(|l| l.starts_with("Saint-M")), "{best:?}");
    // Refined from the previous matches, the same as matched from scratch.
    for _ in 0..199 {
        p.handle_key(key(KeyCode::Down));
    }
    let refined = shown(&p, 200);
    assert_eq!(refined.len(), 200);
    let mut fresh = Picker::new(communes(35_000));
    fresh.set_query("saint-m");
    for _ in 0..199 {
        fresh.handle_key(key(KeyCode::Down));
    }
    assert_eq!(shown(&fresh, 200), refined);
    for _ in 0.."-m".len() {
        p.handle_key(key(KeyCode::Backspace));
    }
    assert_eq!(p.query(), "saint");
    let mut again = Picker::new(communes(35_000));
    again.set_query("saint");
    assert_eq!(p.match_count(), again.match_count());
    assert_eq!(shown(&p, 50), shown(&again, 50));
    typ(&mut p, " m");
    assert_eq!(p.match_count(), count, "a space is a hyphen");
    p.set_query("mûrs");
    assert_eq!(shown(&p, 1), ["Mûrs-Aignan"]);
    p.set_query("MURS ER");
    assert_eq!(shown(&p, 1), ["Mûrs-Erigné"]);
}

#[test]
fn the_cursor_goes_past_the_first_sorted_matches() {
    let mut p = Picker::new(communes(35_000));
    p.open();
    typ(&mut p, "e");
    let all: Vec<String> = {
        let keys: Vec<String> = p.entries().iter().map(|e| match_key(&e.label)).collect();
        let mut ranked: Vec<(Rank, usize)> = keys
            .iter()
            .enumerate()
            .filter_map(|(i, k)| rank(k, "e").map(|r| (r, i)))
            .collect();
        ranked.sort();
        ranked
            .iter()
            .take(300)
            .map(|(_, i)| p.entries()[*i].label.clone())
            .collect()
    };
    for _ in 0..299 {
        p.handle_key(key(KeyCode::Down));
    }
    assert_eq!(p.cursor(), 299);
    assert_eq!(shown(&p, 300), all);
}

fn screen(p: &Picker<u32>, focused: bool, w: u16, h: u16, area: Rect) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    PickerView {
        picker: p,
        theme: Theme::plain(),
        focused,
    }
    .render(area, &mut buf);
    buf
}

fn text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_owned())
        .collect()
}

#[test]
fn draws_a_field_when_closed_and_the_best_matches_when_open() {
    let mut p = Picker::new(communes(35_000));
    let id = p
        .entries()
        .iter()
        .find(|e| e.label == "Mûrs-Erigné")
        .unwrap()
        .value;
    p.select_value(&id);
    let buf = screen(&p, false, 40, 6, Rect::new(0, 0, 40, 6));
    assert_eq!(text(&buf, 0).trim_end(), "Mûrs-Erigné (49)");
    assert_eq!(text(&buf, 1).trim_end(), "", "closed: one row only");
    typ(&mut p, "saint-m");
    let count = msg::picker_count(p.match_count(), 35_000);
    assert!(count.ends_with(" / 35 000"), "{count}");
    let buf = screen(&p, true, 40, 6, Rect::new(0, 0, 40, 6));
    let first = text(&buf, 0);
    assert!(first.starts_with("saint-m "), "{first:?}");
    assert!(first.trim_end().ends_with(&count), "{first:?}");
    assert!(
        text(&buf, 1).starts_with("> Saint-M"),
        "{:?}",
        text(&buf, 1)
    );
    assert!(text(&buf, 5).starts_with("  Saint-M"));
    // A dropdown taller than the screen stays on it, and out of the rows above the area.
    let buf = screen(&p, true, 30, 4, Rect::new(2, 1, 60, 50));
    assert_eq!(text(&buf, 0).trim(), "");
    assert!(text(&buf, 1).starts_with("  saint-m"));
    assert!(text(&buf, 3).starts_with("    Saint-M"));
    p.set_query("zzz");
    let buf = screen(&p, true, 40, 3, Rect::new(0, 0, 40, 3));
    assert!(text(&buf, 0).trim_end().ends_with("0 / 35 000"));
    assert_eq!(text(&buf, 1).trim(), msg::PICKER_NO_MATCH);
}

/// The best matches and their count by brute force: every entry ranked, fully sorted.
fn brute_force(entries: &[PickerEntry<u32>], query: &str, n: usize) -> (usize, Vec<String>) {
    let q = match_key(query);
    let mut ranked: Vec<(Rank, usize)> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| rank(&match_key(&e.label), &q).map(|r| (r, i)))
        .collect();
    ranked.sort();
    let best = ranked
        .iter()
        .take(n)
        .map(|(_, i)| entries[*i].label.clone())
        .collect();
    (ranked.len(), best)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(32))]

    /// Whatever is typed and erased, refining from the kept matches gives what ranking the
    /// whole list from scratch gives.
    #[test]
    fn refining_as_typed_equals_ranking_everything(
        keys in proptest::collection::vec(proptest::option::weighted(0.8, "[aeéimnrst -]"), 0..10)
    ) {
        let entries = communes(3000);
        let mut p = Picker::new(entries.clone());
        p.open();
        for k in &keys {
            match k {
                Some(c) => typ(&mut p, c),
                None => {
                    p.handle_key(key(KeyCode::Backspace));
                }
            }
            let (count, best) = brute_force(&entries, p.query(), 20);
            proptest::prop_assert_eq!(p.match_count(), count, "{:?}", p.query());
            proptest::prop_assert_eq!(shown(&p, 20), best, "{:?}", p.query());
        }
    }
}
