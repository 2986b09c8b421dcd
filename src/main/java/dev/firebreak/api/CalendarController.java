package dev.firebreak.api;

import dev.firebreak.oncall.CalendarFeed;
import dev.firebreak.oncall.CalendarFeeds;
import dev.firebreak.oncall.Schedules;
import dev.firebreak.oncall.StoredOverride;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * iCalendar: secret feeds of a schedule or of one's own shifts, the public {@code /calendar/{token}.ics}
 * that calendar apps fetch (the secret is the URL), and overrides imported from an .ics file.
 */
@RestController
class CalendarController {
    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final CalendarFeeds feeds;
    private final Schedules schedules;

    CalendarController(CalendarFeeds feeds, Schedules schedules) {
        this.feeds = feeds;
        this.schedules = schedules;
    }

    @GetMapping("/api/v1/schedules/{name}/feeds")
    List<CalendarFeed> scheduleFeeds(@PathVariable String name) {
        return feeds.ofSchedule(name);
    }

    @PostMapping("/api/v1/schedules/{name}/feeds")
    ResponseEntity<CalendarFeed.Issued> createScheduleFeed(@PathVariable String name, Principal principal) {
        CalendarFeed.Issued issued = feeds.forSchedule(name, principal.getName());
        return ResponseEntity.created(URI.create(issued.path())).body(issued);
    }

    @DeleteMapping("/api/v1/schedules/{name}/feeds/{id}")
    CalendarFeed revokeScheduleFeed(@PathVariable String name, @PathVariable long id) {
        return feeds.revokeScheduleFeed(name, id);
    }

    @GetMapping("/api/v1/me/feeds")
    List<CalendarFeed> myFeeds(Principal principal) {
        return feeds.ofUser(principal.getName());
    }

    @PostMapping("/api/v1/me/feeds")
    ResponseEntity<CalendarFeed.Issued> createMyFeed(Principal principal) {
        CalendarFeed.Issued issued = feeds.forUser(principal.getName());
        return ResponseEntity.created(URI.create(issued.path())).body(issued);
    }

    @DeleteMapping("/api/v1/me/feeds/{id}")
    CalendarFeed revokeMyFeed(@PathVariable long id, Principal principal) {
        return feeds.revokeUserFeed(principal.getName(), id);
    }

    /** Public: the token in the path is the credential. Unknown and revoked tokens look the same: 404. */
    @GetMapping("/calendar/{file}")
    ResponseEntity<String> calendar(@PathVariable String file) {
        String token = file.endsWith(".ics") ? file.substring(0, file.length() - 4) : file;
        return feeds.calendar(token)
                .map(ics -> ResponseEntity.ok()
                        .contentType(CALENDAR)
                        .cacheControl(CacheControl.noStore())
                        .body(ics))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping("/api/v1/schedules/{name}/overrides/import")
    ResponseEntity<List<StoredOverride>> importOverrides(
            @PathVariable String name, @RequestBody(required = false) String body, Principal principal) {
        List<StoredOverride> imported = schedules.importOverrides(name, body, principal.getName());
        return ResponseEntity.created(ScheduleController.location(name)).body(imported);
    }
}
