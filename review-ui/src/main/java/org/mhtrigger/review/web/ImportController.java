package org.mhtrigger.review.web;

import java.time.LocalDate;
import java.util.List;
import org.mhtrigger.engine.sampling.ReviewPeriod;
import org.mhtrigger.review.importing.ImportJob;
import org.mhtrigger.review.importing.ImportJobs;
import org.mhtrigger.review.store.Caller;
import org.mhtrigger.review.store.ReviewService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Import from the page (safety lead): upload FHIR files or pull from the FHIR server, and watch the job. */
@Controller
public class ImportController {
    private final ImportJobs imports;
    private final CurrentCaller callers;
    private final ReviewService reviews;

    public ImportController(ImportJobs imports, CurrentCaller callers, ReviewService reviews) {
        this.imports = imports;
        this.callers = callers;
        this.reviews = reviews;
    }

    @GetMapping("/import")
    public String page(Model model) {
        Caller caller = callers.get();
        model.addAttribute("title", "Import records");
        model.addAttribute("jobs", imports.recent(caller));
        model.addAttribute("fhirServer", imports.fhirServer().orElse(null));
        return "import";
    }

    @PostMapping("/import/upload")
    public String upload(@RequestParam(name = "files", required = false) List<MultipartFile> files) {
        ImportJob.View job = imports.upload(callers.get(), files);
        return "redirect:/import/jobs/" + job.id();
    }

    @PostMapping("/import/pull")
    public String pull(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        ImportJob.View job = imports.pull(callers.get(), from, to);
        return "redirect:/import/jobs/" + job.id();
    }

    @GetMapping("/import/jobs/{id}")
    public String job(@PathVariable long id, Model model) {
        ImportJob.View job = imports.find(callers.get(), id);
        model.addAttribute("title", "Import: " + job.what());
        model.addAttribute("job", job);
        sampleOffer(job, model);
        return "import-job";
    }

    /** Offers to draw only for a month with newly imported stays and no sample yet. */
    private void sampleOffer(ImportJob.View job, Model model) {
        String suggested = job.suggestedPeriod();
        List<ReviewService.PeriodView> draws =
                suggested.isEmpty() ? List.of() : reviews.activeDraws(ReviewPeriod.parse(suggested));
        model.addAttribute("offerDraw", !suggested.isEmpty() && draws.isEmpty());
        model.addAttribute(
                "suggestedSampled",
                draws.stream().mapToInt(ReviewService.PeriodView::sampled).sum());
    }

    /** The progress panel alone, which the job page polls (htmx) while the job runs. */
    @GetMapping("/import/jobs/{id}/status")
    public String status(@PathVariable long id, Model model) {
        ImportJob.View job = imports.find(callers.get(), id);
        model.addAttribute("job", job);
        sampleOffer(job, model);
        return "import-job :: status";
    }
}
