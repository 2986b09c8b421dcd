package dev.firebreak.escalation;

/** Delivery state of a page; notify moves it on. */
public enum PageState {
    DUE
}
