package dev.uploadgateway.rollout.control;

import dev.uploadgateway.audit.control.AuditSettings;
import dev.uploadgateway.audit.control.JsonLines;
import dev.uploadgateway.rollout.entity.Transition;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Every rollout move and verdict change. The cluster's trail is in the database, appended in the
 * transaction of the move ({@link SharedRollout}), and read from there with the node that made each
 * move; the node that made it also appends it as one JSON line to its own
 * {@code audit.rollout-events-file}, whose older lines are imported once when the database holds
 * no rollout yet.
 */
@ApplicationScoped
public class RolloutTrail {

    /** The most records an export reads: about a hundred years of one move a minute would fit, not more. */
    private static final int EXPORT_MAX = 50_000_000;
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final Logger LOG = Logger.getLogger(RolloutTrail.class.getName());

    @Inject
    @ConfigProperties
    AuditSettings settings;
    @Inject
    SharedRollout shared;
    @Inject
    ThisNode node;

    private JsonLines lines;

    @PostConstruct
    void open() {
        lines = new JsonLines(Path.of(settings.rolloutEventsFile), true);
    }

    /** This node's own copy of a move that took effect. */
    public void record(Transition transition) {
        lines.append(JSON.toJson(transition));
    }

    /**
     * A record of something that moves nothing (a notification's delivery), appended to the cluster's
     * trail and this node's file; a database that cannot take it is logged, not thrown, as nobody waits on it.
     */
    public void note(Transition record) {
        String json = JSON.toJson(record);
        lines.append(json);
        try {
            shared.append(node.id(), List.of(new RolloutTables.Event(record.at(), json)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An audit record stays in this node''s trail file only: {0}", e.getMessage());
        }
    }

    /** The cluster's records, newest first. */
    public List<JsonObject> newest(int offset, int limit) {
        return read(shared.events(offset, limit, true));
    }

    /** The cluster's records, oldest first. */
    public List<JsonObject> all() {
        return read(shared.events(0, EXPORT_MAX, false));
    }

    /** This node's file trail, as records to import into the database. */
    List<RolloutTables.Event> legacyEvents() {
        return lines.all().stream().map(o -> new RolloutTables.Event(
                o.containsKey("at") ? Instant.parse(o.getString("at")) : Instant.now(), o.toString())).toList();
    }

    private static List<JsonObject> read(List<String[]> events) {
        return events.stream().map(e -> {
            try (var reader = Json.createReader(new StringReader(e[1]))) {
                return Json.createObjectBuilder(reader.readObject()).add("node", e[0]).build();
            }
        }).toList();
    }
}
