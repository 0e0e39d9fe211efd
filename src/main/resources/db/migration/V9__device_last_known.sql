-- What every message moves (the last-known location, the tid it came with, last_seen) leaves the
-- device row for a narrow table keyed by the device's id. An UPDATE in H2 takes the row out of
-- every index of its table and puts it back: the device row's primary key (user_name,
-- device_name) and uq_device_id were rewritten for every device of every ingest batch, and their
-- pages again at the commit. Keyed by one BIGINT, this table is a single B-tree on H2, and an
-- UPDATE of it touches nothing else (bench/h2/H2LastKnownBench.java, docs/PERFORMANCE.md, cut 40).
-- Every device row has one (DeviceRegistry makes it with the device row).
CREATE TABLE device_last_known (
    device_id       BIGINT        NOT NULL PRIMARY KEY,
    tid             VARCHAR(64),
    last_seen       TIMESTAMP WITH TIME ZONE,
    -- the last-known location: only ever replaced by a fix with a newer tst
    lat             DOUBLE PRECISION,
    lon             DOUBLE PRECISION,
    acc             INTEGER,
    alt             INTEGER,
    vel             INTEGER,
    cog             INTEGER,
    batt            INTEGER,
    bs              INTEGER,
    conn            VARCHAR(16),
    tst             BIGINT,
    received_at     TIMESTAMP WITH TIME ZONE,
    inregions       VARCHAR(4000)
);

INSERT INTO device_last_known (device_id, tid, last_seen, lat, lon, acc, alt, vel, cog, batt, bs, conn, tst,
    received_at, inregions)
SELECT id, tid, last_seen, lat, lon, acc, alt, vel, cog, batt, bs, conn, tst, received_at, inregions FROM device;

ALTER TABLE device DROP COLUMN tid;
ALTER TABLE device DROP COLUMN last_seen;
ALTER TABLE device DROP COLUMN lat;
ALTER TABLE device DROP COLUMN lon;
ALTER TABLE device DROP COLUMN acc;
ALTER TABLE device DROP COLUMN alt;
ALTER TABLE device DROP COLUMN vel;
ALTER TABLE device DROP COLUMN cog;
ALTER TABLE device DROP COLUMN batt;
ALTER TABLE device DROP COLUMN bs;
ALTER TABLE device DROP COLUMN conn;
ALTER TABLE device DROP COLUMN tst;
ALTER TABLE device DROP COLUMN received_at;
ALTER TABLE device DROP COLUMN inregions;
