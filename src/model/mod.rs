//! Plain domain types and their validation: money in cents, dates, enums. No SQL, no terminal.

pub mod checklist;
pub mod circle;
pub mod clock;
pub mod collective;
pub mod date;
pub mod money;
pub mod role;

pub use circle::{Circle, CircleKind, CircleSheet};
pub use clock::Clock;
pub use date::{format_date, parse_date};
pub use money::Money;
pub use role::{Area, Role};
pub mod decision;
pub mod email;
pub mod event;
pub mod field;
pub mod governance;
pub mod ledger;
pub mod membership;
pub mod name_order;
pub mod partner;
pub mod person;
pub mod phone;
pub mod when;
pub mod work;
pub mod workshop;

pub use collective::{
    Collective, CollectiveDraft, CollectiveKind, CollectiveLine, CollectiveStatus, FollowUp,
    Interview, StatusChange,
};
pub use decision::{Decision, DecisionDraft, Instance};
pub use event::{
    Event, EventDraft, EventKind, EventStatus, Figures, Progress, Task, TaskDraft, TaskStatus,
};
pub use field::{FieldError, FieldName};
pub use ledger::{
    Category, CategoryKind, Counterparty, Line, MoneyAccount, OpeningBalance, PaymentMethod,
    Project, Transaction, TransactionDraft, TransferDraft, TxStatus,
};
pub use membership::{CircleRole, Membership};
pub use partner::{EventPartner, Partner, PartnerDraft, PartnerKind, PartnerRole};
pub use person::{Person, PersonDraft, PersonKind, ValidPerson};
pub use when::{Month, When};
pub use work::{CarriedWork, WorkItem, WorkItemDraft, WorkStatus, WorkingGroup, WorkingGroupDraft};
pub use workshop::{Workshop, WorkshopDraft};
