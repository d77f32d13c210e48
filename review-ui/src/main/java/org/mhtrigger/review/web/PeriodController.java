package org.mhtrigger.review.web;

import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mhtrigger.engine.sampling.ReviewPeriod;
import org.mhtrigger.engine.sampling.SamplingCriteria;
import org.mhtrigger.review.store.AgreementPairs;
import org.mhtrigger.review.store.Caller;
import org.mhtrigger.review.store.DoubleReviews;
import org.mhtrigger.review.store.QueueFilter;
import org.mhtrigger.review.store.ReviewService;
import org.mhtrigger.review.store.SampleExistsException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Review periods and their samples (safety lead). */
@Controller
public class PeriodController {
    private final ReviewService reviews;
    private final CurrentCaller callers;
    private final AgreementPairs agreement;
    private final DoubleReviews doubles;
    private final SecureRandom seeds = new SecureRandom();

    public PeriodController(
            ReviewService reviews, CurrentCaller callers, AgreementPairs agreement, DoubleReviews doubles) {
        this.reviews = reviews;
        this.callers = callers;
        this.agreement = agreement;
        this.doubles = doubles;
    }

    /** Periods on one page of the Periods page: two years of monthly samples. */
    static final int PERIOD_PAGE_SIZE = 24;

    /** Sampled records on one page of the Periods page. */
    static final int RECORD_PAGE_SIZE = 50;

    @GetMapping("/periods")
    public String periods(
            @RequestParam(name = "ppage", defaultValue = "1") int periodPage,
            @RequestParam(name = "rpage", defaultValue = "1") int recordPage,
            Model model) {
        return page(model, null, null, periodPage, recordPage);
    }

    /**
     * The Periods page, its periods and sampled records a page at a time; {@code problem} (with the period it
     * concerns) is shown above the forms, nothing is lost.
     */
    /** The Periods page again, with status {@code status} and {@code problem} shown against {@code problemPeriod}. */
    private String refused(
            Model model, HttpServletResponse response, int status, String problem, String problemPeriod) {
        response.setStatus(status);
        model.addAttribute("pageUrl", "/periods");
        return page(model, problem, problemPeriod, 1, 1);
    }

    private String page(Model model, String problem, String problemPeriod, int periodPage, int recordPage) {
        Caller caller = callers.get();
        model.addAttribute("title", "Review periods and samples");
        ReviewService.Paged<ReviewService.PeriodView> periodsPage =
                reviews.periods(caller, periodPage, PERIOD_PAGE_SIZE);
        List<ReviewService.PeriodView> periods = periodsPage.items();
        model.addAttribute("periods", periods);
        model.addAttribute("periodsPage", periodsPage);
        Map<Long, String> kappa = new HashMap<>();
        for (ReviewService.PeriodView period : periods) {
            kappa.put(
                    period.id(),
                    agreement
                            .agreement(period.id())
                            .map(a -> String.format(
                                    Locale.ROOT,
                                    "κ = %s over %d pair(s), observed agreement %.2f",
                                    Double.isNaN(a.kappa())
                                            ? "undefined (one label throughout)"
                                            : String.format(Locale.ROOT, "%.2f", a.kappa()),
                                    a.records(),
                                    a.observed()))
                            .orElse("no submitted pair yet"));
        }
        model.addAttribute("kappa", kappa);
        ReviewService.QueuePage records =
                reviews.queue(caller, QueueFilter.defaults(caller.role()), recordPage, RECORD_PAGE_SIZE);
        model.addAttribute("reviews", records.reviews());
        model.addAttribute("records", records);
        model.addAttribute("problem", problem);
        model.addAttribute("problemPeriod", problemPeriod);
        return "periods";
    }

    @PostMapping("/periods")
    public String draw(
            @RequestParam String period,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) Long seed,
            @RequestParam(defaultValue = "18") int minAge,
            @RequestParam(defaultValue = "24") double minLosHours,
            @RequestParam(defaultValue = "false") boolean stratifyByWard,
            Model model,
            HttpServletResponse response) {
        if (size < 1 || size > 1000) {
            throw new IllegalArgumentException("sample size " + size + " must be between 1 and 1000");
        }
        SamplingCriteria criteria =
                new SamplingCriteria(minAge, minLosHours, stratifyByWard ? SamplingCriteria.WARD : null);
        try {
            reviews.drawSample(
                    callers.get(),
                    ReviewPeriod.parse(period.strip()),
                    criteria,
                    size,
                    seed == null ? seeds.nextLong() : seed);
        } catch (SampleExistsException e) {
            return refused(model, response, HttpServletResponse.SC_CONFLICT, e.getMessage(), e.period());
        }
        return "redirect:/periods";
    }

    /** Adds stays to a period's sample (explicit, audited with the reason). */
    @PostMapping("/periods/add")
    public String add(
            @RequestParam String period,
            @RequestParam int size,
            @RequestParam(required = false) Long seed,
            @RequestParam(defaultValue = "") String reason) {
        if (size < 1 || size > 1000) {
            throw new IllegalArgumentException("stays to add " + size + " must be between 1 and 1000");
        }
        reviews.addToSample(
                callers.get(),
                ReviewPeriod.parse(period.strip()),
                size,
                seed == null ? seeds.nextLong() : seed,
                reason.isBlank() ? null : reason.strip());
        return "redirect:/periods";
    }

    /** Withdraws a period's sample with a reason; refused once any of its records is signed. */
    @PostMapping("/periods/withdraw")
    public String withdraw(
            @RequestParam String period,
            @RequestParam(defaultValue = "") String reason,
            Model model,
            HttpServletResponse response) {
        try {
            reviews.withdrawSample(callers.get(), ReviewPeriod.parse(period.strip()), reason);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return refused(model, response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage(), period.strip());
        }
        return "redirect:/periods";
    }

    /** Draws records of a period for a second, independent review; a refusal is shown on the Periods page. */
    @PostMapping("/periods/{periodId}/double-review")
    public String drawDoubleReview(
            @PathVariable long periodId,
            @RequestParam int size,
            @RequestParam long seed,
            Model model,
            HttpServletResponse response) {
        try {
            if (size < 1 || size > 1000) {
                throw new IllegalArgumentException("double-review sample size " + size + " must be between 1 and 1000");
            }
            doubles.drawSecondReviews(callers.get(), periodId, size, seed);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return refused(model, response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage(), null);
        }
        return "redirect:/periods";
    }
}
