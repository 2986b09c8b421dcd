package dev.firebreak.api;

import dev.firebreak.alert.GenericMapping;
import dev.firebreak.alert.Integration;
import dev.firebreak.alert.IntegrationType;
import dev.firebreak.alert.Integrations;
import dev.firebreak.platform.FirebreakException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Alert senders and their keys: {@code /api/v1/integrations}, for admins only. */
@RestController
@RequestMapping("/api/v1/integrations")
@PreAuthorize("hasRole('ADMIN')")
class IntegrationController {
    private final Integrations integrations;

    IntegrationController(Integrations integrations) {
        this.integrations = integrations;
    }

    record NewIntegration(String name, String type, Integer ratePerSecond, Integer burst, JsonNode mapping) {}

    record IntegrationView(
            long id,
            String name,
            String type,
            String keyPrefix,
            boolean enabled,
            int ratePerSecond,
            int burst,
            GenericMapping mapping,
            Instant createdAt) {
        static IntegrationView of(Integration i) {
            return new IntegrationView(
                    i.id(),
                    i.name(),
                    i.type().id(),
                    i.keyPrefix(),
                    i.enabled(),
                    i.ratePerSecond(),
                    i.burst(),
                    i.mapping(),
                    i.createdAt());
        }
    }

    /** The only time the key is shown. */
    record CreatedView(IntegrationView integration, String key) {}

    @GetMapping
    List<IntegrationView> list() {
        return integrations.list().stream().map(IntegrationView::of).toList();
    }

    @GetMapping("/{id}")
    IntegrationView get(@PathVariable long id) {
        return IntegrationView.of(integrations.get(id));
    }

    @PostMapping
    ResponseEntity<CreatedView> create(@RequestBody NewIntegration body) {
        if (body == null) {
            throw new FirebreakException.BadInput("name", "the JSON body needs a \"name\" and a \"type\"");
        }
        Integrations.Created created = integrations.create(
                body.name(),
                IntegrationType.parse(body.type()),
                body.ratePerSecond(),
                body.burst(),
                body.mapping() == null || body.mapping().isNull()
                        ? null
                        : body.mapping().toString());
        return ResponseEntity.created(URI.create(
                        "/api/v1/integrations/" + created.integration().id()))
                .body(new CreatedView(IntegrationView.of(created.integration()), created.key()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        integrations.delete(id);
        return ResponseEntity.noContent().build();
    }
}
