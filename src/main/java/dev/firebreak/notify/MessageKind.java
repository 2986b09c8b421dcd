package dev.firebreak.notify;

/** What a message is for. */
public enum MessageKind {
    /** A person paged by an escalation step, through one of their rules. */
    PAGE,
    /** An incident's state change, to a team's or service's channel. */
    INCIDENT_UPDATE,
    /** The incident commander: an update is due at the severity's cadence. */
    UPDATE_REMINDER,
    /** The owner of a postmortem action item: it is overdue. */
    ACTION_ITEM_REMINDER,
    /** A code that proves a contact method reaches its owner. */
    VERIFICATION,
    /** A test message an admin or the owner asked for. */
    TEST,
    /**
     * To somebody outside who subscribed to a status page (an email address or a webhook URL),
     * written with its words by the status page; a webhook's body is the JSON as written.
     */
    SUBSCRIBER
}
