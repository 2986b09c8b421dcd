package dev.firebreak.web;

import dev.firebreak.notify.ContactStatus;
import dev.firebreak.notify.ContactVerification;
import dev.firebreak.notify.NotificationRule;
import dev.firebreak.notify.NotificationRules;
import dev.firebreak.notify.Urgency;
import dev.firebreak.oncall.ContactMethod;
import dev.firebreak.platform.FirebreakException;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account page's notification parts: verifying a contact method with a code, and the
 * person's notification rules (added and removed one at a time, saved as a whole list).
 */
@Controller
class AccountNotifyPages {
    private final ContactVerification verification;
    private final NotificationRules rules;

    AccountNotifyPages(ContactVerification verification, NotificationRules rules) {
        this.verification = verification;
        this.rules = rules;
    }

    /** A rule as the page lists it. */
    record RuleRow(int index, String urgency, String after, String method) {}

    /** Each method's state by id, and the rules in order, for the account page. */
    static void model(
            org.springframework.ui.Model model,
            String username,
            List<ContactMethod> methods,
            ContactVerification verification,
            NotificationRules rules) {
        Map<Long, ContactStatus> status = verification.statuses(username).stream()
                .collect(Collectors.toMap(ContactStatus::contactMethodId, Function.identity()));
        Map<Long, ContactMethod> byId =
                methods.stream().collect(Collectors.toMap(ContactMethod::id, Function.identity()));
        List<NotificationRule> own = rules.rules(username);
        List<RuleRow> rows = new ArrayList<>();
        for (int i = 0; i < own.size(); i++) {
            NotificationRule rule = own.get(i);
            ContactMethod method = byId.get(rule.contactMethodId());
            rows.add(new RuleRow(
                    i,
                    rule.urgency().name().toLowerCase(Locale.ROOT),
                    after(rule.delay()),
                    method == null
                            ? "(removed method " + rule.contactMethodId() + ")"
                            : method.kind().name().toLowerCase(Locale.ROOT) + " " + method.address()));
        }
        model.addAttribute("contactStatus", status);
        model.addAttribute("ruleList", rows);
    }

    @PostMapping("/account/contact-methods/{id}/verification")
    String sendCode(Principal principal, @PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, id, () -> {
            var sent = verification.request(principal.getName(), id, principal.getName());
            return "Code sent to " + sent.address() + ". It works for " + ContactVerification.CODE_LIFETIME.toMinutes()
                    + " minutes.";
        });
    }

    @PostMapping("/account/contact-methods/{id}/verification/confirm")
    String confirm(
            Principal principal,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String code,
            RedirectAttributes redirect) {
        return act(redirect, id, () -> {
            ContactStatus status = verification.confirm(principal.getName(), id, code, principal.getName());
            return status.address() + " is verified: pages can reach you there.";
        });
    }

    @PostMapping("/account/rules")
    String addRule(
            Principal principal,
            @RequestParam(defaultValue = "high") String urgency,
            @RequestParam(defaultValue = "0") long contactMethodId,
            @RequestParam(defaultValue = "0") long delayMinutes,
            RedirectAttributes redirect) {
        return act(redirect, null, () -> {
            Urgency level = "low".equalsIgnoreCase(urgency) ? Urgency.LOW : Urgency.HIGH;
            List<NotificationRule> list = new ArrayList<>(rules.rules(principal.getName()));
            list.add(new NotificationRule(0, level, contactMethodId, Duration.ofMinutes(delayMinutes)));
            rules.replace(principal.getName(), list);
            return "Rule added.";
        });
    }

    @PostMapping("/account/rules/{index}/remove")
    String removeRule(Principal principal, @PathVariable int index, RedirectAttributes redirect) {
        return act(redirect, null, () -> {
            List<NotificationRule> list = new ArrayList<>(rules.rules(principal.getName()));
            if (index < 0 || index >= list.size()) {
                throw new FirebreakException.NotFound("no rule " + (index + 1));
            }
            list.remove(index);
            rules.replace(principal.getName(), list);
            return "Rule removed.";
        });
    }

    static String after(Duration delay) {
        long minutes = delay.toMinutes();
        if (delay.isZero()) {
            return "at once";
        }
        if (delay.toSeconds() % 60 != 0) {
            return "after " + delay.toSeconds() + " s";
        }
        return minutes % 60 == 0 ? "after " + minutes / 60 + " h" : "after " + minutes + " min";
    }

    private static String act(RedirectAttributes redirect, Long method, java.util.function.Supplier<String> action) {
        return Flash.then(
                redirect, "/account" + (method == null ? "#notification-rules" : "#contact-" + method), action);
    }
}
