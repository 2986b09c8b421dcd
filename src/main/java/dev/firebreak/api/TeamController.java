package dev.firebreak.api;

import dev.firebreak.oncall.Team;
import dev.firebreak.oncall.TeamRole;
import dev.firebreak.oncall.Teams;
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

/** Teams ({@code /api/v1/teams}): viewers read, admins change. */
@RestController
@RequestMapping("/api/v1/teams")
class TeamController {
    private final Teams teams;

    TeamController(Teams teams) {
        this.teams = teams;
    }

    record NewTeam(String name, String description) {}

    record TeamChange(String description) {}

    record NewMember(String username, String role) {}

    @GetMapping
    List<Team> list() {
        return teams.list();
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Team> create(@RequestBody(required = false) NewTeam body) {
        if (body == null) {
            throw new FirebreakException.BadInput("name", "the JSON body needs \"name\"");
        }
        Team team = teams.create(body.name(), body.description());
        return ResponseEntity.created(URI.create("/api/v1/teams/" + UriUtils.encodePathSegment(team.name(), "UTF-8")))
                .body(team);
    }

    @GetMapping("/{name}")
    Team get(@PathVariable String name) {
        return teams.get(name);
    }

    @PatchMapping("/{name}")
    @PreAuthorize("hasRole('ADMIN')")
    Team update(@PathVariable String name, @RequestBody(required = false) TeamChange body) {
        return teams.update(name, body == null ? null : body.description());
    }

    @DeleteMapping("/{name}")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String name) {
        teams.delete(name);
    }

    @PostMapping("/{name}/members")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    Team addMember(@PathVariable String name, @RequestBody(required = false) NewMember body) {
        if (body == null) {
            throw new FirebreakException.BadInput("username", "the JSON body needs \"username\"");
        }
        return teams.addMember(name, body.username(), TeamRole.parse(body.role()));
    }

    @DeleteMapping("/{name}/members/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMember(@PathVariable String name, @PathVariable String username) {
        teams.removeMember(name, username);
    }
}
