-- Grain state (Microsoft.Orleans.Persistence.AdoNet): one row per grain and state name.
--
-- The provider identifies a grain by two 64-bit halves (integer and GUID keys) plus a string (a string key, or the
-- key extension), under the cluster's ServiceId and the state's name (the grain's [PersistentState("name")]).
-- It also sends hashes of the key and state name; an exact composite primary key makes them unnecessary here.
-- Optimistic concurrency: the provider's ETag is our version. A write must name the version it read (none for a
-- grain with no row yet); a write that names any other version changes nothing and returns no version, which the
-- provider reports as an InconsistentStateException.
create table grain_state (
    service_id  text        not null,
    state_name  text        not null,
    key_text    text        not null,   -- the string key or key extension; '' when there is none
    key_n0      bigint      not null,
    key_n1      bigint      not null,
    version     integer     not null,
    payload     bytea,                  -- the serialized state; null after a clear
    written_at  timestamptz not null default now(),
    primary key (service_id, state_name, key_text, key_n0, key_n1)
);

insert into orleansquery (querykey, querytext) values
('ReadFromStorageKey', $sql$
select payload as "PayloadBinary", version as "Version"
  from grain_state
 where service_id = @ServiceId and state_name = @GrainTypeString
   and key_text = coalesce(@GrainIdExtensionString, '') and key_n0 = @GrainIdN0 and key_n1 = @GrainIdN1
$sql$),

-- First write of a grain: insert at version 1 unless a row appeared meanwhile. Later writes: replace the payload
-- if the row is still at the version the grain read. Exactly one row comes back on success, none on a conflict.
('WriteToStorageKey', $sql$
with replaced as (
    update grain_state
       set payload = @PayloadBinary, version = version + 1, written_at = now()
     where @GrainStateVersion is not null
       and service_id = @ServiceId and state_name = @GrainTypeString
       and key_text = coalesce(@GrainIdExtensionString, '') and key_n0 = @GrainIdN0 and key_n1 = @GrainIdN1
       and version = @GrainStateVersion
    returning version
), created as (
    insert into grain_state (service_id, state_name, key_text, key_n0, key_n1, version, payload)
    select @ServiceId, @GrainTypeString, coalesce(@GrainIdExtensionString, ''), @GrainIdN0, @GrainIdN1, 1, @PayloadBinary
     where @GrainStateVersion is null
    on conflict do nothing
    returning version
)
select version as "NewGrainStateVersion" from replaced
union all
select version from created
$sql$),

-- Clearing keeps the row (and its version, so a stale writer still conflicts) but drops the payload.
('ClearStorageKey', $sql$
update grain_state
   set payload = null, version = version + 1, written_at = now()
 where service_id = @ServiceId and state_name = @GrainTypeString
   and key_text = coalesce(@GrainIdExtensionString, '') and key_n0 = @GrainIdN0 and key_n1 = @GrainIdN1
   and version = @GrainStateVersion
returning version as "NewGrainStateVersion"
$sql$),

-- For DeleteStateOnClear=true: the row goes; the value returned only has to differ from the version held.
('DeleteStorageKey', $sql$
delete from grain_state
 where service_id = @ServiceId and state_name = @GrainTypeString
   and key_text = coalesce(@GrainIdExtensionString, '') and key_n0 = @GrainIdN0 and key_n1 = @GrainIdN1
   and version = @GrainStateVersion
returning version + 1 as "NewGrainStateVersion"
$sql$);
