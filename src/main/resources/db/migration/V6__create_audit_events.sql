create table audit_event (
    id          bigint generated always as identity primary key,
    customer_id bigint references customer (id),
    actor_id    bigint,
    actor_email varchar(254),
    action      varchar(60)  not null,
    object_type varchar(40)  not null,
    object_id   varchar(60),
    summary     varchar(500),
    remote_addr varchar(45),
    created_at  timestamptz  not null default now()
);
create index audit_event_customer_idx on audit_event (customer_id, created_at desc, id desc);
create index audit_event_object_idx on audit_event (object_type, object_id);
