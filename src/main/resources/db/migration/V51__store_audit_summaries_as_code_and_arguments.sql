-- An audit event keeps what happened as a message code and its arguments, rendered in the reader's
-- language when read (audit.summary.<action> in messages/audit*.properties), instead of English text.
-- import_id ties the per-device events of an import to it, so that the dashboard's feed shows the
-- import as one line while each device's history still names the file that added it.
alter table audit_event
    add column summary_key  varchar(100),
    add column summary_args jsonb not null default '[]',
    add column import_id    bigint;

-- Existing rows. The import's texts had English words in them: their numbers and names become arguments.
update audit_event
set summary_key  = 'audit.summary.device-import.completed',
    summary_args = jsonb_build_array(m[1], m[2]::int, m[3]::int)
from (select id as mid, regexp_match(summary, '^(.*): (\d+) added, (\d+) unchanged$') as m from audit_event
      where action = 'device-import.completed') parsed
where id = mid and m is not null;

update audit_event
set summary_key  = 'audit.summary.device-import.rejected',
    summary_args = jsonb_build_array(m[1], m[2]::int)
from (select id as mid, regexp_match(summary, '^(.*): (\d+) errors$') as m from audit_event
      where action = 'device-import.rejected') parsed
where id = mid and m is not null;

-- A device added by an import: "MAC model @ site (import file)".
update audit_event
set summary_key  = 'audit.summary.device.imported',
    summary_args = jsonb_build_array(m[1], m[2], m[3], m[4])
from (select id as mid, regexp_match(summary, '^(\S+) (.*) @ (.*) \(import (.*)\)$') as m from audit_event
      where action = 'device.created') parsed
where id = mid and m is not null;

-- Every other summary was names, addresses and arrows only: kept as its one argument.
update audit_event
set summary_key  = case when summary is null then 'audit.summary.none' else 'audit.summary.text' end,
    summary_args = case when summary is null then '[]'::jsonb else jsonb_build_array(summary) end
where summary_key is null;

alter table audit_event alter column summary_key set not null;
alter table audit_event drop column summary;

-- The dashboard's feed: the latest events of a customer, an import's per-device events left out.
create index audit_event_feed_idx on audit_event (customer_id, created_at desc, id desc) where import_id is null;
