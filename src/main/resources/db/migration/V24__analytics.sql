-- Analytics reads cycles, pages and alert firings by the time they started; without these the
-- dashboard's queries scanned whole tables. Runs unchanged on H2 2.x and PostgreSQL 15.
create index incident_cycles_opened on incident_cycles (opened_at);
create index notify_messages_kind_created on notify_messages (kind, created_at);
create index alerts_first_received on alerts (first_received_at);
