-- Cluster membership (Microsoft.Orleans.Clustering.AdoNet): which silos form the cluster, and the gateways clients
-- connect to. The providers call the cluster id "DeploymentId".
--
-- Orleans's membership protocol reads the whole table with one version and changes any row only if the table is
-- still at the version it read: every insert or update of a member bumps cluster_version in the same statement,
-- and does nothing (returns false) when the version moved meanwhile. Only "I am alive" heartbeats skip the version.
create table cluster_version (
    cluster_id  text        primary key,
    version     integer     not null default 0,
    changed_at  timestamptz not null default now()
);

create table cluster_member (
    cluster_id      text        not null references cluster_version (cluster_id) on delete cascade,
    address         text        not null,
    port            integer     not null,
    generation      integer     not null,
    silo_name       text        not null,
    host_name       text        not null,
    status          integer     not null,   -- Orleans SiloStatus: 3 active, 6 dead, ...
    proxy_port      integer     not null,   -- the gateway port; 0 for a silo without a gateway
    suspect_times   text,                   -- "silo,time|silo,time" votes, as the provider formats them
    start_time      timestamptz not null,
    i_am_alive_time timestamptz not null,
    primary key (cluster_id, address, port, generation)
);

insert into orleansquery (querykey, querytext) values
-- Answers whether this call created the cluster's version row.
('InsertMembershipVersionKey', $sql$
with created as (
    insert into cluster_version (cluster_id) values (@DeploymentId)
    on conflict do nothing
    returning 1
)
select exists (select 1 from created)
$sql$),

-- Both reads return the version row even when no member matches (member columns null then).
('MembershipReadAllKey', $sql$
select v.version as "Version", m.address as "Address", m.port as "Port", m.generation as "Generation",
       m.silo_name as "SiloName", m.host_name as "HostName", m.status as "Status", m.proxy_port as "ProxyPort",
       m.suspect_times as "SuspectTimes", m.start_time as "StartTime", m.i_am_alive_time as "IAmAliveTime"
  from cluster_version v
  left join cluster_member m on m.cluster_id = v.cluster_id
 where v.cluster_id = @DeploymentId
$sql$),

('MembershipReadRowKey', $sql$
select v.version as "Version", m.address as "Address", m.port as "Port", m.generation as "Generation",
       m.silo_name as "SiloName", m.host_name as "HostName", m.status as "Status", m.proxy_port as "ProxyPort",
       m.suspect_times as "SuspectTimes", m.start_time as "StartTime", m.i_am_alive_time as "IAmAliveTime"
  from cluster_version v
  left join cluster_member m
    on m.cluster_id = v.cluster_id and m.address = @Address and m.port = @Port and m.generation = @Generation
 where v.cluster_id = @DeploymentId
$sql$),

('InsertMembershipKey', $sql$
with bumped as (
    update cluster_version set version = version + 1, changed_at = now()
     where cluster_id = @DeploymentId and version = @Version
       and not exists (select 1 from cluster_member
                        where cluster_id = @DeploymentId and address = @Address and port = @Port and generation = @Generation)
    returning cluster_id
), inserted as (
    insert into cluster_member (cluster_id, address, port, generation, silo_name, host_name, status, proxy_port,
                                start_time, i_am_alive_time)
    select cluster_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
      from bumped
    on conflict do nothing
    returning 1
)
select exists (select 1 from inserted)
$sql$),

('UpdateMembershipKey', $sql$
with bumped as (
    update cluster_version set version = version + 1, changed_at = now()
     where cluster_id = @DeploymentId and version = @Version
       and exists (select 1 from cluster_member
                    where cluster_id = @DeploymentId and address = @Address and port = @Port and generation = @Generation)
    returning cluster_id
), updated as (
    update cluster_member m
       set status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
      from bumped
     where m.cluster_id = bumped.cluster_id and m.address = @Address and m.port = @Port and m.generation = @Generation
    returning 1
)
select exists (select 1 from updated)
$sql$),

('UpdateIAmAlivetimeKey', $sql$
update cluster_member
   set i_am_alive_time = @IAmAliveTime
 where cluster_id = @DeploymentId and address = @Address and port = @Port and generation = @Generation
$sql$),

('GatewaysQueryKey', $sql$
select address as "Address", proxy_port as "ProxyPort", generation as "Generation"
  from cluster_member
 where cluster_id = @DeploymentId and status = @Status and proxy_port > 0
$sql$),

-- Forget silos declared dead (status 6) that have not been heard of since the given time.
('CleanupDefunctSiloEntriesKey', $sql$
delete from cluster_member
 where cluster_id = @DeploymentId and status = 6 and i_am_alive_time < @IAmAliveTime
$sql$),

('DeleteMembershipTableEntriesKey', $sql$
delete from cluster_version where cluster_id = @DeploymentId
$sql$);
