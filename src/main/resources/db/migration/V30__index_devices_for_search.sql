-- The devices list at platform scale: every query starts from one customer, so every index leads
-- with customer_id and the cost follows the size of that customer, not of the platform.

-- Filtered by site, newest first (the default order), without sorting.
create index device_customer_site_created_idx on device (customer_id, site_id, created_at desc, id desc);

-- Sorted by label (both ways, by scanning forwards or backwards).
create index device_customer_label_idx on device (customer_id, label, id);

-- Sorted by MAC.
create index device_customer_mac_idx on device (customer_id, mac);

-- A search (part of a MAC anywhere in the address, or of a label): trigrams, so that a customer too
-- large to read through is searched by index (mac or label, one bitmap each); a customer of
-- ordinary size is simply read through device_customer_created_idx, whichever is cheaper.
create extension if not exists pg_trgm;
create index device_mac_trgm_idx on device using gin ((mac::text) gin_trgm_ops);
create index device_label_trgm_idx on device using gin (lower(label) gin_trgm_ops);

-- A device's history on its page.
create index audit_event_customer_object_idx on audit_event (customer_id, object_type, object_id, created_at desc, id desc);
