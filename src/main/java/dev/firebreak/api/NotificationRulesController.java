package dev.firebreak.api;

import dev.firebreak.notify.NotificationRule;
import dev.firebreak.notify.NotificationRules;
import dev.firebreak.notify.Urgency;
import dev.firebreak.platform.FirebreakException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's notification rules ({@code /api/v1/users/{u}/notification-rules}): everybody reads
 * them, like the directory; a person edits their own, admins anybody's. PUT replaces the whole list.
 */
@RestController
@RequestMapping("/api/v1/users/{username}/notification-rules")
class NotificationRulesController {
    private final NotificationRules rules;

    NotificationRulesController(NotificationRules rules) {
        this.rules = rules;
    }

    /** One rule as JSON: {"urgency": "high", "contactMethodId": 12, "delaySeconds": 120}. */
    record RuleJson(Long id, String urgency, Long contactMethodId, Long delaySeconds) {
        static RuleJson of(NotificationRule rule) {
            return new RuleJson(
                    rule.id(),
                    rule.urgency().name().toLowerCase(Locale.ROOT),
                    rule.contactMethodId(),
                    rule.delay().toSeconds());
        }
    }

    record RulesJson(String username, List<RuleJson> rules) {}

    @GetMapping
    RulesJson get(@PathVariable String username) {
        return json(username, rules.rules(username));
    }

    @PutMapping
    RulesJson put(@PathVariable String username, @RequestBody(required = false) RulesJson body, Authentication auth) {
        ContactVerificationController.selfOrAdmin(username, auth);
        if (body == null || body.rules() == null) {
            throw new FirebreakException.BadInput(
                    "rules",
                    "the JSON body is {\"rules\": [{\"urgency\": \"high\", \"contactMethodId\": 1, \"delaySeconds\": 0}]}");
        }
        List<NotificationRule> wanted = new ArrayList<>();
        for (int i = 0; i < body.rules().size(); i++) {
            wanted.add(rule("rules[" + i + "]", body.rules().get(i)));
        }
        return json(username, rules.replace(username, wanted));
    }

    private static NotificationRule rule(String at, RuleJson json) {
        if (json == null) {
            throw new FirebreakException.BadInput(at, at + " is empty");
        }
        Urgency urgency;
        try {
            urgency = json.urgency() == null
                    ? null
                    : Urgency.valueOf(json.urgency().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            urgency = null;
        }
        if (urgency == null) {
            throw new FirebreakException.BadInput(at + ".urgency", at + ": urgency is high or low");
        }
        if (json.contactMethodId() == null) {
            throw new FirebreakException.BadInput(at + ".contactMethodId", at + ": contactMethodId is missing");
        }
        // The range (0 to 24 hours) is the service's to check.
        long seconds = json.delaySeconds() == null ? 0 : json.delaySeconds();
        return new NotificationRule(0, urgency, json.contactMethodId(), Duration.ofSeconds(seconds));
    }

    private static RulesJson json(String username, List<NotificationRule> list) {
        return new RulesJson(username, list.stream().map(RuleJson::of).toList());
    }
}
