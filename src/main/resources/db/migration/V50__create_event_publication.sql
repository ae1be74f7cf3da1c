-- Spring Modulith's event publication registry: every event handed to an @ApplicationModuleListener
-- (side effects after commit, outside the database) is written here in the publisher's transaction
-- and marked completed once its listener has run, so that one interrupted by a crash or a failure is
-- published again on restart (spring.modulith.events.republish-outstanding-events-on-restart).
-- The table is the one of spring-modulith-events-jdbc 2.0.3, schemas/v2/schema-postgresql.sql,
-- created here because Flyway owns the schema (spring.modulith.events.jdbc.schema-initialization off).
create table event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
