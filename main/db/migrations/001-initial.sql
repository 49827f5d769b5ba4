-- Catalog, prices, stock, configuration and sales: everything the till needs to sell.

CREATE TABLE products (
  product_id   TEXT PRIMARY KEY,
  title        TEXT NOT NULL,
  serialized   INTEGER NOT NULL DEFAULT 0 CHECK (serialized IN (0, 1)),
  catalog      TEXT NOT NULL,
  locale       TEXT NOT NULL,
  -- The whole item as imported, so fields Counter does not use yet are kept.
  data         TEXT NOT NULL,
  -- A full import hides products that sales refer to instead of deleting them.
  hidden       INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1))
) STRICT;

CREATE TABLE product_identifiers (
  product_id TEXT NOT NULL REFERENCES products (product_id) ON DELETE CASCADE,
  type       TEXT NOT NULL,
  value      TEXT NOT NULL,
  -- GTIN-8/12/13/14 stored as GTIN-14 so that every form of one GTIN finds the product.
  gtin14     TEXT,
  PRIMARY KEY (product_id, type, value)
) STRICT;
CREATE INDEX product_identifiers_by_value ON product_identifiers (value);
CREATE INDEX product_identifiers_by_gtin ON product_identifiers (gtin14) WHERE gtin14 IS NOT NULL;

CREATE TABLE price_books (
  pricebook TEXT PRIMARY KEY,
  currency  TEXT NOT NULL,
  catalog   TEXT
) STRICT;

CREATE TABLE prices (
  pricebook    TEXT NOT NULL REFERENCES price_books (pricebook) ON DELETE CASCADE,
  product_id   TEXT NOT NULL REFERENCES products (product_id) ON DELETE CASCADE,
  amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
  hidden       INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  PRIMARY KEY (pricebook, product_id)
) STRICT;

CREATE TABLE stock (
  fulfillment_node_id TEXT NOT NULL,
  product_id          TEXT NOT NULL REFERENCES products (product_id) ON DELETE CASCADE,
  quantity            INTEGER NOT NULL CHECK (quantity >= 0),
  PRIMARY KEY (fulfillment_node_id, product_id)
) STRICT;

CREATE TABLE app_config (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  document   TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE sales (
  id             INTEGER PRIMARY KEY,
  status         TEXT NOT NULL CHECK (status IN ('open', 'parked', 'completed', 'voided')),
  currency       TEXT NOT NULL,
  opened_at      TEXT NOT NULL,
  parked_at      TEXT,
  closed_at      TEXT,
  tender         TEXT CHECK (tender IN ('cash', 'card')),
  total_minor    INTEGER,
  tendered_minor INTEGER,
  change_minor   INTEGER
) STRICT;
-- At most one sale is open on a till: the one on screen.
CREATE UNIQUE INDEX sales_one_open ON sales (status) WHERE status = 'open';

CREATE TABLE sale_lines (
  id               INTEGER PRIMARY KEY,
  sale_id          INTEGER NOT NULL REFERENCES sales (id) ON DELETE CASCADE,
  position         INTEGER NOT NULL,
  product_id       TEXT NOT NULL REFERENCES products (product_id),
  title            TEXT NOT NULL,
  serialized       INTEGER NOT NULL CHECK (serialized IN (0, 1)),
  fulfillment      TEXT NOT NULL CHECK (fulfillment IN ('take', 'ship')),
  quantity         INTEGER NOT NULL CHECK (quantity >= 1),
  unit_price_minor INTEGER NOT NULL,
  serial           TEXT,
  CHECK (serial IS NULL OR (serialized = 1 AND quantity = 1 AND fulfillment = 'take'))
) STRICT;
CREATE INDEX sale_lines_by_sale ON sale_lines (sale_id, position);
CREATE INDEX sale_lines_by_serial ON sale_lines (serial) WHERE serial IS NOT NULL;

-- A serial sold is sold once per product: the database refuses a second sale of it.
CREATE TABLE sold_serials (
  product_id TEXT NOT NULL REFERENCES products (product_id),
  serial     TEXT NOT NULL,
  sale_id    INTEGER NOT NULL REFERENCES sales (id),
  line_id    INTEGER NOT NULL REFERENCES sale_lines (id),
  PRIMARY KEY (product_id, serial)
) STRICT;
CREATE INDEX sold_serials_by_serial ON sold_serials (serial);
