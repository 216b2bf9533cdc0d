-- One trace per upload (README, "One trace per upload"): the trace an upload was received in, when
-- telemetry is on. TRACE_ID is what the API, the CSV export and problem bodies show, indexed so
-- support finds an upload by it; TRACE_PARENT is the W3C traceparent of the request's span, the
-- parent of a recovery after a restart, so a resumed upload joins its original trace. Null with
-- telemetry off and on records from before this version.
ALTER TABLE UPLOAD_RECORD ADD COLUMN TRACE_ID VARCHAR(32);
ALTER TABLE UPLOAD_RECORD ADD COLUMN TRACE_PARENT VARCHAR(55);
CREATE INDEX UPLOAD_RECORD_TRACE_ID ON UPLOAD_RECORD (TRACE_ID);
