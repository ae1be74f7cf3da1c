-- A person who gets phones and numbers (not a portal login). "user" is reserved in PostgreSQL.
create table app_user (
    id          bigint generated always as identity primary key,
    customer_id bigint       not null references customer (id),
    site_id     bigint       not null references site (id),
    first_name  varchar(100) not null check (length(trim(first_name)) > 0),
    last_name   varchar(100) not null check (length(trim(last_name)) > 0),
    email       varchar(254) not null check (length(trim(email)) > 0),
    extension   varchar(8)   not null check (extension ~ '^[0-9]{2,8}$'),
    language    varchar(2)   not null default 'en' check (language in ('en', 'fr')),
    created_at  timestamptz  not null default now(),
    -- Lets numbers and devices reference (user, site): an assignment never crosses sites.
    constraint app_user_id_site_uk unique (id, site_id)
);
-- Emails are unique per customer whatever their letter case; extensions are unique per customer.
create unique index app_user_customer_email_uk on app_user (customer_id, lower(email));
create unique index app_user_customer_extension_uk on app_user (customer_id, extension);
create index app_user_customer_name_idx on app_user (customer_id, lower(last_name), lower(first_name));
create index app_user_site_idx on app_user (site_id);
