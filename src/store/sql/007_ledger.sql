-- The ledger: counterparties, opening balances per account and year, transactions on an
-- account and their lines. Amounts are integer cents (income > 0, expense < 0). A line
-- without a category is "à ventiler"; the two halves of a transfer between own accounts
-- point at each other through `transfer_of` and have no category.
CREATE TABLE counterparties (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL COLLATE NOCASE UNIQUE,
    person_id     INTEGER REFERENCES people(id),
    collective_id INTEGER REFERENCES collectives(id),
    version       INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE opening_balances (
    id           INTEGER PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES money_accounts(id),
    year         INTEGER NOT NULL,
    amount_cents INTEGER NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    UNIQUE (account_id, year)
) STRICT;

CREATE TABLE ledger_transactions (
    id              INTEGER PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES money_accounts(id),
    on_date         TEXT NOT NULL,
    label           TEXT NOT NULL,
    amount_cents    INTEGER NOT NULL,
    counterparty_id INTEGER REFERENCES counterparties(id),
    method          TEXT CHECK (method IN ('virement', 'cheque', 'carte', 'especes',
                        'prelevement', 'en_ligne')),
    receipt         TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'realisee' CHECK (status IN ('realisee', 'engagee')),
    bank_seen       INTEGER NOT NULL DEFAULT 0 CHECK (bank_seen IN (0, 1)),
    transfer_of     INTEGER REFERENCES ledger_transactions(id),
    version         INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX ledger_transactions_by_date ON ledger_transactions(on_date, id);
CREATE INDEX ledger_transactions_by_account ON ledger_transactions(account_id, on_date, id);
CREATE INDEX ledger_transactions_by_counterparty ON ledger_transactions(counterparty_id);

CREATE TABLE ledger_lines (
    id             INTEGER PRIMARY KEY,
    transaction_id INTEGER NOT NULL REFERENCES ledger_transactions(id),
    position       INTEGER NOT NULL,
    category_id    INTEGER REFERENCES categories(id),
    project_id     INTEGER REFERENCES projects(id),
    amount_cents   INTEGER NOT NULL,
    refund         INTEGER NOT NULL DEFAULT 0 CHECK (refund IN (0, 1)),
    year           INTEGER NOT NULL,
    quantity       INTEGER CHECK (quantity IS NULL OR quantity >= 0),
    -- Copied from the transaction when the lines are written, so the reports read lines alone.
    pending        INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1)),
    transfer       INTEGER NOT NULL DEFAULT 0 CHECK (transfer IN (0, 1)),
    UNIQUE (transaction_id, position)
) STRICT;
-- The bilan and the result by project read lines by year: a covering index keeps them fast.
CREATE INDEX ledger_lines_by_year ON ledger_lines(year, transfer, pending, category_id,
    project_id, amount_cents);
