package dev.uploadgateway.rollout.control;

import dev.uploadgateway.audit.control.AuditSettings;
import dev.uploadgateway.audit.control.JsonLines;
import dev.uploadgateway.rollout.entity.Transition;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/** Every rollout move and verdict change as one JSON line in {@code audit.rollout-events-file}. */
@ApplicationScoped
public class RolloutTrail {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    @ConfigProperties
    AuditSettings settings;

    private JsonLines lines;

    @PostConstruct
    void open() {
        lines = new JsonLines(Path.of(settings.rolloutEventsFile), true);
    }

    public void record(Transition transition) {
        lines.append(JSON.toJson(transition));
    }

    public List<JsonObject> newest(int offset, int limit) {
        return lines.newest(offset, limit);
    }

    public List<JsonObject> all() {
        return lines.all();
    }
}
