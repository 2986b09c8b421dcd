package dev.firebreak.api;

import dev.firebreak.platform.FirebreakException;
import dev.firebreak.statuspage.PublicIncident;
import dev.firebreak.statuspage.PublicIncidents;
import dev.firebreak.statuspage.StatusComponent;
import dev.firebreak.statuspage.StatusPage;
import dev.firebreak.statuspage.StatusPages;
import dev.firebreak.statuspage.StatusSubscriptions;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Managing status pages: {@code /api/v1/status-pages}. Admins create pages and components;
 * responders post public incidents, their updates and maintenance; viewers read. The answers
 * here may name the internal incident a public one speaks for; the public API never does.
 */
@RestController
@RequestMapping("/api/v1/status-pages")
class StatusPageAdminController {
    private final StatusPages pages;
    private final PublicIncidents incidents;
    private final StatusSubscriptions subscriptions;

    StatusPageAdminController(StatusPages pages, PublicIncidents incidents, StatusSubscriptions subscriptions) {
        this.pages = pages;
        this.incidents = incidents;
        this.subscriptions = subscriptions;
    }

    record NewPage(String slug, String name, String url, String timeZone, List<StatusPages.NewComponent> components) {}

    record PageDetails(
            StatusPage page, List<StatusComponent> components, List<PublicIncident> incidents, int subscribers) {}

    record Draft(long incidentId, String kind, String text) {}

    @GetMapping
    List<StatusPage> list() {
        return pages.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    StatusPage create(@RequestBody NewPage body) {
        if (body == null) {
            throw new FirebreakException.BadInput("slug", "a page needs a slug and a name");
        }
        return pages.create(body.slug(), body.name(), body.url(), body.timeZone(), body.components());
    }

    @GetMapping("/{slug}")
    PageDetails get(@PathVariable String slug) {
        return new PageDetails(
                pages.page(slug), pages.components(slug), incidents.list(slug), subscriptions.confirmedCount(slug));
    }

    @PostMapping("/{slug}/components")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    StatusComponent addComponent(@PathVariable String slug, @RequestBody StatusPages.NewComponent body) {
        return pages.addComponent(slug, body);
    }

    @PostMapping("/{slug}/incidents")
    @ResponseStatus(HttpStatus.CREATED)
    PublicIncident open(
            @PathVariable String slug, @RequestBody PublicIncidents.NewPublicIncident body, Principal principal) {
        return incidents.open(slug, required(body), principal.getName());
    }

    @GetMapping("/{slug}/incidents/{id}")
    PublicIncident incident(@PathVariable String slug, @PathVariable String id) {
        return incidents.get(slug, id);
    }

    @PostMapping("/{slug}/incidents/{id}/updates")
    @ResponseStatus(HttpStatus.CREATED)
    PublicIncident update(
            @PathVariable String slug,
            @PathVariable String id,
            @RequestBody PublicIncidents.NewUpdate body,
            Principal principal) {
        return incidents.update(slug, id, required(body), principal.getName());
    }

    @PostMapping("/{slug}/maintenances")
    @ResponseStatus(HttpStatus.CREATED)
    PublicIncident maintenance(
            @PathVariable String slug, @RequestBody PublicIncidents.NewMaintenance body, Principal principal) {
        return incidents.scheduleMaintenance(slug, required(body), principal.getName());
    }

    /** The incident's runbook template of the kind, filled in: words to edit before posting. */
    @GetMapping("/drafts")
    Draft draft(@RequestParam long incident, @RequestParam(defaultValue = "update") String kind) {
        return new Draft(incident, kind, incidents.draft(incident, kind).orElse(""));
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new FirebreakException.BadInput("body", "a JSON body is required");
        }
        return body;
    }
}
