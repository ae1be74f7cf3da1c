-- A device is assigned only to a user of its own site, and its status follows the assignment.
alter table device
    add constraint device_user_fk foreign key (assigned_user_id, site_id) references app_user (id, site_id);
alter table device
    add constraint device_status_assignment_ck
        check ((assigned_user_id is null or status <> 'UNASSIGNED') and (assigned_user_id is not null or status <> 'ASSIGNED'));
create index device_assigned_user_idx on device (assigned_user_id);
