package dev.firebreak.web;

import dev.firebreak.escalation.EscalationFinding;
import dev.firebreak.escalation.EscalationPolicies;
import dev.firebreak.escalation.PolicyOrigin;
import dev.firebreak.escalation.PolicyStep;
import dev.firebreak.escalation.RoleMapping;
import dev.firebreak.escalation.RoleMappings;
import dev.firebreak.escalation.RunbookEscalation;
import dev.firebreak.escalation.RunbookPolicy;
import dev.firebreak.escalation.RunbookRole;
import dev.firebreak.escalation.RunbookSync;
import dev.firebreak.escalation.StepTarget;
import dev.firebreak.escalation.StoredPolicy;
import dev.firebreak.platform.FirebreakException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Escalation: policies with their tiers and runbook sync, findings, and the role mappings form. */
@Controller
class EscalationPages {
    private static final Set<StepTarget.Kind> MAPPABLE =
            Set.of(StepTarget.Kind.SCHEDULE, StepTarget.Kind.USER, StepTarget.Kind.TEAM);

    private final EscalationPolicies policies;
    private final RoleMappings mappings;
    private final RunbookEscalation runbooks;

    EscalationPages(EscalationPolicies policies, RoleMappings mappings, RunbookEscalation runbooks) {
        this.policies = policies;
        this.mappings = mappings;
        this.runbooks = runbooks;
    }

    record StepView(int number, String targets, String delay) {}

    record TierView(String severity, String respond, List<StepView> steps) {}

    record PolicyView(
            StoredPolicy stored,
            String ackTimeout,
            List<TierView> tiers,
            PolicyOrigin origin,
            List<RunbookSync> history) {}

    @GetMapping("/escalation")
    String show(HttpServletRequest request, Model model) {
        Map<String, PolicyOrigin> origins = runbooks.origins().stream()
                .collect(Collectors.toMap(PolicyOrigin::policy, Function.identity(), (a, b) -> a));
        List<RunbookRole> known = runbooks.knownRoles();
        Set<String> knownKeys = known.stream()
                .flatMap(r -> r.spellings().stream())
                .map(RoleMappings::normalize)
                .collect(Collectors.toSet());
        List<RoleMapping> others = mappings.list().stream()
                .filter(m -> !knownKeys.contains(RoleMappings.normalize(m.role())))
                .toList();
        List<EscalationFinding> findings = runbooks.findings();
        model.addAttribute("activeNav", "escalation");
        model.addAttribute(
                "policies",
                policies.list().stream()
                        .map(p -> view(p, origins.get(p.name())))
                        .toList());
        model.addAttribute("findings", findings);
        model.addAttribute("knownRoles", known);
        model.addAttribute(
                "unmappedCount", known.stream().filter(r -> !r.mapped()).count());
        model.addAttribute("otherMappings", others);
        model.addAttribute("kinds", List.of("SCHEDULE", "USER", "TEAM"));
        model.addAttribute("admin", request.isUserInRole("ADMIN"));
        return "escalation";
    }

    @PostMapping("/escalation/roles")
    String mapRole(
            @RequestParam String role,
            @RequestParam String kind,
            @RequestParam(defaultValue = "") String target,
            HttpServletRequest request,
            Principal principal,
            RedirectAttributes redirect) {
        if (admin(request, redirect)) {
            try {
                StepTarget.Kind parsed = kind(kind);
                runbooks.mapRole(role, new StepTarget(parsed, target.strip()), principal.getName());
                redirect.addFlashAttribute(
                        "message",
                        "Role '" + role.strip() + "' pages " + parsed.name().toLowerCase(Locale.ROOT) + " '"
                                + target.strip() + "'.");
            } catch (FirebreakException e) {
                redirect.addFlashAttribute("error", e.getMessage());
            }
        }
        return "redirect:/escalation#roles";
    }

    @PostMapping("/escalation/roles/remove")
    String unmapRole(
            @RequestParam String role, HttpServletRequest request, Principal principal, RedirectAttributes redirect) {
        if (admin(request, redirect)) {
            try {
                runbooks.unmapRole(role, principal.getName());
                redirect.addFlashAttribute("message", "Role '" + role.strip() + "' is no longer mapped.");
            } catch (FirebreakException e) {
                redirect.addFlashAttribute("error", e.getMessage());
            }
        }
        return "redirect:/escalation#roles";
    }

    @PostMapping("/escalation/from-runbook")
    String fromRunbook(
            @RequestParam String slug, HttpServletRequest request, Principal principal, RedirectAttributes redirect) {
        if (admin(request, redirect)) {
            try {
                RunbookPolicy result = runbooks.createFromRunbook(slug.strip(), principal.getName());
                redirect.addFlashAttribute(
                        "message",
                        "Policy '" + result.stored().name() + "' "
                                + (result.change() == null
                                        ? "already follows the runbook."
                                        : switch (result.change()) {
                                            case CREATED -> "created from the runbook.";
                                            case REATTACHED -> "follows the runbook again.";
                                            default -> "updated from the runbook.";
                                        }));
            } catch (FirebreakException e) {
                redirect.addFlashAttribute("error", e.getMessage());
            }
        }
        return "redirect:/escalation";
    }

    private static boolean admin(HttpServletRequest request, RedirectAttributes redirect) {
        if (!request.isUserInRole("ADMIN")) {
            redirect.addFlashAttribute("error", "Only admins can change escalation.");
            return false;
        }
        return true;
    }

    private static StepTarget.Kind kind(String kind) {
        try {
            StepTarget.Kind parsed = StepTarget.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
            if (MAPPABLE.contains(parsed)) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new FirebreakException.BadInput("kind", "a role maps to a schedule, a user or a team");
    }

    private PolicyView view(StoredPolicy stored, PolicyOrigin origin) {
        List<TierView> tiers = stored.policy().tiers().stream()
                .map(tier -> {
                    List<PolicyStep> steps = tier.steps();
                    return new TierView(
                            tier.severity() == null ? "any other" : tier.severity(),
                            tier.responseTarget() == null ? "" : duration(tier.responseTarget()),
                            java.util.stream.IntStream.range(0, steps.size())
                                    .mapToObj(i -> new StepView(
                                            i + 1,
                                            targets(steps.get(i).targets()),
                                            duration(steps.get(i).delay())))
                                    .toList());
                })
                .toList();
        return new PolicyView(
                stored,
                stored.policy().ackTimeout() == null
                        ? "never"
                        : duration(stored.policy().ackTimeout()),
                tiers,
                origin,
                origin == null ? List.of() : runbooks.history(stored.name()));
    }

    /** "role Primary (schedule primary)", "user alice": a role shows what it resolves to. */
    private String targets(List<StepTarget> targets) {
        return targets.stream()
                .map(t -> {
                    String text = t.kind().name().toLowerCase(Locale.ROOT) + " " + t.name();
                    if (t.kind() == StepTarget.Kind.ROLE) {
                        text += mappings.resolve(t.name())
                                .map(end -> " → " + end.kind().name().toLowerCase(Locale.ROOT) + " " + end.name())
                                .orElse(" (unmapped)");
                    }
                    return text;
                })
                .collect(Collectors.joining(", "));
    }

    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds == 0) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        long[] units = {86400, 3600, 60, 1};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (seconds >= units[i]) {
                text.append(seconds / units[i]).append(names[i]);
                seconds %= units[i];
            }
        }
        return text.toString();
    }
}
