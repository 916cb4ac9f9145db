package org.waymark.safeguarding;

/** Whether the person is a child. {@link #NOT_SURE} is treated as a child, as the law requires. */
public enum Under18 {
    YES,
    NO,
    NOT_SURE
}
