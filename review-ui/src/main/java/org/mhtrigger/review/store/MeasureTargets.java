package org.mhtrigger.review.store;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.mhtrigger.engine.measure.Measure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The safety lead's target for each measure, against which the assurance verdict is read. Every change is audited;
 * a cleared target keeps its row. Thread-safe.
 */
@Repository
public class MeasureTargets {
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    public MeasureTargets(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The targets set now, by measure; a measure without one is absent. */
    public Map<Measure, Double> all() {
        return read(jdbc);
    }

    /** The targets in the database behind {@code jdbc}, for the report command, which has no Spring context. */
    public static Map<Measure, Double> read(JdbcClient jdbc) {
        Map<Measure, Double> targets = new EnumMap<>(Measure.class);
        jdbc.sql("SELECT measure, target FROM measure_target WHERE target IS NOT NULL")
                .query(rs -> {
                    targets.put(Measure.ofCode(rs.getString("measure")), rs.getDouble("target"));
                });
        return targets;
    }

    /** Sets (or, with {@code null}, clears) the target of {@code measure}. */
    @Transactional
    public void set(Caller caller, Measure measure, Double target) {
        if (!caller.is(Role.SAFETY_LEAD)) {
            throw new AccessDeniedException("needs role " + Role.SAFETY_LEAD.label());
        }
        if (target != null && (!(target >= 0) || Double.isInfinite(target))) {
            throw new IllegalArgumentException("target " + target + " for " + measure.title() + " must be 0 or more");
        }
        Double before = all().get(measure);
        int updated = jdbc.sql("UPDATE measure_target SET target = ?, set_by = ?, set_at = ? WHERE measure = ?")
                .params(target, caller.username(), Stays.utc(Instant.now()), measure.code())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO measure_target (measure, target, set_by, set_at) VALUES (?, ?, ?, ?)")
                    .params(measure.code(), target, caller.username(), Stays.utc(Instant.now()))
                    .update();
        }
        audit.appendIfChanged(
                caller.username(),
                "measure",
                measure.ordinal(),
                null,
                "target " + measure.code(),
                before,
                target,
                null);
    }
}
