package dev.firebreak.web;

import dev.firebreak.oncall.RenderedSchedule;
import dev.firebreak.oncall.RotationLength;
import dev.firebreak.oncall.Schedule;
import dev.firebreak.oncall.ScheduleLayer;
import dev.firebreak.oncall.Schedules;
import dev.firebreak.platform.FirebreakException;
import java.security.Principal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** On-call: schedules with who is on call now, warnings, and each schedule's calendar with its overrides. */
@Controller
class OnCallPages {
    private final Schedules schedules;
    private final Clock clock;

    OnCallPages(Schedules schedules, Clock clock) {
        this.schedules = schedules;
        this.clock = clock;
    }

    @GetMapping("/oncall")
    String list(Model model) {
        model.addAttribute("activeNav", "oncall");
        model.addAttribute("whoList", schedules.who(null, clock.instant()));
        model.addAttribute("warnings", schedules.warnings());
        model.addAttribute(
                "defaultStart",
                LocalDate.now(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) + "T09:00");
        return "oncall";
    }

    /** A one-layer schedule from a form; several layers and restrictions go through the API or the CLI. */
    @PostMapping("/oncall/schedules")
    String create(
            @RequestParam String name,
            @RequestParam String zone,
            @RequestParam(defaultValue = "") String team,
            @RequestParam(defaultValue = "") String members,
            @RequestParam(defaultValue = "weekly") String rotation,
            @RequestParam(defaultValue = "12") int hours,
            @RequestParam String start,
            Principal principal,
            RedirectAttributes redirect) {
        try {
            RotationLength length =
                    switch (rotation) {
                        case "daily" -> RotationLength.daily();
                        case "hours" -> RotationLength.hours(hours);
                        default -> RotationLength.weekly();
                    };
            List<String> people = Arrays.stream(members.split("[,\\s]+"))
                    .filter(s -> !s.isBlank())
                    .toList();
            LocalDateTime first = LocalDateTime.parse(start);
            Schedule created = schedules.create(
                    new Schedule(
                            name.strip(),
                            null,
                            team.isBlank() ? null : team.strip(),
                            Schedules.zone("zone", zone),
                            List.of(new ScheduleLayer("rotation", 1, people, first, length, List.of()))),
                    principal.getName());
            redirect.addFlashAttribute("message", "Schedule " + created.name() + " created.");
            return "redirect:" + page(created.name());
        } catch (FirebreakException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("error", "start is not a local date-time such as 2026-01-05T09:00");
        }
        return "redirect:/oncall";
    }

    @GetMapping("/oncall/schedules/{name}")
    String schedule(
            @PathVariable String name,
            @RequestParam(defaultValue = "week") String view,
            @RequestParam(required = false) String start,
            Model model) {
        Schedule schedule = schedules.get(name);
        ZoneId zone = schedule.zone();
        boolean month = view.equals("month");
        LocalDate anchor;
        try {
            anchor = start == null || start.isBlank() ? LocalDate.now(clock.withZone(zone)) : LocalDate.parse(start);
        } catch (DateTimeParseException e) {
            throw new FirebreakException.BadInput("start", "start is a date such as 2026-01-05");
        }
        LocalDate first =
                (month ? anchor.withDayOfMonth(1) : anchor).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = month
                ? anchor.with(TemporalAdjusters.lastDayOfMonth()).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))
                : first.plusDays(6);
        int weeks = (int) ((last.toEpochDay() - first.toEpochDay() + 1) / 7);
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        RenderedSchedule rendered = schedules.render(name, from, to);
        model.addAttribute("activeNav", "oncall");
        model.addAttribute("schedule", schedule);
        model.addAttribute("view", month ? "month" : "week");
        model.addAttribute("calendar", ScheduleCalendar.of(rendered, zone, first, weeks));
        model.addAttribute("overrides", schedules.overrides(name, from, to));
        model.addAttribute(
                "warnings",
                schedules.warnings().stream()
                        .filter(w -> w.schedule().equals(schedule.name()))
                        .toList());
        model.addAttribute("who", schedules.who(name, clock.instant()).getFirst());
        model.addAttribute("previous", (month ? anchor.minusMonths(1) : first.minusWeeks(1)).toString());
        model.addAttribute("next", (month ? anchor.plusMonths(1) : first.plusWeeks(1)).toString());
        model.addAttribute("anchor", anchor.toString());
        model.addAttribute("today", LocalDate.now(clock.withZone(zone)));
        model.addAttribute(
                "defaultStart",
                LocalDateTime.now(clock.withZone(zone))
                        .withSecond(0)
                        .withNano(0)
                        .toString());
        model.addAttribute("page", page(name));
        return "oncall-schedule";
    }

    /** Times in the form are wall-clock times in the schedule's zone. */
    @PostMapping("/oncall/schedules/{name}/overrides")
    String addOverride(
            @PathVariable String name,
            @RequestParam String username,
            @RequestParam(defaultValue = "") String replaces,
            @RequestParam String start,
            @RequestParam String end,
            Principal principal,
            RedirectAttributes redirect) {
        try {
            ZoneId zone = schedules.get(name).zone();
            schedules.addOverride(
                    name,
                    username.strip(),
                    replaces.isBlank() ? null : replaces.strip(),
                    LocalDateTime.parse(start).atZone(zone).toInstant(),
                    LocalDateTime.parse(end).atZone(zone).toInstant(),
                    principal.getName());
            redirect.addFlashAttribute("message", "Override added.");
        } catch (FirebreakException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("error", "start and end are local date-times such as 2026-01-05T09:00");
        }
        return "redirect:" + page(name);
    }

    @PostMapping("/oncall/schedules/{name}/overrides/{id}/delete")
    String removeOverride(@PathVariable String name, @PathVariable long id, RedirectAttributes redirect) {
        int removed = schedules.removeOverride(name, id).size();
        redirect.addFlashAttribute(
                "message", removed == 2 ? "Both overrides of the swap removed." : "Override removed.");
        return "redirect:" + page(name);
    }

    static String page(String name) {
        return "/oncall/schedules/" + UriUtils.encodePathSegment(name, "UTF-8");
    }
}
