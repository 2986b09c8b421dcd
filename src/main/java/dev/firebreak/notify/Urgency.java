package dev.firebreak.notify;

/** Which of a person's rules apply, as in PagerDuty: high for the severities that page at night. */
public enum Urgency {
    HIGH,
    LOW
}
