-- An incident's severity on one scale for every scheme: its level's place in its own scheme,
-- 0 most severe (P0 of P0-P3, P1 of P1-P4 and SEV-1 are all 0). Older rows get a best guess.
alter table incidents add column severity_rank int;
update incidents set severity_rank = case
    when lower(severity) like '%0' or lower(severity) like '%1' or lower(coalesce(severity_label, '')) = 'critical' then 0
    when lower(severity) like '%2' then 1
    when lower(severity) like '%3' then 2
    when lower(severity) like '%4' then 3
    else 2 end;
