//! The tabs of the application, one file each. Only Cercles is built so far; the others say in
//! one line what they will hold.

pub mod circle_detail;
pub mod circle_editor;
pub mod circle_forms;
pub mod circle_keys;
pub mod circle_writes;
pub mod circles;
pub mod members;
pub mod members_view;
pub mod members_writes;
pub mod person_editor;
pub mod placeholder;
pub mod role_editor;

use crate::catalogue::tui as msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Cercles,
    Membres,
    Collectifs,
    Rencontres,
    Comptabilite,
    Chronologie,
    Rapports,
}

impl Tab {
    pub const ALL: [Tab; 7] = [
        Tab::Cercles,
        Tab::Membres,
        Tab::Collectifs,
        Tab::Rencontres,
        Tab::Comptabilite,
        Tab::Chronologie,
        Tab::Rapports,
    ];

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    pub fn from_index(i: usize) -> Tab {
        Tab::ALL[i % Tab::ALL.len()]
    }

    pub fn next(self) -> Tab {
        Tab::from_index(self.index() + 1)
    }

    pub fn prev(self) -> Tab {
        Tab::from_index(self.index() + Tab::ALL.len() - 1)
    }

    pub fn name(self) -> &'static str {
        msg::TAB_NAMES[self.index()]
    }

    pub fn short_name(self) -> &'static str {
        msg::TAB_SHORT_NAMES[self.index()]
    }
}
