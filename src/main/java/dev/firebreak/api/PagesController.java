package dev.firebreak.api;

import dev.firebreak.escalation.Escalations;
import dev.firebreak.escalation.Page;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every page escalation wrote, in id order, a chunk at a time (admin): audits and bench/escalation. */
@RestController
class PagesController {
    private final Escalations escalations;

    PagesController(Escalations escalations) {
        this.escalations = escalations;
    }

    @GetMapping("/api/v1/admin/pages")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<List<Page>> pages(
            @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "1000") int limit) {
        return ListPages.after(escalations.pagesAfter(after, limit), limit, Page::id);
    }
}
