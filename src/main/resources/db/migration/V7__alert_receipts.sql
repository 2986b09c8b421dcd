-- Prometheus resends every firing alert every minute, and a resend changes only these columns. In a
-- narrow table of their own its UPDATE rewrites one small row: H2 re-adds an updated row to every
-- index of its table, and each commit serialized the wide alert rows' JSON with the pages it changed
-- (docs/benchmarks.md, session 4).
create table alert_receipts (
    alert_id         bigint primary key references alerts (id) on delete cascade,
    -- True while the alert fires: what a refresh written without reading the alert checks.
    firing           boolean not null,
    receive_count    integer not null,
    last_received_at timestamp with time zone not null,
    ends_at          timestamp with time zone,
    -- When the alert resolves unless refreshed (Prometheus endsAt or the resolve timeout); null: never.
    timeout_at       timestamp with time zone
);
insert into alert_receipts (alert_id, firing, receive_count, last_received_at, ends_at, timeout_at)
    select id, status = 'FIRING', receive_count, last_received_at, ends_at, timeout_at from alerts;
alter table alerts drop column receive_count;
alter table alerts drop column last_received_at;
alter table alerts drop column ends_at;
alter table alerts drop column timeout_at;
