-- The node that holds each upload's spool (cluster.node-id), so that a restarted node resumes its
-- own unfinished uploads and never another live node's (README, "Cluster"). Records from before
-- this version have none; whichever node starts first resumes them, as a single gateway did.
ALTER TABLE UPLOAD_RECORD ADD COLUMN NODE VARCHAR(255);
