//! Tests of the table widget, on ratatui's `Buffer`.

#![allow(clippy::unwrap_used)]

use std::cell::Cell as Counter;

use ratatui::style::{Color, Modifier};

use super::*;

const FAMILY: &str = "👩\u{200d}👩\u{200d}👧";
const FLAG: &str = "🇫🇷";

fn columns() -> Vec<Column<'static>> {
    vec![
        Column::fixed("Code", 5),
        Column::share("Nom", 1).min(8),
        Column::share("Commune", 2),
        Column::fixed("Montant", 10).right(),
    ]
}

fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_owned())
        .collect()
}

/// The x of every `|` of row `y`, in cells.
fn bars(buf: &Buffer, y: u16) -> Vec<u16> {
    (0..buf.area.width)
        .filter(|x| buf[(*x, y)].symbol() == "|")
        .collect()
}

fn state(rows: usize, height: usize) -> ListState {
    let ids: Vec<i64> = (0..rows as i64).collect();
    let mut s = ListState::default();
    s.sync(&ids, height);
    s
}

fn draw<'a, F: Fn(usize) -> Vec<TableCell<'a>>>(table: Table<'a, F>, w: u16, h: u16) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    table.render(buf.area, &mut buf);
    buf
}

#[test]
fn fixed_columns_then_minimums_then_shares_by_weight() {
    let cols = columns();
    // 80 - 3 separators = 77; fixed 15; 62 left: min 8 for Nom, 54 shared 1:2.
    assert_eq!(column_widths(&cols, 80, 1), [5, 26, 36, 10]);
    // 40 - 3 = 37; fixed 15; 22: Nom 8 + 14 shared: 4 and 10 (the remainder to the last).
    assert_eq!(column_widths(&cols, 40, 1), [5, 12, 10, 10]);
    // 38 (a table of 40 with its marker): 35 - 15 = 20: Nom 8 + 12 shared: 4 and 8.
    assert_eq!(column_widths(&cols, 38, 1), [5, 12, 8, 10]);
    // Narrower than the fixed columns: they take what there is, in order.
    assert_eq!(column_widths(&cols, 12, 1), [5, 0, 0, 4]);
    assert_eq!(column_widths(&cols, 0, 1), [0, 0, 0, 0]);
    // A maximum gives its surplus to the others.
    let capped = [Column::share("a", 1).max(6), Column::share("b", 1)];
    assert_eq!(column_widths(&capped, 40, 0), [6, 34]);
    // Widths and separators always add up to the table's width when a share can grow.
    for total in 0..120 {
        let w = column_widths(&cols, total, 1);
        let sum: u16 = w.iter().sum::<u16>() + 3;
        assert!(sum == total || total < 18, "{total}: {w:?}");
    }
}

#[test]
fn header_rows_right_aligned_amounts_and_cuts_with_an_ellipsis() {
    let cols = columns();
    let data = [
        ("01004", "Ambérieu-en-Bugey", "Ain", "1 234,56"),
        (
            "2A004",
            "Ajaccio",
            "Corse-du-Sud et sa très longue côte",
            "7,00",
        ),
    ];
    let s = state(data.len(), 10);
    let table = Table::new(
        &cols,
        data.len(),
        |i| {
            let (a, b, c, d) = data[i];
            vec![a.into(), b.into(), c.into(), d.into()]
        },
        &s,
        Theme::plain(),
    )
    .separator("|");
    let buf = draw(table, 40, 4);
    assert_eq!(
        row_text(&buf, 0),
        "  Code |Nom         |Commune |   Montant"
    );
    assert_eq!(
        row_text(&buf, 1),
        "> 01004|Ambérieu-en…|Ain     |  1 234,56"
    );
    assert_eq!(
        row_text(&buf, 2),
        "  2A004|Ajaccio     |Corse-d…|      7,00"
    );
}

#[test]
fn emoji_sequences_flags_and_combining_marks_keep_the_separators_in_line() {
    let cols = [Column::share("Nom", 1), Column::fixed("Nb", 4).right()];
    let names = [
        format!("Famille {FAMILY} réunie"),
        format!("France {FLAG} {FLAG} {FLAG}"),
        "Cafe\u{301} q\u{303}uartier".to_owned(),
        FAMILY.repeat(20),
        FLAG.repeat(20),
        "e\u{301}".repeat(40),
        "Plain".to_owned(),
    ];
    let s = state(names.len(), 10);
    for width in [20u16, 21, 30, 31, 40] {
        let table = Table::new(
            &cols,
            names.len(),
            |i| vec![names[i].as_str().into(), "12".into()],
            &s,
            Theme::plain(),
        )
        .separator("|")
        .header(false);
        let buf = draw(table, width, 8);
        let expected = bars(&buf, 6);
        assert_eq!(expected, [width - 5]);
        for y in 0..7 {
            assert_eq!(bars(&buf, y), expected, "{width}: {:?}", row_text(&buf, y));
            // The count ends in the last column, after the names of any width.
            assert_eq!(buf[(width - 1, y)].symbol(), "2", "{:?}", row_text(&buf, y));
        }
        // A cut never splits a family: the row holds whole ones and the ellipsis.
        let cut = row_text(&buf, 3);
        assert!(cut.contains('…') && !cut.contains("\u{200d}…"), "{cut:?}");
    }
}

