-- The device row is rewritten by every batch that moves a device's last-known location, and H2
-- writes a changed row whole, in a page of its own once it is wide: with a card's face (tens of
-- KB of base64), a status and a configuration dump in it, each location cost H2 2 to 30 times
-- what it cost without them and its file grew by ~30 KB per device per commit
-- (bench/h2/H2LastKnownBench.java, docs/PERFORMANCE.md, cut 36). What the app reports about
-- itself moves to a table of its own, written only when such a message comes.
CREATE TABLE device_report (
    user_name          VARCHAR(128)  NOT NULL,
    device_name        VARCHAR(128)  NOT NULL,
    face               VARCHAR(1000000),
    status_json        VARCHAR(1000000),
    configuration_json VARCHAR(1000000),
    PRIMARY KEY (user_name, device_name)
);

INSERT INTO device_report (user_name, device_name, face, status_json, configuration_json)
SELECT user_name, device_name, face, status_json, configuration_json FROM device
WHERE face IS NOT NULL OR status_json IS NOT NULL OR configuration_json IS NOT NULL;

ALTER TABLE device DROP COLUMN face;
ALTER TABLE device DROP COLUMN status_json;
ALTER TABLE device DROP COLUMN configuration_json;

-- The timeout sweep's index (V6) goes too: every last-known location moves last_seen, and with
-- it the device's entry in this index (on PostgreSQL, no HOT update), while the sweep it served
-- reads the table every few seconds, where a scan of thousands of rows takes a millisecond or two.
DROP INDEX ix_device_presence_last_seen;
