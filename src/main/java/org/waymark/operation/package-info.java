/**
 * Operations (weeks of action): the port, the dates, the focus, the participating agencies and
 * the status, and who may see and change them. Flights, tallies and cases belong elsewhere.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "audit" })
package org.waymark.operation;
