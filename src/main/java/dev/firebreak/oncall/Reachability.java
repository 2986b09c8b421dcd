package dev.firebreak.oncall;

/**
 * Whether a page would reach a person, for the schedule warnings. On-call cannot tell (whether a
 * contact method is verified and has a channel is notify's), so notify implements it; without an
 * implementation a person with any contact method counts as reachable.
 */
public interface Reachability {
    /** Whether a high-urgency page to the person would go out over at least one contact method. */
    boolean reachable(String username);
}
