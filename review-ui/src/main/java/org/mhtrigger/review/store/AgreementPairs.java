package org.mhtrigger.review.store;

import java.util.List;
import org.mhtrigger.engine.measure.CohensKappa;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The pairs of harm categories of doubly reviewed records, for Cohen's κ ({@link CohensKappa}): per record each
 * reviewer's highest harm category E-I, or {@value DoubleReviews#NO_HARM}, as submitted independently (kept when
 * the consensus was recorded; read from the two reviews while the consensus is still open). Only pairs whose two
 * reviews are both submitted count. Thread-safe.
 */
@Repository
public class AgreementPairs {
    private final JdbcClient jdbc;
    private final ReviewService reviews;

    public AgreementPairs(JdbcClient jdbc, ReviewService reviews) {
        this.jdbc = jdbc;
        this.reviews = reviews;
    }

    /** One doubly reviewed record: first and second reviewer's label. */
    public record HarmPair(long firstReviewId, long secondReviewId, CohensKappa.LabelPair labels) {}

    /** The period's pairs, in draw order. */
    public List<HarmPair> harmPairs(long periodId) {
        record Row(long first, long second, String statusFirst, String statusSecond, String kept1, String kept2) {}
        return jdbc
                .sql("SELECT f.id AS first_id, s.id AS second_id, f.status AS first_status, s.status AS"
                        + " second_status, f.independent_harm_first, f.independent_harm_second FROM review f"
                        + " JOIN review s ON s.second_of = f.id WHERE f.period_id = ? ORDER BY f.draw_order, f.id")
                .param(periodId)
                .query((rs, row) -> new Row(
                        rs.getLong("first_id"),
                        rs.getLong("second_id"),
                        rs.getString("first_status"),
                        rs.getString("second_status"),
                        rs.getString("independent_harm_first"),
                        rs.getString("independent_harm_second")))
                .list()
                .stream()
                .filter(r -> ReviewStatus.valueOf(r.statusFirst()).submitted()
                        && ReviewStatus.valueOf(r.statusSecond()).submitted())
                .map(r -> new HarmPair(
                        r.first(),
                        r.second(),
                        new CohensKappa.LabelPair(
                                r.kept1() != null ? r.kept1() : live(r.first()),
                                r.kept2() != null ? r.kept2() : live(r.second()))))
                .toList();
    }

    /** κ over the period's pairs; empty when there are none yet. */
    public java.util.Optional<CohensKappa.Agreement> agreement(long periodId) {
        List<CohensKappa.LabelPair> pairs =
                harmPairs(periodId).stream().map(HarmPair::labels).toList();
        return pairs.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(CohensKappa.of(pairs));
    }

    private String live(long reviewId) {
        return DoubleReviews.highestHarm(
                reviews.events(reviewId).stream().filter(e -> !e.withdrawn()).toList());
    }
}
