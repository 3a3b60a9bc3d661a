//! What the Rencontres tab's forms and questions hand back to it: what to select after a save,
//! and the questions it asks (the forms and the tab's state both import this file).

/// What the tab does after a save: select the event, or the task in its event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Then {
    Event(i64),
    Task { event: i64, task: i64 },
    Workshop { event: i64, workshop: i64 },
    Link { event: i64, link: i64 },
    Partner(i64),
}

/// The questions the tab asks; each carries the versions it was asked on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventsQuestion {
    /// The event's start moved: its open tasks too? (asked by the event form's save)
    Replan,
    DeleteEvent {
        id: i64,
        version: i64,
        title: String,
    },
    DeleteTask {
        id: i64,
        version: i64,
        title: String,
    },
    DeleteWorkshop {
        id: i64,
        version: i64,
        title: String,
    },
    /// Take a partner off an event (the partner stays).
    Unlink {
        id: i64,
        version: i64,
        name: String,
    },
    DeletePartner {
        id: i64,
        version: i64,
        name: String,
    },
    /// The event already has tasks: add the template's anyway?
    TemplateAgain {
        id: i64,
        kind: &'static str,
    },
}
