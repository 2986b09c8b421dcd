package dev.firebreak.alert;

/** Where a heartbeat monitor stands. */
public enum HeartbeatState {
    /** Created, never pinged: nothing to miss yet (as Healthchecks.io's "new"). */
    NEW,
    /** Pinged within interval + grace. */
    UP,
    /** Missed its ping; its HeartbeatMissed alert fires until the next ping. */
    DOWN,
    /** Not checked: pings are recorded but never raise or resolve anything. */
    PAUSED
}
