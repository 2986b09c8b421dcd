package dev.firebreak.web;

import dev.firebreak.alert.AlertMatcher;
import dev.firebreak.alert.InvalidRouting;
import dev.firebreak.alert.RoutingConfigs;
import dev.firebreak.alert.RoutingProblem;
import dev.firebreak.platform.FirebreakException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Settings > Routing: edit the YAML, validate or save it, and see where a label set would go. */
@Controller
class RoutingPage {
    private final RoutingConfigs routing;

    RoutingPage(RoutingConfigs routing) {
        this.routing = routing;
    }

    @GetMapping("/settings/routing")
    String show(Model model) {
        return page(model, routing.current().yaml(), List.of(), null);
    }

    @PostMapping("/settings/routing")
    String submit(
            @RequestParam String yaml,
            @RequestParam(defaultValue = "validate") String action,
            @RequestParam(defaultValue = "") String labels,
            HttpServletRequest request,
            Principal principal,
            Model model) {
        String text = yaml.replace("\r\n", "\n");
        List<RoutingProblem> problems = routing.validate(text);
        String message = null;
        if (action.equals("save") && problems.isEmpty()) {
            if (!request.isUserInRole("ADMIN")) {
                model.addAttribute("error", "Only admins can save the routing.");
            } else {
                try {
                    message = "Saved as version "
                            + routing.save(text, principal.getName()).version() + ".";
                } catch (InvalidRouting e) {
                    problems = e.problems();
                } catch (FirebreakException e) {
                    model.addAttribute("error", e.getMessage());
                }
            }
        } else if (action.equals("test") && problems.isEmpty()) {
            try {
                model.addAttribute("matches", routing.test(parseLabels(labels), text));
            } catch (AlertMatcher.Invalid e) {
                model.addAttribute("error", e.getMessage());
            }
        } else if (problems.isEmpty()) {
            message = "The configuration is valid.";
        }
        model.addAttribute("labels", labels);
        return page(model, text, problems, message);
    }

    /** {@code alertname=Disk, team=db} or one per line. */
    private static Map<String, String> parseLabels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String part : text.split("[,\\n]")) {
            if (part.isBlank()) {
                continue;
            }
            AlertMatcher m = AlertMatcher.parse(part);
            if (m.op() != AlertMatcher.Op.EQUAL) {
                throw new AlertMatcher.Invalid("labels are name=value, not '" + part.strip() + "'");
            }
            labels.put(m.name(), m.value());
        }
        return labels;
    }

    private String page(Model model, String yaml, List<RoutingProblem> problems, String message) {
        model.addAttribute("activeNav", "settings");
        model.addAttribute("yaml", yaml);
        model.addAttribute("problems", problems);
        model.addAttribute("message", message);
        model.addAttribute("current", routing.current());
        return "routing";
    }
}
