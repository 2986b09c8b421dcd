-- Durable hand-offs. event_publication is Spring Modulith's JDBC event publication registry (its
-- v2 layout), created here rather than by Modulith so Flyway owns the schema; serialized_event has
-- no length limit, as an alert group's event carries its alerts. Runs unchanged on H2 and PostgreSQL.
create table event_publication (
    id                     uuid          not null primary key,
    listener_id            varchar(512)  not null,
    event_type             varchar(512)  not null,
    serialized_event       varchar       not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone
);
create index event_publication_listener on event_publication (listener_id);
create index event_publication_completion on event_publication (completion_date);

-- At most one open incident per alert group: open_group_key is the group key while the incident is
-- not resolved and null after, so two deliveries of one firing cannot both open an incident.
alter table incidents add column open_group_key varchar(2000);
update incidents set open_group_key = group_key where state <> 'RESOLVED'
    and id in (select max(id) from incidents where state <> 'RESOLVED' group by group_key);
create unique index incidents_open_group on incidents (open_group_key);

-- Each trigger-to-resolve cycle of an incident: a reopen adds one, so every cycle's time to
-- acknowledge and to resolve survives.
create table incident_cycles (
    incident_id     bigint       not null references incidents (id) on delete cascade,
    cycle           integer      not null,
    opened_at       timestamp with time zone not null,
    acknowledged_at timestamp with time zone,
    acknowledged_by varchar(200),
    resolved_at     timestamp with time zone,
    resolved_by     varchar(200),
    primary key (incident_id, cycle)
);
insert into incident_cycles (incident_id, cycle, opened_at, acknowledged_at, acknowledged_by, resolved_at, resolved_by)
    select id, reopen_count + 1, opened_at, acknowledged_at, acknowledged_by, resolved_at, resolved_by from incidents;

-- A sender's acknowledge of an alert (PagerDuty) that may arrive before the alert's incident is
-- written; the incident side applies it when either of the two arrives second.
create table incident_alert_acks (
    alert_id        bigint       not null primary key,
    acknowledged_by varchar(200) not null,
    acknowledged_at timestamp with time zone not null
);

-- The time of the latest alert-group event an incident applied: a late or repeated delivery of an
-- older one (a retry, a resubmission after a crash) changes nothing.
alter table incidents add column group_event_at timestamp with time zone;

-- Alert-group events the incidents applied, by the event's id: a delivery of one already applied
-- (a retry or a republication after a crash) changes nothing. Rows older than a week are pruned.
create table incident_group_events (
    event_id   uuid not null primary key,
    applied_at timestamp with time zone not null
);

-- A resolve finds an alert's groups by fingerprint (and makes a group whose last alert resolved due
-- at once); without this index every resolved alert scanned all members.
create index alert_group_members_fingerprint on alert_group_members (fingerprint);