#[test]
fn the_selected_row_is_marked_and_highlighted_only_with_focus() {
    let cols = [Column::share("Nom", 1)];
    let mut s = state(3, 10);
    s.move_by(1, &[0, 1, 2], 10);
    let rows = |i: usize| vec![TableCell::new(format!("ligne {i}"))];
    let buf = draw(
        Table::new(&cols, 3, rows, &s, Theme::colored()).header(false),
        20,
        3,
    );
    assert_eq!(row_text(&buf, 1).trim_end(), "> ligne 1");
    assert_eq!(buf[(0, 1)].bg, Color::Cyan);
    assert_eq!(buf[(19, 1)].bg, Color::Cyan);
    assert_eq!(buf[(5, 0)].bg, Color::Reset);
    let buf = draw(
        Table::new(&cols, 3, rows, &s, Theme::plain()).header(false),
        20,
        3,
    );
    assert!(buf[(3, 1)].modifier.contains(Modifier::REVERSED));
    let buf = draw(
        Table::new(&cols, 3, rows, &s, Theme::colored())
            .header(false)
            .focused(false),
        20,
        3,
    );
    assert_eq!(row_text(&buf, 1).trim_end(), "> ligne 1");
    assert_eq!(buf[(3, 1)].bg, Color::Reset);
}

#[test]
fn totals_row_is_pinned_to_the_bottom() {
    let cols = [
        Column::share("Catégorie", 1),
        Column::fixed("Montant", 9).right(),
    ];
    let s = state(2, 3);
    let amounts = ["12,00", "1 000,50"];
    let table = Table::new(
        &cols,
        2,
        |i| vec![format!("Catégorie {i}").into(), amounts[i].into()],
        &s,
        Theme::colored(),
    )
    .marker(false)
    .totals(vec!["Total".into(), "1 012,50".into()]);
    assert_eq!(table.body_height(6), 4);
    let buf = draw(table, 24, 6);
    assert_eq!(row_text(&buf, 0), "Catégorie        Montant");
    assert_eq!(row_text(&buf, 1), "Catégorie 0        12,00");
    assert_eq!(row_text(&buf, 2), "Catégorie 1     1 000,50");
    assert_eq!(row_text(&buf, 3).trim(), "");
    assert_eq!(row_text(&buf, 5), "Total           1 012,50");
    assert!(buf[(0, 5)].modifier.contains(Modifier::BOLD));
}

#[test]
fn seventy_thousand_rows_build_only_the_visible_ones() {
    let cols = [Column::share("Nom", 1), Column::fixed("N", 6).right()];
    let n = 70_000;
    let ids: Vec<i64> = (0..n as i64).collect();
    let mut s = ListState::default();
    s.sync(&ids, 9);
    for _ in 0..40_000 {
        s.move_by(1, &ids, 9);
    }
    let built = Counter::new(0usize);
    let table = Table::new(
        &cols,
        n,
        |i| {
            built.set(built.get() + 1);
            vec![format!("Personne {i}").into(), i.to_string().into()]
        },
        &s,
        Theme::plain(),
    );
    let buf = draw(table, 30, 10);
    assert_eq!(built.get(), 9);
    assert_eq!(row_text(&buf, 9), "> Personne 40000         40000");
    assert_eq!(row_text(&buf, 1), "  Personne 39992         39992");
}

#[test]
fn an_area_larger_than_the_screen_is_clipped() {
    let cols = [Column::share("Nom", 1)];
    let s = state(50, 100);
    let table = Table::new(
        &cols,
        50,
        |i| vec![TableCell::new(format!("{i}"))],
        &s,
        Theme::plain(),
    );
    let mut buf = Buffer::empty(Rect::new(0, 0, 10, 5));
    table.render(Rect::new(5, 2, 40, 60), &mut buf);
    // The area is cut to the screen: from x 5, and the marker before the names.
    assert_eq!(row_text(&buf, 2), "       Nom");
    assert_eq!(row_text(&buf, 3), "     > 0  ");
    assert_eq!(row_text(&buf, 4), "       1  ");
}
