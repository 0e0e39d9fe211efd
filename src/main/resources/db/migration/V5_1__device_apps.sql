-- What the OwnTracks apps tell about a device besides locations: how its last message came
-- (mqtt | http: commands go to MQTT devices over the broker, to HTTP ones in the /pub answer),
-- its card's face (base64 PNG), and its last status and configuration dump (raw JSON).
ALTER TABLE device ADD COLUMN transport VARCHAR(8);
ALTER TABLE device ADD COLUMN face VARCHAR(1000000);
ALTER TABLE device ADD COLUMN status_json VARCHAR(1000000);
ALTER TABLE device ADD COLUMN configuration_json VARCHAR(1000000);
