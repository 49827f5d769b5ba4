-- What the till shows besides the open sale, kept so that a restart shows it again: the receipt of
-- the sale just completed, until the cashier starts the next one.
CREATE TABLE till_desk (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  receipt_sale_id INTEGER REFERENCES sales (id)
) STRICT;
INSERT INTO till_desk (id, receipt_sale_id) VALUES (1, NULL);
