/**
 * The version 1 schema as it shipped (JSON inside `conversations`, one positional FTS index), so
 * the migration test can build a real version 1 file.
 */
export const V1_SCHEMA = `
  CREATE TABLE conversations (
    rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL, status TEXT,
    prospect_id TEXT, ts_start REAL, ts_end REAL, created_at REAL, updated_at REAL,
    duration REAL, caller_name TEXT COLLATE NOCASE, sentiment TEXT, prospect_status TEXT
  );
  CREATE INDEX conv_prospect ON conversations (prospect_id, ts_start, id);
  CREATE INDEX conv_sort_ts_start ON conversations (ts_start, id);
  CREATE INDEX conv_status_ts_start ON conversations (status, ts_start, id);
  CREATE VIRTUAL TABLE conversations_fts USING fts5 (
    id, prospectId, aiAgentId, status, sourceType, name_of_caller, phone_number_of_caller,
    email_address_of_caller, sentiment_of_caller, prospectStatus, transcript, summary,
    content = '', contentless_delete = 1, tokenize = 'trigram'
  );
  PRAGMA user_version = 1;
`;
