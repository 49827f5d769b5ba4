-- App configuration: every change kept (when, from where, old and new document), and the last good
-- copy of the machine-wide managed file, so a broken or tampered file never silently loosens the till.

CREATE TABLE config_history (
  id           INTEGER PRIMARY KEY,
  changed_at   TEXT NOT NULL,
  -- Who or what changed it: "settings screen", "cli", "scenario", or the managed file's path.
  origin       TEXT NOT NULL,
  scope        TEXT NOT NULL CHECK (scope IN ('local', 'managed')),
  old_document TEXT,
  new_document TEXT
) STRICT;
CREATE INDEX config_history_by_time ON config_history (changed_at);

CREATE TABLE managed_config (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  path     TEXT NOT NULL,
  document TEXT NOT NULL,
  read_at  TEXT NOT NULL
) STRICT;

-- A configuration saved before history was kept becomes its first entry.
INSERT INTO config_history (changed_at, origin, scope, old_document, new_document)
SELECT updated_at, 'before history was kept', 'local', NULL, document FROM app_config;
