-- A REGISTER costs Kamailio no write outside its own location row: "last seen registered at …" is no
-- longer upserted on every registration (a trigger that doubled the cost of usrloc's UPDATE of a
-- re-registration: 0.08-0.17 ms more on 0.14 ms, EXPLAIN ANALYZE with 10,000 lines) but kept when a
-- registration goes. While it lives, the location row itself says when it was last refreshed
-- (RegistrationRepository reads it).
drop trigger location_written on kamailio.location;
drop function kamailio.location_seen();

-- A registration removed by Kamailio (expired and cleaned by its timer, or a REGISTER with Expires: 0),
-- or by the portal when a line's password is reset: its last refresh is kept for the line's device.
-- Kamailio writes last_modified in UTC without a zone (it runs with TZ=UTC). Runs with the portal's
-- rights, since Kamailio's role sees nothing outside its schema.
create function kamailio.location_removed() returns trigger
    language plpgsql security definer set search_path = public, pg_temp as
$$
begin
    insert into public.device_registration_seen (device_id, last_registered_at, user_agent)
    select l.device_id, old.last_modified at time zone 'UTC', old.user_agent
    from public.line l
    where l.username = old.username and l.domain = old.domain
    on conflict (device_id) do update
        set last_registered_at = excluded.last_registered_at, user_agent = excluded.user_agent
        where device_registration_seen.last_registered_at <= excluded.last_registered_at;
    return null;
end;
$$;

create trigger location_removed
    after delete on kamailio.location
    for each row execute function kamailio.location_removed();

-- A line ended (its row deleted, so the trigger above no longer finds its device) or renamed keeps its
-- device's last registration too, unless the device itself is being removed; then its registrations go.
create or replace function kamailio.line_registrations_end() returns trigger
    language plpgsql as
$$
begin
    insert into public.device_registration_seen (device_id, last_registered_at, user_agent)
    select old.device_id, loc.last_modified at time zone 'UTC', loc.user_agent
    from kamailio.location loc
    where loc.username = old.username and loc.domain = old.domain
      and exists (select 1 from public.device d where d.id = old.device_id)
    order by loc.last_modified desc
    limit 1
    on conflict (device_id) do update
        set last_registered_at = excluded.last_registered_at, user_agent = excluded.user_agent
        where device_registration_seen.last_registered_at <= excluded.last_registered_at;
    delete from kamailio.location where username = old.username and domain = old.domain;
    return null;
end;
$$;
