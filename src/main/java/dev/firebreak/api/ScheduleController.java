package dev.firebreak.api;

import dev.firebreak.oncall.OnCallShift;
import dev.firebreak.oncall.RenderedSchedule;
import dev.firebreak.oncall.Schedule;
import dev.firebreak.oncall.Schedules;
import dev.firebreak.oncall.StoredOverride;
import dev.firebreak.platform.FirebreakException.BadInput;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** On-call schedules ({@code /api/v1/schedules}), their rendered timelines, overrides and swaps. */
@RestController
class ScheduleController {
    private final Schedules schedules;
    private final Clock clock;

    ScheduleController(Schedules schedules, Clock clock) {
        this.schedules = schedules;
        this.clock = clock;
    }

    record NewOverride(String username, String replaces, String start, String end) {}

    record Window(String start, String end) {}

    record NewSwap(String userA, Window shiftA, String userB, Window shiftB) {}

    record Rendered(
            String schedule,
            String zone,
            Instant from,
            Instant to,
            Map<String, List<OnCallShift>> layers,
            List<OnCallShift> finalShifts,
            List<StoredOverride> overrides) {}

    @GetMapping("/api/v1/schedules")
    List<ScheduleJson> list() {
        return schedules.list().stream().map(ScheduleJson::of).toList();
    }

    @PostMapping("/api/v1/schedules")
    ResponseEntity<ScheduleJson> create(@RequestBody(required = false) ScheduleJson body, Principal principal) {
        Schedule created = schedules.create(required(body).toSchedule(null), principal.getName());
        return ResponseEntity.created(location(created.name())).body(ScheduleJson.of(created));
    }

    @GetMapping("/api/v1/schedules/{name}")
    ScheduleJson get(@PathVariable String name) {
        return ScheduleJson.of(schedules.get(name));
    }

    @PutMapping("/api/v1/schedules/{name}")
    ScheduleJson update(@PathVariable String name, @RequestBody(required = false) ScheduleJson body) {
        return ScheduleJson.of(schedules.update(name, required(body).toSchedule(name)));
    }

    @DeleteMapping("/api/v1/schedules/{name}")
    ResponseEntity<Void> delete(@PathVariable String name) {
        schedules.delete(name);
        return ResponseEntity.noContent().build();
    }

    /** Each layer's own shifts and the final timeline over {@code [from, to)}; default: the next 7 days. */
    @GetMapping("/api/v1/schedules/{name}/rendered")
    Rendered rendered(
            @PathVariable String name,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Instant start = ApiTimes.optional("from", from);
        start = start == null ? clock.instant() : start;
        Instant end = ApiTimes.optional("to", to);
        end = end == null ? start.plus(Duration.ofDays(7)) : end;
        RenderedSchedule r = schedules.render(name, start, end);
        return new Rendered(
                name,
                schedules.get(name).zone().getId(),
                start,
                end,
                r.layers(),
                r.finalShifts(),
                schedules.overrides(name, start, end));
    }

    @GetMapping("/api/v1/schedules/{name}/overrides")
    List<StoredOverride> overrides(
            @PathVariable String name,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Instant start = ApiTimes.optional("from", from);
        start = start == null ? clock.instant() : start;
        Instant end = ApiTimes.optional("to", to);
        return schedules.overrides(name, start, end == null ? start.plus(Duration.ofDays(90)) : end);
    }

    @PostMapping("/api/v1/schedules/{name}/overrides")
    ResponseEntity<StoredOverride> addOverride(
            @PathVariable String name, @RequestBody(required = false) NewOverride body, Principal principal) {
        if (body == null) {
            throw new BadInput("username", "the JSON body needs \"username\", \"start\" and \"end\"");
        }
        StoredOverride o = schedules.addOverride(
                name,
                body.username(),
                body.replaces() == null || body.replaces().isBlank() ? null : body.replaces(),
                ApiTimes.required("start", body.start()),
                ApiTimes.required("end", body.end()),
                principal.getName());
        return ResponseEntity.created(URI.create(location(name) + "/overrides/" + o.id()))
                .body(o);
    }

    /** Removes the override (and its partner, for half of a swap); answers what was removed. */
    @DeleteMapping("/api/v1/schedules/{name}/overrides/{id}")
    Map<String, List<StoredOverride>> removeOverride(@PathVariable String name, @PathVariable long id) {
        return Map.of("removed", schedules.removeOverride(name, id));
    }

    @PostMapping("/api/v1/schedules/{name}/swaps")
    ResponseEntity<List<StoredOverride>> swap(
            @PathVariable String name, @RequestBody(required = false) NewSwap body, Principal principal) {
        if (body == null || body.shiftA() == null || body.shiftB() == null) {
            throw new BadInput(
                    "shiftA",
                    "the JSON body needs \"userA\", \"shiftA\": {\"start\", \"end\"}, \"userB\" and \"shiftB\"");
        }
        List<StoredOverride> pair = schedules.swap(
                name,
                body.userA(),
                ApiTimes.required("shiftA.start", body.shiftA().start()),
                ApiTimes.required("shiftA.end", body.shiftA().end()),
                body.userB(),
                ApiTimes.required("shiftB.start", body.shiftB().start()),
                ApiTimes.required("shiftB.end", body.shiftB().end()),
                principal.getName());
        return ResponseEntity.created(location(name)).body(pair);
    }

    private static ScheduleJson required(ScheduleJson body) {
        if (body == null) {
            throw new BadInput("name", "the JSON body needs \"name\", \"zone\" and \"layers\"");
        }
        return body;
    }

    static URI location(String name) {
        return URI.create("/api/v1/schedules/" + UriUtils.encodePathSegment(name, "UTF-8"));
    }
}
