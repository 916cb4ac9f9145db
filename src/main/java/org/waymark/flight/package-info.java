/**
 * Airport reference data and the time zone of each port, the flights of an operation (added by hand or imported from a
 * schedule file), which of them are monitored and by whom, and the day's board. It counts no
 * passengers itself: the board asks {@link org.waymark.flight.EngagedPassengers} for them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "operation", "audit" })
package org.waymark.flight;
