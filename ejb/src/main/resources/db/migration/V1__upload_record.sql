-- The upload records as EclipseLink's create-or-extend-tables made them up to this version. A
-- database that already holds the table is baselined at this version instead (Flyway's
-- baselineOnMigrate), so its rows stay where they are; V2 then upgrades both kinds alike.
-- The three instants were Java-serialized bytes (BYTEA is H2's alias of BINARY VARYING).
CREATE TABLE UPLOAD_RECORD (
    ID VARCHAR(36) NOT NULL PRIMARY KEY,
    ATTEMPTS INTEGER,
    BYTES BIGINT,
    COMPLETEDAT BYTEA,
    CONTENTTYPE VARCHAR,
    CREATEDAT BYTEA,
    DELETEDAT BYTEA,
    DURATIONMS BIGINT,
    FAILURECLASS VARCHAR,
    FAILUREREASON VARCHAR(2048),
    FILENAME VARCHAR(1024),
    IDEMPOTENCYKEY VARCHAR(255) UNIQUE,
    PATH VARCHAR,
    PROVIDER VARCHAR,
    PROVIDERFILEID VARCHAR,
    PURPOSE VARCHAR,
    SHA256 VARCHAR(64),
    SPOOLFILE VARCHAR(1024),
    STATE VARCHAR,
    STICKINESSKEY VARCHAR(512),
    TENANT VARCHAR(64)
);
