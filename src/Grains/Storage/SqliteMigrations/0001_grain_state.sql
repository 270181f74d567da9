-- Grain state for the one-process product (Storage:Provider=Sqlite): one row per grain and state name, as in
-- PostgreSQL's grain_state, read and written by SqliteGrainStorage.
-- grain_id is the grain's id as Orleans prints it (type/key); payload is the state in Orleans's own serializer, the
-- same bytes PostgreSQL stores. Optimistic concurrency: a write names the version it read and changes nothing if the
-- row has moved on (or, for a first write, if a row appeared meanwhile).
create table grain_state (
    state_name  text    not null,
    grain_id    text    not null,
    version     integer not null,
    payload     blob    not null,
    written_at  text    not null,
    primary key (state_name, grain_id)
) without rowid;
