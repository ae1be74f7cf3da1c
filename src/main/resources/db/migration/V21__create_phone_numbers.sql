create table phone_number (
    id               bigint generated always as identity primary key,
    customer_id      bigint      not null references customer (id),
    site_id          bigint      not null references site (id),
    -- E.164: a plus sign and up to 15 digits.
    e164             varchar(16) not null check (e164 ~ '^\+[1-9][0-9]{1,14}$'),
    assigned_user_id bigint,
    created_at       timestamptz not null default now(),
    -- A number is assigned only to a user of its own site.
    constraint phone_number_user_fk foreign key (assigned_user_id, site_id) references app_user (id, site_id)
);
-- A number exists once on the whole platform, like a MAC address.
create unique index phone_number_e164_uk on phone_number (e164);
create index phone_number_customer_idx on phone_number (customer_id, site_id, e164);
create index phone_number_user_idx on phone_number (assigned_user_id);
