-- The devices list at platform scale: every query starts from one customer, so every index leads
-- with customer_id and the cost follows the size of that customer, not of the platform.
-- (device_customer_created_idx, from V4, serves the default order, newest first, and the count.)

-- Filtered by site, newest first, without sorting; the count of a site is an index-only scan.
create index device_customer_site_created_idx on device (customer_id, site_id, created_at desc, id desc);

-- Sorted by label whatever its letter case, both ways (scanning forwards or backwards).
create index device_customer_label_idx on device (customer_id, lower(label), id);

-- Sorted by MAC.
create index device_customer_mac_idx on device (customer_id, mac);

-- No trigram index for the search (a part of a MAC or a label, anywhere): with 1,000,000 devices,
-- EXPLAIN ANALYZE showed a trigram index matching a 4-digit fragment across the whole platform
-- (4,000 rows, 2-4 ms, growing with the platform) while reading the customer's own rows through
-- the index above and filtering them costs 0.7 ms for 1,000 devices, whatever the platform's size.

-- A device's history on its page.
create index audit_event_customer_object_idx on audit_event (customer_id, object_type, object_id, created_at desc, id desc);
