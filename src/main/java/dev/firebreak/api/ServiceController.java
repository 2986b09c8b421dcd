package dev.firebreak.api;

import dev.firebreak.oncall.OwnedService;
import dev.firebreak.oncall.Services;
import dev.firebreak.platform.FirebreakException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** Services ({@code /api/v1/services}), named as routes name them: viewers read, admins change. */
@RestController
@RequestMapping("/api/v1/services")
class ServiceController {
    private final Services services;

    ServiceController(Services services) {
        this.services = services;
    }

    record NewService(String name, String description, String team, String escalationPolicy) {}

    @GetMapping
    List<OwnedService> list() {
        return services.list();
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<OwnedService> create(@RequestBody(required = false) NewService body) {
        if (body == null) {
            throw new FirebreakException.BadInput("name", "the JSON body needs \"name\" and \"team\"");
        }
        OwnedService service = services.create(body.name(), body.description(), body.team(), body.escalationPolicy());
        return ResponseEntity.created(
                        URI.create("/api/v1/services/" + UriUtils.encodePathSegment(service.name(), "UTF-8")))
                .body(service);
    }

    @GetMapping("/{name}")
    OwnedService get(@PathVariable String name) {
        return services.get(name);
    }

    /** description, team, escalationPolicy: a missing field stays, an empty description or policy is cleared. */
    @PatchMapping("/{name}")
    @PreAuthorize("hasRole('ADMIN')")
    OwnedService update(@PathVariable String name, @RequestBody(required = false) Services.ServiceChange body) {
        return services.update(name, body == null ? new Services.ServiceChange(null, null, null) : body);
    }

    @DeleteMapping("/{name}")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String name) {
        services.delete(name);
    }
}
