-- "Add and update": a device import may also change the label or the site of this customer's devices
-- already in the inventory; those rows are counted as updated (and kept as a bit set for the results file).
alter table device_import add column mode varchar(20) not null default 'ADD'
    check (mode in ('ADD', 'ADD_AND_UPDATE'));
alter table device_import add column updated_count integer not null default 0;
alter table device_import add column updated_rows bytea;
-- The import jobs share their reading code: a user import updates nothing, and says so.
alter table user_import add column updated_count integer not null default 0;
alter table user_import add column updated_rows bytea;
