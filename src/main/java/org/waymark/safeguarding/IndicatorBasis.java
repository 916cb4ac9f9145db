package org.waymark.safeguarding;

/** How the officer knows of an indicator: kept so that fact stays apart from opinion. */
public enum IndicatorBasis {
    /** The officer saw it. */
    OBSERVED,
    /** The person said so. */
    DISCLOSED,
    /** Someone else reported it, such as cabin crew. */
    THIRD_PARTY
}
