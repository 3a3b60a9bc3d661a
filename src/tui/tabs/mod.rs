//! The tabs of the application, and their [`registry`]. A tab is a component: its state
//! implements [`Pane`], it takes what it needs from the app in an [`Env`] and answers with a
//! [`Reply`]. Cercles and Membres are built; the others are placeholders saying in one line what
//! they will hold.

pub mod circles;
pub mod collectives;
pub mod commune_field;
pub mod events;
pub mod members;
pub mod pane;
pub mod placeholder;

pub use pane::{Env, Offer, Pane, Reply, Tab, body_rows};

/// The tabs, one line each: the pane that fills each of the seven places. A new tab is a folder
/// beside `circles` and `members` and its line here in place of the placeholder.
pub fn registry(tab: Tab) -> Box<dyn Pane> {
    match tab {
        Tab::Cercles => Box::new(circles::CirclesTab::default()),
        Tab::Membres => Box::new(members::MembersTab::default()),
        Tab::Collectifs => Box::new(collectives::CollectivesTab::default()),
        Tab::Rencontres => Box::new(events::EventsTab::default()),
        Tab::Comptabilite | Tab::Chronologie | Tab::Rapports => {
            Box::new(placeholder::Placeholder::new(tab))
        }
    }
}
