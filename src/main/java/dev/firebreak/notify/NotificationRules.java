package dev.firebreak.notify;

import dev.firebreak.notify.internal.ContactChannels;
import dev.firebreak.notify.internal.RuleStore;
import dev.firebreak.oncall.ContactMethod;
import dev.firebreak.oncall.PeopleDirectory;
import dev.firebreak.platform.FirebreakException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's notification rules per urgency ("email at once, push after 2 minutes, webhook after
 * 5"), as in PagerDuty. Without rules for an urgency, a page tries each working contact method in
 * the person's order a minute apart.
 */
@Service
public class NotificationRules {
    /** Enough for every method at a few delays, few enough to read at a glance. */
    public static final int MAX_RULES = 20;
    /** Longer than any escalation step would wait for one person. */
    public static final Duration MAX_DELAY = Duration.ofHours(24);

    private final RuleStore rules;
    private final PeopleDirectory people;
    private final ContactChannels channels;

    NotificationRules(RuleStore rules, PeopleDirectory people, ContactChannels channels) {
        this.rules = rules;
        this.people = people;
        this.channels = channels;
    }

    /** The person's rules, by urgency then delay. */
    public List<NotificationRule> rules(String username) {
        known(username);
        return rules.rules(username);
    }

    /** Replaces all the person's rules at once; one bad rule saves none. */
    @Transactional
    public List<NotificationRule> replace(String username, List<NotificationRule> wanted) {
        known(username);
        if (wanted == null) {
            throw new FirebreakException.BadInput("rules", "give the rules as a list (empty for none)");
        }
        if (wanted.size() > MAX_RULES) {
            throw new FirebreakException.BadInput("rules", wanted.size() + " rules are too many: at most " + MAX_RULES);
        }
        Map<Long, ContactMethod> own = people.contactMethods(username).stream()
                .collect(Collectors.toMap(ContactMethod::id, Function.identity()));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < wanted.size(); i++) {
            NotificationRule rule = wanted.get(i);
            String at = "rules[" + i + "]";
            if (rule == null) {
                throw new FirebreakException.BadInput(at, at + " is empty");
            }
            if (rule.urgency() == null) {
                throw new FirebreakException.BadInput(at + ".urgency", at + ": urgency is high or low");
            }
            Duration delay = rule.delay() == null ? Duration.ZERO : rule.delay();
            if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
                throw new FirebreakException.BadInput(
                        at + ".delaySeconds",
                        at + ": the delay is from 0 to " + MAX_DELAY.toHours() + " hours, not " + delay.toSeconds()
                                + " s");
            }
            ContactMethod method = own.get(rule.contactMethodId());
            if (method == null) {
                throw new FirebreakException.BadInput(
                        at + ".contactMethodId",
                        at + ": contact method " + rule.contactMethodId() + " is not one of " + username + "'s");
            }
            if (channels.channelOf(method.kind()).isEmpty()) {
                throw new FirebreakException.BadInput(
                        at + ".contactMethodId",
                        at + ": " + channels.cannotSend(method.kind()).orElse("nothing is sent to this method"));
            }
            if (!seen.add(rule.urgency() + ":" + rule.contactMethodId() + ":" + delay.toSeconds())) {
                throw new FirebreakException.BadInput(at, at + " repeats an earlier rule");
            }
        }
        rules.replace(
                username,
                wanted.stream()
                        .map(r -> new NotificationRule(
                                0, r.urgency(), r.contactMethodId(), r.delay() == null ? Duration.ZERO : r.delay()))
                        .toList());
        return rules.rules(username);
    }

    private void known(String username) {
        if (!people.userExists(username)) {
            throw new FirebreakException.NotFound("no user '" + username + "'");
        }
    }
}
