package org.mhtrigger.review.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mhtrigger.review.store.Caller;
import org.mhtrigger.review.store.QueueFilter;
import org.mhtrigger.review.store.ReviewService;
import org.mhtrigger.review.store.ReviewStatus;
import org.mhtrigger.review.store.Role;
import org.mhtrigger.review.store.Users;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The work queues: "waiting for me" and "done" per role, with trigger counts, status, period and due date, sortable,
 * filterable and paged on the server; the safety lead assigns or reassigns records to a reviewer from here.
 */
@Controller
public class QueueController {
    /** Records on one page of a queue: a couple of months' samples. */
    static final int QUEUE_PAGE_SIZE = 50;

    private final ReviewService reviews;
    private final Users users;
    private final CurrentCaller callers;

    public QueueController(ReviewService reviews, Users users, CurrentCaller callers) {
        this.reviews = reviews;
        this.users = users;
        this.callers = callers;
    }

    /** Links that keep the current filter: to sort by a column, to a tab, to a page. */
    public record QueueLinks(QueueFilter filter, QueueFilter defaults) {
        public String sort(String key) {
            return url(filter.sortedBy(sortKey(key)), defaults, 0);
        }

        public String tab(String key) {
            for (QueueFilter.Tab tab : QueueFilter.Tab.values()) {
                if (tab.key().equals(key)) {
                    return url(filter.onTab(tab), defaults, 0);
                }
            }
            throw new IllegalArgumentException("no tab " + key);
        }

        public String page(int page) {
            return url(filter, defaults, page);
        }

        /** The aria-sort value of a column header: ascending, descending or none. */
        public String ariaSort(String key) {
            return filter.sort() == sortKey(key) ? (filter.descending() ? "descending" : "ascending") : "none";
        }

        private static QueueFilter.Sort sortKey(String key) {
            for (QueueFilter.Sort sort : QueueFilter.Sort.values()) {
                if (sort.key().equals(key)) {
                    return sort;
                }
            }
            throw new IllegalArgumentException("no sort " + key);
        }

        /** The queue's address with the parameters that differ from the role's defaults; {@code page} 0: none. */
        static String url(QueueFilter filter, QueueFilter defaults, int page) {
            UriComponentsBuilder url = UriComponentsBuilder.fromPath("/queue");
            if (filter.tab() != defaults.tab()) {
                url.queryParam("tab", filter.tab().key());
            }
            if (filter.sort() != defaults.sort() || filter.descending() != defaults.descending()) {
                url.queryParam("sort", filter.sort().key()).queryParam("dir", filter.direction());
            }
            if (filter.status() != null) {
                url.queryParam("status", filter.status().name());
            }
            if (filter.period() != null) {
                url.queryParam("period", filter.period());
            }
            if (filter.reviewer() != null) {
                url.queryParam("reviewer", filter.reviewer());
            }
            if (page > 0) {
                url.queryParam("page", page);
            }
            return url.encode().build().toUriString();
        }
    }

    @GetMapping("/queue")
    public String queue(
            @RequestParam(name = "page", defaultValue = "1") int page,
            @RequestParam(required = false) String tab,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String reviewer,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Model model) {
        Caller caller = callers.get();
        QueueFilter filter = QueueFilter.parse(caller.role(), tab, status, period, reviewer, sort, dir);
        ReviewService.QueuePage queue = reviews.queue(caller, filter, page, QUEUE_PAGE_SIZE);
        Map<QueueFilter.Tab, Long> counts = reviews.tabCounts(caller, filter);
        boolean lead = caller.is(Role.SAFETY_LEAD);
        model.addAttribute("reviews", queue.reviews());
        model.addAttribute("queue", queue);
        model.addAttribute("filter", filter);
        model.addAttribute("links", new QueueLinks(filter, QueueFilter.defaults(caller.role())));
        model.addAttribute("openCount", counts.get(QueueFilter.Tab.OPEN));
        model.addAttribute("doneCount", counts.get(QueueFilter.Tab.DONE));
        model.addAttribute("allCount", counts.get(QueueFilter.Tab.ALL));
        model.addAttribute("openLabel", lead ? "Not signed yet" : "Waiting for me");
        model.addAttribute("doneLabel", lead ? "Signed" : "Done");
        model.addAttribute("statuses", ReviewStatus.values());
        model.addAttribute("periodLabels", reviews.periodLabels(caller));
        model.addAttribute("reviewers", lead ? users.usernamesWithRole(Role.REVIEWER) : List.of());
        model.addAttribute("canAssign", lead);
        model.addAttribute("today", LocalDate.now(ZoneOffset.UTC));
        model.addAttribute("title", caller.is(Role.PHYSICIAN) ? "Records to authenticate" : "Review queue");
        return "queue";
    }

    /** The safety lead assigns the chosen records to a reviewer; a refusal comes back above the queue. */
    @PostMapping("/queue/assign")
    public String assign(
            @RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam(name = "assignTo", defaultValue = "") String assignTo,
            @RequestParam(name = "reason", defaultValue = "") String reason,
            @RequestParam(required = false) String tab,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String reviewer,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(name = "page", defaultValue = "1") int page,
            RedirectAttributes redirect) {
        Caller caller = callers.get();
        QueueFilter filter = QueueFilter.parse(caller.role(), tab, status, period, reviewer, sort, dir);
        List<Long> chosen = ids == null ? List.of() : new ArrayList<>(ids);
        try {
            int moved = reviews.assign(caller, chosen, assignTo, reason);
            redirect.addFlashAttribute(
                    "notice", moved + " of " + chosen.size() + " record(s) assigned to " + assignTo.strip() + ".");
        } catch (IllegalArgumentException | IllegalStateException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:" + QueueLinks.url(filter, QueueFilter.defaults(caller.role()), page > 1 ? page : 0);
    }
}
