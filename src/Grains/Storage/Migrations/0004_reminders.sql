-- Reminders (Microsoft.Orleans.Reminders.AdoNet): durable wake-ups of grains. Each silo owns a range of the ring of
-- grain hashes and reads the reminders in it; a range that wraps round the end of the ring is read in two halves.
-- The hash is the grain's uniform hash as a signed 32-bit integer, as the provider sends it.
create table reminder (
    service_id    text        not null,
    grain_id      text        not null,
    reminder_name text        not null,
    grain_hash    integer     not null,
    start_time    timestamptz not null,
    period_ms     bigint      not null,
    version       integer     not null,
    primary key (service_id, grain_id, reminder_name)
);
create index reminder_by_hash on reminder (service_id, grain_hash);

insert into orleansquery (querykey, querytext) values
('ReadReminderRowsKey', $sql$
select grain_id as "GrainId", reminder_name as "ReminderName", start_time as "StartTime", period_ms as "Period",
       version as "Version"
  from reminder
 where service_id = @ServiceId and grain_id = @GrainId
$sql$),

('ReadReminderRowKey', $sql$
select grain_id as "GrainId", reminder_name as "ReminderName", start_time as "StartTime", period_ms as "Period",
       version as "Version"
  from reminder
 where service_id = @ServiceId and grain_id = @GrainId and reminder_name = @ReminderName
$sql$),

-- A range (begin, end] that does not wrap ...
('ReadRangeRows1Key', $sql$
select grain_id as "GrainId", reminder_name as "ReminderName", start_time as "StartTime", period_ms as "Period",
       version as "Version"
  from reminder
 where service_id = @ServiceId and grain_hash > @BeginHash and grain_hash <= @EndHash
$sql$),

-- ... and one that does: everything after begin, and everything up to end.
('ReadRangeRows2Key', $sql$
select grain_id as "GrainId", reminder_name as "ReminderName", start_time as "StartTime", period_ms as "Period",
       version as "Version"
  from reminder
 where service_id = @ServiceId and (grain_hash > @BeginHash or grain_hash <= @EndHash)
$sql$),

-- Registering a reminder again replaces its schedule and bumps its version (its ETag).
('UpsertReminderRowKey', $sql$
insert into reminder (service_id, grain_id, reminder_name, grain_hash, start_time, period_ms, version)
values (@ServiceId, @GrainId, @ReminderName, @GrainHash, @StartTime, @Period, 1)
on conflict (service_id, grain_id, reminder_name) do update
   set grain_hash = excluded.grain_hash, start_time = excluded.start_time, period_ms = excluded.period_ms,
       version = reminder.version + 1
returning version as "Version"
$sql$),

('DeleteReminderRowKey', $sql$
with removed as (
    delete from reminder
     where service_id = @ServiceId and grain_id = @GrainId and reminder_name = @ReminderName and version = @Version
    returning 1
)
select exists (select 1 from removed)
$sql$),

('DeleteReminderRowsKey', $sql$
delete from reminder where service_id = @ServiceId
$sql$);
