/**
 * Screening: rules people can read and test, watch lists matched by name across scripts, and
 * links between bookings, run over the passenger data of flights operations monitor to find
 * people who may need help. It only suggests: every hit waits for a person's decision, and
 * nothing reaches an officer without one.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "operation", "flight",
        "audit", "passengerdata", "safeguarding" })
package org.waymark.screening;
