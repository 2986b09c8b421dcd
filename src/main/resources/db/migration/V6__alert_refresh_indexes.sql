-- Every refresh of a firing alert (Prometheus resends each one every minute) moved its entries in
-- these two indexes, as much work as the row update itself. Lists now show the newest alerts first
-- (status, id); the resolve sweep scans the firing alerts, which are few next to the history.
drop index alerts_status_received;
drop index alerts_timeout;
create index alerts_status on alerts (status, id);
