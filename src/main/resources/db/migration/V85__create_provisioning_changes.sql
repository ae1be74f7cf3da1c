-- One row per transaction that changed what a customer's phones are served (a device added, moved,
-- removed, assigned or unassigned, a line password reset, a user, number or site changed, the key
-- rotated). Written just before the transaction commits; every server reads the rows of the last
-- minute once a second and forgets the files it keeps in memory for those customers. Rows older than
-- a few minutes are of no use and are deleted by the portal. No foreign key: a change row may outlive
-- nothing it points to, and must not slow down the transactions that write it.
create table provisioning_change (
    id          bigint generated always as identity primary key,
    customer_id bigint      not null,
    at          timestamptz not null default clock_timestamp()
);
create index provisioning_change_at_idx on provisioning_change (at);
