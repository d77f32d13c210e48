package org.mhtrigger.engine.text.context;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import org.mhtrigger.engine.record.TextSpan;
import org.mhtrigger.engine.text.Token;

/**
 * A date written in a mention's clause that falls inside an earlier stay of the same patient: the mention tells of
 * that stay, not of the one being screened ("secluded on 03/01 for aggression" in a note of a March readmission, when
 * the patient was an inpatient from 28 December to 10 January). Dates are read as {@link WrittenDates} reads them
 * (a date without a year is the latest such day on or before the note's day). Immutable, thread-safe.
 *
 * @param evidence the date as written in the note
 * @param span where it stands in the note text
 * @param first the first day the date can stand for
 * @param last the last day it can stand for (the same as {@code first} for a calendar date; a month covers its days)
 * @param stay the earlier stay it falls in
 */
public record PreviousStayDate(String evidence, TextSpan span, LocalDate first, LocalDate last, Stay stay) {
    public PreviousStayDate {
        Objects.requireNonNull(evidence, "evidence must not be null");
        Objects.requireNonNull(span, "span must not be null");
        Objects.requireNonNull(stay, "stay must not be null");
        if (first.isAfter(last)) {
            throw new IllegalArgumentException(
                    "date days " + first + " to " + last + " must not end before they start");
        }
    }

    /**
     * The days of an earlier stay of the patient, from the day of admission to the day of discharge, at the offset of
     * the stay being screened. Immutable, thread-safe.
     */
    public record Stay(LocalDate admitted, LocalDate discharged) {
        public Stay {
            Objects.requireNonNull(admitted, "admitted must not be null");
            Objects.requireNonNull(discharged, "discharged must not be null");
            if (discharged.isBefore(admitted)) {
                throw new IllegalArgumentException(
                        "stay discharged " + discharged + " must not be before admitted " + admitted);
            }
        }

        /** The stay that ran from {@code admitted} to {@code discharged}, in days at {@code offset}. */
        public static Stay of(Instant admitted, Instant discharged, ZoneOffset offset) {
            return new Stay(LocalDate.ofInstant(admitted, offset), LocalDate.ofInstant(discharged, offset));
        }

        /**
         * Whether the days lie strictly between the day of admission and the day of discharge: a day-only date on
         * either of those days may fall outside the stay ("overdose on 26/11" that led to the admission that day,
         * "absconded from the crisis house on 10/07" after discharge that morning).
         */
        boolean holds(LocalDate from, LocalDate to) {
            return from.isAfter(admitted) && to.isBefore(discharged);
        }
    }

    /** In a reviewer's words: {@code dated 2025-01-03 ('03/01'), during the previous stay 2024-12-28 to 2025-01-10}. */
    public String describe() {
        String read = first.equals(last)
                ? first.toString()
                : DateTimeFormatter.ofPattern("yyyy-MM").format(first);
        return "dated " + read + " ('" + ContextReason.oneLine(evidence) + "'), during the previous stay "
                + stay.admitted() + " to " + stay.discharged();
    }

    /**
     * The first date in the mention's clause (the sentence between the semicolons around the mention) that falls
     * wholly inside one of {@code earlier} (after its day of admission and before its day of discharge) and ends
     * before the day of admission of the stay being screened, or null. Such a date makes a mention historical by the
     * context rules already (it is before admission): this says which stay the mention belongs to.
     *
     * @param tokens the sentence's tokens, with offsets into {@code text}
     * @param first index of the mention's first token
     * @param last index just after the mention's last token
     * @param written when the note was written, which a date without a year is resolved against
     * @param admitted when the stay being screened began
     * @param offset the UTC offset whose days the dates are
     * @param earlier the patient's earlier stays
     * @param dated where the date that made the mention historical stands (the context rules' date reason), so that
     *     only that date is read; {@code null} to read the first date in the clause that falls in an earlier stay
     */
    public static PreviousStayDate find(
            String text,
            List<Token> tokens,
            int first,
            int last,
            Instant written,
            Instant admitted,
            ZoneOffset offset,
            DateOrder order,
            List<Stay> earlier,
            TextSpan dated) {
        if (earlier.isEmpty()) {
            return null;
        }
        int from = 0;
        for (int k = first - 1; k >= 0; k--) {
            if (semicolonAfter(text, tokens, k)) {
                from = k + 1;
                break;
            }
        }
        int to = tokens.size();
        for (int k = Math.max(last - 1, 0); k + 1 < tokens.size(); k++) {
            if (semicolonAfter(text, tokens, k)) {
                to = k + 1;
                break;
            }
        }
        LocalDate noteDay = LocalDate.ofInstant(written, offset);
        LocalDate admissionDay = LocalDate.ofInstant(admitted, offset);
        for (int i = from; i < to; i++) {
            if (dated != null && tokens.get(i).start() != dated.start()) {
                continue;
            }
            WrittenDates.Found date = WrittenDates.at(text, tokens, i, from, to, noteDay, order);
            if (date == null) {
                continue;
            }
            if (date.last().isBefore(admissionDay)) {
                for (Stay stay : earlier) {
                    if (stay.holds(date.first(), date.last())) {
                        TextSpan span = new TextSpan(
                                tokens.get(date.startToken()).start(),
                                tokens.get(date.endToken() - 1).end());
                        return new PreviousStayDate(
                                text.substring(span.start(), span.end()), span, date.first(), date.last(), stay);
                    }
                }
            }
            i = date.endToken() - 1;
        }
        return null;
    }

    /** Whether a semicolon stands between token {@code k} and the next token of the sentence. */
    private static boolean semicolonAfter(String text, List<Token> tokens, int k) {
        return k + 1 < tokens.size()
                && text.substring(tokens.get(k).end(), tokens.get(k + 1).start())
                                .indexOf(';')
                        >= 0;
    }
}
