package org.mhtrigger.review.web;

import java.util.List;
import org.mhtrigger.review.store.Caller;
import org.mhtrigger.review.store.DoubleReviews;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Two independent primary reviews: the consensus page (the two reviews side by side); the safety lead draws the
 * records for a second review on the Periods page ({@link PeriodController}). {@link DoubleReviews} checks every role and the blinding.
 */
@Controller
public class ConsensusController {
    private final DoubleReviews doubles;
    private final CurrentCaller callers;

    public ConsensusController(DoubleReviews doubles, CurrentCaller callers) {
        this.doubles = doubles;
        this.callers = callers;
    }

    @GetMapping("/reviews/{id}/consensus")
    public String consensus(@PathVariable long id, Model model) {
        Caller caller = callers.get();
        DoubleReviews.Pair pair = doubles.pair(caller, id);
        model.addAttribute("title", "Consensus: " + pair.first().encounterId());
        model.addAttribute("pair", pair);
        return "consensus";
    }

    @PostMapping("/reviews/{id}/consensus")
    public String record(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam(name = "agreed", required = false) List<Long> agreed) {
        DoubleReviews.Pair pair = doubles.pair(callers.get(), id);
        doubles.recordConsensus(callers.get(), id, version, agreed == null ? List.of() : agreed);
        return "redirect:/reviews/" + pair.first().id() + "/consensus";
    }
}
