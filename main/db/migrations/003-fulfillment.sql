-- Fulfillment requests (ship lines of sales at this till, and requests routed to the store), picked
-- in the back room product first, then serial, and handed over for shipping.

CREATE TABLE pick_waves (
  id         INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL
) STRICT;

CREATE TABLE fulfillment_requests (
  id               TEXT PRIMARY KEY,
  origin           TEXT NOT NULL CHECK (origin IN ('sale', 'import')),
  sale_id          INTEGER UNIQUE REFERENCES sales (id),
  -- A sale at the till records neither; a routed request always carries both.
  shipping_method  TEXT,
  customer_name    TEXT,
  -- ISO 8601 in UTC, so that text order is time order ("oldest first").
  created_at       TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('new', 'accepted', 'declined', 'picking', 'picked', 'shipped')),
  decline_reason   TEXT,
  wave_id          INTEGER REFERENCES pick_waves (id),
  -- The item whose scanned unit waits for its serial; kept here so the prompt survives a restart.
  awaiting_item_id INTEGER REFERENCES fulfillment_items (id),
  started_at       TEXT,
  picked_at        TEXT,
  shipped_at       TEXT,
  declined_at      TEXT,
  CHECK ((origin = 'sale') = (sale_id IS NOT NULL)),
  CHECK (origin = 'sale' OR (shipping_method IS NOT NULL AND customer_name IS NOT NULL)),
  CHECK (awaiting_item_id IS NULL OR status = 'picking')
) STRICT;
CREATE INDEX fulfillment_requests_by_status ON fulfillment_requests (status, created_at, id);
CREATE INDEX fulfillment_requests_by_wave ON fulfillment_requests (wave_id) WHERE wave_id IS NOT NULL;

CREATE TABLE fulfillment_items (
  id            INTEGER PRIMARY KEY,
  request_id    TEXT NOT NULL REFERENCES fulfillment_requests (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  product_id    TEXT NOT NULL REFERENCES products (product_id),
  -- Title and serialized as when the request arrived: a later catalog import does not change a pick.
  title         TEXT NOT NULL,
  serialized    INTEGER NOT NULL CHECK (serialized IN (0, 1)),
  quantity      INTEGER NOT NULL CHECK (quantity >= 1),
  -- Units picked by count; the picked units of a serialized product are its rows in picked_serials.
  counted       INTEGER NOT NULL DEFAULT 0 CHECK (counted >= 0),
  rejected      INTEGER NOT NULL DEFAULT 0 CHECK (rejected >= 0),
  reject_reason TEXT CHECK (reject_reason IN ('not_found', 'damaged')),
  reject_note   TEXT,
  UNIQUE (request_id, position),
  CHECK (serialized = 0 OR counted = 0),
  CHECK (counted + rejected <= quantity),
  CHECK ((rejected = 0) = (reject_reason IS NULL))
) STRICT;

CREATE TABLE picked_serials (
  item_id    INTEGER NOT NULL REFERENCES fulfillment_items (id) ON DELETE CASCADE,
  product_id TEXT NOT NULL REFERENCES products (product_id),
  serial     TEXT NOT NULL,
  picked_at  TEXT NOT NULL,
  PRIMARY KEY (item_id, serial)
) STRICT;
CREATE INDEX picked_serials_by_product_serial ON picked_serials (product_id, serial);
CREATE INDEX picked_serials_by_serial ON picked_serials (serial);

-- The last line of defence against an over-pick: never more serials than units left to pick.
CREATE TRIGGER picked_serials_within_quantity BEFORE INSERT ON picked_serials
WHEN (SELECT count(*) FROM picked_serials WHERE item_id = NEW.item_id)
     >= (SELECT quantity - rejected FROM fulfillment_items WHERE id = NEW.item_id)
BEGIN
  SELECT RAISE(ABORT, 'picked_serials: more serials than units to pick');
END;

-- The request open on the pick screen, so that a restart comes back to it.
CREATE TABLE pick_desk (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  request_id TEXT REFERENCES fulfillment_requests (id)
) STRICT;
