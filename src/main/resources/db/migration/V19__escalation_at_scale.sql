-- Escalation at 10,000 incidents (bench/escalation): cheaper hand-offs and an identity for Escalate.

-- 1. Every claim of an alert-group event prunes claims older than a week; without this index that
-- delete read the whole table, so 10,000 incidents opened at once cost O(n^2).
create index incident_group_events_applied on incident_group_events (applied_at);

-- 2. The Escalate requests (IncidentEscalated ids) the engine applied, in the advance's transaction:
-- a second delivery of one moves nothing. Rows older than a week are pruned.
create table escalation_requests (
    request_id  uuid   not null primary key,
    incident_id bigint not null,
    applied_at  timestamp with time zone not null
);
create index escalation_requests_applied on escalation_requests (applied_at);

-- 3. Escalation now takes the incidents a transaction opened as one IncidentsOpened. Hand-offs of the
-- single IncidentOpened still waiting from the previous version become batches of one, so none is
-- left without its listener.
update event_publication
   set listener_id = 'dev.firebreak.escalation.internal.EscalationListeners.on(dev.firebreak.incident.IncidentsOpened)',
       event_type = 'dev.firebreak.incident.IncidentsOpened',
       serialized_event = '{"opened":[' || serialized_event || ']}'
 where listener_id = 'dev.firebreak.escalation.internal.EscalationListeners.on(dev.firebreak.incident.IncidentOpened)'
   and completion_date is null;
