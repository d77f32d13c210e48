package org.mhtrigger.review;

import java.security.SecureRandom;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mhtrigger.engine.sampling.ReviewPeriod;
import org.mhtrigger.engine.sampling.SamplingCriteria;
import org.mhtrigger.engine.sampling.SamplingUnit;
import org.mhtrigger.review.store.Caller;
import org.mhtrigger.review.store.ReviewService;
import org.mhtrigger.review.store.Role;
import org.mhtrigger.review.store.Stays;
import org.mhtrigger.review.store.Users;
import org.springframework.stereotype.Component;

/**
 * Fills a database for the demo and for first use: imports screened stays, creates or resets accounts, draws the
 * busiest month's sample. Thread-safe.
 */
@Component
public class DemoData {
    private static final String SYSTEM = "system";
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Stays stays;
    private final Users users;
    private final ReviewService reviews;
    private final DemoHistory history;
    private final SecureRandom random = new SecureRandom();

    public DemoData(Stays stays, Users users, ReviewService reviews, DemoHistory history) {
        this.stays = stays;
        this.users = users;
        this.reviews = reviews;
        this.history = history;
    }

    /** What {@link #seed} did: one account per role with its fresh password, and the sample drawn. */
    public record Summary(Map<String, String> accounts, int imported, String period, int sampled) {}

    /** Imports screened stays not yet in the database, 500 to a transaction; returns how many were new. */
    public int importStays(List<ScreenedStay> screened) {
        int imported = 0;
        for (int from = 0; from < screened.size(); from += 500) {
            imported += stays.importStays(screened.subList(from, Math.min(screened.size(), from + 500)));
        }
        return imported;
    }

    /**
     * Imports {@code screened}, gives each demo account (two reviewers, physician, safety-lead, admin) a new random
     * password, and, if no period exists yet, draws a sample of {@code size} from the month with the most discharges.
     */
    public Summary seed(List<ScreenedStay> screened, int size, long seed) {
        int imported = importStays(screened);
        Map<String, String> accounts = new LinkedHashMap<>();
        accounts.put("reviewer", account("reviewer", "Rowan Reviewer (demo)", Role.REVIEWER));
        // a second reviewer, so that a double review (two independent reviews) can be drawn out of the box
        accounts.put("reviewer2", account("reviewer2", "Robin Reviewer (demo)", Role.REVIEWER));
        accounts.put("physician", account("physician", "Dr Pat Physician (demo)", Role.PHYSICIAN));
        accounts.put("safety-lead", account("safety-lead", "Sam Safety-Lead (demo)", Role.SAFETY_LEAD));
        accounts.put("admin", account("admin", "Alex Admin (demo)", Role.ADMIN));
        Caller lead = new Caller("safety-lead", "Sam Safety-Lead (demo)", Role.SAFETY_LEAD);
        List<ReviewService.PeriodView> periods = reviews.periods(lead);
        if (!periods.isEmpty()) {
            return new Summary(
                    accounts,
                    imported,
                    periods.getFirst().label(),
                    periods.getFirst().sampled());
        }
        Optional<YearMonth> busiest = busiestMonth(stays.samplingUnits());
        if (busiest.isEmpty()) {
            return new Summary(accounts, imported, "", 0);
        }
        history.seed(busiest.get(), 18, 7L); // 18 months of synthetic reviewed history for the dashboard
        ReviewService.PeriodView period =
                reviews.drawSample(lead, ReviewPeriod.month(busiest.get()), SamplingCriteria.defaults(), size, seed);
        return new Summary(accounts, imported, period.label(), period.sampled());
    }

    /** Creates an admin account with a random password when there is no account at all; returns the password. */
    public Optional<String> firstAdmin() {
        if (!users.all().isEmpty()) {
            return Optional.empty();
        }
        String password = password();
        users.create("admin", "Administrator", Role.ADMIN, password, SYSTEM);
        return Optional.of(password);
    }

    private String account(String username, String displayName, Role role) {
        String password = password();
        if (users.find(username).isPresent()) {
            users.setPassword(username, password, SYSTEM);
        } else {
            users.create(username, displayName, role, password, SYSTEM);
        }
        return password;
    }

    private String password() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    static Optional<YearMonth> busiestMonth(List<SamplingUnit> units) {
        TreeMap<YearMonth, Integer> counts = new TreeMap<>();
        for (SamplingUnit unit : units) {
            counts.merge(YearMonth.from(unit.discharged().atZone(ZoneOffset.UTC)), 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .max(Map.Entry.<YearMonth, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey);
    }
}
