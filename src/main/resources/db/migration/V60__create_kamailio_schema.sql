-- What Kamailio 5.6 reads and writes, in a schema of its own. Kamailio's SQL names its tables without
-- a schema, so its database role gets `search_path = kamailio` (see RegistrarDatabase and the README).
-- Table layouts follow Kamailio's own DDL (Debian kamailio: /usr/share/kamailio/postgres/
-- standard-create.sql, usrloc-create.sql, auth_db-create.sql, alias_db-create.sql).
create schema kamailio;

-- Kamailio checks these rows at start (location 9, subscriber 7) and refuses to run on a mismatch.
create table kamailio.version (
    id            serial primary key not null,
    table_name    varchar(32) not null,
    table_version integer default 0 not null,
    constraint version_table_name_idx unique (table_name)
);
insert into kamailio.version (table_name, table_version) values
    ('version', 1), ('location', 9), ('location_attrs', 1), ('subscriber', 7), ('dbaliases', 1);

-- usrloc in db_mode 3 ("DB only"): every node of a fleet reads and writes the registrations here.
-- Kamailio's DDL, except `domain` as long as our SIP domains. `expires` and `last_modified` are
-- written without a zone in the Kamailio process's local time: it runs with TZ=UTC.
create table kamailio.location (
    id            serial primary key not null,
    ruid          varchar(64)  default '' not null,
    username      varchar(64)  default '' not null,
    domain        varchar(253) default null,
    contact       varchar(512) default '' not null,
    received      varchar(128) default null,
    path          varchar(512) default null,
    expires       timestamp without time zone default '2030-05-28 21:32:15' not null,
    q             real         default 1.0 not null,
    callid        varchar(255) default 'Default-Call-ID' not null,
    cseq          integer      default 1 not null,
    last_modified timestamp without time zone default '2000-01-01 00:00:01' not null,
    flags         integer      default 0 not null,
    cflags        integer      default 0 not null,
    user_agent    varchar(255) default '' not null,
    socket        varchar(64)  default null,
    methods       integer      default null,
    instance      varchar(255) default null,
    reg_id        integer      default 0 not null,
    server_id     integer      default 0 not null,
    connection_id integer      default 0 not null,
    keepalive     integer      default 0 not null,
    partition     integer      default 0 not null,
    constraint location_ruid_idx unique (ruid)
);
create index location_account_contact_idx on kamailio.location (username, domain, contact);
create index location_expires_idx on kamailio.location (expires);
create index location_tcpcon_idx on kamailio.location (connection_id);
create index location_connection_idx on kamailio.location (server_id, connection_id);

-- Not used by our configuration, but usrloc may look for it; kept empty with Kamailio's DDL.
create table kamailio.location_attrs (
    id            serial primary key not null,
    ruid          varchar(64)  default '' not null,
    username      varchar(64)  default '' not null,
    domain        varchar(253) default null,
    aname         varchar(64)  default '' not null,
    atype         integer      default 0 not null,
    avalue        varchar(512) default '' not null,
    last_modified timestamp without time zone default '2000-01-01 00:00:01' not null
);
create index location_attrs_account_record_idx on kamailio.location_attrs (username, domain, ruid);
create index location_attrs_last_modified_idx on kamailio.location_attrs (last_modified);

-- auth_db authenticates a line by (username, domain) with ha1 = md5(username:domain:password), and
-- ha1b when a phone sends user@domain as its digest user name. The realm is the domain: the
-- customer's SIP domain kept on the line. No clear-text password ever reaches Kamailio.
create view kamailio.subscriber as
select l.id,
       l.username::varchar(64)  as username,
       l.domain::varchar(253)   as domain,
       ''::varchar(64)          as password,
       l.ha1::varchar(128)      as ha1,
       l.ha1b::varchar(128)     as ha1b
from public.line l;

-- alias_db (with use_domain = 1) turns a dialled extension or number, in the caller's domain, into
-- the AORs of the lines of the user who has it: calling a user rings every registered phone of theirs.
-- Numbers are reachable as +E.164 and as the same digits without the plus.
create view kamailio.dbaliases as
select l.id::bigint * 3 as id, u.extension::varchar(64) as alias_username, l.domain::varchar(253) as alias_domain,
       l.username::varchar(64) as username, l.domain::varchar(253) as domain
from public.line l
join public.app_user u on u.id = l.user_id and u.customer_id = l.customer_id
union all
select l.id::bigint * 3 + 1, n.e164::varchar(64), l.domain::varchar(253), l.username::varchar(64), l.domain::varchar(253)
from public.line l
join public.phone_number n on n.assigned_user_id = l.user_id and n.customer_id = l.customer_id
union all
select l.id::bigint * 3 + 2, substr(n.e164, 2)::varchar(64), l.domain::varchar(253), l.username::varchar(64), l.domain::varchar(253)
from public.line l
join public.phone_number n on n.assigned_user_id = l.user_id and n.customer_id = l.customer_id;

-- A line ended (its row deleted) or its password reset (a new ha1) loses its registrations at once:
-- Kamailio itself keeps them until they expire, and its ul.rm RPC deletes nothing in db_mode 3.
create function kamailio.line_registrations_end() returns trigger
    language plpgsql as
$$
begin
    delete from kamailio.location where username = old.username and domain = old.domain;
    return null;
end;
$$;

create trigger line_deleted_ends_registrations
    after delete on public.line
    for each row execute function kamailio.line_registrations_end();

create trigger line_password_reset_ends_registrations
    after update of ha1, username, domain on public.line
    for each row
    when (old.ha1 is distinct from new.ha1 or old.username is distinct from new.username
          or old.domain is distinct from new.domain)
    execute function kamailio.line_registrations_end();

-- "Last seen registered at …": usrloc deletes a registration when it expires, so its last time is
-- kept here, per device, whenever Kamailio writes one. Written by a function that runs with the
-- portal's rights, since Kamailio's role sees nothing outside its schema.
create table device_registration_seen (
    device_id          bigint       primary key references device (id) on delete cascade,
    last_registered_at timestamptz  not null,
    user_agent         varchar(255) not null default ''
);

create function kamailio.location_seen() returns trigger
    language plpgsql security definer set search_path = public, pg_temp as
$$
begin
    insert into public.device_registration_seen (device_id, last_registered_at, user_agent)
    select l.device_id, now(), new.user_agent
    from public.line l
    where l.username = new.username and l.domain = new.domain
    on conflict (device_id) do update
        set last_registered_at = excluded.last_registered_at, user_agent = excluded.user_agent;
    return null;
end;
$$;

create trigger location_written
    after insert or update on kamailio.location
    for each row execute function kamailio.location_seen();
